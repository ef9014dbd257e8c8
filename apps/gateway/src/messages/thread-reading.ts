import type { ThreadEntity, ThreadParticipantEntity } from '@kring/messages';
import { RequestRefusal, type AccessDecision } from '@kring/policy';
import type { EntryDraft } from '../access-log/audit.service';
import { notParticipating, threadClosedToReader } from '../common/refusal-errors';
import { threadEntries, threadTarget } from './thread-entries';
import { notInView, refused, type Outcome, type ThreadScope } from './thread-scope';

/**
 * Whether the caller reads a thread's messages now, by the one rule of `threadMessages`: a
 * professional taking part while the access rule allows the thread to them, a member once
 * joined. A page read, a subscription (`threadEvents`) and every live delivery ask it.
 */
export type ThreadReading =
  | { readonly kind: 'NOT_IN_VIEW' }
  | { readonly kind: 'NOT_A_PARTICIPANT' }
  | { readonly kind: 'CLOSED'; readonly thread: ThreadEntity; readonly decision: AccessDecision & { readonly allowed: false } }
  | { readonly kind: 'OPEN'; readonly thread: ThreadEntity; readonly me: ThreadParticipantEntity; readonly decision: AccessDecision & { readonly allowed: true } };

/** The caller's reading of a thread of this scope. */
export function threadReading(scope: ThreadScope, threadId: string): ThreadReading {
  const view = scope.viewById(threadId);
  if (!view.inView) return { kind: 'NOT_IN_VIEW' };
  const { thread, me, decision } = view;
  if (me === null || !scope.may('read', thread, 'messages')) return { kind: 'NOT_A_PARTICIPANT' };
  if (!decision.allowed) return { kind: 'CLOSED', thread, decision };
  return { kind: 'OPEN', thread, me, decision };
}

/**
 * A reading that is not open, answered as `threadMessages` answers it: NOT_FOUND (a
 * professional's attempt logged), FORBIDDEN NOT_A_PARTICIPANT (not logged: nothing of the
 * thread's messages was reached), or FORBIDDEN THREAD_CLOSED with the rule's reason, logged
 * DENIED about the thread's subjects.
 */
export function refusedReading(scope: ThreadScope, threadId: string, reading: Exclude<ThreadReading, { kind: 'OPEN' }>): Outcome<never> {
  switch (reading.kind) {
    case 'NOT_IN_VIEW':
      return notInView(scope.principal, 'READ_THREAD', scope.familyId, { kind: 'THREAD', id: threadId }, RequestRefusal.NOT_A_PARTICIPANT);
    case 'NOT_A_PARTICIPANT':
      throw notParticipating();
    case 'CLOSED':
      return refused(threadClosedToReader(reading.decision.reason), closedReadingEntries(scope, reading));
  }
}

/** The log of a thread closed to its reader: DENIED with the rule's reason, about the thread's subjects. */
export function closedReadingEntries(scope: ThreadScope, reading: Extract<ThreadReading, { kind: 'CLOSED' }>): EntryDraft[] {
  return threadEntries('READ_THREAD', scope, [{ thread: reading.thread, targets: [threadTarget(reading.thread, reading.decision, [])] }]);
}
