import fc from 'fast-check';
import { loadSodium, type Sodium } from '@kring/crypto';
import { storedFactsOf } from './access-log-entry';
import { entryHash, facetsAgree, GENESIS_HASH, v3RowIsWellFormed } from './chain';
import { CheckpointSigner, checkpointIsAuthentic, type Checkpoint } from './checkpoint';
import { walkChain, type BrokenPlace, type ChainAnswer, type ChainQuestion, type StoredEntry } from './chain-walk';
import { readEntryFacts } from './read-entry.fixture';
import { answersFromArrays, runWalk } from './verify-chain';

const CHAIN = 'family:0b6f3c1e-0001-4c8a-9a51-000000000001';

/**
 * The walk reads a chain in batches and keeps two hashes of what it passed. These tests
 * hold it against the check it replaces, which loaded the whole chain and kept a map of
 * every hash (`wholeChainCheck`, below, as it was): over random chains and random
 * tampering, and for every batch size, both name the same first broken place.
 */
describe('walking a chain in batches finds what the whole-chain check found', () => {
  let sodium: Sodium;
  let signer: CheckpointSigner;
  beforeAll(async () => {
    sodium = await loadSodium();
    signer = new CheckpointSigner(sodium, new Uint8Array(32).fill(3));
  });

  const facts = (n: number) => storedFactsOf(readEntryFacts(n));

  /** A chain of `length` entries, and a checkpoint after every `every`. */
  const chain = (length: number, every: number) => {
    const entries: StoredEntry[] = [];
    let previous: Uint8Array = GENESIS_HASH;
    for (let n = 1; n <= length; n++) {
      const f = facts(n);
      const hash = entryHash(sodium, previous, CHAIN, f);
      entries.push({ ...f, id: `entry-${n}`, chainKey: CHAIN, sequence: n, previousHash: previous, entryHash: hash });
      previous = hash;
    }
    const checkpoints = entries.filter((e) => e.sequence % every === 0).map((e) => signer.sign(CHAIN, e.sequence, e.entryHash, new Date('2026-03-02T00:00:00Z')));
    return { entries, checkpoints, head: { sequence: length } };
  };

  /** The walk, its entries and checkpoints given `batch` at a time; counts the most rows handed over at once. */
  const walked = (entries: readonly StoredEntry[], checkpoints: readonly Checkpoint[], head: { sequence: number } | null, batch: number) => {
    let mostRows = 0;
    const answers = answersFromArrays(entries, checkpoints, batch);
    const counted = (question: ChainQuestion): ChainAnswer => {
      const answer = answers(question);
      if (Array.isArray(answer)) mostRows = Math.max(mostRows, answer.length);
      return answer;
    };
    return { ...runWalk(walkChain(sodium, CHAIN, signer.publicKey, head), counted), mostRows };
  };

  /** Tamperings as someone with the database and the algorithm would do them, on a chain of 40 with checkpoints at 10, 20, 30, 40. */
  const tampering = fc.oneof(
    fc.record({ kind: fc.constant('change' as const), at: fc.integer({ min: 0, max: 39 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.integer({ min: 0, max: 39 }), renumber: fc.boolean() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.integer({ min: 0, max: 40 }), rehash: fc.boolean() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.integer({ min: 0, max: 38 }), distance: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('head' as const), sequence: fc.integer({ min: 0, max: 45 }) }),
    fc.record({ kind: fc.constant('checkpoint' as const), at: fc.integer({ min: 0, max: 3 }), what: fc.constantFrom('signature', 'hash', 'sequence') }),
    fc.record({ kind: fc.constant('dropTail' as const), keep: fc.integer({ min: 0, max: 39 }) }),
  );
  type Tampering = typeof tampering extends fc.Arbitrary<infer T> ? T : never;

  function tampered(t: Tampering) {
    const { entries, checkpoints, head } = chain(40, 10);
    let list: StoredEntry[] = [...entries];
    let signed: Checkpoint[] = [...checkpoints];
    let chainHead: { sequence: number } | null = head;
    switch (t.kind) {
      case 'change':
        list[t.at] = { ...(list[t.at] as StoredEntry), purpose: 'CHILD_PROTECTION' };
        break;
      case 'delete':
        list.splice(t.at, 1);
        if (t.renumber) list = list.map((e, i) => ({ ...e, sequence: i + 1 }));
        break;
      case 'insert': {
        const before = t.at === 0 ? null : (list[t.at - 1] as StoredEntry);
        const previousHash = before?.entryHash ?? GENESIS_HASH;
        const f = { ...facts(99), purpose: 'FORGED' };
        const forged: StoredEntry = { ...f, id: 'forged', chainKey: CHAIN, sequence: t.at + 1, previousHash, entryHash: t.rehash ? entryHash(sodium, previousHash, CHAIN, f) : new Uint8Array(32).fill(9) };
        list = [...list.slice(0, t.at), forged, ...list.slice(t.at).map((e) => ({ ...e, sequence: e.sequence + 1 }))];
        break;
      }
      case 'swap': {
        const other = Math.min(39, t.at + t.distance);
        const a = list[t.at] as StoredEntry;
        const b = list[other] as StoredEntry;
        list[t.at] = { ...b, sequence: a.sequence };
        list[other] = { ...a, sequence: b.sequence };
        break;
      }
      case 'head':
        chainHead = { sequence: t.sequence };
        break;
      case 'checkpoint': {
        const c = signed[t.at] as Checkpoint;
        signed[t.at] =
          t.what === 'signature' ? { ...c, signature: new Uint8Array(64) } : t.what === 'hash' ? signer.sign(CHAIN, c.sequence, new Uint8Array(32).fill(1), c.signedAt) : signer.sign(CHAIN, c.sequence + 100, c.entryHash, c.signedAt);
        signed = [...signed].sort((x, y) => x.sequence - y.sequence);
        break;
      }
      case 'dropTail':
        list = list.slice(0, t.keep);
        break;
    }
    return { entries: list, checkpoints: signed, head: chainHead };
  }

  it('names the same first broken place for any one tampering, at every batch size, holding at most a batch of rows', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(tampering, fc.constantFrom(1, 2, 3, 7, 10, 1000), (t, batch) => {
        const { entries, checkpoints, head } = tampered(t);
        const expected = wholeChainCheck(sodium, entries, checkpoints, signer.publicKey, head);
        const { verdict, mostRows } = walked(entries, checkpoints, head, batch);
        expect({ intact: verdict.intact, firstBroken: verdict.firstBroken }).toEqual({ intact: expected === null, firstBroken: expected });
        expect(mostRows).toBeLessThanOrEqual(batch);
        seen.add(expected?.problem ?? 'intact');
      }),
      {
        numRuns: 400,
        // One of each kind for certain, besides the random ones.
        examples: [
          [{ kind: 'change', at: 9 }, 10],
          [{ kind: 'delete', at: 10, renumber: true }, 3],
          [{ kind: 'insert', at: 20, rehash: true }, 7],
          [{ kind: 'swap', at: 9, distance: 1 }, 10],
          [{ kind: 'head', sequence: 45 }, 2],
          [{ kind: 'checkpoint', at: 1, what: 'signature' }, 1],
        ],
      },
    );
    // The tamperings reached every kind of breakage, so the agreement covers each.
    expect([...seen].filter((kind) => kind !== 'intact').sort()).toEqual(['CHANGED', 'CHECKPOINT_INVALID', 'INSERTED', 'MISSING', 'REORDERED', 'TRUNCATED']);
  });

  it('an intact chain: every entry and checkpoint counted, the last checkpoint remembered, at every batch size', () => {
    const { entries, checkpoints, head } = chain(40, 10);
    for (const batch of [1, 3, 7, 40, 1000]) {
      const result = walked(entries, checkpoints, head, batch);
      expect(result.verdict).toEqual({ chainKey: CHAIN, intact: true, entries: 40, checkpointsVerified: 4, firstBroken: null });
      expect(result.lastVerifiedCheckpoint?.sequence).toBe(40);
    }
  });

  it('starting from a verified checkpoint, reads only the entries after it, and still finds a break there', () => {
    const { entries, checkpoints, head } = chain(40, 10);
    const at20 = entries[19] as StoredEntry;
    const start = { sequence: 20, hash: at20.entryHash, previousHash: at20.previousHash, id: at20.id };
    const asked: number[] = [];
    /** The chain `list` answered five entries at a time, noting which entries were read. */
    const answer = (list: readonly StoredEntry[]) => {
      const answers = answersFromArrays(list, checkpoints, 5);
      return (question: ChainQuestion): ChainAnswer => {
        const given = answers(question);
        if (question.kind === 'entries') asked.push(...(given as StoredEntry[]).map((e) => e.sequence));
        return given;
      };
    };
    const intact = runWalk(walkChain(sodium, CHAIN, signer.publicKey, head, start), answer(entries));
    expect(intact.verdict).toEqual({ chainKey: CHAIN, intact: true, entries: 20, checkpointsVerified: 2, firstBroken: null });
    expect(Math.min(...asked)).toBe(21);
    const changed = entries.map((e) => (e.sequence === 25 ? { ...e, fields: ['bsn'] } : e));
    expect(runWalk(walkChain(sodium, CHAIN, signer.publicKey, head, start), answer(changed)).verdict.firstBroken).toEqual({ sequence: 25, entryId: 'entry-25', problem: 'CHANGED' });
    // A change before the start is not read again: that is what a full verification is for.
    const early = entries.map((e) => (e.sequence === 5 ? { ...e, fields: ['bsn'] } : e));
    expect(runWalk(walkChain(sodium, CHAIN, signer.publicKey, head, start), answer(early)).verdict.intact).toBe(true);
  });
});

