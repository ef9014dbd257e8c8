import type { EntityManager } from 'typeorm';
import type { Sodium } from '@kring/crypto';
import { storedFactsOf, type AccessLogFacts, type StoredDecision, type StoredFacts } from './access-log-entry';
import { chainKeyOf, entryHash, GENESIS_HASH } from './chain';
import { timeOrderedId } from './entry-id';
import { storedFormOf } from './stored-facts';

/** A statement with a name: PostgreSQL parses and plans it once per connection, not once per request. */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * Runs a named statement on the manager's transaction connection, or on a pooled one when
 * the manager is outside a transaction: the gateway's `namedQuery`, handed in because this
 * library sits below the database module that would otherwise own it.
 */
export type StatementRunner = <T>(manager: EntityManager, statement: NamedStatement, values: unknown[]) => Promise<T[]>;

const LOCK_HEAD: NamedStatement = { name: 'kring_log_lock_head', text: `SELECT sequence, entry_hash FROM access_log_chain_head WHERE chain_key = $1 FOR UPDATE` };
const CREATE_HEAD: NamedStatement = {
  name: 'kring_log_create_head',
  text: `INSERT INTO access_log_chain_head (chain_key, sequence, entry_hash) VALUES ($1, 0, $2) ON CONFLICT (chain_key) DO NOTHING`,
};
/**
 * The insert of every entry of one chain, from column arrays (unnest), so the text never
 * changes and stays prepared. Entries are written in encoding v3: the decisions of every
 * entry as one JSON array ($16, an element per entry, joined by position: one stringify, and
 * no array-literal escaping of JSON's quotes), the scalar decision columns of v1 and v2 empty
 * (fields and basis_refs '{}', the rest NULL).
 */
const INSERT_ENTRIES = `INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
      subject_member_ids, decision, break_glass, decisions, facets, fields, basis_refs, previous_hash, entry_hash)
    SELECT e.id, $1, e.sequence, e.occurred_at, e.trace_id, e.actor_kind, e.actor_id, e.actor_organisation_id, e.actor_role, e.activity, e.purpose, e.family_id,
      e.subject_member_ids::uuid[], e.decision, e.break_glass, d.decisions, e.facets::text[], '{}', '{}', e.previous_hash, e.entry_hash
    FROM unnest($2::uuid[], $3::bigint[], $4::timestamptz[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::text[], $10::text[], $11::text[], $12::uuid[], $13::text[],
      $14::text[], $15::boolean[], $17::bytea[], $18::bytea[], $21::text[]) WITH ORDINALITY
      AS e(id, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id, subject_member_ids,
        decision, break_glass, previous_hash, entry_hash, facets, n)
    JOIN jsonb_array_elements($16::jsonb) WITH ORDINALITY AS d(decisions, n) USING (n)`;

/**
 * Every entry of one chain in one statement, and the chain head moved in the same
 * statement, under the head's lock. The array-valued columns travel as array literals,
 * cast per row, the decisions as one JSON text per entry.
 */
const APPEND: NamedStatement = {
  name: 'kring_log_append',
  text: `WITH appended AS (${INSERT_ENTRIES} RETURNING 1)
  UPDATE access_log_chain_head SET sequence = $19, entry_hash = $20 WHERE chain_key = $1`,
};

/**
 * The same append without a lock taken first, for a head the caller read earlier (with a
 * read's rows): the head moves only if it is still at that sequence ($22), and the entries
 * are inserted only if it moved. A concurrent writer that moved it first holds the row
 * until it commits, after which this finds the sequence changed and appends nothing; the
 * writer then takes the locked path. One round trip instead of two.
 */
const APPEND_IF_UNMOVED: NamedStatement = {
  name: 'kring_log_append_if_unmoved',
  text: `WITH moved AS (
    UPDATE access_log_chain_head SET sequence = $19, entry_hash = $20 WHERE chain_key = $1 AND sequence = $22 RETURNING 1
  ), appended AS (${INSERT_ENTRIES} WHERE EXISTS (SELECT 1 FROM moved) RETURNING 1)
  SELECT count(*)::int AS appended FROM appended`,
};

