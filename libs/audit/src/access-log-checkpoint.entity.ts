import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A chain head signed with Ed25519: any later change to the entries up to it is detectable. */
@Entity({ name: 'access_log_checkpoint' })
export class AccessLogCheckpointEntity {
  @PrimaryColumn('text', { name: 'chain_key' })
  chainKey!: string;

  @PrimaryColumn('bigint')
  sequence!: string;

  @Column('bytea', { name: 'entry_hash' })
  entryHash!: Buffer;

  @Column('timestamptz', { name: 'signed_at' })
  signedAt!: Date;

  @Column('text', { name: 'key_id' })
  keyId!: string;

  @Column('bytea')
  signature!: Buffer;
}