/**
 * The check as it was before it streamed (libs/audit/src/verify-chain.ts until issue 13):
 * the whole chain in memory, a map of every entry's hash to its position. Kept here as the
 * reference the walk must agree with; it returns the first broken place, or null.
 */
function wholeChainCheck(sodium: Sodium, entries: readonly StoredEntry[], checkpoints: readonly Checkpoint[], publicKey: Uint8Array, head: { readonly sequence: number } | null): BrokenPlace | null {
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
  const positionOf = new Map(entries.map((e, i) => [hex(e.entryHash), i]));
  let previous: { sequence: number; hash: Uint8Array } = { sequence: 0, hash: GENESIS_HASH };
  for (const [i, entry] of entries.entries()) {
    if (entry.targetIds !== null && entry.targetId !== null) return { sequence: entry.sequence, entryId: entry.id, problem: 'CHANGED' };
    if (!v3RowIsWellFormed(entry) || !facetsAgree(entry)) return { sequence: entry.sequence, entryId: entry.id, problem: 'CHANGED' };
    if (!same(entryHash(sodium, entry.previousHash, CHAIN, entry), entry.entryHash)) return { sequence: entry.sequence, entryId: entry.id, problem: 'CHANGED' };
    if (entry.sequence > previous.sequence + 1) return { sequence: previous.sequence + 1, entryId: null, problem: 'MISSING' };
    if (!same(entry.previousHash, previous.hash)) {
      const linkedTo = positionOf.get(hex(entry.previousHash));
      const before = entries[i - 1];
      const next = entries[i + 1];
      if (linkedTo !== undefined && linkedTo === i - 2 && before !== undefined) return { sequence: before.sequence, entryId: before.id, problem: 'INSERTED' };
      if (linkedTo !== undefined) return { sequence: entry.sequence, entryId: entry.id, problem: 'REORDERED' };
      if (next !== undefined && same(next.previousHash, entry.entryHash)) return { sequence: entry.sequence, entryId: null, problem: 'MISSING' };
      return { sequence: entry.sequence, entryId: entry.id, problem: 'INSERTED' };
    }
    if (entry.sequence !== previous.sequence + 1) return { sequence: previous.sequence + 1, entryId: null, problem: 'MISSING' };
    previous = { sequence: entry.sequence, hash: entry.entryHash };
  }
  if (head !== null && head.sequence > previous.sequence) return { sequence: previous.sequence + 1, entryId: null, problem: 'TRUNCATED' };
  if (head !== null && head.sequence < previous.sequence) return { sequence: head.sequence + 1, entryId: entries.find((e) => e.sequence === head.sequence + 1)?.id ?? null, problem: 'INSERTED' };
  for (const checkpoint of checkpoints) {
    const entry = entries.find((e) => e.sequence === checkpoint.sequence);
    if (!checkpointIsAuthentic(sodium, checkpoint, publicKey)) return { sequence: checkpoint.sequence, entryId: entry?.id ?? null, problem: 'CHECKPOINT_INVALID' };
    if (entry === undefined) return { sequence: checkpoint.sequence, entryId: null, problem: 'TRUNCATED' };
    if (!same(entry.entryHash, checkpoint.entryHash)) return { sequence: checkpoint.sequence, entryId: entry.id, problem: 'CHANGED' };
  }
  return null;
}
