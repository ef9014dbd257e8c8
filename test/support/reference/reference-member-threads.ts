import { amsterdamDate, wholeYearsOn } from './reference-calendar';
import { reachOf } from './reference-member-view';
import { loggedOutcome, servedMessages, threadDecisionLine, threadLines, unreadOf, type ExpectedMessage } from './reference-threads';
import type { ReferenceThread, ReferenceWorld } from './reference-world';

/**
 * An independent reference of a family member's view of the family's threads (`ourThreads`,
 * `threadMessages`), written from DESIGN.md §5.7 and §9 and docs/messages.md, sharing no logic
 * with @kring/policy or @kring/messages:
 *
 * - A thread is in the member's view when every one of its subjects is in their reach today
 *   (themselves and the children under 16 over whom they hold authority, on the Amsterdam date)
 *   and no organisation taking part in it (the one that started it, and every professional's)
 *   has an involvement shielded from them (in force). Oldest first.
 * - In view: its topic, subjects, category, purpose, who takes part, whether they joined; once
 *   joined, the messages by others not withdrawn (none was served to them yet) as unread; and
 *   when the newest message was sent. Never closed: the access rule of §4 is the professionals'.
 * - Its messages: NOT_FOUND out of view (like a thread that does not exist), FORBIDDEN
 *   (NOT_A_PARTICIPANT) in view before joining, else every message oldest first, a withdrawn
 *   one as a tombstone.
 * - Logged (READ_THREAD, under no purpose, DATA_SUBJECT) about each subject of each thread in
 *   view; a list with nothing in view as one decision naming the family, about the member; what
 *   is out of view not at all.
 * - Whom a thread may not be kept from (§9): each subject of 16 or older, and the parents with
 *   authority over each subject under 16 (`mayNotBeKeptFrom`); a thread may start only when
 *   each of them has every subject in reach (`sharedWhole`).
 */

export interface ExpectedMemberThread {
  readonly id: string;
  readonly topic: string;
  readonly subjectMemberIds: string[];
  readonly category: string;
  readonly purpose: string;
  readonly joined: boolean;
  readonly closed: null;
  readonly startedByOrganisationId: string;
  /** `organisation <id>` and `member <id>`, sorted. */
  readonly participants: string[];
  readonly unreadCount: number | null;
  readonly lastMessageAt: string | null;
}

export interface ExpectedMemberThreads {
  readonly threads: ExpectedMemberThread[];
  /** Ids of the family's threads out of the member's view: none may appear anywhere in what they are served. */
  readonly outOfView: ReadonlySet<string>;
  /** Every id the answer may name: the family, the threads in view, their subjects and who takes part. */
  readonly mayName: ReadonlySet<string>;
  /** The list's log decisions (`threadDecisionLine`), sorted. */
  readonly decisions: string[];
  readonly cases: string[];
}

export type ExpectedMemberMessages =
  | { readonly kind: 'error'; readonly code: 'NOT_FOUND'; readonly decisions: string[]; readonly cases: string[] }
  | { readonly kind: 'error'; readonly code: 'FORBIDDEN'; readonly refusal: 'NOT_A_PARTICIPANT'; readonly decisions: string[]; readonly cases: string[] }
  | { readonly kind: 'messages'; readonly messages: ExpectedMessage[]; readonly decisions: string[]; readonly cases: string[] };

/** The members a thread about `subjectIds` may not be kept from on `day` (DESIGN.md §9). */
export function mayNotBeKeptFrom(world: Pick<ReferenceWorld, 'members' | 'authority'>, subjectIds: readonly string[], day: string): Set<string> {
  const entitled = new Set<string>();
  for (const id of subjectIds) {
    const subject = world.members.find((m) => m.id === id);
    if (subject === undefined) continue;
    if (wholeYearsOn(subject.birthDate, day) >= 16) entitled.add(id);
    else for (const a of world.authority) if (a.childId === id) entitled.add(a.adultId);
  }
  return entitled;
}

/** Whether everyone a thread about `subjectIds` may not be kept from has every subject in reach on `day`: else it may not start. */
export function sharedWhole(world: Pick<ReferenceWorld, 'members' | 'authority'>, subjectIds: readonly string[], day: string): boolean {
  return [...mayNotBeKeptFrom(world, subjectIds, day)].every((memberId) => {
    const reach = reachOf(world, memberId, day);
    return subjectIds.every((s) => reach.has(s));
  });
}

