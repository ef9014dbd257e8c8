import { loadSodium, type Sodium } from '@kring/crypto';
import type { AccessLogFacts, ChainedEntry, StoredFacts } from './access-log-entry';
import { canonicalEncoding, entryHash, GENESIS_HASH } from './chain';
import { CheckpointSigner } from './checkpoint';
import { verifyChain } from './verify-chain';

const CHAIN = 'family:0b6f3c1e-0001-4c8a-9a51-000000000001';
const [T1, T2, T3] = ['0b6f3c1e-0009-4c8a-9a51-000000000001', '0b6f3c1e-0009-4c8a-9a51-000000000002', '0b6f3c1e-0009-4c8a-9a51-000000000003'];

/** The facts every entry here shares, without its target. */
const BASE = {
  occurredAt: new Date('2026-03-01T09:30:00.000Z'),
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  actorKind: 'PROFESSIONAL',
  actorId: '0b6f3c1e-0004-4c8a-9a51-000000000002',
  actorOrganisationId: '0b6f3c1e-0002-4c8a-9a51-000000000001',
  actorRole: 'PROFESSIONAL',
  activity: 'READ_FAMILY_FILE',
  purpose: 'CASE_COORDINATION',
  familyId: '0b6f3c1e-0001-4c8a-9a51-000000000001',
  subjectMemberIds: ['m-2', 'm-1'],
  targetKind: 'RECORD',
  sourceOrganisationId: '0b6f3c1e-0002-4c8a-9a51-000000000003',
  category: 'FINANCES',
  fields: ['income', 'debts'],
  decision: 'ALLOWED',
  basis: 'CONSENT',
  basisRefs: ['c-2', 'c-1'],
  reason: null,
  breakGlass: false,
} as const satisfies Omit<AccessLogFacts, 'targetIds'>;

/** An entry as written before target_ids existed: one target id, read back with targetIds null. */
const v1 = (targetId: string | null): StoredFacts => ({ ...BASE, targetId, targetIds: null });
/** An entry as written now. */
const v2 = (targetIds: readonly string[]): AccessLogFacts => ({ ...BASE, targetIds });

describe('the canonical encoding of an entry, per version', () => {
  let sodium: Sodium;
  beforeAll(async () => {
    sodium = await loadSodium();
  });

  it('v1 is exactly what was hashed before target_ids existed, so old chains keep verifying', () => {
    // Written out by hand from the v1 encoding as it was; any change to it fails here.
    const expected =
      `["kring-log-v1","${CHAIN}","2026-03-01T09:30:00.000Z","4bf92f3577b34da6a3ce929d0e0e4736","PROFESSIONAL","0b6f3c1e-0004-4c8a-9a51-000000000002",` +
      `"0b6f3c1e-0002-4c8a-9a51-000000000001","PROFESSIONAL","READ_FAMILY_FILE","CASE_COORDINATION","0b6f3c1e-0001-4c8a-9a51-000000000001",["m-1","m-2"],"RECORD",` +
      `"${T1}","0b6f3c1e-0002-4c8a-9a51-000000000003","FINANCES",["debts","income"],"ALLOWED","CONSENT",["c-1","c-2"],null,false]`;
    expect(canonicalEncoding(CHAIN, v1(T1))).toBe(expected);
    const previous = new Uint8Array(32).fill(7);
    const message = new Uint8Array([...previous, ...new TextEncoder().encode(expected)]);
    expect(Buffer.from(entryHash(sodium, previous, CHAIN, v1(T1))).toString('hex')).toBe(Buffer.from(sodium.crypto_generichash(32, message, null)).toString('hex'));
    // A v1 entry without a target (a refusal without a valid id, a key rotation) encodes null.
    expect(JSON.parse(canonicalEncoding(CHAIN, v1(null)))[13]).toBeNull();
  });

  it('v2 carries its tag and the target ids where v1 had the one id, in the order written', () => {
    const encoded = JSON.parse(canonicalEncoding(CHAIN, v2([T3, T1, T2]))) as unknown[];
    expect(encoded[0]).toBe('kring-log-v2');
    expect(encoded[13]).toEqual([T3, T1, T2]);
    // Everything else as in v1.
    expect([...encoded.slice(1, 13), ...encoded.slice(14)]).toEqual((JSON.parse(canonicalEncoding(CHAIN, v1(T1))) as unknown[]).filter((_, i) => i !== 0 && i !== 13));
  });

  it('the order of target ids, and the version, are part of the hash', () => {
    const hash = (facts: AccessLogFacts | StoredFacts) => Buffer.from(entryHash(sodium, GENESIS_HASH, CHAIN, facts)).toString('hex');
    expect(hash(v2([T1, T2]))).not.toBe(hash(v2([T2, T1])));
    expect(hash(v2([T1]))).not.toBe(hash(v1(T1)));
    expect(hash(v2([]))).not.toBe(hash(v1(null)));
    // A stored v2 entry (targetId null) hashes like the facts it was written from.
    expect(hash({ ...v2([T1, T2]), targetId: null })).toBe(hash(v2([T1, T2])));
  });
});

