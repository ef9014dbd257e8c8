import { ageOn, type SubjectFacts } from '@kring/consent';

/**
 * Whether `subject` is in the reach of member `memberId` today (DESIGN.md §9, "Reach"):
 * the member themselves, or a child under 16 over whom they hold parental authority.
 * A child whose birth date cannot be read (it failed its integrity check) is not: that
 * they are under 16 cannot be established, and what cannot be established is denied.
 */
export function isInReach(memberId: string, subject: SubjectFacts, today: string): boolean {
  if (subject.memberId === memberId) return true;
  return subject.authorityHolders.has(memberId) && subject.birthDate !== null && ageOn(subject.birthDate, today) < 16;
}

/** The members in the reach of `memberId` today, among `subjects` (the member's family). */
export function membersInReach(memberId: string, subjects: Iterable<SubjectFacts>, today: string): Set<string> {
  const reach = new Set<string>();
  for (const subject of subjects) if (isInReach(memberId, subject, today)) reach.add(subject.memberId);
  return reach;
}

/** Whether data about these members belongs in a member's view at all: about someone, and everyone it is about in reach. */
export function allInReach(reach: ReadonlySet<string>, subjectIds: readonly string[]): boolean {
  return subjectIds.length > 0 && subjectIds.every((id) => reach.has(id));
}
