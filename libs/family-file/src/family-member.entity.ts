import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FamilyEntity } from './family.entity';

/**
 * A member of a family. Every personal value is a ciphertext under the family's
 * data key; the BSN is findable only through its keyed blind index.
 */
@Entity({ name: 'family_member' })
export class FamilyMemberEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('family_member_family_idx')
  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'family_member_family_fk' })
  family?: Relation<FamilyEntity>;

  @Column('bytea', { name: 'name_ciphertext' })
  nameCiphertext!: Buffer;

  @Column('bytea', { name: 'birth_date_ciphertext' })
  birthDateCiphertext!: Buffer;

  @Column('bytea', { name: 'bsn_ciphertext' })
  bsnCiphertext!: Buffer;

  @Column('bytea', { name: 'relation_ciphertext' })
  relationCiphertext!: Buffer;

  /** Null once the family is erased: the BSN can no longer be found, not even by someone holding the blind-index key. */
  @Index('family_member_bsn_blind_index_idx')
  @Column('bytea', { name: 'bsn_blind_index', nullable: true })
  bsnBlindIndex!: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