/** Whether `thread` is in the view of `viewerId` on `day`, and if not, why (for the run's cases). */
function inView(world: ReferenceWorld, viewerId: string, day: string, thread: ReferenceThread): 'in view' | 'outside reach' | 'shielded' {
  const reach = reachOf(world, viewerId, day);
  if (!thread.subjectIds.every((s) => reach.has(s))) return 'outside reach';
  const shieldedOrganisations = new Set(
    (world.shieldings ?? []).filter((x) => x.memberId === viewerId && x.lifted !== true).map((x) => world.involvements.find((i) => i.id === x.involvementId)?.organisationId),
  );
  return thread.participantOrganisationIds.some((o) => shieldedOrganisations.has(o)) ? 'shielded' : 'in view';
}

/** `ourThreads` asked by the member `viewerId` at `at`. */
export function expectedMemberThreads(world: ReferenceWorld, viewerId: string, at: Date): ExpectedMemberThreads {
  const day = amsterdamDate(at);
  const all = world.threads ?? [];
  const cases: string[] = [];
  const outOfView = new Set<string>();
  const mayName = new Set<string>([world.familyId]);
  const threads: ExpectedMemberThread[] = [];
  for (const t of all) {
    const seen = inView(world, viewerId, day, t);
    const joined = t.memberIds.includes(viewerId);
    const entitled = mayNotBeKeptFrom(world, t.subjectIds, day).has(viewerId);
    if (seen !== 'in view') {
      outOfView.add(t.id);
      // Joined before and now outside reach: the reach changed since (a child turned 16), as members join only threads about their reach.
      cases.push(`a thread ${seen === 'shielded' ? 'shielded from the member' : 'about someone outside reach'}${joined ? ', joined before' : ''}`);
      if (seen === 'outside reach' && t.subjectIds.includes(viewerId)) cases.push('a thread about the member and someone outside their reach');
      continue;
    }
    cases.push(joined ? 'a joined thread in view' : 'a thread in view, not joined');
    if (t.subjectIds.some((s) => s !== viewerId)) cases.push('a thread about a child in reach');
    if (entitled) cases.push('a thread in view of a member it may not be kept from');
    if (t.memberIds.some((m) => m !== viewerId)) cases.push('a thread in view that another member joined');
    for (const id of [t.id, ...t.subjectIds, ...t.participantOrganisationIds, ...t.memberIds]) mayName.add(id);
    threads.push({
      id: t.id,
      topic: t.topic,
      subjectMemberIds: [...t.subjectIds],
      category: t.category,
      purpose: t.purpose,
      joined,
      closed: null,
      startedByOrganisationId: t.participantOrganisationIds[0] as string,
      participants: [...t.participantOrganisationIds.map((id) => `organisation ${id}`), ...t.memberIds.map((id) => `member ${id}`)].sort(),
      unreadCount: joined ? unreadOf(t.messages, (m) => m.byMemberId === viewerId) : null,
      lastMessageAt: t.messages.at(-1)?.sentAt.toISOString() ?? null,
    });
  }
  const inViewThreads = all.filter((t) => !outOfView.has(t.id));
  const decisions =
    inViewThreads.length === 0
      ? [threadDecisionLine({ subject: viewerId, targetKind: 'FAMILY', targetId: world.familyId, category: null, source: null, outcome: loggedOutcome({ allowed: true, basis: 'DATA_SUBJECT' }), purpose: null })]
      : inViewThreads.flatMap((t) => threadLines(t, loggedOutcome({ allowed: true, basis: 'DATA_SUBJECT' }), null, false));
  return { threads, outOfView, mayName, decisions: decisions.sort(), cases };
}

/** `threadMessages(threadId)` (the newest page) asked by the member `viewerId` at `at`. */
export function expectedMemberMessages(world: ReferenceWorld, viewerId: string, at: Date, threadId: string): ExpectedMemberMessages {
  const thread = (world.threads ?? []).find((t) => t.id === threadId);
  if (thread === undefined || inView(world, viewerId, amsterdamDate(at), thread) !== 'in view') return { kind: 'error', code: 'NOT_FOUND', decisions: [], cases: ['member threadMessages NOT_FOUND'] };
  if (!thread.memberIds.includes(viewerId)) return { kind: 'error', code: 'FORBIDDEN', refusal: 'NOT_A_PARTICIPANT', decisions: [], cases: ['member threadMessages FORBIDDEN NOT_A_PARTICIPANT'] };
  const messages = servedMessages(thread);
  const cases = ['member threadMessages served', ...(messages.some((m) => m.withdrawn) ? ['member threadMessages a withdrawn message as a tombstone'] : [])];
  return { kind: 'messages', messages, decisions: threadLines(thread, loggedOutcome({ allowed: true, basis: 'DATA_SUBJECT' }), null, true).sort(), cases };
}
