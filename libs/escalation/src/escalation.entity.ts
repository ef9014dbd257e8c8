import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DataCategory, FamilyEntity, FamilyMemberEntity } from '@kring/family-file';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { BlockingKind, EscalationKind } from './escalation-vocabulary';

/**
 * An escalation (DESIGN.md §9, *doorbraak*): someone says the family's situation is stuck, and
 * the team leads of the involved organisations decide a breakthrough. What the rules decide on
 * is in clear columns (whom it is about, its category and purpose, who raised it, who took it
 * on, when); what blocks, what was tried and the decision are sealed with the family's data key,
 * bound to the row, and destroyed with the family. Its status follows from the columns: open,
 * taken on (`takenOnAt`), decided (`decidedAt`). A decision is never changed (a trigger).
 */
@Entity({ name: 'escalation' })
@Index('escalation_family_idx', ['familyId', 'raisedAt'])
@Index('escalation_undecided_idx', ['raisedAt'], { where: 'decided_at IS NULL' })
@Check('escalation_one_raiser', '(raised_by_member_id IS NULL) <> (raised_by_professional_id IS NULL)')
@Check('escalation_decided_after_taken_on', 'decided_at IS NULL OR taken_on_at IS NOT NULL')
export class EscalationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'escalation_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column({ type: 'enum', enum: EscalationKind, enumName: 'escalation_kind' })
  kind!: EscalationKind;

  /** The members it is about: within the raising member's reach, or those the professional names. */
  @Column('uuid', { name: 'subject_member_ids', array: true })
  subjectMemberIds!: string[];

  /** What it touches, for the access rule: the raiser's choice (a professional's), OWN_WORDS for a member's. */
  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category' })
  category!: DataCategory;

  /** The purpose its texts are read for (the catalogue's code): the raising professional's; CASE_COORDINATION for a member's. */
  @Column('text')
  purpose!: string;

  @Column({ type: 'enum', enum: BlockingKind, enumName: 'escalation_blocking_kind', name: 'blocking_kind' })
  blockingKind!: BlockingKind;

  /** The organisation that blocks, when the raiser names one. */
  @Column('uuid', { name: 'blocking_organisation_id', nullable: true })
  blockingOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'blocking_organisation_id', foreignKeyConstraintName: 'escalation_blocking_organisation_fk' })
  blockingOrganisation?: Relation<OrganisationEntity>;

  /** What blocks, in the raiser's words: encrypted with the family's data key; null once the family is erased. */
  @Column('bytea', { name: 'blocks_ciphertext', nullable: true })
  blocksCiphertext!: Buffer | null;

  /** What was tried: encrypted likewise. */
  @Column('bytea', { name: 'tried_ciphertext', nullable: true })
  triedCiphertext!: Buffer | null;

  @Column('uuid', { name: 'raised_by_member_id', nullable: true })
  raisedByMemberId!: string | null;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'raised_by_member_id', foreignKeyConstraintName: 'escalation_raised_by_member_fk' })
  raisedByMember?: Relation<FamilyMemberEntity>;

  @Column('uuid', { name: 'raised_by_professional_id', nullable: true })
  raisedByProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by_professional_id', foreignKeyConstraintName: 'escalation_raised_by_professional_fk' })
  raisedByProfessional?: Relation<ProfessionalEntity>;

  /** The raising professional's organisation: the source of what they wrote, for the access rule. */
  @Column('uuid', { name: 'raised_by_organisation_id', nullable: true })
  raisedByOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by_organisation_id', foreignKeyConstraintName: 'escalation_raised_by_organisation_fk' })
  raisedByOrganisation?: Relation<OrganisationEntity>;

  @Column('timestamptz', { name: 'raised_at' })
  raisedAt!: Date;

  /** The last day of the decision deadline (Dutch calendar): a number of working days after the day it was raised. */
  @Column('date', { name: 'due_on' })
  dueOn!: string;

  @Column('uuid', { name: 'taken_on_by_professional_id', nullable: true })
  takenOnByProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'taken_on_by_professional_id', foreignKeyConstraintName: 'escalation_taken_on_by_professional_fk' })
  takenOnByProfessional?: Relation<ProfessionalEntity>;

  @Column('uuid', { name: 'taken_on_by_organisation_id', nullable: true })
  takenOnByOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'taken_on_by_organisation_id', foreignKeyConstraintName: 'escalation_taken_on_by_organisation_fk' })
  takenOnByOrganisation?: Relation<OrganisationEntity>;

  @Column('timestamptz', { name: 'taken_on_at', nullable: true })
  takenOnAt!: Date | null;

  @Column('uuid', { name: 'decided_by_professional_id', nullable: true })
  decidedByProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_professional_id', foreignKeyConstraintName: 'escalation_decided_by_professional_fk' })
  decidedByProfessional?: Relation<ProfessionalEntity>;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  /** What is decided: encrypted with the family's data key. */
  @Column('bytea', { name: 'decision_ciphertext', nullable: true })
  decisionCiphertext!: Buffer | null;

  /** What rule or scheme is set aside: encrypted likewise. */
  @Column('bytea', { name: 'set_aside_ciphertext', nullable: true })
  setAsideCiphertext!: Buffer | null;

  /** On whose authority: encrypted likewise. */
  @Column('bytea', { name: 'authority_ciphertext', nullable: true })
  authorityCiphertext!: Buffer | null;

  /** A budget the decision makes available, in euro cents (its decimal digits): encrypted likewise; null when none. */
  @Column('bytea', { name: 'budget_ciphertext', nullable: true })
  budgetCiphertext!: Buffer | null;
}
