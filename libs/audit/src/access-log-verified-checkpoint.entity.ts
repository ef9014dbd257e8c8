import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed checkpoint that a verification found intact, together with every entry up to it:
 * a later verification may start there instead of at the first entry (docs/access-log.md,
 * *Verification*). Written once per checkpoint; the application may only insert and select.
 */
@Entity({ name: 'access_log_verified_checkpoint' })
export class AccessLogVerifiedCheckpointEntity {
  @PrimaryColumn('text', { name: 'chain_key' })
  chainKey!: string;

  @PrimaryColumn('bigint')
  sequence!: string;

  /** The checkpoint's hash as verified: a start is taken only while the checkpoint still says the same. */
  @Column('bytea', { name: 'entry_hash' })
  entryHash!: Buffer;

  @Column('timestamptz', { name: 'verified_at' })
  verifiedAt!: Date;
}
