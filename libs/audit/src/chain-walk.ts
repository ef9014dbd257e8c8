import type { Sodium } from '@kring/crypto';
import type { ChainedEntry } from './access-log-entry';
import { entryHash, facetsAgree, GENESIS_HASH, v3RowIsWellFormed } from './chain';
import { checkpointIsAuthentic, type Checkpoint } from './checkpoint';

/** What is wrong at the first broken place of a chain. */
export type Breakage = 'CHANGED' | 'MISSING' | 'INSERTED' | 'REORDERED' | 'CHECKPOINT_INVALID' | 'TRUNCATED';

/** The first broken place: its sequence (and the id of the entry there, when there is one), and what is wrong. */
export interface BrokenPlace {
  readonly sequence: number;
  readonly entryId: string | null;
  readonly problem: Breakage;
}

export interface ChainVerdict {
  readonly chainKey: string;
  readonly intact: boolean;
  /** Entries checked (hashed and linked); on a broken chain, those before the break. */
  readonly entries: number;
  /** Checkpoints whose signature and entry were checked, before any broken one. */
  readonly checkpointsVerified: number;
  readonly firstBroken: BrokenPlace | null;
}

/** An entry as read back, with its row id for the report. */
export type StoredEntry = ChainedEntry & { readonly id: string };

/**
 * Where a walk starts: the genesis, or an entry covered by a checkpoint verified before
 * (its sequence, its hash as signed, the hash it links to, its id).
 */
export interface WalkStart {
  readonly sequence: number;
  readonly hash: Uint8Array;
  readonly previousHash: Uint8Array | null;
  readonly id: string | null;
}

export const GENESIS: WalkStart = { sequence: 0, hash: GENESIS_HASH, previousHash: null, id: null };

/**
 * What the walk asks of the stored chain, one question at a time. Entries and checkpoints
 * come in batches in sequence order (an empty batch: no more). The other three are asked
 * only where a link is broken, to tell what was done there.
 */
export type ChainQuestion =
  | { readonly kind: 'entries'; readonly after: number | null }
  | { readonly kind: 'checkpoints'; readonly after: number | null }
  /** Whether any entry of the chain, wherever it stands, has this hash. */
  | { readonly kind: 'holdsHash'; readonly hash: Uint8Array }
  /** The entry that follows this sequence, if any. */
  | { readonly kind: 'entryAfter'; readonly sequence: number }
  /** The id of the entry at this sequence, if any. */
  | { readonly kind: 'idAt'; readonly sequence: number };

export interface ChainAnswers {
  entries: readonly StoredEntry[];
  checkpoints: readonly Checkpoint[];
  holdsHash: boolean;
  entryAfter: StoredEntry | null;
  idAt: string | null;
}

export type ChainAnswer = ChainAnswers[keyof ChainAnswers];

/** A walk's outcome: the verdict, and the last checkpoint it verified (a later walk may start there). */
export interface WalkResult {
  readonly verdict: ChainVerdict;
  readonly lastVerifiedCheckpoint: Checkpoint | null;
}

/** A walk over one chain: it yields questions and returns its result. */
export type ChainWalk = Generator<ChainQuestion, WalkResult, ChainAnswer>;

function* ask<K extends ChainQuestion['kind']>(question: Extract<ChainQuestion, { kind: K }>): Generator<ChainQuestion, ChainAnswers[K], ChainAnswer> {
  return (yield question) as ChainAnswers[K];
}

/** Byte equality, in a plain loop: it runs twice for every entry of a verification. */
function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Checks one chain as a stream: every entry's hash against its content and its
 * predecessor, sequences without gaps, the chain head, and every signed checkpoint
 * against the entry it names, as the walk passes its sequence. It holds one batch of
 * entries and of checkpoints at a time, and of the entries before only the last two
 * hashes, so memory does not grow with the chain. It does no I/O: whoever runs it answers
 * its questions (`verifyChain` from arrays, the gateway from PostgreSQL in batches).
 *
 * Which breakage is reported is what it always was: the first broken entry in sequence
 * order; then the chain head; then the first broken checkpoint. Where a link is broken,
 * the walk asks where the hash it links to stands, instead of keeping a map of every hash.
 *
 * `head` is the chain head's sequence as read with the entries (one snapshot); `start` is
 * the genesis, or a checkpoint verified before whose entries the walk does not read again.
 */
