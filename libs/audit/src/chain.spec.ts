import { loadSodium, type Sodium } from '@kring/crypto';
import { facetsOf, storedFactsOf, type AccessLogFacts, type ChainedEntry, type StoredFacts } from './access-log-entry';
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
  decisions: null,
} as const satisfies Omit<StoredFacts, 'targetIds' | 'targetId' | 'facets'>;
const withFacets = (facts: Omit<StoredFacts, 'facets'>): StoredFacts => ({ ...facts, facets: facetsOf(facts) });

/** An entry as written before target_ids existed: one target id, read back with targetIds null. */
const v1 = (targetId: string | null): StoredFacts => withFacets({ ...BASE, targetId, targetIds: null });
/** An entry as written between target_ids and the decisions list: the group's target ids, targetId null. */
const v2 = (targetIds: readonly string[]): StoredFacts => withFacets({ ...BASE, targetIds, targetId: null });
/** An entry as written now (DESIGN.md §10): one member, a list of decisions. */
const v3Facts = (over: Partial<AccessLogFacts> = {}): AccessLogFacts => ({
  occurredAt: BASE.occurredAt,
  traceId: BASE.traceId,
  actorKind: 'PROFESSIONAL',
  actorId: BASE.actorId,
  actorOrganisationId: BASE.actorOrganisationId,
  actorRole: BASE.actorRole,
  activity: 'READ_FAMILY_FILE',
  purpose: BASE.purpose,
  familyId: BASE.familyId,
  subjectMemberIds: ['m-1'],
  decisions: [
    { targetKind: 'RECORD', targetIds: [T3, T1], sourceOrganisationId: BASE.sourceOrganisationId, category: 'FINANCES', fields: ['income', 'debts'], outcome: 'ALLOWED', basis: 'CONSENT', basisRefs: ['c-2', 'c-1'], reason: null },
    { targetKind: 'RECORD', targetIds: [T2], sourceOrganisationId: BASE.actorOrganisationId, category: 'HEALTH', fields: ['diagnosis'], outcome: 'DENIED', basis: null, basisRefs: [], reason: 'NO_CONSENT' },
  ],
  breakGlass: false,
  ...over,
});
const v3 = (over: Partial<AccessLogFacts> = {}): StoredFacts => storedFactsOf(v3Facts(over));

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
    const hash = (facts: StoredFacts) => Buffer.from(entryHash(sodium, GENESIS_HASH, CHAIN, facts)).toString('hex');
    expect(hash(v2([T1, T2]))).not.toBe(hash(v2([T2, T1])));
    expect(hash(v2([T1]))).not.toBe(hash(v1(T1)));
    expect(hash(v2([]))).not.toBe(hash(v1(null)));
  });

  it('v3 is the entry, its outcome and break-glass flag, then its decisions in the order written, sets sorted', () => {
    // Written out by hand from the v3 encoding; any change to it fails here, and every v3 entry written would stop verifying.
    const expected =
      `["kring-log-v3","${CHAIN}","2026-03-01T09:30:00.000Z","4bf92f3577b34da6a3ce929d0e0e4736","PROFESSIONAL","0b6f3c1e-0004-4c8a-9a51-000000000002",` +
      `"0b6f3c1e-0002-4c8a-9a51-000000000001","PROFESSIONAL","READ_FAMILY_FILE","CASE_COORDINATION","0b6f3c1e-0001-4c8a-9a51-000000000001",["m-1"],"PARTLY_ALLOWED",false,` +
      `[["RECORD",["${T3}","${T1}"],"0b6f3c1e-0002-4c8a-9a51-000000000003","FINANCES",["debts","income"],"ALLOWED","CONSENT",["c-1","c-2"],null],` +
      `["RECORD",["${T2}"],"0b6f3c1e-0002-4c8a-9a51-000000000001","HEALTH",["diagnosis"],"DENIED",null,[],"NO_CONSENT"]]]`;
    expect(canonicalEncoding(CHAIN, v3())).toBe(expected);
  });

  it('v3: the order of decisions, every fact of a decision, the outcome and the flag are part of the hash', () => {
    const hash = (facts: StoredFacts) => Buffer.from(entryHash(sodium, GENESIS_HASH, CHAIN, facts)).toString('hex');
    const base = v3Facts();
    const [first, second] = base.decisions as [AccessLogFacts['decisions'][number], AccessLogFacts['decisions'][number]];
    const variants: StoredFacts[] = [
      v3({ decisions: [second, first] }),
      v3({ decisions: [first] }),
      v3({ decisions: [{ ...first, outcome: 'DENIED' }, second] }),
      v3({ decisions: [{ ...first, targetIds: [T1, T3] }, second] }),
      v3({ decisions: [{ ...first, sourceOrganisationId: null }, second] }),
      v3({ decisions: [first, { ...second, reason: 'NOT_INVOLVED' }] }),
      v3({ breakGlass: true }),
      { ...v3(), decision: 'ALLOWED' },
      v3({ subjectMemberIds: ['m-2'] }),
    ];
    const hashes = new Set([hash(v3()), ...variants.map(hash)]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('v3 derives the outcome over the decisions', () => {
    const base = v3Facts();
    const [allowed, denied] = base.decisions as [AccessLogFacts['decisions'][number], AccessLogFacts['decisions'][number]];
    expect(v3({ decisions: [allowed] }).decision).toBe('ALLOWED');
    expect(v3({ decisions: [denied, denied] }).decision).toBe('DENIED');
    expect(v3().decision).toBe('PARTLY_ALLOWED');
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
  const verify = (entries: readonly (ChainedEntry & { id: string })[]) => {
    const last = entries.at(-1) as ChainedEntry;
    // A checkpoint signed over the last v1 entry, as an old gateway would have signed it.
    const checkpoint = signer.sign(CHAIN, 2, (entries[1] as ChainedEntry).entryHash, new Date('2026-03-01T10:00:00Z'));
    return verifyChain(sodium, CHAIN, entries, [checkpoint], signer.publicKey, { sequence: last.sequence });
  };
  const entries = () => chain([v1(T1), v1(null), v2([T2, T3]), v2([]), v3(), v3({ subjectMemberIds: [] })]);
  type Entry = ChainedEntry & { id: string };

  it('old entries verify with v1, newer ones with v2 and v3, and the checkpoint over an old entry still holds', () => {
    expect(verify(entries())).toEqual({ chainKey: CHAIN, intact: true, entries: 6, checkpointsVerified: 1, firstBroken: null });
  });

  it('a v3 entry whose decisions were changed, reordered, cut or given a key is CHANGED, named', () => {
    const original = (entries()[4] as Entry).decisions as NonNullable<StoredFacts['decisions']>;
    const [first, second] = original as [NonNullable<StoredFacts['decisions']>[number], NonNullable<StoredFacts['decisions']>[number]];
    const changes: Partial<StoredFacts>[] = [
      { decisions: [second, first] },
      { decisions: [first] },
      { decisions: [{ ...first, outcome: 'DENIED' }, second] },
      { decisions: [{ ...first, note: 'added' } as typeof first, second] },
      { decisions: [{ ...first, fields: [...first.fields, 'bsn'] }, second] },
      { decisions: [] },
      { decision: 'ALLOWED' },
      { breakGlass: true },
    ];
    for (const change of changes) {
      const list = entries();
      list[4] = { ...(list[4] as Entry), ...change };
      expect(verify(list).firstBroken).toEqual({ sequence: 5, entryId: 'entry-5', problem: 'CHANGED' });
    }
  });

  it("a v3 entry given a value in a column of the old shapes is CHANGED, though v3 does not hash those columns", () => {
    const changes: Partial<StoredFacts>[] = [{ category: 'HEALTH' }, { targetIds: [T1] }, { targetId: T1 }, { sourceOrganisationId: BASE.sourceOrganisationId }, { fields: ['bsn'] }, { basis: 'CONSENT' }, { basisRefs: ['c-9'] }, { reason: 'NO_CONSENT' }, { targetKind: 'RECORD' }];
    for (const change of changes) {
      const list = entries();
      list[4] = { ...(list[4] as Entry), ...change };
      expect(verify(list).firstBroken).toEqual({ sequence: 5, entryId: 'entry-5', problem: 'CHANGED' });
    }
  });

  it('an entry whose filter words (facets) no longer follow from it is CHANGED, in either shape, though they are not hashed', () => {
    const facetsAt = (at: number) => (entries()[at] as Entry).facets;
    const changes: [number, readonly string[]][] = [
      [0, ['o:ALLOWED', 'c:FINANCES']],
      [2, [...facetsAt(2), 'r:NO_CONSENT']],
      [4, facetsAt(4).filter((w) => w !== 'o:DENIED')],
      [4, [...facetsAt(4).slice(1), 'c:CONTACT']],
    ];
    for (const [at, facets] of changes) {
      const list = entries();
      list[at] = { ...(list[at] as Entry), facets };
      expect(verify(list).firstBroken).toEqual({ sequence: at + 1, entryId: `entry-${at + 1}`, problem: 'CHANGED' });
    }
    // The same words in another order are the same facets.
    const list = entries();
    list[4] = { ...(list[4] as Entry), facets: [...facetsAt(4)].reverse() };
    expect(verify(list).intact).toBe(true);
  });

  it('a v3 entry turned into the old shape (its decisions removed) is CHANGED', () => {
    const list = entries();
    list[4] = { ...(list[4] as Entry), decisions: null, targetIds: [T1] };
    expect(verify(list).firstBroken).toEqual({ sequence: 5, entryId: 'entry-5', problem: 'CHANGED' });
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
