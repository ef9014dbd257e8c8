import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DataCategory, FamilyEntity, FamilyMemberEntity } from '@kring/family-file';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import type { PlanActorKind, PlanItemKind } from './plan-vocabulary';

/**
 * One version of one item of the family plan (DESIGN.md §9). An item is never changed in
 * place: a change closes its row (`untilVersion`) and adds a new one from that version on,
 * so every earlier version of the plan stays readable as it was. What the access rule
 * decides on (subjects, category, source, who acts) is in clear columns; what the item says
 * is one sealed value (`contentCiphertext`), opened only once the rule allowed it.
 */
@Entity({ name: 'family_plan_item' })
@Index('family_plan_item_family_idx', ['familyId', 'fromVersion'])
@Index('family_plan_item_item_idx', ['itemId', 'fromVersion'])
export class FamilyPlanItemEntity {
  /** This row: one version of the item (the sealed content is bound to it). */
  @PrimaryColumn('uuid')
  id!: string;

  /** The item across its versions. */
  @Column('uuid', { name: 'item_id' })
  itemId!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'family_plan_item_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('text')
  kind!: PlanItemKind;

  /** The first plan version this row is part of. */
  @Column('integer', { name: 'from_version' })
  fromVersion!: number;

  /** The version that replaced this row; null while it is current. */
  @Column('integer', { name: 'until_version', nullable: true })
  untilVersion!: number | null;

  /** The members the item is about; shared with a professional only when the rule allows it about every one of them. */
  @Column('uuid', { name: 'subject_member_ids', array: true })
  subjectMemberIds!: string[];

  /** The category the item touches besides SHARED_PLAN (FINANCES for a debt goal); SHARED_PLAN when none. */
  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category' })
  category!: DataCategory;

  /** The organisation that wrote it; null when the family did (then no organisation reads it as its own). */
  @Column('uuid', { name: 'source_organisation_id', nullable: true })
  sourceOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_organisation_id', foreignKeyConstraintName: 'family_plan_item_source_fk' })
  sourceOrganisation?: Relation<OrganisationEntity>;

  @Column('uuid', { name: 'author_member_id', nullable: true })
  authorMemberId!: string | null;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_member_id', foreignKeyConstraintName: 'family_plan_item_author_member_fk' })
  authorMember?: Relation<FamilyMemberEntity>;

  @Column('uuid', { name: 'author_professional_id', nullable: true })
  authorProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_professional_id', foreignKeyConstraintName: 'family_plan_item_author_professional_fk' })
  authorProfessional?: Relation<ProfessionalEntity>;

  /** Who carries out an action: its kind, and the organisation or member (a network person's name is sealed in the content). */
  @Column('text', { name: 'actor_kind', nullable: true })
  actorKind!: PlanActorKind | null;

  @Column('uuid', { name: 'actor_organisation_id', nullable: true })
  actorOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_organisation_id', foreignKeyConstraintName: 'family_plan_item_actor_organisation_fk' })
  actorOrganisation?: Relation<OrganisationEntity>;

  @Column('uuid', { name: 'actor_member_id', nullable: true })
  actorMemberId!: string | null;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_member_id', foreignKeyConstraintName: 'family_plan_item_actor_member_fk' })
  actorMember?: Relation<FamilyMemberEntity>;

  /** The item's text, status, due date and network person, as one JSON value, encrypted with the family's data key. */
  @Column('bytea', { name: 'content_ciphertext' })
  contentCiphertext!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
