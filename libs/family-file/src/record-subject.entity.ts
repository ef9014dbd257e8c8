import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FamilyMemberEntity } from './family-member.entity';
import { RecordEntity } from './record.entity';

/** A member a record is about. A record about several members is shared only when every one of them consents. */
@Entity({ name: 'record_subject' })
export class RecordSubjectEntity {
  @PrimaryColumn('uuid', { name: 'record_id' })
  recordId!: string;

  @Index('record_subject_member_idx')
  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId!: string;

  @ManyToOne(() => RecordEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'record_id', foreignKeyConstraintName: 'record_subject_record_fk' })
  record?: Relation<RecordEntity>;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'record_subject_member_fk' })
  member?: Relation<FamilyMemberEntity>;
}
