import { Check, Column, Entity, Index, IsNull, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { FamilyEntity } from './family.entity';
import { FamilyMemberEntity } from './family-member.entity';
import { InvolvementEntity } from './involvement.entity';

/**
 * An involvement shielded from one member (DESIGN.md §9, the circle): an organisation with a
 * statutory task (Veilig Thuis) keeps its involvement out of that member's view. One row per
 * shielded member, so a member's view filters on an indexed id before anything is decrypted.
 * A shielding is in force until it is lifted (`SHIELDING_IN_FORCE`): the application sets the
 * three lift columns once and changes nothing else; the row stays, as the shielding's history.
 * Never deleted by the application; erasure shreds both reasons with the family key.
 */
@Entity({ name: 'involvement_shielding' })
// One shielding in force per involvement and member; after a lift, the member may be shielded from it again.
@Index('involvement_shielding_member_key', ['involvementId', 'memberId'], { unique: true, where: 'lifted_at IS NULL' })
@Check('involvement_shielding_lift_check', '(lifted_at IS NULL) = (lifted_by_professional_id IS NULL) AND (lifted_at IS NULL) = (lift_reason_ciphertext IS NULL)')
@Index('involvement_shielding_organisation_idx', ['organisationId', 'shieldedAt'])
export class InvolvementShieldingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('involvement_shielding_family_idx')
  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'involvement_shielding_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('uuid', { name: 'involvement_id' })
  involvementId!: string;

  @ManyToOne(() => InvolvementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'involvement_id', foreignKeyConstraintName: 'involvement_shielding_involvement_fk' })
  involvement?: Relation<InvolvementEntity>;

  /** The member from whom the involvement is shielded. */
  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @ManyToOne(() => FamilyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'involvement_shielding_member_fk' })
  member?: Relation<FamilyMemberEntity>;

  /** The shielding organisation: the involvement's own. */
  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'involvement_shielding_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  @Column('uuid', { name: 'shielded_by_professional_id' })
  shieldedByProfessionalId!: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shielded_by_professional_id', foreignKeyConstraintName: 'involvement_shielding_professional_fk' })
  shieldedBy?: Relation<ProfessionalEntity>;

  /** Why, in the professional's words: encrypted with the family's data key. */
  @Column('bytea', { name: 'reason_ciphertext' })
  reasonCiphertext!: Buffer;

  @Column('timestamptz', { name: 'shielded_at' })
  shieldedAt!: Date;

  /** When the shielding was lifted; null while it is in force. */
  @Column('timestamptz', { name: 'lifted_at', nullable: true })
  liftedAt!: Date | null;

  @Column('uuid', { name: 'lifted_by_professional_id', nullable: true })
  liftedByProfessionalId!: string | null;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lifted_by_professional_id', foreignKeyConstraintName: 'involvement_shielding_lifted_by_fk' })
  liftedBy?: Relation<ProfessionalEntity>;

  /** Why it was lifted, in the professional's words: encrypted with the family's data key. */
  @Column('bytea', { name: 'lift_reason_ciphertext', nullable: true })
  liftReasonCiphertext!: Buffer | null;
}

/** The shieldings in force (not lifted), as a TypeORM condition; `shieldingInForceSql` is the same in SQL. */
export const SHIELDING_IN_FORCE = { liftedAt: IsNull() } as const;

/** "The shielding `alias` is in force": the SQL of `SHIELDING_IN_FORCE`. */
export function shieldingInForceSql(alias: string): string {
  return `${alias}.lifted_at IS NULL`;
}
