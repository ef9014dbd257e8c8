import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ProfessionalEntity } from '@kring/identity';
import { FamilyEntity } from './family.entity';
import { InvolvementEntity } from './involvement.entity';

/**
 * A handover of case direction (casusregie, DESIGN.md §9): from one involvement to another,
 * to a named professional, with a note for the new case director and the family (a warm
 * handover). Appended, never changed; erasure shreds the note with the family key.
 */
@Entity({ name: 'case_direction_handover' })
@Index('case_direction_handover_family_idx', ['familyId', 'handedOverAt'])
export class CaseDirectionHandoverEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'case_direction_handover_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('uuid', { name: 'from_involvement_id' })
  fromInvolvementId!: string;

  @ManyToOne(() => InvolvementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_involvement_id', foreignKeyConstraintName: 'case_direction_handover_from_fk' })
  fromInvolvement?: Relation<InvolvementEntity>;

  @Column('uuid', { name: 'to_involvement_id' })
  toInvolvementId!: string;

  @ManyToOne(() => InvolvementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_involvement_id', foreignKeyConstraintName: 'case_direction_handover_to_fk' })
  toInvolvement?: Relation<InvolvementEntity>;

  /** Who handed over: the case director, or a team lead of their organisation. */
  @Column('uuid', { name: 'handed_over_by_professional_id' })
  handedOverByProfessionalId!: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handed_over_by_professional_id', foreignKeyConstraintName: 'case_direction_handover_by_fk' })
  handedOverBy?: Relation<ProfessionalEntity>;

  /** The new case director. */
  @Column('uuid', { name: 'to_professional_id' })
  toProfessionalId!: string;

  @ManyToOne(() => ProfessionalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_professional_id', foreignKeyConstraintName: 'case_direction_handover_to_professional_fk' })
  toProfessional?: Relation<ProfessionalEntity>;

  /** The warm handover: for the new case director and the family; encrypted with the family's data key. */
  @Column('bytea', { name: 'note_ciphertext' })
  noteCiphertext!: Buffer;

  @Column('timestamptz', { name: 'handed_over_at' })
  handedOverAt!: Date;
}