/** A chain's head as the caller read it earlier (in its transaction, or in an earlier statement): the sequence and hash of its last entry. */
export interface KnownChainHead {
  readonly chainKey: string;
  readonly sequence: string;
  readonly entryHash: Uint8Array;
}

/**
 * Appends entries to the access log inside the caller's transaction, so that an
 * answer and its log entries commit together or not at all. Per chain: lock its
 * head, hash the new entries in order, then insert them and move the head in one
 * statement. Call it last in the transaction: the head row stays locked until commit.
 * A read, which changes nothing but the log, needs no transaction around it:
 * `appendAfter` skips the lock for a head the caller read, and moves it only if it has
 * not moved since, in one atomic statement.
 *
 * Both first put every entry in the form PostgreSQL stores (`storedFormOf`: well-formed
 * text without NUL, the purpose cut by code point, ids in lower case) and then hash and
 * send that one form, so the chain covers exactly the stored row, whatever text a caller
 * passed (docs/access-log.md, *Odd strings*).
 */
export class AccessLogWriter {
  constructor(
    private readonly sodium: Sodium,
    private readonly run: StatementRunner,
  ) {}

  /** Appends the entries in the caller's transaction, chain by chain, each under its head's lock. */
  async append(manager: EntityManager, entries: readonly AccessLogFacts[]): Promise<void> {
    if (manager.queryRunner === undefined) throw new Error('the access log is appended inside a transaction, or alone through appendAfter');
    const byChain = new Map<string, AccessLogFacts[]>();
    const stored = entries.map(storedFormOf);
    requireDecisions(stored);
    for (const entry of stored) {
      const key = chainKeyOf(entry.familyId);
      const list = byChain.get(key);
      if (list === undefined) byChain.set(key, [entry]);
      else list.push(entry);
    }
    // A fixed order of chains, so two transactions never wait on each other crosswise.
    for (const chainKey of [...byChain.keys()].sort()) {
      await this.appendToChain(manager, chainKey, byChain.get(chainKey) ?? []);
    }
  }

  /**
   * Appends one chain's entries after the head the caller read, as a single statement
   * that PostgreSQL runs atomically: in the caller's transaction, or, with a manager
   * outside any transaction, as a transaction of its own. False when the head had moved
   * or the entries are not all on the head's chain: nothing was written, and the caller
   * appends them with `append` in a transaction instead.
   */
  async appendAfter(manager: EntityManager, given: readonly AccessLogFacts[], known: KnownChainHead): Promise<boolean> {
    const entries = given.map(storedFormOf);
    if (entries.some((entry) => chainKeyOf(entry.familyId) !== known.chainKey)) return false;
    requireDecisions(entries);
    if (entries.length === 0) return true;
    const [result] = await this.run<{ appended: number }>(manager, APPEND_IF_UNMOVED, [...this.appendParameters(known.chainKey, known.sequence, known.entryHash, entries), known.sequence]);
    const appended = result?.appended ?? 0;
    if (appended === 0) return false;
    // All or nothing by construction; anything else must fail the transaction, never be appended twice.
    if (appended !== entries.length) throw new Error('the access log append wrote part of its entries');
    return true;
  }

  private async appendToChain(manager: EntityManager, chainKey: string, entries: readonly AccessLogFacts[]): Promise<void> {
    if (entries.length === 0) return;
    const head = await this.lockHead(manager, chainKey);
    await this.run(manager, APPEND, this.appendParameters(chainKey, head.sequence, head.entry_hash, entries));
  }

