import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Sodium } from '@kring/crypto';
import type { AccessLogFacts } from './access-log-entry';
import { AccessLogEntryEntity } from './access-log-entry.entity';
import { chainKeyOf, entryHash, GENESIS_HASH } from './chain';

/**
 * Appends entries to the access log inside the caller's transaction, so that an
 * answer and its log entries commit together or not at all. Per chain: lock its
 * head, hash the new entries in order, insert them in one statement, move the head.
 * Call it last in the transaction: the head lock is held until commit.
 */
export class AccessLogWriter {
  constructor(private readonly sodium: Sodium) {}

  async append(manager: EntityManager, entries: readonly AccessLogFacts[]): Promise<void> {
    const byChain = new Map<string, AccessLogFacts[]>();
    for (const entry of entries) {
      const key = chainKeyOf(entry.familyId);
      byChain.set(key, [...(byChain.get(key) ?? []), entry]);
    }
    // A fixed order of chains, so two transactions never wait on each other crosswise.
    for (const chainKey of [...byChain.keys()].sort()) {
      await this.appendToChain(manager, chainKey, byChain.get(chainKey) ?? []);
    }
  }

  private async appendToChain(manager: EntityManager, chainKey: string, entries: readonly AccessLogFacts[]): Promise<void> {
    await manager.query(`INSERT INTO access_log_chain_head (chain_key, sequence, entry_hash) VALUES ($1, 0, $2) ON CONFLICT (chain_key) DO NOTHING`, [chainKey, Buffer.from(GENESIS_HASH)]);
    const [head] = await manager.query<{ sequence: string; entry_hash: Buffer }[]>(`SELECT sequence, entry_hash FROM access_log_chain_head WHERE chain_key = $1 FOR UPDATE`, [chainKey]);
    if (head === undefined) throw new Error('the access log chain head could not be locked');
    let sequence = Number(head.sequence);
    let previous: Uint8Array = new Uint8Array(head.entry_hash);
    const rows = entries.map((facts) => {
      const hash = entryHash(this.sodium, previous, chainKey, facts);
      sequence += 1;
      const row = {
        id: randomUUID(),
        chainKey,
        sequence: String(sequence),
        occurredAt: facts.occurredAt,
        traceId: facts.traceId,
        actorKind: facts.actorKind,
        actorId: facts.actorId,
        actorOrganisationId: facts.actorOrganisationId,
        actorRole: facts.actorRole,
        activity: facts.activity,
        purpose: facts.purpose,
        familyId: facts.familyId,
        subjectMemberIds: [...facts.subjectMemberIds],
        targetKind: facts.targetKind,
        targetId: facts.targetId,
        sourceOrganisationId: facts.sourceOrganisationId,
        category: facts.category,
        fields: [...facts.fields],
        decision: facts.decision,
        basis: facts.basis,
        basisRefs: [...facts.basisRefs],
        reason: facts.reason,
        breakGlass: facts.breakGlass,
        previousHash: Buffer.from(previous),
        entryHash: Buffer.from(hash),
      };
      previous = hash;
      return row;
    });
    if (rows.length === 0) return;
    await manager.createQueryBuilder().insert().into(AccessLogEntryEntity).values(rows).execute();
    await manager.query(`UPDATE access_log_chain_head SET sequence = $2, entry_hash = $3 WHERE chain_key = $1`, [chainKey, String(sequence), Buffer.from(previous)]);
  }
}
