import type { DataCategory } from '@kring/family-file';
import { DenyReason, type AccessDecision } from './access-decision';
import { allInReach } from './member-reach';

export interface CitizenQuestion {
  /** The reader's reach today: themselves and the children under 16 over whom they hold authority (`membersInReach`). */
  readonly reach: ReadonlySet<string>;
  readonly field: { readonly category: DataCategory; readonly subjectIds: readonly string[] };
}

/**
 * What a family member may read (DESIGN.md §4, last paragraph): data about
 * themselves, and about children under 16 over whom they hold parental authority.
 * A field about several members is shown only when every one of them is in reach,
 * so a joint record never discloses another adult's data. From 16 a child's data
 * is theirs alone. The member's view leaves out beforehand what this rule would
 * withhold (DESIGN.md §5.7), so a denial here means the view was built wrongly.
 */
export function decideCitizenAccess(question: CitizenQuestion): AccessDecision {
  const { reach, field } = question;
  if (allInReach(reach, field.subjectIds)) return { allowed: true, category: field.category, basis: { kind: 'DATA_SUBJECT' } };
  return { allowed: false, category: field.category, reason: DenyReason.OTHER_MEMBER };
}
