import type { DataCategory } from '@kring/family-file';
import { involvedOn, ruleForRequest, type AllowBasis, type DenialReason, type FieldVerdict } from './reference-access-rule';
import { amsterdamDate } from './reference-calendar';
import type { ReferenceMessage, ReferencePurpose, ReferenceRequest, ReferenceThread, ReferenceWorld } from './reference-world';

/**
 * An independent reference of what a professional reads of the family's message threads
 * (DESIGN.md §4, §9 and §10, docs/messages.md), sharing no logic with @kring/policy or
 * @kring/messages:
 *
 * - The family's threads are not found at all unless the caller's organisation is involved
 *   with the family today; then the caller sees only the threads it takes part in, oldest first.
 * - A thread is read through the rule of §4 as one field: its category, about every one of its
 *   subjects, for the thread's own purpose (not the read's), and as nobody's own record (no
 *   source organisation, not even for the organisation that started it); an emergency grant
 *   counts where the thread's purpose is CHILD_PROTECTION. Open: its topic, who takes part, the
 *   caller's unread count and its last activity. Closed: the category and the first reason, and
 *   none of those.
 * - Its messages are served, oldest first, only while it is open to the caller (a withdrawn one
 *   as a tombstone, without its text); closed, the answer is FORBIDDEN (THREAD_CLOSED with the
 *   reason); a thread the caller does not take part in is NOT_FOUND, like one that does not exist.
 * - Every read is logged (READ_THREAD) about each subject of each thread decided, under the
 *   thread's purpose, with the rule's basis or reason; a refusal for not being involved or not
 *   taking part is logged about nobody, naming what was asked for.
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
  /** Messages by others, not withdrawn, after the caller's read marker (none served yet in a generated world); null while closed or not joined. */
  readonly unreadCount: number | null;
  /** When the newest message was sent (ISO); null without messages or while closed. */
  readonly lastMessageAt: string | null;
}

export type ExpectedThreadsAnswer = { readonly kind: 'error'; readonly code: 'NOT_FOUND' } | { readonly kind: 'threads'; readonly threads: ExpectedThread[]; readonly cases: string[] };

export type ExpectedOneThreadAnswer = { readonly kind: 'error'; readonly code: 'NOT_FOUND'; readonly cases: string[] } | { readonly kind: 'thread'; readonly thread: ExpectedThread; readonly cases: string[] };

export interface ExpectedMessage {
  readonly sequence: number;
  /** Null once withdrawn. */
  readonly body: string | null;
  /** `member <id>` or `organisation <id>`. */
  readonly author: string;
  readonly withdrawn: boolean;
}

export type ExpectedMessagesAnswer =
  | { readonly kind: 'error'; readonly code: 'NOT_FOUND'; readonly cases: string[] }
  | { readonly kind: 'error'; readonly code: 'FORBIDDEN'; readonly reason: DenialReason; readonly cases: string[] }
  | { readonly kind: 'messages'; readonly messages: ExpectedMessage[]; readonly cases: string[] };

/** How the log names a basis (DESIGN.md §10). */
const LOGGED_BASIS: Readonly<Record<AllowBasis | 'DATA_SUBJECT' | 'INVOLVED_ORGANISATION', string>> = {
  OWN_RECORD: 'OWN_RECORD',
  STATUTORY: 'STATUTORY_TASK',
  CONSENT: 'CONSENT',
  BREAK_GLASS: 'BREAK_GLASS',
  DATA_SUBJECT: 'DATA_SUBJECT',
  INVOLVED_ORGANISATION: 'INVOLVED_ORGANISATION',
};

/** One logged decision about one subject (or nobody) and one target, as `thread-log.ts` reads it from the log. */
export function threadDecisionLine(d: {
  readonly subject: string | null;
  readonly targetKind: string;
  readonly targetId: string;
  readonly category: string | null;
  readonly source: string | null;
  readonly outcome: string;
  readonly purpose: string | null;
}): string {
  return `${d.subject ?? '(nobody)'} ${d.targetKind} ${d.targetId} [${d.category ?? '-'}] from ${d.source ?? '-'}: ${d.outcome} for ${d.purpose ?? '-'}`;
}

