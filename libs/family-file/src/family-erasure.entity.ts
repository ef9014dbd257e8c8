import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The receipt of an erasure (AVG art. 17; DESIGN.md §5.4): who erased which family when,
 * and how much became unreadable. It outlives the family's data key, so the reason is
 * sealed with the erasing officer's organisation key (rotated with the KEK like every data
 * key), not the family's. Ids, counts and times only besides; no personal value.
 */
@Entity({ name: 'family_erasure' })
export class FamilyErasureEntity {
  @PrimaryColumn('uuid', { name: 'family_id' })
  familyId!: string;

  @Column('timestamptz', { name: 'erased_at' })
  erasedAt!: Date;

  @Column('uuid', { name: 'professional_id' })
  professionalId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  /** The officer's reason, sealed with their organisation's data key. */
  @Column('bytea', { name: 'reason_ciphertext' })
  reasonCiphertext!: Buffer;

  @Column('integer')
  members!: number;

  @Column('integer')
  records!: number;

  @Column('integer')
  consents!: number;

  @Column('integer', { name: 'break_glass_grants' })
  breakGlassGrants!: number;
}
