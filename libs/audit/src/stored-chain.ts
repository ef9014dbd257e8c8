import pg from 'pg';
import type { StoredDecision } from './access-log-entry';
import type { Checkpoint } from './checkpoint';
import type { ChainAnswer, ChainQuestion, StoredEntry } from './chain-walk';

/**
 * Runs one SQL statement and gives its rows as pg parsed them (in the caller's transaction,
 * for one snapshot). It may be called again before an earlier call has answered (the next
 * batch is asked for ahead): the statements run one after the other, as pg's client queues them.
 */
export type RowQuery = <T>(sql: string, parameters: unknown[]) => Promise<T[]>;

/**
 * One chain as PostgreSQL holds it, read for `walkChain` in keyset batches by sequence:
 * raw rows (no entities), at most `batchSize` at a time, each batch the range of sequences
 * after the last one of the batch before, on the chain's unique index (chain_key, sequence).
 * The same for its checkpoints. Run it in one REPEATABLE READ transaction, so that the
 * head, every batch and the answers about a broken link see the same chain.
 *
 * When a batch of entries is answered, the next one is asked for at once, so that
 * PostgreSQL reads it (and the rows come in) while the walk hashes this one: two batches
 * in memory at most.
 */
export class StoredChain {
  /** The batch after `after`, asked for before the walk asks; taken when it does, dropped otherwise. */
  private ahead: { readonly after: number; readonly entries: Promise<StoredEntry[]> } | null = null;

  constructor(
    private readonly query: RowQuery,
    readonly chainKey: string,
    private readonly batchSize: number,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('a batch holds at least one row');
  }

  /** The chain head's sequence, or null when the chain has no head row. */
  async head(): Promise<{ sequence: number } | null> {
    const [row] = await this.query<{ sequence: string }>(`SELECT sequence FROM access_log_chain_head WHERE chain_key = $1`, [this.chainKey]);
    return row === undefined ? null : { sequence: Number(row.sequence) };
  }

  /** The entry at a sequence, or null. */
  async entryAt(sequence: number): Promise<StoredEntry | null> {
    const [row] = await this.query<StoredEntryRow>(`SELECT ${ENTRY_COLUMNS} FROM access_log_entry WHERE chain_key = $1 AND sequence = $2`, [this.chainKey, String(sequence)]);
    return row === undefined ? null : storedEntryOf(row);
  }

