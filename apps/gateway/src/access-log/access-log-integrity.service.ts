import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AccessLogCheckpointEntity, AccessLogEntryEntity, chainKeyOf, verifyChain, type ChainedEntry, type ChainVerdict, type Checkpoint } from '@kring/audit';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';
import type { CheckpointReport, LogVerification } from './access-log.model';

/**
 * The access log's tamper evidence: signing chain heads (checkpoints) and checking
 * every chain against its hashes and signed checkpoints. A checkpoint is idempotent
 * per (chain, sequence), so every replica may run the interval job.
 */
@Injectable()
export class AccessLogIntegrityService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(@Inject(KRING_RUNTIME) private readonly runtime: KringRuntime) {}

  onApplicationBootstrap(): void {
    const seconds = this.runtime.config.checkpointIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      this.checkpoint().catch((error: unknown) => this.runtime.logger.error({ err: { name: (error as Error).name } }, 'checkpointing the access log failed'));
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer !== null) clearInterval(this.timer);
  }

  /** Signs the head of every chain that grew since its last checkpoint. */
  async checkpoint(): Promise<CheckpointReport> {
    const signedAt = this.runtime.clock.now();
    const heads = await this.runtime.dataSource.query<{ chain_key: string; sequence: string; entry_hash: Buffer }[]>(
      `SELECT h.chain_key, h.sequence, h.entry_hash FROM access_log_chain_head h
        WHERE h.sequence > 0 AND h.sequence > COALESCE((SELECT max(c.sequence) FROM access_log_checkpoint c WHERE c.chain_key = h.chain_key), 0)`,
    );
    let signed = 0;
    for (const head of heads) {
      const checkpoint = this.runtime.checkpointSigner.sign(head.chain_key, Number(head.sequence), new Uint8Array(head.entry_hash), signedAt);
      const inserted = await this.runtime.dataSource.query<unknown[]>(
        `INSERT INTO access_log_checkpoint (chain_key, sequence, entry_hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
        [checkpoint.chainKey, String(checkpoint.sequence), Buffer.from(checkpoint.entryHash), checkpoint.signedAt, checkpoint.keyId, Buffer.from(checkpoint.signature)],
      );
      signed += inserted.length;
    }
    return { signed, signedAt };
  }

  /** Checks one family's chain, or every chain; reports the first broken entry found. */
  async verify(familyId: string | null): Promise<LogVerification> {
    if (familyId !== null && !isUuid(familyId)) throw notFound('family');
    const chainKeys =
      familyId !== null
        ? [chainKeyOf(familyId)]
        : (await this.runtime.dataSource.query<{ chain_key: string }[]>(`SELECT chain_key FROM access_log_chain_head UNION SELECT DISTINCT chain_key FROM access_log_entry ORDER BY 1`)).map((r) => r.chain_key);
    let entries = 0;
    let checkpoints = 0;
    let firstBroken: ChainVerdict['firstBroken'] & { chainKey: string } = null as never;
    for (const chainKey of chainKeys) {
      const verdict = await this.verifyOne(chainKey);
      entries += verdict.entries;
      checkpoints += verdict.checkpointsVerified;
      if (!verdict.intact && firstBroken === null) firstBroken = { chainKey, ...(verdict.firstBroken as NonNullable<ChainVerdict['firstBroken']>) };
    }
    return {
      intact: firstBroken === null,
      chainsChecked: chainKeys.length,
      entriesChecked: entries,
      checkpointsVerified: checkpoints,
      firstBroken,
      verifiedAt: this.runtime.clock.now(),
      keyId: this.runtime.checkpointSigner.keyId,
    };
  }

  private async verifyOne(chainKey: string): Promise<ChainVerdict> {
    const manager = this.runtime.dataSource.manager;
    const rows = await manager.find(AccessLogEntryEntity, { where: { chainKey }, order: { sequence: 'ASC' } });
    const stored = await manager.find(AccessLogCheckpointEntity, { where: { chainKey }, order: { sequence: 'ASC' } });
    const [head] = await this.runtime.dataSource.query<{ sequence: string }[]>(`SELECT sequence FROM access_log_chain_head WHERE chain_key = $1`, [chainKey]);
    const entries: (ChainedEntry & { id: string })[] = rows.map((r) => ({
      id: r.id,
      chainKey: r.chainKey,
      sequence: Number(r.sequence),
      previousHash: new Uint8Array(r.previousHash),
      entryHash: new Uint8Array(r.entryHash),
      occurredAt: r.occurredAt,
      traceId: r.traceId,
      actorKind: r.actorKind as ChainedEntry['actorKind'],
      actorId: r.actorId,
      actorOrganisationId: r.actorOrganisationId,
      actorRole: r.actorRole,
      activity: r.activity,
      purpose: r.purpose,
      familyId: r.familyId,
      subjectMemberIds: r.subjectMemberIds,
      targetKind: r.targetKind,
      // Which of the two is set tells the encoding the entry was hashed in (v1 or v2).
      targetId: r.targetId,
      targetIds: r.targetIds,
      sourceOrganisationId: r.sourceOrganisationId,
      category: r.category,
      fields: r.fields,
      decision: r.decision as ChainedEntry['decision'],
      basis: r.basis,
      basisRefs: r.basisRefs,
      reason: r.reason,
      breakGlass: r.breakGlass,
    }));
    const checkpoints: Checkpoint[] = stored.map((c) => ({
      chainKey: c.chainKey,
      sequence: Number(c.sequence),
      entryHash: new Uint8Array(c.entryHash),
      signedAt: c.signedAt,
      keyId: c.keyId,
      signature: new Uint8Array(c.signature),
    }));
    return verifyChain(this.runtime.crypto.sodium, chainKey, entries, checkpoints, this.runtime.checkpointSigner.publicKey, head === undefined ? null : { sequence: Number(head.sequence) });
  }
}
