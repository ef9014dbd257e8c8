import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ConsentEntity } from '@kring/consent';
import { FamilyEntity, FamilyMemberEntity, InvolvementEntity } from '@kring/family-file';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { ServiceEntity } from '@kring/social-map';
import { ReferralStatus } from './referral-vocabulary';

/**
 * A referral (DESIGN.md §9, *verwijzing*; docs/referral.md): a professional of an organisation
 * involved with the family refers one member to a service on the social map. The row is the
 * proposed involvement of the service's organisation: no involvement exists until it accepts,
 * so no rule that asks "involved today" can see it before then. It carries the consent it needs
 * (`consentId`, proposed with the referral). What the rules decide on is in clear columns; the
 * referrer's note and the reason of a refusal are sealed with the family's data key, bound to
 * the row, and destroyed with the family. The waiting time is the service's at the moment of
 * referral, kept as it was then.
 */
@Entity({ name: 'referral' })
@Index('referral_family_idx', ['familyId', 'referredAt'])
@Index('referral_receiving_idx', ['receivingOrganisationId', 'referredAt'])
@Check('referral_answered', "(status = 'PROPOSED') = (answered_at IS NULL)")
@Check('referral_involvement_on_acceptance', "(status = 'ACCEPTED') = (involvement_id IS NOT NULL)")
@Check('referral_waiting_time_dated', '(waiting_weeks IS NULL) = (waiting_stated_on IS NULL)')
@Check('referral_not_to_itself', 'receiving_organisation_id <> referring_organisation_id')
export class ReferralEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'referral_family_fk' })
  family?: Relation<FamilyEntity>;

  /** The member referred. */
  @Column('uuid', { name: 'subject_member_id' })
  subjectMemberId!: string;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_member_id', foreignKeyConstraintName: 'referral_subject_member_fk' })
  subjectMember?: Relation<FamilyMemberEntity>;

  /** The service on the social map (never deleted; a withdrawn one keeps its referrals). */
  @Column('uuid', { name: 'service_id' })
  serviceId!: string;

  @ManyToOne(() => ServiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'referral_service_fk' })
  service?: Relation<ServiceEntity>;

  /** The service's organisation: the consent's recipient, involved once it accepts. */
  @Column('uuid', { name: 'receiving_organisation_id' })
  receivingOrganisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'receiving_organisation_id', foreignKeyConstraintName: 'referral_receiving_organisation_fk' })
  receivingOrganisation?: Relation<OrganisationEntity>;

  /** The referrer's organisation, involved with the family on the day of referral: the source of the note. */
  @Column('uuid', { name: 'referring_organisation_id' })
  referringOrganisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referring_organisation_id', foreignKeyConstraintName: 'referral_referring_organisation_fk' })
  referringOrganisation?: Relation<OrganisationEntity>;

  @Column('uuid', { name: 'referred_by_professional_id' })
  referredByProfessionalId!: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referred_by_professional_id', foreignKeyConstraintName: 'referral_referred_by_professional_fk' })
  referredByProfessional?: Relation<ProfessionalEntity>;

  /** The consent proposed with the referral (recipient: the receiving organisation). */
  @Index('referral_consent_idx', { unique: true })
  @Column('uuid', { name: 'consent_id' })
  consentId!: string;

  @ManyToOne(() => ConsentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consent_id', foreignKeyConstraintName: 'referral_consent_fk' })
  consent?: Relation<ConsentEntity>;

  /** The purpose the referrer proposed (the catalogue's code), as on the consent. */
  @Column('text')
  purpose!: string;

  @Column({ type: 'enum', enum: ReferralStatus, enumName: 'referral_status' })
  status!: ReferralStatus;

  @Column('timestamptz', { name: 'referred_at' })
  referredAt!: Date;

  /** The service's waiting time at referral, in weeks, and the day the service had stated it; null when it stated none. */
  @Column('smallint', { name: 'waiting_weeks', nullable: true })
  waitingWeeks!: number | null;

  @Column('date', { name: 'waiting_stated_on', nullable: true })
  waitingStatedOn!: string | null;

  /** The referrer's note: encrypted with the family's data key; null when none, or once the family is erased. */
  @Column('bytea', { name: 'note_ciphertext', nullable: true })
  noteCiphertext!: Buffer | null;

  /** When it was accepted, declined or withdrawn. */
  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  @Column('uuid', { name: 'answered_by_professional_id', nullable: true })
  answeredByProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by_professional_id', foreignKeyConstraintName: 'referral_answered_by_professional_fk' })
  answeredByProfessional?: Relation<ProfessionalEntity>;

  /** Why it was declined: encrypted likewise. */
  @Column('bytea', { name: 'decline_reason_ciphertext', nullable: true })
  declineReasonCiphertext!: Buffer | null;

  /** The involvement acceptance made (or found running): set exactly when accepted. */
  @Column('uuid', { name: 'involvement_id', nullable: true })
  involvementId!: string | null;

  @ManyToOne(() => InvolvementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'involvement_id', foreignKeyConstraintName: 'referral_involvement_fk' })
  involvement?: Relation<InvolvementEntity>;
}