export function* walkChain(sodium: Sodium, chainKey: string, publicKey: Uint8Array, head: { readonly sequence: number } | null, start: WalkStart = GENESIS): ChainWalk {
  let previous = { sequence: start.sequence, hash: start.hash, id: start.id };
  // The hash before `previous`: an entry linking to it skips its predecessor. None before the first entry.
  let beforePrevious = start.id === null ? null : start.previousHash;
  let entries = 0;
  let verified = 0;
  let checkpointProblem: BrokenPlace | null = null;
  let lastVerifiedCheckpoint: Checkpoint | null = null;
  const verdict = (firstBroken: BrokenPlace | null): WalkResult => ({
    verdict: { chainKey, intact: firstBroken === null, entries, checkpointsVerified: verified, firstBroken },
    // Everything up to a verified checkpoint was checked, whatever broke after it.
    lastVerifiedCheckpoint,
  });

  // Checkpoints in sequence order, one batch at a time, each checked when the walk has passed its sequence.
  const afterStart = start.id === null ? null : start.sequence;
  let checkpoints: readonly Checkpoint[] = [];
  let nextCheckpoint = 0;
  let checkpointsAfter = afterStart;
  let checkpointsDone = false;
  function* passCheckpointsUpTo(sequence: number): Generator<ChainQuestion, void, ChainAnswer> {
    while (checkpointProblem === null) {
      if (nextCheckpoint === checkpoints.length) {
        if (checkpointsDone) return;
        checkpoints = yield* ask({ kind: 'checkpoints', after: checkpointsAfter });
        nextCheckpoint = 0;
        if (checkpoints.length === 0) {
          checkpointsDone = true;
          return;
        }
        checkpointsAfter = (checkpoints[checkpoints.length - 1] as Checkpoint).sequence;
      }
      const checkpoint = checkpoints[nextCheckpoint] as Checkpoint;
      if (checkpoint.sequence > sequence) return;
      nextCheckpoint += 1;
      // The entries checked so far run without a gap up to `previous`, so the checkpoint's entry is `previous` or absent.
      const entry = checkpoint.sequence === previous.sequence && previous.id !== null ? previous : null;
      if (!checkpointIsAuthentic(sodium, checkpoint, publicKey)) checkpointProblem = { sequence: checkpoint.sequence, entryId: entry?.id ?? null, problem: 'CHECKPOINT_INVALID' };
      else if (entry === null) checkpointProblem = { sequence: checkpoint.sequence, entryId: null, problem: 'TRUNCATED' };
      else if (!same(entry.hash, checkpoint.entryHash)) checkpointProblem = { sequence: checkpoint.sequence, entryId: entry.id, problem: 'CHANGED' };
      else {
        verified += 1;
        lastVerifiedCheckpoint = checkpoint;
      }
    }
  }

  let after = afterStart;
  for (;;) {
    const batch = yield* ask({ kind: 'entries', after });
    if (batch.length === 0) break;
    for (let i = 0; i < batch.length; i++) {
      const entry = batch[i] as StoredEntry;
      // A v2 entry (target ids) never has the v1 column set: the writer leaves it NULL, and
      // the v2 encoding does not cover it, so a value there was put in afterwards.
      if (entry.targetIds !== null && entry.targetId !== null) return verdict({ sequence: entry.sequence, entryId: entry.id, problem: 'CHANGED' });
      // A v3 entry holds only what its encoding covers: anything put in an old column or added to a decision was put in afterwards.
      if (!v3RowIsWellFormed(entry)) return verdict({ sequence: entry.sequence, entryId: entry.id, problem: 'CHANGED' });
      // The filters' words follow from what is hashed; words changed would hide the entry from a filter, or show it to one.
      if (!facetsAgree(entry)) return verdict({ sequence: entry.sequence, entryId: entry.id, problem: 'CHANGED' });
      if (!same(entryHash(sodium, entry.previousHash, chainKey, entry), entry.entryHash)) return verdict({ sequence: entry.sequence, entryId: entry.id, problem: 'CHANGED' });
      if (entry.sequence > previous.sequence + 1) return verdict({ sequence: previous.sequence + 1, entryId: null, problem: 'MISSING' });
      if (!same(entry.previousHash, previous.hash)) {
        // Links past its predecessor to the one before: the predecessor was put in.
        if (beforePrevious !== null && previous.id !== null && same(entry.previousHash, beforePrevious)) return verdict({ sequence: previous.sequence, entryId: previous.id, problem: 'INSERTED' });
        // Links to an entry that stands elsewhere: entries were moved.
        if (yield* ask({ kind: 'holdsHash', hash: entry.previousHash })) return verdict({ sequence: entry.sequence, entryId: entry.id, problem: 'REORDERED' });
        // Links to nothing the chain holds. If the chain goes on from here, its predecessor is gone; otherwise it was put in.
        const next = batch[i + 1] ?? (yield* ask({ kind: 'entryAfter', sequence: entry.sequence }));
        if (next !== null && same(next.previousHash, entry.entryHash)) return verdict({ sequence: entry.sequence, entryId: null, problem: 'MISSING' });
        return verdict({ sequence: entry.sequence, entryId: entry.id, problem: 'INSERTED' });
      }
      if (entry.sequence !== previous.sequence + 1) return verdict({ sequence: previous.sequence + 1, entryId: null, problem: 'MISSING' });
      beforePrevious = previous.id === null ? null : previous.hash;
      previous = { sequence: entry.sequence, hash: entry.entryHash, id: entry.id };
      entries += 1;
      // Only where passCheckpointsUpTo has something to do (a checkpoint due, or the next batch of them to ask for):
      // delegating to it builds a generator, which for every entry was a good part of the walk's garbage.
      if (checkpointProblem === null && (nextCheckpoint < checkpoints.length ? (checkpoints[nextCheckpoint] as Checkpoint).sequence <= entry.sequence : !checkpointsDone)) {
        yield* passCheckpointsUpTo(entry.sequence);
      }
    }
    after = (batch[batch.length - 1] as StoredEntry).sequence;
  }
  if (head !== null && head.sequence > previous.sequence) return verdict({ sequence: previous.sequence + 1, entryId: null, problem: 'TRUNCATED' });
  if (head !== null && head.sequence < previous.sequence) return verdict({ sequence: head.sequence + 1, entryId: yield* ask({ kind: 'idAt', sequence: head.sequence + 1 }), problem: 'INSERTED' });
  // Checkpoints beyond the last entry name entries that are not there.
  yield* passCheckpointsUpTo(Number.POSITIVE_INFINITY);
  return verdict(checkpointProblem);
}
