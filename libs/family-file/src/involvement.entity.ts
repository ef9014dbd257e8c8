import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { FamilyEntity } from './family.entity';

/**
 * An organisation works with a family from `startsOn` up to the day before `endsOn` (open when
 * null): the rule is `isInvolvedOn` in involved-on.ts.
 * The dates stay in plaintext: the access rule needs them before anything is decrypted.
 */
@Entity({ name: 'involvement' })
@Index('involvement_one_case_director_idx', ['familyId'], { unique: true, where: 'case_direction AND ends_on IS NULL' })
@Index('involvement_organisation_family_idx', ['organisationId', 'familyId'])
export class InvolvementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('involvement_family_idx')
  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'involvement_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'involvement_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  @Column('uuid', { name: 'contact_professional_id', nullable: true })
  contactProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_professional_id', foreignKeyConstraintName: 'involvement_contact_professional_fk' })
  contactProfessional?: Relation<ProfessionalEntity>;

  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Column('date', { name: 'ends_on', nullable: true })
  endsOn!: string | null;

  /** Casusregie: at most one open involvement per family holds it (enforced by a unique partial index). */
  @Column('boolean', { name: 'case_direction', default: false })
  caseDirection!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
