import type { DataCategory } from '@kring/family-file';
import { DenyReason, type AccessDecision } from './access-decision';
import { decideFieldAccess, isInvolved, type AccessQuestion } from './access-rule';
import { allInReach } from './member-reach';

/** An escalation as the rules see it (DESIGN.md §9, *doorbraak*): whom it is about, what it touches, who wrote what. */
export interface EscalationFacts {
  readonly subjectMemberIds: readonly string[];
  readonly category: DataCategory;
  /** The organisation of the professional who raised it; null when a member raised it. */
  readonly raisedByOrganisationId: string | null;
  /** The organisation of the team lead who took it on (and so decides); null while open. */
  readonly takenOnByOrganisationId: string | null;
  /** The organisation named as what blocks, if any. */
  readonly blockingOrganisationId: string | null;
  /** The member who raised it; null when a professional did. */
  readonly raisedByMemberId: string | null;
}

/** Which of an escalation's texts a decision is about: what the raiser wrote, or the team lead's decision. */
export type EscalationPart = 'RAISED' | 'DECIDED';

/**
 * A professional of an organisation involved today reads an escalation's texts through the one
 * access rule of §4, unchanged, read for the escalation's purpose (the raiser's; a member's:
 * CASE_COORDINATION) in its category about its subjects. What the raiser wrote is the raising
 * professional's organisation's record: their own organisation reads it as its own, any other
 * needs consent, a statutory task or an emergency grant. The decision is the deciding team
 * lead's organisation's record likewise. A member's escalation is addressed by the data subject
 * to the team leads of the involved organisations (as their requests for another case director
 * were): a team lead reads it, and its decision, on that ground (INVOLVED_ORGANISATION); any
 * other professional through the rule, with no organisation's own record (source: none), its
 * category being the member's own words. Whether the caller may see the escalation at all is
 * the permission table's question, asked before this one.
 */
export function decideEscalationAccess(question: Omit<AccessQuestion, 'field'>, escalation: EscalationFacts, part: EscalationPart, teamLead: boolean): AccessDecision {
  const { category } = escalation;
  if (escalation.raisedByOrganisationId === null && teamLead && isInvolved(question.family, question.caller.organisationId, question.today)) {
    return { allowed: true, category, basis: { kind: 'INVOLVED_ORGANISATION' } };
  }
  const source = escalation.raisedByOrganisationId === null ? null : part === 'RAISED' ? escalation.raisedByOrganisationId : escalation.takenOnByOrganisationId;
  return decideFieldAccess({ ...question, field: { category, sourceOrganisationId: source, subjectIds: escalation.subjectMemberIds } });
}

/** What a member's view of the escalations decides on. */
export interface MemberEscalationViewer {
  readonly memberId: string;
  /** Their reach today (`membersInReach`). */
  readonly reach: ReadonlySet<string>;
  /** The organisations whose involvement is shielded from them. */
  readonly shieldedOrganisationIds: ReadonlySet<string>;
}

/**
 * Whether an escalation exists in a member's view (DESIGN.md §9: the family sees its
 * escalations, their status and the decision): every member it is about is in their reach, and
 * no organisation shielded from them raised it, took it on or is named as what blocks (it would
 * tell them of that organisation); an organisation they named themselves tells them nothing, so
 * their own escalation stays in their view whatever they named. In view, they read it whole, as
 * data about themselves and their children; anything else is left out beforehand, neither
 * counted nor logged as theirs.
 */
export function decideMemberEscalationAccess(viewer: MemberEscalationViewer, escalation: EscalationFacts): AccessDecision {
  const { category } = escalation;
  const named = escalation.raisedByMemberId === viewer.memberId ? null : escalation.blockingOrganisationId;
  const organisations = [escalation.raisedByOrganisationId, escalation.takenOnByOrganisationId, named];
  if (organisations.some((id) => id !== null && viewer.shieldedOrganisationIds.has(id))) return { allowed: false, category, reason: DenyReason.OTHER_MEMBER };
  if (!allInReach(viewer.reach, escalation.subjectMemberIds)) return { allowed: false, category, reason: DenyReason.OTHER_MEMBER };
  return { allowed: true, category, basis: { kind: 'DATA_SUBJECT' } };
}
