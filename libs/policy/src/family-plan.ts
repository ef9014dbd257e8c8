import { ageOn, capacityBand, signaturesSuffice, type SubjectFacts } from '@kring/consent';
import { DataCategory } from '@kring/family-file';
import { DenyReason, type AccessDecision } from './access-decision';
import { decideFieldAccess, type AccessQuestion } from './access-rule';
import { allInReach } from './member-reach';

/** A plan item as the rule sees it (DESIGN.md §9): whom it is about, what it touches, who wrote it and who acts. */
export interface PlanItemFacts {
  readonly subjectMemberIds: readonly string[];
  /** The category it touches besides SHARED_PLAN; SHARED_PLAN when none. */
  readonly category: DataCategory;
  /** Null when the family wrote it. */
  readonly sourceOrganisationId: string | null;
  /** The organisation that carries out an action, if one does. */
  readonly actorOrganisationId: string | null;
}

/** The categories a plan item is read under: SHARED_PLAN, and the one it touches. */
export function planItemCategories(item: Pick<PlanItemFacts, 'category'>): DataCategory[] {
  return item.category === DataCategory.SHARED_PLAN ? [DataCategory.SHARED_PLAN] : [DataCategory.SHARED_PLAN, item.category];
}

/**
 * A professional reads a plan item through the one access rule (§4), unchanged: the item is
 * a field of each of its categories (SHARED_PLAN, and the one it touches), with its subjects
 * and source. One decision per category; the item is shown only when every one allows it,
 * so a debt goal needs both the plan and the finances to be shared about each subject.
 */
export function decidePlanItemAccess(question: Omit<AccessQuestion, 'field'>, item: PlanItemFacts): AccessDecision[] {
  return planItemCategories(item).map((category) =>
    decideFieldAccess({ ...question, field: { category, sourceOrganisationId: item.sourceOrganisationId, subjectIds: item.subjectMemberIds } }),
  );
}

/**
 * Whether an item is shown to the whole family: for each of its subjects, the members whose
 * say counts by the capacity rule of §3 chose so (a parent with authority for a child under
 * 12; the child and a parent from 12 to 15; the member alone from 16). An item about every
 * member of the family is family-wide from the start. A subject whose birth date cannot be
 * read has no one whose say is known to count: not shown.
 */
export function isShownToFamily(
  item: Pick<PlanItemFacts, 'subjectMemberIds'>,
  chosenBy: ReadonlySet<string>,
  family: { readonly memberIds: readonly string[]; readonly subjects: ReadonlyMap<string, SubjectFacts> },
  today: string,
): boolean {
  const subjects = item.subjectMemberIds;
  if (subjects.length === 0) return false;
  if (family.memberIds.every((id) => subjects.includes(id))) return true;
  return subjects.every((id) => {
    const subject = family.subjects.get(id);
    if (subject === undefined || subject.birthDate === null) return false;
    return signaturesSuffice(capacityBand(ageOn(subject.birthDate, today)), subject, chosenBy);
  });
}

/** What a member's view of the plan decides an item on. */
export interface MemberPlanViewer {
  readonly memberId: string;
  /** Their reach today (`membersInReach`). */
  readonly reach: ReadonlySet<string>;
  /** The organisations whose involvement is shielded from them: nothing those write or do is in their view. */
  readonly shieldedOrganisationIds: ReadonlySet<string>;
}

/**
 * What a member may read of a plan item (DESIGN.md §9, "Who sees what"): an item about
 * their reach, or one shown to the whole family (`isShownToFamily`), unless an organisation
 * shielded from them wrote it or carries it out: a shielded involvement does not exist in
 * their view, and an item naming it would tell them it does. Anything else does not exist
 * in their view at all: it is left out beforehand, neither counted nor logged as theirs.
 */
export function decideMemberPlanAccess(viewer: MemberPlanViewer, item: PlanItemFacts, shownToFamily: boolean): AccessDecision {
  const category = DataCategory.SHARED_PLAN;
  const shielded = [item.sourceOrganisationId, item.actorOrganisationId].some((id) => id !== null && viewer.shieldedOrganisationIds.has(id));
  if (shielded) return { allowed: false, category, reason: DenyReason.OTHER_MEMBER };
  if (allInReach(viewer.reach, item.subjectMemberIds)) return { allowed: true, category, basis: { kind: 'DATA_SUBJECT' } };
  if (shownToFamily) return { allowed: true, category, basis: { kind: 'SHOWN_TO_FAMILY' } };
  return { allowed: false, category, reason: DenyReason.OTHER_MEMBER };
}
