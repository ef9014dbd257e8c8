import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FamilyEntity } from './family.entity';
import { FamilyMemberEntity } from './family-member.entity';

/**
 * A member's request for another case director (DESIGN.md §9): it reaches the team leads of
 * the organisations involved (for now a list they read; the escalation issue gives it a queue).
 */
@Entity({ name: 'case_director_request' })
@Index('case_director_request_family_idx', ['familyId', 'requestedAt'])
export class CaseDirectorRequestEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'case_director_request_family_fk' })
  family?: Relation<FamilyEntity>;

  /** The member who asked. */
  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'case_director_request_member_fk' })
  member?: Relation<FamilyMemberEntity>;

  /** Why, in the member's own words: encrypted with the family's data key. */
  @Column('bytea', { name: 'reason_ciphertext' })
  reasonCiphertext!: Buffer;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;
}
