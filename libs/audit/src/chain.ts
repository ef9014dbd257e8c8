import type { Sodium } from '@kring/crypto';
import { facetsOf, type StoredFacts } from './access-log-entry';

/** The hash before the first entry of every chain. */
export const GENESIS_HASH = new Uint8Array(32);

/** The chain an entry belongs to: one per family, so families never wait on each other; one for everything else. */
export function chainKeyOf(familyId: string | null): string {
  return familyId === null ? 'kring' : `family:${familyId}`;
}

/**
 * The canonical encoding that is hashed: a JSON array in a fixed order, with times as
 * ISO strings and sets sorted. Changing it changes every hash, so it carries a version
 * tag, and each version stays as it is for the entries written under it:
 *
 * - `kring-log-v1`: one group of decisions, one target id (`targetId`, or null). Entries
 *   written before the `target_ids` column existed; read back with `targetIds` null.
 * - `kring-log-v2`: the list of target ids (`targetIds`) in its place, in the order the
 *   writer gave them (not sorted: a read lists its targets in the order of the file, and
 *   PostgreSQL keeps an array's order, so the stored array is hashed as stored).
 * - `kring-log-v3`: one entry per operation and data subject (DESIGN.md §10): the entry's
 *   facts, its outcome and break-glass flag, then its decisions in the order written, each
 *   as [target kind, target ids, source organisation, category, fields (sorted), outcome,
 *   basis, basis references (sorted), reason]. The scalar decision columns of v1 and v2
 *   are not encoded; the walk checks they are empty (`v3RowIsWellFormed`).
 *
 * The version follows from the facts: `decisions` set is v3; otherwise `targetIds` null is
 * v1, anything else v2. Since the tag is part of what is hashed, turning one shape into
 * another breaks the entry's hash.
 */
export function canonicalEncoding(chainKey: string, facts: StoredFacts): string {
  if (facts.decisions !== null) {
    const encoded = entryFacts('kring-log-v3', chainKey, facts);
    encoded.push(
      facts.decision,
      facts.breakGlass,
      facts.decisions.map((d) => [d.targetKind, d.targetIds, d.sourceOrganisationId, d.category, sorted(d.fields), d.outcome, d.basis, sorted(d.basisRefs), d.reason]),
    );
    return JSON.stringify(encoded);
  }
  const legacy = facts.targetIds === null;
  const encoded = entryFacts(legacy ? 'kring-log-v1' : 'kring-log-v2', chainKey, facts);
  encoded.push(
    facts.targetKind,
    legacy ? facts.targetId : facts.targetIds,
    facts.sourceOrganisationId,
    facts.category,
    sorted(facts.fields),
    facts.decision,
    facts.basis,
    sorted(facts.basisRefs),
    facts.reason,
    facts.breakGlass,
  );
  return JSON.stringify(encoded);
}

/** What every encoding begins with, in this order: the tag, the chain, and who did what, when, why, about whom. */
function entryFacts(tag: string, chainKey: string, facts: StoredFacts): unknown[] {
  return [
    tag,
    chainKey,
    facts.occurredAt.toISOString(),
    facts.traceId,
    facts.actorKind,
    facts.actorId,
    facts.actorOrganisationId,
    facts.actorRole,
    facts.activity,
    facts.purpose,
    facts.familyId,
    sorted(facts.subjectMemberIds),
  ];
}

/**
 * A list as the encoding sorts it (`[...list].sort()`: by UTF-16 code unit, anything not a
 * string compared as its text), without the copy and the sort when it is in order already,
 * as the writer's lists mostly are: verification encodes millions of entries (issue 15).
 * A list with anything but strings (a null element of a changed row) is sorted as before,
 * and so is what is not a list at all, which only a changed v3 row's jsonb can hold (the
 * walk refuses such a row before it hashes it, but the encoding of it stays what it was).
 */
function sorted(list: readonly string[]): readonly string[] {
  if (!isList(list)) return list.length < 2 ? list : [...list].sort();
  for (let i = 1; i < list.length; i++) {
    const before = list[i - 1];
    const here = list[i];
    if (typeof before !== 'string' || typeof here !== 'string' || before > here) return [...list].sort();
  }
  return list;
}

/** Array.isArray as a plain answer: as a type guard it would make the list `any[]` where it holds. */
const isList: (value: unknown) => boolean = Array.isArray;

/**
 * The buffer each message is built in, reused: the text is encoded straight into it after
 * the previous hash, and libsodium copies what it hashes. It grows to the longest message
 * seen. One allocation less per entry, for every entry of every read and verification.
 */
let scratch = Buffer.allocUnsafe(4096);

/** BLAKE2b-256 over the previous entry's hash and this entry's canonical encoding (UTF-8). */
export function entryHash(sodium: Sodium, previousHash: Uint8Array, chainKey: string, facts: StoredFacts): Uint8Array {
  const encoded = canonicalEncoding(chainKey, facts);
  // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
  const most = previousHash.length + encoded.length * 3;
  if (scratch.length < most) scratch = Buffer.allocUnsafe(most);
  scratch.set(previousHash, 0);
  const length = previousHash.length + scratch.write(encoded, previousHash.length, 'utf8');
  return sodium.crypto_generichash(32, scratch.subarray(0, length), null);
}

/** The keys of a stored decision, exactly: a v3 row whose decisions hold any other key was changed after it was hashed. */
const DECISION_KEYS = new Set(['targetKind', 'targetIds', 'sourceOrganisationId', 'category', 'fields', 'outcome', 'basis', 'basisRefs', 'reason']);
const DECISION_LISTS = new Set(['targetIds', 'fields', 'basisRefs']);

/**
 * Whether a v3 row holds only what its hash covers: the scalar decision columns of v1 and
 * v2 empty (the writer leaves them so), and every decision an object of exactly the nine
 * keys, texts or null, lists of texts. A key added to a decision, or a value put in an old
 * column, is not in the v3 encoding, so the hash alone would not notice it.
 */
export function v3RowIsWellFormed(facts: StoredFacts): boolean {
  if (facts.decisions === null) return true;
  if (facts.targetKind !== null || facts.targetId !== null || facts.targetIds !== null || facts.sourceOrganisationId !== null || facts.category !== null) return false;
  if (facts.fields.length > 0 || facts.basis !== null || facts.basisRefs.length > 0 || facts.reason !== null) return false;
  if (!Array.isArray(facts.decisions) || facts.decisions.length === 0) return false;
  for (const decision of facts.decisions as readonly unknown[]) {
    if (typeof decision !== 'object' || decision === null || Array.isArray(decision)) return false;
    const keys = Object.keys(decision);
    if (keys.length !== DECISION_KEYS.size) return false;
    for (const key of keys) {
      if (!DECISION_KEYS.has(key)) return false;
      const value = (decision as Record<string, unknown>)[key];
      if (DECISION_LISTS.has(key) ? !Array.isArray(value) || value.some((v) => typeof v !== 'string') : value !== null && typeof value !== 'string') return false;
    }
  }
  return true;
}

/** Whether a stored entry's facets are the words its hashed columns give (in any order). */
export function facetsAgree(facts: StoredFacts): boolean {
  const expected = facetsOf(facts);
  if (facts.facets.length !== expected.length) return false;
  const stored = [...facts.facets].sort();
  return stored.every((word, i) => word === expected[i]);
}
