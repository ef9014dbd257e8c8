import { ageOn, type SubjectFacts } from '@kring/consent';
import type { DataCategory } from '@kring/family-file';
import { DenyReason, type AccessDecision } from './access-decision';
import { decideFieldAccess, type AccessQuestion } from './access-rule';
import { allInReach, membersInReach } from './member-reach';

/** A thread as the rules see it (DESIGN.md §9, *kringberichten*): whom it is about, what it touches, who takes part. */
export interface ThreadFacts {
  readonly subjectMemberIds: readonly string[];
  readonly category: DataCategory;
  /** The organisations taking part: the one that started it, and the organisation of every professional participant. */
  readonly organisationIds: readonly string[];
}

/**
 * A professional participant reads a thread (its topic and its messages) through the one
 * access rule of §4, unchanged: the thread is a field of its category about its subjects, read
 * for the thread's own purpose, at the moment of each request. A thread's messages are shared
 * among its participants and written by members and by several organisations, so no
 * organisation reads a thread as its own record, not even the one that started it (source:
 * none): each professional participant needs, for every subject, the family's consent to its
 * organisation or domain, a statutory task, or an emergency grant. That they take part at all
 * is the permission table's question, asked before this one.
 */
export function decideThreadAccess(question: Omit<AccessQuestion, 'field'>, thread: Pick<ThreadFacts, 'subjectMemberIds' | 'category'>): AccessDecision {
  return decideFieldAccess({ ...question, field: { category: thread.category, sourceOrganisationId: null, subjectIds: thread.subjectMemberIds } });
}

/**
 * The members a thread about `subjectIds` may not be kept from (DESIGN.md §9): every subject
 * aged 16 or older, and the parents with authority over every subject under 16. A subject
 * whose age cannot be established (their birth date failed its integrity check) counts both
 * ways, themselves and their parents: what cannot be established keeps nobody out.
 */
export function mayNotBeKeptOut(subjectIds: readonly string[], subjects: ReadonlyMap<string, SubjectFacts>, today: string): Set<string> {
  const entitled = new Set<string>();
  for (const id of subjectIds) {
    const subject = subjects.get(id);
    if (subject === undefined) continue;
    const age = subject.birthDate === null ? null : ageOn(subject.birthDate, today);
    if (age === null || age >= 16) entitled.add(id);
    if (age === null || age < 16) for (const parent of subject.authorityHolders) entitled.add(parent);
  }
  return entitled;
}

/**
 * Who could not read a thread about these subjects whole: members it may not be kept from
 * (`mayNotBeKeptOut`) who do not have every subject in their reach, so that joining it would
 * show them what is said about a member outside their reach (a thread about both parents, or
 * about a 17-year-old and her brother of 14). Members in `exempt` are left out: a thread an
 * organisation shielded from them takes part in does not exist in their view. Empty: the
 * thread can be shared with everyone it may not be kept from, and may start.
 */
export function membersWhoCannotReadWhole(subjectIds: readonly string[], subjects: ReadonlyMap<string, SubjectFacts>, today: string, exempt: ReadonlySet<string>): string[] {
  const cannot: string[] = [];
  for (const memberId of mayNotBeKeptOut(subjectIds, subjects, today)) {
    if (exempt.has(memberId)) continue;
    if (!allInReach(membersInReach(memberId, subjects.values(), today), subjectIds)) cannot.push(memberId);
  }
  return cannot.sort();
}

/** What a member's view of the threads decides on. */
export interface MemberThreadViewer {
  /** Their reach today (`membersInReach`). */
  readonly reach: ReadonlySet<string>;
  /** The organisations whose involvement is shielded from them. */
  readonly shieldedOrganisationIds: ReadonlySet<string>;
}

/**
 * Whether a thread exists in a member's view (DESIGN.md §9): it is about their reach (every
 * subject in it), and no organisation taking part in it has shielded its involvement from
 * them; a thread such an organisation started or takes part in would tell them of it. In view,
 * they see that it exists, its topic and who takes part, and may join it; anything else is
 * left out beforehand, neither counted nor logged as theirs.
 */
export function decideMemberThreadAccess(viewer: MemberThreadViewer, thread: ThreadFacts): AccessDecision {
  const { category } = thread;
  if (thread.organisationIds.some((id) => viewer.shieldedOrganisationIds.has(id))) return { allowed: false, category, reason: DenyReason.OTHER_MEMBER };
  if (!allInReach(viewer.reach, thread.subjectMemberIds)) return { allowed: false, category, reason: DenyReason.OTHER_MEMBER };
  return { allowed: true, category, basis: { kind: 'DATA_SUBJECT' } };
}