/** `ALLOWED <basis>` or `DENIED <reason>`, as logged. */
export function loggedOutcome(verdict: FieldVerdict | { readonly allowed: true; readonly basis: 'DATA_SUBJECT' | 'INVOLVED_ORGANISATION' }): string {
  return verdict.allowed ? `ALLOWED ${LOGGED_BASIS[verdict.basis]}` : `DENIED ${verdict.reason}`;
}

/** A thread's and its messages' decisions about each of its subjects, all with one outcome. */
export function threadLines(thread: ReferenceThread, outcome: string, purpose: string | null, withMessages: boolean): string[] {
  return thread.subjectIds.flatMap((subject) => [
    threadDecisionLine({ subject, targetKind: 'THREAD', targetId: thread.id, category: thread.category, source: null, outcome, purpose }),
    ...(withMessages ? thread.messages : []).map((m) =>
      threadDecisionLine({ subject, targetKind: 'MESSAGE', targetId: m.id as string, category: thread.category, source: m.byOrganisationId, outcome, purpose }),
    ),
  ]);
}

/** The messages of a thread as served to someone who may read them, oldest first. */
export function servedMessages(thread: ReferenceThread): ExpectedMessage[] {
  return thread.messages.map((m, k) => ({
    sequence: k + 1,
    body: m.withdrawnAt === null ? m.body : null,
    author: m.byMemberId !== null ? `member ${m.byMemberId}` : `organisation ${m.byOrganisationId as string}`,
    withdrawn: m.withdrawnAt !== null,
  }));
}

/** Messages after a read marker that is still at 0, not written by `isMine`, not withdrawn. */
export function unreadOf(messages: readonly ReferenceMessage[], isMine: (m: ReferenceMessage) => boolean): number {
  return messages.filter((m) => !isMine(m) && m.withdrawnAt === null).length;
}

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
      if (!verdict.allowed && t.startedAt.getTime() < request.at.getTime() - 24 * 3600 * 1000) cases.push('a thread closed since its start, days ago');
      return threadAsServed(t, verdict, request.caller.id);
    });
  if ((world.threads ?? []).some((t) => !t.participantOrganisationIds.includes(request.caller.id))) cases.push('a thread left out for not taking part');
  return { kind: 'threads', threads, cases };
}

/** `thread(id)` asked by `request.caller` at `request.at`: as in the list, or NOT_FOUND. */
export function expectedOneThread(world: ReferenceWorld, request: ReferenceRequest, catalogue: readonly ReferencePurpose[], threadId: string): ExpectedOneThreadAnswer {
  const thread = (world.threads ?? []).find((t) => t.id === threadId);
  if (!involvedOn(world, request.caller.id, amsterdamDate(request.at))) return { kind: 'error', code: 'NOT_FOUND', cases: ['thread NOT_FOUND not involved'] };
  if (thread === undefined || !thread.participantOrganisationIds.includes(request.caller.id)) return { kind: 'error', code: 'NOT_FOUND', cases: ['thread NOT_FOUND not taking part'] };
  const verdict = verdictFor(world, request, catalogue, thread);
  return { kind: 'thread', thread: threadAsServed(thread, verdict, request.caller.id), cases: [verdict.allowed ? `thread served open ${verdict.basis}` : `thread served closed ${verdict.reason}`] };
}

/** `threadMessages(threadId)` (the newest page) asked by `request.caller` at `request.at`. */
export function expectedThreadMessages(world: ReferenceWorld, request: ReferenceRequest, catalogue: readonly ReferencePurpose[], threadId: string): ExpectedMessagesAnswer {
  const thread = (world.threads ?? []).find((t) => t.id === threadId);
  if (!involvedOn(world, request.caller.id, amsterdamDate(request.at))) return { kind: 'error', code: 'NOT_FOUND', cases: ['threadMessages NOT_FOUND not involved'] };
  if (thread === undefined || !thread.participantOrganisationIds.includes(request.caller.id)) return { kind: 'error', code: 'NOT_FOUND', cases: ['threadMessages NOT_FOUND not taking part'] };
  const verdict = verdictFor(world, request, catalogue, thread);
  if (!verdict.allowed) return { kind: 'error', code: 'FORBIDDEN', reason: verdict.reason, cases: [`threadMessages FORBIDDEN THREAD_CLOSED ${verdict.reason}`] };
  const messages = servedMessages(thread);
  return { kind: 'messages', messages, cases: [`threadMessages served ${verdict.basis}`, ...(messages.some((m) => m.withdrawn) ? ['threadMessages a withdrawn message as a tombstone'] : [])] };
}