  /** The entries hashed in order after the given head, as the statements' 21 parameters. */
  private appendParameters(chainKey: string, headSequence: string, headHash: Uint8Array, given: readonly AccessLogFacts[]): unknown[] {
    let sequence = Number(headSequence);
    let previous: Uint8Array = new Uint8Array(headHash);
    const rows = given.map(storedFactsOf);
    const columns = {
      id: [] as string[],
      sequence: [] as string[],
      previousHash: [] as string[],
      entryHash: [] as string[],
    };
    for (const row of rows) {
      const hash = entryHash(this.sodium, previous, chainKey, row);
      sequence += 1;
      columns.id.push(timeOrderedId());
      columns.sequence.push(String(sequence));
      columns.previousHash.push(byteaElement(previous));
      columns.entryHash.push(byteaElement(hash));
      previous = hash;
    }
    // Every column travels as one PostgreSQL array literal, built here: pg's own conversion
    // escapes element by element. arrayLiteral quotes every text element, and inside quotes
    // only `"` and `\` mean anything to PostgreSQL's array parser, so any storable text
    // (braces, commas, spaces, the word NULL, controls, non-BMP characters) arrives as it is.
    const text = (pick: (row: StoredFacts) => string | null) => arrayLiteral(rows.map(pick));
    return [
      chainKey,
      plainArray(columns.id),
      plainArray(columns.sequence),
      plainArray(rows.map((r) => r.occurredAt.toISOString())),
      text((r) => r.traceId),
      text((r) => r.actorKind),
      text((r) => r.actorId),
      text((r) => r.actorOrganisationId),
      text((r) => r.actorRole),
      text((r) => r.activity),
      text((r) => r.purpose),
      text((r) => r.familyId),
      arrayLiteral(rows.map((r) => arrayLiteral(r.subjectMemberIds))),
      text((r) => r.decision),
      plainArray(rows.map((r) => (r.breakGlass ? 't' : 'f'))),
      decisionsJson(rows),
      plainArray(columns.previousHash),
      plainArray(columns.entryHash),
      String(sequence),
      Buffer.from(previous),
      // The filters' words of each entry (`facetsOf`), not hashed: they follow from what is.
      arrayLiteral(rows.map((r) => arrayLiteral(r.facets))),
    ];
  }

  /** Locks the chain's head, creating it at the genesis hash the first time. */
  private async lockHead(manager: EntityManager, chainKey: string): Promise<{ sequence: string; entry_hash: Buffer }> {
    const [head] = await this.run<{ sequence: string; entry_hash: Buffer }>(manager, LOCK_HEAD, [chainKey]);
    if (head !== undefined) return head;
    await this.run(manager, CREATE_HEAD, [chainKey, Buffer.from(GENESIS_HASH)]);
    const [created] = await this.run<{ sequence: string; entry_hash: Buffer }>(manager, LOCK_HEAD, [chainKey]);
    if (created === undefined) throw new Error('the access log chain head could not be locked');
    return created;
  }
}

/** An entry decides something, or it is not an entry: refused before anything is hashed (and the request with it, fail closed). */
function requireDecisions(entries: readonly AccessLogFacts[]): void {
  if (entries.some((e) => e.decisions.length === 0)) throw new Error('an access-log entry holds at least one decision');
}

/**
 * The rows' decisions as one JSON array (an element per row) that PostgreSQL parses into the
 * jsonb column, each decision an object of its nine keys. jsonb keeps every string and the
 * lists' order, and JSON.stringify escapes what JSON needs, so the row read back holds
 * exactly the decisions that were hashed.
 */
function decisionsJson(rows: readonly StoredFacts[]): string {
  return JSON.stringify(rows.map((row) => (row.decisions ?? []).map(decisionObject)));
}

function decisionObject(d: StoredDecision): Record<keyof StoredDecision, unknown> {
  return (
    {
      targetKind: d.targetKind,
      targetIds: d.targetIds,
      sourceOrganisationId: d.sourceOrganisationId,
      category: d.category,
      fields: d.fields,
      outcome: d.outcome,
      basis: d.basis,
      basisRefs: d.basisRefs,
      reason: d.reason,
    }
  );
}

/**
 * A PostgreSQL array literal of strings, every element quoted and escaped (NULL for null):
 * ids, field names, codes and free text, cast to uuid[] or text[] in the statement, and the
 * inner literals of the array-valued columns (cast per row). Quoted, the element "NULL" is
 * the text NULL, and whitespace, braces and commas are kept.
 */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${NEEDS_ESCAPE.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : v}"`)).join(',')}}`;
}

/** Ids, codes and field names hold neither: one test instead of two replacements per element. */
const NEEDS_ESCAPE = /["\\]/;

/** An array literal of elements that need no quoting: uuids, integers, ISO times, t/f, escaped bytea. */
function plainArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/** A bytea as an array element: its hex form, the backslash escaped for the array's parser. */
function byteaElement(bytes: Uint8Array): string {
  return `\\\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}
