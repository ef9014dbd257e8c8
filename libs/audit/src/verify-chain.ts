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
  return runWalk(walkChain(sodium, chainKey, publicKey, head), (question) => answerFromArrays(entries, checkpoints, question)).verdict;
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

function answerFromArrays(entries: readonly StoredEntry[], checkpoints: readonly Checkpoint[], question: ChainQuestion): ChainAnswer {
  switch (question.kind) {
    case 'entries':
      return entries.filter((e) => question.after === null || e.sequence > question.after);
    case 'checkpoints':
      return checkpoints.filter((c) => question.after === null || c.sequence > question.after);
    case 'holdsHash':
      return entries.some((e) => Buffer.compare(e.entryHash, question.hash) === 0);
    case 'entryAfter':
      return entries.find((e) => e.sequence > question.sequence) ?? null;
    case 'idAt':
      return entries.find((e) => e.sequence === question.sequence)?.id ?? null;
  }
}
