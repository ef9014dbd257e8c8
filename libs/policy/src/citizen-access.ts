import { ageOn, type SubjectFacts } from '@kring/consent';
import type { DataCategory } from '@kring/family-file';
import { DenyReason, type AccessDecision } from './access-decision';

export interface CitizenQuestion {
  readonly memberId: string;
  readonly subjects: ReadonlyMap<string, SubjectFacts>;
  readonly field: { readonly category: DataCategory; readonly subjectIds: readonly string[] };
  /** YYYY-MM-DD, Dutch calendar. */
  readonly today: string;
}

/**
 * What a family member may read (DESIGN.md §4, last paragraph): data about
 * themselves, and about children under 16 over whom they hold parental authority.
 * A field about several members is shown only when every one of them is in reach,
 * so a joint record never discloses another adult's data. From 16 a child's data
 * is theirs alone.
 */
export function decideCitizenAccess(question: CitizenQuestion): AccessDecision {
  const { memberId, subjects, field, today } = question;
  const inReach = (subjectId: string): boolean => {
    if (subjectId === memberId) return true;
    const subject = subjects.get(subjectId);
    return subject !== undefined && subject.authorityHolders.has(memberId) && ageOn(subject.birthDate, today) < 16;
  };
  if (field.subjectIds.length > 0 && field.subjectIds.every(inReach)) return { allowed: true, category: field.category, basis: { kind: 'DATA_SUBJECT' } };
  return { allowed: false, category: field.category, reason: DenyReason.OTHER_MEMBER };
}
