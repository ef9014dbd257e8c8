import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique, type Relation } from 'typeorm';
import { FamilyEntity, FamilyMemberEntity } from '@kring/family-file';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { ThreadEntity } from './thread.entity';

/**
 * One message of a thread, numbered 1, 2, 3 ... within it. Never edited: its text is sealed
 * with the family's data key, bound to the thread and the message, and the only change a
 * message knows is its withdrawal, which destroys the ciphertext (`bodyCiphertext` null) and
 * leaves the tombstone: who wrote it, when, and when it was withdrawn (by its author). A
 * trigger refuses any other change (migration AddMessages).
 */
@Entity({ name: 'thread_message' })
@Index('thread_message_family_idx', ['familyId'])
@Unique('thread_message_sequence_key', ['threadId', 'sequence'])
@Check('thread_message_one_author', '(author_member_id IS NULL) <> (author_professional_id IS NULL)')
@Check('thread_message_withdrawn_holds_nothing', 'withdrawn_at IS NULL OR body_ciphertext IS NULL')
export class ThreadMessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'thread_id' })
  threadId!: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_message_thread_fk' })
  thread?: Relation<ThreadEntity>;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'thread_message_family_fk' })
  family?: Relation<FamilyEntity>;

  /** Its place in the thread: 1 for the first message. */
  @Column('integer')
  sequence!: number;

  @Column('uuid', { name: 'author_member_id', nullable: true })
  authorMemberId!: string | null;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_member_id', foreignKeyConstraintName: 'thread_message_author_member_fk' })
  authorMember?: Relation<FamilyMemberEntity>;

  @Column('uuid', { name: 'author_professional_id', nullable: true })
  authorProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_professional_id', foreignKeyConstraintName: 'thread_message_author_professional_fk' })
  authorProfessional?: Relation<ProfessionalEntity>;

  /** The author's organisation, when a professional wrote it. */
  @Column('uuid', { name: 'author_organisation_id', nullable: true })
  authorOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_organisation_id', foreignKeyConstraintName: 'thread_message_author_organisation_fk' })
  authorOrganisation?: Relation<OrganisationEntity>;

  /** The text, encrypted with the family's data key; null once withdrawn or the family erased. */
  @Column('bytea', { name: 'body_ciphertext', nullable: true })
  bodyCiphertext!: Buffer | null;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt!: Date;

  /** When its author withdrew it; the tombstone keeps who and when, never what. */
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;
}
