import type { Sodium } from '@kring/crypto';
import type { AccessLogFacts } from './access-log-entry';

/** The hash before the first entry of every chain. */
export const GENESIS_HASH = new Uint8Array(32);

/** The chain an entry belongs to: one per family, so families never wait on each other; one for everything else. */
export function chainKeyOf(familyId: string | null): string {
  return familyId === null ? 'kring' : `family:${familyId}`;
}

/**
 * The canonical encoding that is hashed: a JSON array in a fixed order, with
 * times as ISO strings and sets sorted. Changing it changes every hash, so it
 * carries a version tag.
 */
export function canonicalEncoding(chainKey: string, facts: AccessLogFacts): string {
  return JSON.stringify([
    'kring-log-v1',
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
    facts.targetId,
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

/** BLAKE2b-256 over the previous entry's hash and this entry's canonical encoding. */
export function entryHash(sodium: Sodium, previousHash: Uint8Array, chainKey: string, facts: AccessLogFacts): Uint8Array {
  const encoded = new TextEncoder().encode(canonicalEncoding(chainKey, facts));
  const message = new Uint8Array(previousHash.length + encoded.length);
  message.set(previousHash, 0);
  message.set(encoded, previousHash.length);
  return sodium.crypto_generichash(32, message, null);
}
