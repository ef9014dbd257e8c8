import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DataCategory, FamilyEntity, FamilyMemberEntity } from '@kring/family-file';
import { Domain, OrganisationEntity, ProfessionalEntity } from '@kring/identity';

/**
 * A consent, stored in the shape of a consent receipt (ISO/IEC TS 27560, Kantara):
 * the id is the receipt id; principal is the subject member; controller and
 * recipient are organisations; purposes and categories are catalogue codes.
 * Its state is derived at each access: PENDING until the signatures required by
 * the subject's capacity are there, ACTIVE within its validity, REVOKED, EXPIRED.
 * Categories, purposes and dates stay in plaintext: the access rule decides on
 * them before anything is decrypted.
 */
@Entity({ name: 'consent' })
@Index('consent_family_subject_idx', ['familyId', 'subjectMemberId'])
@Check('consent_one_recipient_check', '(recipient_organisation_id IS NULL) <> (recipient_domain IS NULL)')
@Check('consent_validity_check', 'valid_until > valid_from')
@Check('consent_one_author_check', '(granted_by_member_id IS NULL) <> (proposed_by_professional_id IS NULL)')
export class ConsentEntity {
  /** The consent receipt id. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'consent_family_fk' })
  family?: Relation<FamilyEntity>;

  /** The principal: the member the data is about. */
  @Column('uuid', { name: 'subject_member_id' })
  subjectMemberId!: string;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_member_id', foreignKeyConstraintName: 'consent_subject_member_fk' })
  subjectMember?: Relation<FamilyMemberEntity>;

  /** Exactly one of recipient organisation or recipient domain is set (a check constraint says so). */
  @Column('uuid', { name: 'recipient_organisation_id', nullable: true })
  recipientOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_organisation_id', foreignKeyConstraintName: 'consent_recipient_organisation_fk' })
  recipientOrganisation?: Relation<OrganisationEntity>;

  @Column({ type: 'enum', enum: Domain, enumName: 'organisation_domain', name: 'recipient_domain', nullable: true })
  recipientDomain!: Domain | null;

  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category', array: true })
  categories!: DataCategory[];

  /** Purpose codes from the catalogue. */
  @Column('text', { array: true })
  purposes!: string[];

  @Column('timestamptz', { name: 'valid_from' })
  validFrom!: Date;

  @Column('timestamptz', { name: 'valid_until' })
  validUntil!: Date;

  /** The member who filed the consent (the first signature); null for one a professional proposed. */
  @Column('uuid', { name: 'granted_by_member_id', nullable: true })
  grantedByMemberId!: string | null;

  /**
   * The professional who proposed it (a referral, docs/referral.md); null for one a member granted.
   * A proposal carries no signature: it is PENDING until those the capacity rule names sign it.
   */
  @Column('uuid', { name: 'proposed_by_professional_id', nullable: true })
  proposedByProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by_professional_id', foreignKeyConstraintName: 'consent_proposed_by_professional_fk' })
  proposedByProfessional?: Relation<ProfessionalEntity>;

  /** Receipt field: how the consent was collected, e.g. `KRING_PORTAL`, `KRING_API`, `PAPER_FORM`. */
  @Column('text', { name: 'collection_method' })
  collectionMethod!: string;

  /** Receipt field: version of the purpose catalogue the purposes refer to. */
  @Column('text', { name: 'policy_version' })
  policyVersion!: string;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('uuid', { name: 'revoked_by_member_id', nullable: true })
  revokedByMemberId!: string | null;

  /** The reason the member gave, if any: free text, so encrypted with the family's data key. */
  @Column('bytea', { name: 'revocation_reason_ciphertext', nullable: true })
  revocationReasonCiphertext!: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
