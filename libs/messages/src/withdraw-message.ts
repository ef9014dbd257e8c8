export interface WithdrawMessageFacts {
  /** The message, in a thread in the caller's view; null when there is none. */
  readonly message: { readonly withdrawnAt: Date | null } | null;
  /** The permission table's answer: the caller wrote it. */
  readonly mayWithdraw: boolean;
}

export type WithdrawMessageRefusal = 'UNKNOWN_MESSAGE' | 'NOT_YOUR_MESSAGE' | 'ALREADY_WITHDRAWN';

export type WithdrawMessageDecision = { readonly ok: true } | { readonly ok: false; readonly refusal: WithdrawMessageRefusal };

/**
 * Whether a message may be withdrawn (DESIGN.md §9: never edited; a withdrawn message leaves a
 * tombstone and its ciphertext is destroyed): by its author alone, once. Withdrawing discloses
 * nothing, so an author may withdraw also while the thread is closed to them.
 */
export function withdrawMessage(facts: WithdrawMessageFacts): WithdrawMessageDecision {
  if (facts.message === null) return { ok: false, refusal: 'UNKNOWN_MESSAGE' };
  if (!facts.mayWithdraw) return { ok: false, refusal: 'NOT_YOUR_MESSAGE' };
  if (facts.message.withdrawnAt !== null) return { ok: false, refusal: 'ALREADY_WITHDRAWN' };
  return { ok: true };
}
