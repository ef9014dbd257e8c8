import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FamilyMemberEntity } from './family-member.entity';

/** Gezag: this adult member holds parental authority over that child member. */
@Entity({ name: 'parental_authority' })
export class ParentalAuthorityEntity {
  @PrimaryColumn('uuid', { name: 'adult_member_id' })
  adultMemberId!: string;

  @PrimaryColumn('uuid', { name: 'child_member_id' })
  childMemberId!: string;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'adult_member_id', foreignKeyConstraintName: 'parental_authority_adult_fk' })
  adult?: Relation<FamilyMemberEntity>;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_member_id', foreignKeyConstraintName: 'parental_authority_child_fk' })
  child?: Relation<FamilyMemberEntity>;
}
