import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FamilyMemberEntity } from '@kring/family-file';
import { ConsentEntity } from './consent.entity';

/** In what capacity a member signed: as the subject, or as a parent holding authority over the subject. */
export enum SignatureCapacity {
  SUBJECT = 'SUBJECT',
  PARENT_WITH_AUTHORITY = 'PARENT_WITH_AUTHORITY',
}

/** One signature on a consent. Whether the signatures suffice is judged at each access, by the subject's age that day. */
@Entity({ name: 'consent_signature' })
export class ConsentSignatureEntity {
  @PrimaryColumn('uuid', { name: 'consent_id' })
  consentId!: string;

  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId!: string;

  @ManyToOne(() => ConsentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consent_id', foreignKeyConstraintName: 'consent_signature_consent_fk' })
  consent?: Relation<ConsentEntity>;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'consent_signature_member_fk' })
  member?: Relation<FamilyMemberEntity>;

  @Column({ type: 'enum', enum: SignatureCapacity, enumName: 'signature_capacity' })
  capacity!: SignatureCapacity;

  @Column('timestamptz', { name: 'signed_at' })
  signedAt!: Date;
}
