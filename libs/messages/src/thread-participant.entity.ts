import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique, type Relation } from 'typeorm';
import { FamilyEntity, FamilyMemberEntity } from '@kring/family-file';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { ThreadEntity } from './thread.entity';

/**
 * Who takes part in a thread: a professional named when it started (with their organisation),
 * or a member who joined. Taking part is what lets one read and post; whether a professional
 * then reads is the access rule's, at every request. `readUpTo` is their read marker: the
 * sequence number of the last message they were served.
 */
@Entity({ name: 'thread_participant' })
@Index('thread_participant_family_idx', ['familyId'])
@Unique('thread_participant_professional_key', ['threadId', 'professionalId'])
@Unique('thread_participant_member_key', ['threadId', 'memberId'])
@Check('thread_participant_one_party', '(member_id IS NULL) <> (professional_id IS NULL)')
export class ThreadParticipantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'thread_id' })
  threadId!: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_participant_thread_fk' })
  thread?: Relation<ThreadEntity>;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'thread_participant_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('uuid', { name: 'member_id', nullable: true })
  memberId!: string | null;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'thread_participant_member_fk' })
  member?: Relation<FamilyMemberEntity>;

  @Column('uuid', { name: 'professional_id', nullable: true })
  professionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'thread_participant_professional_fk' })
  professional?: Relation<ProfessionalEntity>;

  /** A professional's organisation: the one the rule decides for. */
  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'thread_participant_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  @Column('timestamptz', { name: 'joined_at' })
  joinedAt!: Date;

  /** The sequence number of the last message served to them (0: none yet). */
  @Column('integer', { name: 'read_up_to', default: 0 })
  readUpTo!: number;
}
