import { MESSAGE_BODY_LENGTH } from './message-vocabulary';

export interface PostMessageFacts {
  /** The permission table's answer: the caller takes part in the thread (a member: has joined it). */
  readonly mayPost: boolean;
  /** A professional: the access rule's reason when the thread is closed to them now; null when open (and for members). */
  readonly closedReason: string | null;
}

export type PostMessageRefusal = 'BODY_LENGTH' | 'NOT_A_PARTICIPANT' | 'THREAD_CLOSED';

export type PostMessageDecision = { readonly ok: true; readonly body: string } | { readonly ok: false; readonly refusal: PostMessageRefusal; readonly reason?: string };

/**
 * Whether a message may be posted (DESIGN.md §9): 1 to 4,000 characters (spaces around it not
 * kept), by someone who takes part in the thread, into a thread the access rule keeps open to
 * them now: a professional whose consent was revoked, whose involvement ended or whose
 * consent's capacity lapsed posts no more than they read.
 */
export function postMessage(body: string, facts: PostMessageFacts): PostMessageDecision {
  const text = body.trim();
  if (text.length < MESSAGE_BODY_LENGTH.min || text.length > MESSAGE_BODY_LENGTH.max) return { ok: false, refusal: 'BODY_LENGTH' };
  if (!facts.mayPost) return { ok: false, refusal: 'NOT_A_PARTICIPANT' };
  if (facts.closedReason !== null) return { ok: false, refusal: 'THREAD_CLOSED', reason: facts.closedReason };
  return { ok: true, body: text };
}
