import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A household. Holds its data key, wrapped; destroying it (erasure) makes every value of the family unreadable. */
@Entity({ name: 'family' })
export class FamilyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Null once the family is erased (crypto-shredding). */
  @Column('bytea', { name: 'wrapped_data_key', nullable: true })
  wrappedDataKey!: Buffer | null;

  @Column('integer', { name: 'kek_version' })
  kekVersion!: number;

  /** Version of the data key itself; bound into every ciphertext's associated data. */
  @Column('integer', { name: 'data_key_version', default: 1 })
  dataKeyVersion!: number;

  @Column('uuid', { name: 'registered_by_organisation_id' })
  registeredByOrganisationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt!: Date | null;
}
