import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FamilyEntity, FamilyMemberEntity } from '@kring/family-file';
import { ProfessionalEntity } from '@kring/identity';

/**
 * An agreement with the family plan as it stood at one version: by a member, or by the case
 * director. It covers every item not changed since that version (plan-agreement.ts). A
 * withdrawal is written on the row (`withdrawnAt`) and shows in the plan; a new agreement is a new row.
 */
@Entity({ name: 'family_plan_agreement' })
@Index('family_plan_agreement_family_idx', ['familyId', 'agreedAt'])
export class FamilyPlanAgreementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'family_plan_agreement_family_fk' })
  family?: Relation<FamilyEntity>;

  /** The plan version agreed with. */
  @Column('integer')
  version!: number;

  @Column('uuid', { name: 'member_id', nullable: true })
  memberId!: string | null;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'family_plan_agreement_member_fk' })
  member?: Relation<FamilyMemberEntity>;

  /** The case director who agreed (they held case direction at that moment). */
  @Column('uuid', { name: 'professional_id', nullable: true })
  professionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'family_plan_agreement_professional_fk' })
  professional?: Relation<ProfessionalEntity>;

  @Column('timestamptz', { name: 'agreed_at' })
  agreedAt!: Date;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;
}
