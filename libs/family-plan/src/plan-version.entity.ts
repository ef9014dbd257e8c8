import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FamilyEntity } from '@kring/family-file';
import type { PlanChange } from './plan-vocabulary';

/**
 * One version of a family's plan: who made it, when, and which item it added or changed.
 * Every write to the plan is exactly one version, numbered from 1 per family; appended,
 * never changed. Who wrote it is named by id: a member, or a professional and their organisation.
 */
@Entity({ name: 'family_plan_version' })
export class FamilyPlanVersionEntity {
  @PrimaryColumn('uuid', { name: 'family_id' })
  familyId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'family_plan_version_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('text')
  change!: PlanChange;

  /** The item added or changed (its id across versions). */
  @Column('uuid', { name: 'item_id' })
  itemId!: string;

  @Column('uuid', { name: 'author_member_id', nullable: true })
  authorMemberId!: string | null;

  @Column('uuid', { name: 'author_professional_id', nullable: true })
  authorProfessionalId!: string | null;

  @Column('uuid', { name: 'author_organisation_id', nullable: true })
  authorOrganisationId!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
