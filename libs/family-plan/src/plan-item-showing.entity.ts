import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FamilyEntity, FamilyMemberEntity } from '@kring/family-file';

/**
 * A member's choice to show a plan item to the whole family (DESIGN.md §9). An item is shown
 * family-wide once, for each of its subjects, the members whose say counts by capacity chose
 * so (policy's family-plan.ts). Taking the choice back deletes the row.
 */
@Entity({ name: 'family_plan_item_showing' })
export class FamilyPlanItemShowingEntity {
  /** The item across its versions. */
  @PrimaryColumn('uuid', { name: 'item_id' })
  itemId!: string;

  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId!: string;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'family_plan_item_showing_member_fk' })
  member?: Relation<FamilyMemberEntity>;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'family_plan_item_showing_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('timestamptz', { name: 'chosen_at' })
  chosenAt!: Date;
}
