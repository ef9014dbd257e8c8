import type { DataSource } from 'typeorm';
import { GENESIS, runWalkAsync, StoredChain, walkChain, type ChainVerdict, type RowQuery, type WalkStart } from '@kring/audit';
import type { Sodium } from '@kring/crypto';

/** What a verification of one chain reads: from its first entry, or after the last checkpoint a verification found intact. */
export type VerificationStart = 'GENESIS' | 'LAST_VERIFIED_CHECKPOINT';

/** One chain's verdict, and how many of its entries were not read again because a verified checkpoint covers them. */
export interface ChainCheck {
  readonly verdict: ChainVerdict;
  readonly entriesSkipped: number;
}

export interface ChainVerificationContext {
  readonly dataSource: DataSource;
  readonly sodium: Sodium;
  readonly publicKey: Uint8Array;
  readonly now: () => Date;
  /** Rows per statement: entries, checkpoints and chain keys are read this many at a time. */
  readonly batchSize: number;
}

/**
 * Verifies one chain in one REPEATABLE READ, READ ONLY transaction, so the head, every
 * batch of entries and checkpoints, and any question about a broken link see one
 * snapshot: entries appended meanwhile are neither half seen nor taken for an insertion.
 * Afterwards the last checkpoint found intact is recorded, for a later verification
 * that starts there.
 */
export async function verifyStoredChain(context: ChainVerificationContext, chainKey: string, from: VerificationStart): Promise<ChainCheck> {
  const runner = context.dataSource.createQueryRunner();
  await runner.connect();
  let check: ChainCheck;
  let verified: { sequence: number; entryHash: Uint8Array } | null;
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    const query: RowQuery = (sql, parameters) => runner.query(sql, parameters) as Promise<never[]>;
    const chain = new StoredChain(query, chainKey, context.batchSize);
    const head = await chain.head();
    const start = from === 'LAST_VERIFIED_CHECKPOINT' ? await lastVerifiedStart(query, chainKey) : GENESIS;
    const walked = await runWalkAsync(walkChain(context.sodium, chainKey, context.publicKey, head, start), (question) => chain.answer(question));
    await runner.commitTransaction();
    check = { verdict: walked.verdict, entriesSkipped: start.sequence };
    verified = walked.lastVerifiedCheckpoint;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  if (verified !== null) {
    await context.dataSource.query(`INSERT INTO access_log_verified_checkpoint (chain_key, sequence, entry_hash, verified_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      chainKey,
      String(verified.sequence),
      Buffer.from(verified.entryHash),
      context.now(),
    ]);
  }
  return check;
}

/**
 * Where a verification may start: just before the entry of the last checkpoint recorded as
 * verified, so that the walk reads that entry, checks its hash and link, and checks the
 * checkpoint's signature against it as it passes. The entries before it are covered by
 * that signature and by the verification that recorded it; they are not read again. When
 * there is no such record, or the checkpoint no longer says what was verified, or the
 * entry before it is gone, the walk starts at the genesis and reads everything.
 */
async function lastVerifiedStart(query: RowQuery, chainKey: string): Promise<WalkStart> {
  const [row] = await query<{ sequence: string; id: string | null; entry_hash: Buffer | null; previous_hash: Buffer | null }>(
    `SELECT v.sequence, e.id, e.entry_hash, e.previous_hash
       FROM access_log_verified_checkpoint v
       JOIN access_log_checkpoint c ON c.chain_key = v.chain_key AND c.sequence = v.sequence AND c.entry_hash = v.entry_hash
       LEFT JOIN access_log_entry e ON e.chain_key = v.chain_key AND e.sequence = v.sequence - 1
      WHERE v.chain_key = $1
      ORDER BY v.sequence DESC LIMIT 1`,
    [chainKey],
  );
  if (row === undefined || row.id === null || row.entry_hash === null) return GENESIS;
  return { sequence: Number(row.sequence) - 1, hash: row.entry_hash, previousHash: row.previous_hash, id: row.id };
}

/**
 * Every chain key, in order, a batch at a time: the chains with a head, and any chain that
 * has entries but no head (its head row removed behind the application's back). The keys
 * with entries are found by skipping along the chain's unique index (one probe per chain)
 * rather than by a DISTINCT over every entry.
 */
export async function* chainKeys(dataSource: DataSource, batchSize: number): AsyncGenerator<string> {
  let after: string | null = null;
  for (;;) {
    const rows: { chain_key: string }[] = await dataSource.query(
      `WITH RECURSIVE logged(chain_key, n) AS (
         (SELECT chain_key, 1 FROM access_log_entry WHERE $1::text IS NULL OR chain_key > $1 ORDER BY chain_key LIMIT 1)
         UNION ALL
         SELECT (SELECT e.chain_key FROM access_log_entry e WHERE e.chain_key > logged.chain_key ORDER BY e.chain_key LIMIT 1), n + 1
           FROM logged WHERE logged.chain_key IS NOT NULL AND n < $2
       )
       SELECT chain_key FROM (
         SELECT chain_key FROM logged WHERE chain_key IS NOT NULL
         UNION
         (SELECT chain_key FROM access_log_chain_head WHERE $1::text IS NULL OR chain_key > $1 ORDER BY chain_key LIMIT $2)
       ) AS keys ORDER BY chain_key LIMIT $2`,
      [after, batchSize],
    );
    for (const row of rows) yield row.chain_key;
    if (rows.length < batchSize) return;
    after = (rows[rows.length - 1] as { chain_key: string }).chain_key;
  }
}
