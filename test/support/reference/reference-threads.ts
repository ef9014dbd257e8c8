import type { DataCategory } from '@kring/family-file';
import { involvedOn, ruleForRequest, type DenialReason, type FieldVerdict } from './reference-access-rule';
import { amsterdamDate } from './reference-calendar';
import type { ReferencePurpose, ReferenceRequest, ReferenceThread, ReferenceWorld } from './reference-world';

/**
 * An independent reference of what a professional reads of the family's message threads
 * (DESIGN.md §4 and §9, docs/messages.md), sharing no logic with @kring/policy or
 * @kring/messages:
 *
 * - The family's threads are not found at all unless the caller's organisation is involved
 *   with the family today; then the caller sees only the threads it takes part in, oldest first.
 * - A thread is read through the rule of §4 as one field: its category, about every one of its
 *   subjects, for the thread's own purpose (not the read's), and as nobody's own record (no
 *   source organisation, not even for the organisation that started it). Open: its topic and
 *   who takes part. Closed: the category and the first reason, and neither topic nor participants.
 * - Its messages are served, oldest first, only while it is open to the caller; closed, the
 *   answer is FORBIDDEN (THREAD_CLOSED with the reason); a thread the caller does not take part
 *   in is NOT_FOUND, like one that does not exist.
 */

export interface ExpectedThread {
  readonly id: string;
  readonly topic: string | null;
  readonly subjectMemberIds: string[];
  readonly category: DataCategory;
  readonly purpose: string;
  readonly joined: boolean;
  readonly closed: { readonly category: DataCategory; readonly reason: DenialReason } | null;
  readonly startedByOrganisationId: string;
  /** Who takes part (`organisation <id>`, `member <id>`), sorted; null while closed. */
  readonly participants: string[] | null;
}

export type ExpectedThreadsAnswer = { readonly kind: 'error'; readonly code: 'NOT_FOUND' } | { readonly kind: 'threads'; readonly threads: ExpectedThread[]; readonly cases: string[] };

export interface ExpectedMessage {
  readonly sequence: number;
  readonly body: string;
  /** `member <id>` or `organisation <id>`. */
  readonly author: string;
}

export type ExpectedMessagesAnswer =
  | { readonly kind: 'error'; readonly code: 'NOT_FOUND'; readonly cases: string[] }
  | { readonly kind: 'error'; readonly code: 'FORBIDDEN'; readonly reason: DenialReason; readonly cases: string[] }
  | { readonly kind: 'messages'; readonly messages: ExpectedMessage[]; readonly cases: string[] };

/** `familyThreads(world.familyId)` asked by `request.caller` at `request.at`. */
export function expectedFamilyThreads(world: ReferenceWorld, request: ReferenceRequest, catalogue: readonly ReferencePurpose[]): ExpectedThreadsAnswer {
  if (!involvedOn(world, request.caller.id, amsterdamDate(request.at))) return { kind: 'error', code: 'NOT_FOUND' };
  const cases: string[] = [];
  const threads = (world.threads ?? [])
    .filter((t) => t.participantOrganisationIds.includes(request.caller.id))
    .map((t): ExpectedThread => {
      const verdict = verdictFor(world, request, catalogue, t);
      cases.push(verdict.allowed ? `thread open ${verdict.basis}` : `thread closed ${verdict.reason}`);
      if (verdict.allowed && t.subjectIds.length > 1) cases.push('a thread about several members open');
      return {
        id: t.id,
        topic: verdict.allowed ? t.topic : null,
        subjectMemberIds: [...t.subjectIds],
        category: t.category,
        purpose: t.purpose,
        joined: true,
        closed: verdict.allowed ? null : { category: t.category, reason: verdict.reason },
        startedByOrganisationId: t.participantOrganisationIds[0] as string,
        participants: verdict.allowed ? [...t.participantOrganisationIds.map((id) => `organisation ${id}`), ...t.memberIds.map((id) => `member ${id}`)].sort() : null,
      };
    });
  if ((world.threads ?? []).some((t) => !t.participantOrganisationIds.includes(request.caller.id))) cases.push('a thread left out for not taking part');
  return { kind: 'threads', threads, cases };
}

/** `threadMessages(threadId)` (the newest page) asked by `request.caller` at `request.at`. */
export function expectedThreadMessages(world: ReferenceWorld, request: ReferenceRequest, catalogue: readonly ReferencePurpose[], threadId: string): ExpectedMessagesAnswer {
  const thread = (world.threads ?? []).find((t) => t.id === threadId);
  if (!involvedOn(world, request.caller.id, amsterdamDate(request.at))) return { kind: 'error', code: 'NOT_FOUND', cases: ['threadMessages NOT_FOUND not involved'] };
  if (thread === undefined || !thread.participantOrganisationIds.includes(request.caller.id)) return { kind: 'error', code: 'NOT_FOUND', cases: ['threadMessages NOT_FOUND not taking part'] };
  const verdict = verdictFor(world, request, catalogue, thread);
  if (!verdict.allowed) return { kind: 'error', code: 'FORBIDDEN', reason: verdict.reason, cases: [`threadMessages FORBIDDEN THREAD_CLOSED ${verdict.reason}`] };
  const messages = thread.messages.map((m, k) => ({ sequence: k + 1, body: m.body, author: m.byMemberId !== null ? `member ${m.byMemberId}` : `organisation ${m.byOrganisationId as string}` }));
  return { kind: 'messages', messages, cases: [`threadMessages served ${verdict.basis}`] };
}

/** The rule of §4 for the whole thread: its category about all its subjects, for its purpose, nobody's own record. */
function verdictFor(world: ReferenceWorld, request: ReferenceRequest, catalogue: readonly ReferencePurpose[], thread: ReferenceThread): FieldVerdict {
  const answered = ruleForRequest(world, { ...request, purpose: thread.purpose }, catalogue);
  // A participant's domain may use the thread's purpose, and the family was found: the world holds nothing else.
  if (answered.kind === 'error') throw new Error(`a thread the caller takes part in answered ${answered.code}: the world is malformed`);
  return answered.rule.decide({ category: thread.category, sourceOrganisationId: null, subjectIds: thread.subjectIds });
}