/**
 * The log's READ_THREAD decisions of the three reads a run makes (`familyThreads`,
 * `threadMessages` of `messagesOf`, `thread` of `oneOf`), one line per subject and target
 * (`threadDecisionLine`), sorted.
 */
export function expectedThreadLog(world: ReferenceWorld, request: ReferenceRequest, catalogue: readonly ReferencePurpose[], asked: { readonly messagesOf?: string; readonly oneOf?: string }): string[] {
  const involved = involvedOn(world, request.caller.id, amsterdamDate(request.at));
  const refusal = (targetKind: string, targetId: string, reason: string) => threadDecisionLine({ subject: null, targetKind, targetId, category: null, source: null, outcome: `DENIED ${reason}`, purpose: null });
  const taking = (world.threads ?? []).filter((t) => t.participantOrganisationIds.includes(request.caller.id));
  const lines: string[] = [];
  // The list: not involved, nothing in view (one decision naming the family), or each thread it takes part in.
  if (!involved) lines.push(refusal('FAMILY', world.familyId, 'NOT_INVOLVED'));
  else if (taking.length === 0) lines.push(threadDecisionLine({ subject: null, targetKind: 'FAMILY', targetId: world.familyId, category: null, source: null, outcome: loggedOutcome({ allowed: true, basis: 'INVOLVED_ORGANISATION' }), purpose: null }));
  else for (const t of taking) lines.push(...threadLines(t, loggedOutcome(verdictFor(world, request, catalogue, t)), t.purpose, false));
  // One thread, or its messages: refused, or decided as a whole (a closed thread's page names no message).
  for (const [threadId, withMessages] of [[asked.messagesOf, true], [asked.oneOf, false]] as const) {
    if (threadId === undefined) continue;
    const thread = taking.find((t) => t.id === threadId);
    if (!involved) lines.push(refusal('THREAD', threadId, 'NOT_INVOLVED'));
    else if (thread === undefined) lines.push(refusal('THREAD', threadId, 'NOT_A_PARTICIPANT'));
    else {
      const verdict = verdictFor(world, request, catalogue, thread);
      lines.push(...threadLines(thread, loggedOutcome(verdict), thread.purpose, withMessages && verdict.allowed));
    }
  }
  return lines.sort();
}

function threadAsServed(t: ReferenceThread, verdict: FieldVerdict, callerId: string): ExpectedThread {
  const open = verdict.allowed;
  return {
    id: t.id,
    topic: open ? t.topic : null,
    subjectMemberIds: [...t.subjectIds],
    category: t.category,
    purpose: t.purpose,
    joined: true,
    closed: verdict.allowed ? null : { category: t.category, reason: verdict.reason },
    startedByOrganisationId: t.participantOrganisationIds[0] as string,
    participants: open ? [...t.participantOrganisationIds.map((id) => `organisation ${id}`), ...t.memberIds.map((id) => `member ${id}`)].sort() : null,
    unreadCount: open ? unreadOf(t.messages, (m) => m.byOrganisationId === callerId) : null,
    lastMessageAt: open ? (t.messages.at(-1)?.sentAt.toISOString() ?? null) : null,
  };
}

/** The rule of §4 for the whole thread: its category about all its subjects, for its purpose, nobody's own record. */
function verdictFor(world: ReferenceWorld, request: ReferenceRequest, catalogue: readonly ReferencePurpose[], thread: ReferenceThread): FieldVerdict {
  const answered = ruleForRequest(world, { ...request, purpose: thread.purpose }, catalogue);
  // A participant's domain may use the thread's purpose, and the family was found: the world holds nothing else.
  if (answered.kind === 'error') throw new Error(`a thread the caller takes part in answered ${answered.code}: the world is malformed`);
  return answered.rule.decide({ category: thread.category, sourceOrganisationId: null, subjectIds: thread.subjectIds });
}
