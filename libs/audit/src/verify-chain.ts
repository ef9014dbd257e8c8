import type { Sodium } from '@kring/crypto';
import type { Checkpoint } from './checkpoint';
import { walkChain, type ChainAnswer, type ChainQuestion, type ChainVerdict, type ChainWalk, type StoredEntry, type WalkResult } from './chain-walk';

/**
 * Checks one chain held in memory whole: the walk of `walkChain`, its questions answered
 * from the arrays. For tests and small chains; the gateway streams (`StoredChain`).
 * Entries and checkpoints come in stored sequence order.
 */
export function verifyChain(
  sodium: Sodium,
  chainKey: string,
  entries: readonly StoredEntry[],
  checkpoints: readonly Checkpoint[],
  publicKey: Uint8Array,
  head: { readonly sequence: number } | null,
): ChainVerdict {
  return runWalk(walkChain(sodium, chainKey, publicKey, head), answersFromArrays(entries, checkpoints)).verdict;
}

/** Runs a walk to its end, answering each question at once. */
export function runWalk(walk: ChainWalk, answer: (question: ChainQuestion) => ChainAnswer): WalkResult {
  let step = walk.next();
  while (step.done !== true) step = walk.next(answer(step.value));
  return step.value;
}

/** Runs a walk to its end, answering each question when its answer has come (from a database). */
export async function runWalkAsync(walk: ChainWalk, answer: (question: ChainQuestion) => Promise<ChainAnswer>): Promise<WalkResult> {
  let step = walk.next();
  while (step.done !== true) step = walk.next(await answer(step.value));
  return step.value;
}

/**
 * A walk's questions answered from arrays in stored sequence order, entries and checkpoints
 * `batch` at a time (all at once by default).
 */
export function answersFromArrays(entries: readonly StoredEntry[], checkpoints: readonly Checkpoint[], batch = Number.POSITIVE_INFINITY): (question: ChainQuestion) => ChainAnswer {
  const after = <T extends { readonly sequence: number }>(rows: readonly T[], sequence: number | null) => rows.filter((r) => sequence === null || r.sequence > sequence).slice(0, batch);
  return (question) => {
    switch (question.kind) {
      case 'entries':
        return after(entries, question.after);
      case 'checkpoints':
        return after(checkpoints, question.after);
      case 'holdsHash':
        return entries.some((e) => Buffer.compare(e.entryHash, question.hash) === 0);
      case 'entryAfter':
        return entries.find((e) => e.sequence > question.sequence) ?? null;
      case 'idAt':
        return entries.find((e) => e.sequence === question.sequence)?.id ?? null;
    }
  };
}
