import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { DataCategory } from './data-category';
import { FamilyEntity } from './family.entity';

/**
 * An emergency (break-glass) grant: a professional who fears for a child's safety and
 * cannot ask opens it on a family, with a written justification, for CHILD_PROTECTION and
 * the categories CONTACT, HOUSEHOLD and SAFETY, for at most four hours. Every use is
 * flagged in the access log; a privacy officer must review every grant.
 */
@Entity({ name: 'break_glass_grant' })
@Index('break_glass_family_idx', ['familyId', 'expiresAt'])
@Index('break_glass_organisation_idx', ['organisationId', 'openedAt'])
@Check('break_glass_duration_check', "expires_at > opened_at AND expires_at <= opened_at + interval '4 hours'")
@Check('break_glass_consulted_check', 'consulted_professional_id IS NULL OR consulted_professional_id <> professional_id')
@Check('break_glass_deferral_check', '(notice_deferred_until IS NULL) = (notice_deferral_reason_ciphertext IS NULL) AND (notice_deferred_until IS NULL) = (notice_deferred_by_professional_id IS NULL) AND (notice_deferred_until IS NULL) = (notice_deferred_at IS NULL)')
export class BreakGlassGrantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'break_glass_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('uuid', { name: 'professional_id' })
  professionalId!: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'break_glass_professional_fk' })
  professional?: Relation<ProfessionalEntity>;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'break_glass_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  /** Free text about a family in crisis: encrypted with the family's data key. */
  @Column('bytea', { name: 'justification_ciphertext' })
  justificationCiphertext!: Buffer;

  @Column('text')
  purpose!: string;

  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category', array: true })
  categories!: DataCategory[];

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  /** JUSTIFIED or UNJUSTIFIED once a privacy officer reviewed it. */
  @Column('text', { name: 'review_verdict', nullable: true })
  reviewVerdict!: string | null;

  @Column('bytea', { name: 'review_note_ciphertext', nullable: true })
  reviewNoteCiphertext!: Buffer | null;

  @Column('uuid', { name: 'reviewed_by_professional_id', nullable: true })
  reviewedByProfessionalId!: string | null;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;

  /**
   * The colleague consulted before opening (the *meldcode*): a professional of an organisation
   * involved that day, or of Veilig Thuis. Required since issue 19; null on grants opened before.
   */
  @Column('uuid', { name: 'consulted_professional_id', nullable: true })
  consultedProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consulted_professional_id', foreignKeyConstraintName: 'break_glass_consulted_fk' })
  consultedProfessional?: Relation<ProfessionalEntity>;

  /**
   * The members the grant is about (the children the professional fears for; by default every
   * minor of the family). The family's notice goes to the members in reach of these, and of any
   * member whose data was read under the grant (docs/break-glass.md). Empty on grants opened before.
   */
  @Column('uuid', { name: 'concerned_member_ids', array: true, default: () => "'{}'" })
  concernedMemberIds!: string[];

  /** Until when an officer deferred the family's notice; null when not deferred. The deferral ends by itself then. */
  @Column('timestamptz', { name: 'notice_deferred_until', nullable: true })
  noticeDeferredUntil!: Date | null;

  /** Why the notice was deferred: encrypted with the family's data key. */
  @Column('bytea', { name: 'notice_deferral_reason_ciphertext', nullable: true })
  noticeDeferralReasonCiphertext!: Buffer | null;

  @Column('uuid', { name: 'notice_deferred_by_professional_id', nullable: true })
  noticeDeferredByProfessionalId!: string | null;

  @Column('timestamptz', { name: 'notice_deferred_at', nullable: true })
  noticeDeferredAt!: Date | null;
}
