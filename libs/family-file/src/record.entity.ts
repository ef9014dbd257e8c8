import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { FamilyEntity } from './family.entity';

/**
 * An entry in the family file, written by one source organisation. Each field of
 * its section is encrypted on its own, so the access rule can release one field
 * and keep the next: `encryptedFields` maps field name to base64 ciphertext.
 */
@Entity({ name: 'record' })
export class RecordEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('record_family_idx')
  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'record_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('uuid', { name: 'source_organisation_id' })
  sourceOrganisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_organisation_id', foreignKeyConstraintName: 'record_source_organisation_fk' })
  sourceOrganisation?: Relation<OrganisationEntity>;

  @Column('uuid', { name: 'author_professional_id', nullable: true })
  authorProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_professional_id', foreignKeyConstraintName: 'record_author_professional_fk' })
  authorProfessional?: Relation<ProfessionalEntity>;

  /** One of the section types (e.g. `DebtSituation`); fixes which fields exist and their categories. */
  @Column('text', { name: 'section_type' })
  sectionType!: string;

  @Column('jsonb', { name: 'encrypted_fields' })
  encryptedFields!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
