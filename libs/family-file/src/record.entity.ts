import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { FamilyMemberEntity } from './family-member.entity';
import { FamilyEntity } from './family.entity';

/**
 * An entry in the family file, written by one source: an organisation, or the family itself
 * (a member's own words, our story: `authorMemberId`). Each field of its section is encrypted
 * on its own, so the access rule can release one field and keep the next: `encryptedFields`
 * maps field name to base64 ciphertext.
 */
@Entity({ name: 'record' })
@Check('record_one_source_check', '(source_organisation_id IS NULL) <> (author_member_id IS NULL)')
export class RecordEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('record_family_idx')
  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'record_family_fk' })
  family?: Relation<FamilyEntity>;

  /** The organisation that wrote it; null when the family did (then `authorMemberId` names the member). */
  @Column('uuid', { name: 'source_organisation_id', nullable: true })
  sourceOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_organisation_id', foreignKeyConstraintName: 'record_source_organisation_fk' })
  sourceOrganisation?: Relation<OrganisationEntity>;

  @Column('uuid', { name: 'author_professional_id', nullable: true })
  authorProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_professional_id', foreignKeyConstraintName: 'record_author_professional_fk' })
  authorProfessional?: Relation<ProfessionalEntity>;

  /** The member who wrote it, for a record whose source is the family (our story); null for an organisation's. */
  @Column('uuid', { name: 'author_member_id', nullable: true })
  authorMemberId!: string | null;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_member_id', foreignKeyConstraintName: 'record_author_member_fk' })
  authorMember?: Relation<FamilyMemberEntity>;

  /**
   * The earlier version this record replaces (a story written again); null for a first version
   * and for every organisation's record. Each version is replaced at most once (a unique index).
   */
  @Index('record_supersedes_idx', { unique: true, where: 'supersedes_record_id IS NOT NULL' })
  @Column('uuid', { name: 'supersedes_record_id', nullable: true })
  supersedesRecordId!: string | null;

  @ManyToOne(() => RecordEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supersedes_record_id', foreignKeyConstraintName: 'record_supersedes_fk' })
  supersedes?: Relation<RecordEntity>;

  /** One of the section types (e.g. `DebtSituation`); fixes which fields exist and their categories. */
  @Column('text', { name: 'section_type' })
  sectionType!: string;

  @Column('jsonb', { name: 'encrypted_fields' })
  encryptedFields!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
