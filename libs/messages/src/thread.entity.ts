import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DataCategory, FamilyEntity } from '@kring/family-file';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';

/**
 * A conversation around a family (DESIGN.md §9, *kringberichten*). What the access rule decides
 * on is in clear columns: whom it is about, the category it touches, the purpose it serves; its
 * topic is sealed with the family's data key (`topicCiphertext`) and opened only once the rule
 * allowed it. Who takes part is in `thread_participant`, what is said in `thread_message`.
 */
@Entity({ name: 'thread' })
@Index('thread_family_idx', ['familyId', 'createdAt'])
export class ThreadEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'thread_family_fk' })
  family?: Relation<FamilyEntity>;

  /** The members it is about; a professional reads it only when the rule allows its category about every one of them. */
  @Column('uuid', { name: 'subject_member_ids', array: true })
  subjectMemberIds!: string[];

  /** What the conversation touches (FINANCES for the budget, CARE_TRAJECTORY for care). */
  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category' })
  category!: DataCategory;

  /** The purpose of the catalogue every professional participant reads it for. */
  @Column('text')
  purpose!: string;

  @Column('uuid', { name: 'started_by_professional_id' })
  startedByProfessionalId!: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'started_by_professional_id', foreignKeyConstraintName: 'thread_started_by_professional_fk' })
  startedByProfessional?: Relation<ProfessionalEntity>;

  @Column('uuid', { name: 'started_by_organisation_id' })
  startedByOrganisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'started_by_organisation_id', foreignKeyConstraintName: 'thread_started_by_organisation_fk' })
  startedByOrganisation?: Relation<OrganisationEntity>;

  /** The topic, encrypted with the family's data key; null once the family is erased. */
  @Column('bytea', { name: 'topic_ciphertext', nullable: true })
  topicCiphertext!: Buffer | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
