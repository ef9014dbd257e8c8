import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chainKeyOf, CheckpointSigner } from '@kring/audit';
import { Clock, KringConfig, KringLogger } from '@kring/config';
import { KringCrypto } from '@kring/crypto';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { LogVerificationMode, type CheckpointReport, type LogVerification } from './access-log.model';
import { chainKeys, verifyStoredChain, type ChainVerificationContext } from './chain-verification';

/**
 * The access log's tamper evidence: signing chain heads (checkpoints) and checking
 * every chain against its hashes and signed checkpoints. A checkpoint is idempotent
 * per (chain, sequence), so every replica may run the interval job.
 */
@Injectable()
export class AccessLogIntegrityService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly clock: Clock,
    private readonly checkpointSigner: CheckpointSigner,
    private readonly config: KringConfig,
    private readonly logger: KringLogger,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.checkpointIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      this.checkpoint().catch((error: unknown) => this.logger.error({ err: { name: (error as Error).name } }, 'checkpointing the access log failed'));
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer !== null) clearInterval(this.timer);
  }

  /** Signs the head of every chain that grew since its last checkpoint. */
  async checkpoint(): Promise<CheckpointReport> {
    const signedAt = this.clock.now();
    const heads = await this.dataSource.query<{ chain_key: string; sequence: string; entry_hash: Buffer }[]>(
      `SELECT h.chain_key, h.sequence, h.entry_hash FROM access_log_chain_head h
        WHERE h.sequence > 0 AND h.sequence > COALESCE((SELECT max(c.sequence) FROM access_log_checkpoint c WHERE c.chain_key = h.chain_key), 0)`,
    );
    let signed = 0;
    for (const head of heads) {
      const checkpoint = this.checkpointSigner.sign(head.chain_key, Number(head.sequence), new Uint8Array(head.entry_hash), signedAt);
      const inserted = await this.dataSource.query<unknown[]>(
        `INSERT INTO access_log_checkpoint (chain_key, sequence, entry_hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
        [checkpoint.chainKey, String(checkpoint.sequence), Buffer.from(checkpoint.entryHash), checkpoint.signedAt, checkpoint.keyId, Buffer.from(checkpoint.signature)],
      );
      signed += inserted.length;
    }
    return { signed, signedAt };
  }

  /**
   * Checks one family's chain, or every chain, and reports the first broken entry found.
   * Each chain is read in batches of `batchSize` rows (memory does not grow with its
   * length) in a snapshot of its own; every chain is visited, a batch of keys at a time.
   * FULL reads every entry; SINCE_VERIFIED_CHECKPOINT starts each chain at the last
   * checkpoint an earlier verification found intact (docs/access-log.md, *Verification*).
   */
  async verify(familyId: string | null, options: { mode?: LogVerificationMode; batchSize?: number } = {}): Promise<LogVerification> {
    if (familyId !== null && !isUuid(familyId)) throw notFound('family');
    const mode = options.mode ?? LogVerificationMode.FULL;
    const context: ChainVerificationContext = {
      dataSource: this.dataSource,
      sodium: this.crypto.sodium,
      publicKey: this.checkpointSigner.publicKey,
      now: () => this.clock.now(),
      batchSize: options.batchSize ?? VERIFY_BATCH_SIZE,
    };
    // Ids are stored (and chains named) in lower case; PostgreSQL matches a uuid in capitals too.
    const keys = familyId !== null ? [chainKeyOf(familyId.toLowerCase())] : chainKeys(context.dataSource, context.batchSize);
    const total = { chains: 0, entries: 0, checkpoints: 0, skipped: 0 };
    let firstBroken: LogVerification['firstBroken'] = null;
    for await (const chainKey of keys) {
      const { verdict, entriesSkipped } = await verifyStoredChain(context, chainKey, mode === LogVerificationMode.FULL ? 'GENESIS' : 'LAST_VERIFIED_CHECKPOINT');
      total.chains += 1;
      total.entries += verdict.entries;
      total.checkpoints += verdict.checkpointsVerified;
      total.skipped += entriesSkipped;
      if (firstBroken === null && verdict.firstBroken !== null) firstBroken = { chainKey, ...verdict.firstBroken };
    }
    return {
      intact: firstBroken === null,
      mode,
      chainsChecked: total.chains,
      entriesChecked: total.entries,
      entriesSkipped: total.skipped,
      checkpointsVerified: total.checkpoints,
      firstBroken,
      verifiedAt: this.clock.now(),
      keyId: this.checkpointSigner.keyId,
    };
  }
}

/**
 * Rows per statement when verifying: a batch of entries is a few megabytes in the gateway,
 * whatever the chain's length (docs/performance.md, *Verifying a long chain*).
 */
const VERIFY_BATCH_SIZE = 1_000;
