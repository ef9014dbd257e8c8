import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last entry of each chain. Appending locks this row, so one chain is written by one transaction at a time. */
@Entity({ name: 'access_log_chain_head' })
export class AccessLogChainHeadEntity {
  @PrimaryColumn('text', { name: 'chain_key' })
  chainKey!: string;

  @Column('bigint')
  sequence!: string;

  @Column('bytea', { name: 'entry_hash' })
  entryHash!: Buffer;
}