describe('verifying a chain that spans both versions', () => {
  let sodium: Sodium;
  let signer: CheckpointSigner;
  beforeAll(async () => {
    sodium = await loadSodium();
    signer = new CheckpointSigner(sodium, new Uint8Array(32).fill(3));
  });

  /** Chains the facts in order, as the writer (v2) and the old writer (v1) did, each storing what it hashed. */
  const chain = (list: readonly StoredFacts[]): (ChainedEntry & { id: string })[] => {
    let previous: Uint8Array = GENESIS_HASH;
    return list.map((facts, i) => {
      const hash = entryHash(sodium, previous, CHAIN, facts);
      const entry = { ...facts, id: `entry-${i + 1}`, chainKey: CHAIN, sequence: i + 1, previousHash: previous, entryHash: hash };
      previous = hash;
      return entry;
    });
  };
  const stored = (facts: AccessLogFacts): StoredFacts => ({ ...facts, targetId: null });
  const verify = (entries: readonly (ChainedEntry & { id: string })[]) => {
    const last = entries.at(-1) as ChainedEntry;
    // A checkpoint signed over the last v1 entry, as an old gateway would have signed it.
    const checkpoint = signer.sign(CHAIN, 2, (entries[1] as ChainedEntry).entryHash, new Date('2026-03-01T10:00:00Z'));
    return verifyChain(sodium, CHAIN, entries, [checkpoint], signer.publicKey, { sequence: last.sequence });
  };
  const entries = () => chain([v1(T1), v1(null), stored(v2([T2, T3])), stored(v2([]))]);

  it('old entries verify with v1, new ones with v2, and the checkpoint over an old entry still holds', () => {
    expect(verify(entries())).toEqual({ chainKey: CHAIN, intact: true, entries: 4, checkpointsVerified: 1, firstBroken: null });
  });

  it('an old entry whose target_id was changed is CHANGED, named', () => {
    const list = entries();
    list[0] = { ...(list[0] as ChainedEntry & { id: string }), targetId: T2 };
    expect(verify(list).firstBroken).toEqual({ sequence: 1, entryId: 'entry-1', problem: 'CHANGED' });
  });

  it('an old entry given target_ids (with or without its target_id) is CHANGED: the version is part of the hash', () => {
    for (const changed of [{ targetIds: [T1] }, { targetIds: [T1], targetId: null }, { targetIds: [] }]) {
      const list = entries();
      list[0] = { ...(list[0] as ChainedEntry & { id: string }), ...changed };
      expect(verify(list).firstBroken).toEqual({ sequence: 1, entryId: 'entry-1', problem: 'CHANGED' });
    }
  });

  it('a new entry whose target_ids were reordered, shortened or extended is CHANGED, named', () => {
    for (const targetIds of [[T3, T2], [T2], [T2, T3, T1]]) {
      const list = entries();
      list[2] = { ...(list[2] as ChainedEntry & { id: string }), targetIds };
      expect(verify(list).firstBroken).toEqual({ sequence: 3, entryId: 'entry-3', problem: 'CHANGED' });
    }
  });

  it('a new entry given a target_id is CHANGED, though v2 does not hash that column', () => {
    const list = entries();
    list[3] = { ...(list[3] as ChainedEntry & { id: string }), targetId: T1 };
    expect(verify(list).firstBroken).toEqual({ sequence: 4, entryId: 'entry-4', problem: 'CHANGED' });
  });
});
