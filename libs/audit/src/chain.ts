import type { Sodium } from '@kring/crypto';
import type { AccessLogFacts, StoredFacts } from './access-log-entry';

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
 * - `kring-log-v1`: one target id (`targetId`, or null). Entries written before the
 *   `target_ids` column existed; read back with `targetIds` null.
 * - `kring-log-v2`: the list of target ids (`targetIds`) in its place, in the order the
 *   writer gave them (not sorted: a read lists its targets in the order of the file, and
 *   PostgreSQL keeps an array's order, so the stored array is hashed as stored).
 *
 * The version follows from the facts: `targetIds` null is v1, anything else v2. Since the
 * tag is part of what is hashed, turning one shape into the other breaks the entry's hash.
 */
export function canonicalEncoding(chainKey: string, facts: AccessLogFacts | StoredFacts): string {
  const legacy = facts.targetIds === null;
  return JSON.stringify([
    legacy ? 'kring-log-v1' : 'kring-log-v2',
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
    [...facts.subjectMemberIds].sort(),
    facts.targetKind,
    legacy ? (facts as StoredFacts).targetId : facts.targetIds,
    facts.sourceOrganisationId,
    facts.category,
    [...facts.fields].sort(),
    facts.decision,
    facts.basis,
    [...facts.basisRefs].sort(),
    facts.reason,
    facts.breakGlass,
  ]);
}

/** BLAKE2b-256 over the previous entry's hash and this entry's canonical encoding (UTF-8). */
export function entryHash(sodium: Sodium, previousHash: Uint8Array, chainKey: string, facts: AccessLogFacts | StoredFacts): Uint8Array {
  const encoded = canonicalEncoding(chainKey, facts);
  // One buffer for both parts, the text encoded straight into it: this runs for every entry of every read.
  const message = Buffer.allocUnsafe(previousHash.length + Buffer.byteLength(encoded, 'utf8'));
  message.set(previousHash, 0);
  message.write(encoded, previousHash.length, 'utf8');
  return sodium.crypto_generichash(32, message, null);
}