  async answer(question: ChainQuestion): Promise<ChainAnswer> {
    switch (question.kind) {
      case 'entries':
        return this.batchAfter(question.after);
      case 'checkpoints':
        return (await this.query<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM access_log_checkpoint ${AFTER} LIMIT $3`, [this.chainKey, sequenceOrNull(question.after), this.batchSize])).map(checkpointOf);
      case 'holdsHash': {
        // Asked once, where a link is broken: a scan of the chain's rows instead of a map of every hash in memory.
        const [row] = await this.query<{ held: boolean }>(`SELECT EXISTS (SELECT 1 FROM access_log_entry WHERE chain_key = $1 AND entry_hash = $2) AS held`, [this.chainKey, Buffer.from(question.hash)]);
        return row?.held === true;
      }
      case 'entryAfter': {
        const next = await this.firstSequenceAfter(question.sequence);
        return next === null ? null : this.entryAt(next);
      }
      case 'idAt':
        return (await this.entryAt(question.sequence))?.id ?? null;
    }
  }

  /** The batch after `after` (the one read ahead, if it is that one), and the one after it asked for. */
  private async batchAfter(after: number | null): Promise<StoredEntry[]> {
    const ahead = this.ahead;
    this.ahead = null;
    const entries = await (ahead !== null && ahead.after === after ? ahead.entries : this.entriesAfter(after));
    const last = entries[entries.length - 1];
    if (last !== undefined) {
      const next = this.entriesAfter(last.sequence);
      // Its failure is seen when the walk asks for it; a walk that stops at a break never does.
      next.catch(() => undefined);
      this.ahead = { after: last.sequence, entries: next };
    }
    return entries;
  }

  /**
   * The next batch: the entries whose sequence lies in the `batchSize` numbers after `after`.
   * A range, not a LIMIT: whatever plan PostgreSQL picks (with outdated statistics it once
   * sorted the whole chain for every batch of 5,000), it reads at most a batch. In an intact
   * chain every number is taken, so each batch is full; where a tampered chain has a gap of
   * a whole batch, the walk goes on from the next sequence there is.
   */
  private async entriesAfter(after: number | null): Promise<StoredEntry[]> {
    let from = after;
    if (from === null) {
      const first = await this.firstSequenceAfter(null);
      from = first === null ? null : first - 1;
    }
    while (from !== null) {
      const rows = await this.query<StoredEntryRow>(`SELECT ${ENTRY_COLUMNS} FROM access_log_entry WHERE chain_key = $1 AND sequence > $2::bigint AND sequence <= $2::bigint + $3 ORDER BY sequence`, [
        this.chainKey,
        String(from),
        this.batchSize,
      ]);
      if (rows.length > 0) return rows.map(storedEntryOf);
      const next = await this.firstSequenceAfter(from);
      from = next === null ? null : next - 1;
    }
    return [];
  }

  /** The lowest sequence of the chain after `after` (or at all), from the index's edge. */
  private async firstSequenceAfter(after: number | null): Promise<number | null> {
    const [row] = await this.query<{ sequence: string | null }>(`SELECT min(sequence) AS sequence FROM access_log_entry WHERE chain_key = $1 AND ($2::bigint IS NULL OR sequence > $2::bigint)`, [
      this.chainKey,
      sequenceOrNull(after),
    ]);
    return row?.sequence === null || row?.sequence === undefined ? null : Number(row.sequence);
  }
}

/** Checkpoints of one chain after a sequence ($2; all of them when null), in sequence order: a chain has few, one per signing interval at most. */
const AFTER = `WHERE chain_key = $1 AND ($2::bigint IS NULL OR sequence > $2::bigint) ORDER BY sequence`;

/**
 * The list columns come as PostgreSQL's array text (`{a,b}`), parsed by `listOf`: pg's own
 * array parser builds every element a character at a time, and was a sixth of the walk's
 * time and much of its garbage (issue 15). `facets` too: its words are codes and ids,
 * mostly in the plain form. `decisions` stays jsonb, parsed by pg as before: its shape is
 * what `v3RowIsWellFormed` checks, and JSON.parse is what makes it.
 */
const ENTRY_COLUMNS = `id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id, subject_member_ids::text AS subject_member_ids,
  target_kind, target_id, target_ids::text AS target_ids, source_organisation_id, category, fields::text AS fields, decision, basis, basis_refs::text AS basis_refs, reason, break_glass, decisions,
  facets::text AS facets, previous_hash, entry_hash`;
const CHECKPOINT_COLUMNS = `chain_key, sequence, entry_hash, signed_at, key_id, signature`;

function sequenceOrNull(sequence: number | null): string | null {
  return sequence === null ? null : String(sequence);
}

/**
 * An access_log_entry row as pg parses it (`SELECT *` gives one too), or with the list
 * columns as array text (`StoredChain` asks for them so).
 */
export interface StoredEntryRow {
  readonly id: string;
  readonly chain_key: string;
  readonly sequence: string;
  readonly occurred_at: Date;
  readonly trace_id: string;
  readonly actor_kind: string;
  readonly actor_id: string | null;
  readonly actor_organisation_id: string | null;
  readonly actor_role: string | null;
  readonly activity: string;
  readonly purpose: string | null;
  readonly family_id: string | null;
  readonly subject_member_ids: string[] | string;
  readonly target_kind: string | null;
  readonly target_id: string | null;
  readonly target_ids: string[] | string | null;
  readonly source_organisation_id: string | null;
  readonly category: string | null;
  readonly fields: string[] | string;
  readonly decision: string;
  readonly basis: string | null;
  readonly basis_refs: string[] | string;
  readonly reason: string | null;
  readonly break_glass: boolean;
  /** v3 entries' decisions, as pg parses jsonb; NULL on v1 and v2 entries. */
  readonly decisions: StoredDecision[] | null;
  readonly facets: string[] | string;
  readonly previous_hash: Buffer;
  readonly entry_hash: Buffer;
}

interface CheckpointRow {
  readonly chain_key: string;
  readonly sequence: string;
  readonly entry_hash: Buffer;
  readonly signed_at: Date;
  readonly key_id: string;
  readonly signature: Buffer;
}

/** A stored row as the walk reads it: the entry's facts as stored, with its place in the chain. */
export function storedEntryOf(row: StoredEntryRow): StoredEntry {
  return {
    id: row.id,
    chainKey: row.chain_key,
    sequence: Number(row.sequence),
    occurredAt: row.occurred_at,
    traceId: row.trace_id,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorOrganisationId: row.actor_organisation_id,
    actorRole: row.actor_role,
    activity: row.activity,
    purpose: row.purpose,
    familyId: row.family_id,
    subjectMemberIds: listOf(row.subject_member_ids),
    targetKind: row.target_kind,
    // Which of the two is set tells the encoding the entry was hashed in (v1 or v2).
    targetId: row.target_id,
    targetIds: row.target_ids === null ? null : listOf(row.target_ids),
    sourceOrganisationId: row.source_organisation_id,
    category: row.category,
    fields: listOf(row.fields),
    decision: row.decision,
    basis: row.basis,
    basisRefs: listOf(row.basis_refs),
    reason: row.reason,
    breakGlass: row.break_glass,
    // Set on v3 entries only: with target_id and target_ids, it tells the encoding the entry was hashed in.
    decisions: row.decisions,
    facets: listOf(row.facets),
    previousHash: row.previous_hash,
    entryHash: row.entry_hash,
  };
}

/**
 * A list column's value exactly as pg would have parsed it. PostgreSQL writes an array of
 * ids or codes as `{a,b,c}`: no quotes, no backslashes, no nesting; that form is split on
 * its commas here (an unquoted NULL is a null element, as pg reads it). Anything else (a
 * quoted or escaped element, a nested array, explicit bounds, an empty element), which only
 * odd text or a changed row holds, goes to pg's own parser for text[] (uuid[] uses the same).
 */
export function listOf(value: string[] | string): string[] {
  if (typeof value !== 'string') return value;
  const last = value.length - 1;
  if (value.charCodeAt(0) !== OPEN || value.charCodeAt(last) !== CLOSE) return parsedByPg(value);
  if (last === 1) return [];
  const list: string[] = [];
  let start = 1;
  for (let i = 1; i <= last; i++) {
    const code = value.charCodeAt(i);
    if (code === COMMA || i === last) {
      if (i === start) return parsedByPg(value);
      const element = value.slice(start, i);
      list.push(element === 'NULL' ? (null as unknown as string) : element);
      start = i + 1;
    } else if (code === QUOTE || code === BACKSLASH || code === OPEN || code === CLOSE) {
      return parsedByPg(value);
    }
  }
  return list;
}

const [OPEN, CLOSE, COMMA, QUOTE, BACKSLASH] = ['{', '}', ',', '"', '\\'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];
/** text[] (pg's TypeId lists no array types; uuid[] is read by the same parser). */
const TEXT_ARRAY_OID = 1009;
const parsedByPg = (value: string) => (pg.types.getTypeParser as (oid: number, format: 'text') => (text: string) => string[])(TEXT_ARRAY_OID, 'text')(value);

function checkpointOf(row: CheckpointRow): Checkpoint {
  return { chainKey: row.chain_key, sequence: Number(row.sequence), entryHash: row.entry_hash, signedAt: row.signed_at, keyId: row.key_id, signature: row.signature };
}
