import { DataCategory, isDataCategory } from '@kring/family-file';
import { addWorkingDays } from './working-days';
import { BlockingKind, ESCALATION_TEXT_LENGTH, EscalationKind } from './escalation-vocabulary';

/** What the one raising an escalation asks for. */
export interface RaiseEscalationRequest {
  readonly kind: EscalationKind;
  readonly subjectMemberIds: readonly string[];
  readonly blockingKind: BlockingKind;
  readonly blockingOrganisationId?: string | null;
  readonly blocks: string;
  /** What was tried; may be left out only when asking for another case director. */
  readonly tried?: string | null;
  /** A professional's choice of data category (what it touches); a member's is OWN_WORDS. */
  readonly category?: string | null;
}

/** Who raises it: a member for their reach, or a professional of an organisation involved today. */
export type EscalationRaiser =
  | { readonly kind: 'MEMBER'; readonly memberId: string; readonly reach: ReadonlySet<string> }
  | { readonly kind: 'PROFESSIONAL'; readonly professionalId: string; readonly organisationId: string };

export interface RaiseEscalationFacts {
  readonly raiser: EscalationRaiser;
  readonly familyMemberIds: readonly string[];
  /** The permission table's answer: may this caller raise an escalation about this family at all. */
  readonly mayRaise: boolean;
  /** Whether the named blocking organisation is one Kring knows (null when none is named). */
  readonly blockingOrganisationKnown: boolean | null;
  /** A professional: the access rule's reason when it would not let them read what they raise; null when it does (and for a member). */
  readonly closedToRaiser: string | null;
  /** The day it is raised (YYYY-MM-DD, Dutch calendar) and the working days the team lead has to decide. */
  readonly today: string;
  readonly decisionWorkingDays: number;
}

export type RaiseEscalationRefusal =
  | 'NOT_ALLOWED'
  | 'NO_SUBJECTS'
  | 'NOT_A_MEMBER'
  | 'NOT_IN_REACH'
  | 'CATEGORY_NOT_FOR_ESCALATION'
  | 'BLOCKING_ORGANISATION'
  | 'BLOCKS_LENGTH'
  | 'TRIED_LENGTH'
  | 'CLOSED_TO_RAISER';

/** The escalation as it will be stored. */
export interface EscalationDraft {
  readonly kind: EscalationKind;
  readonly subjectMemberIds: readonly string[];
  readonly category: DataCategory;
  readonly blockingKind: BlockingKind;
  readonly blockingOrganisationId: string | null;
  readonly blocks: string;
  readonly tried: string | null;
  readonly dueOn: string;
}

export type RaiseEscalationDecision = { readonly ok: true; readonly draft: EscalationDraft } | { readonly ok: false; readonly refusal: RaiseEscalationRefusal; readonly reason?: string };

/** Categories no escalation is about: who someone is, and their BSN. */
const NOT_FOR_ESCALATION: readonly DataCategory[] = [DataCategory.PERSONAL_IDENTITY, DataCategory.NATIONAL_ID];

/**
 * Whether this escalation may be raised, and as what (DESIGN.md §9, *doorbraak*): by whom the
 * permission table allows; about one or more members of the family, all in the raising member's
 * reach; a professional's in a category an escalation can be about (a member's is their own
 * words, OWN_WORDS); a blocking organisation when what blocks is an organisation (and only
 * then), one Kring knows; what blocks and (for a stuck situation) what was tried in 10 to 2,000
 * characters each; and, last, the access rule lets a professional read what they raise. The
 * deadline is `decisionWorkingDays` working days after the day it is raised. Ids are compared
 * in lower case.
 */
export function raiseEscalation(request: RaiseEscalationRequest, facts: RaiseEscalationFacts): RaiseEscalationDecision {
  const refuse = (refusal: RaiseEscalationRefusal, reason?: string): RaiseEscalationDecision => (reason === undefined ? { ok: false, refusal } : { ok: false, refusal, reason });
  if (!facts.mayRaise) return refuse('NOT_ALLOWED');
  const members = facts.familyMemberIds.map((id) => id.toLowerCase());
  const named = [...new Set(request.subjectMemberIds.map((id) => id.toLowerCase()))].sort();
  if (named.length === 0) return refuse('NO_SUBJECTS');
  if (!named.every((id) => members.includes(id))) return refuse('NOT_A_MEMBER');
  const { raiser } = facts;
  if (raiser.kind === 'MEMBER' && !named.every((id) => raiser.reach.has(id))) return refuse('NOT_IN_REACH');

  let category: DataCategory = DataCategory.OWN_WORDS;
  if (raiser.kind === 'PROFESSIONAL') {
    if (request.category === undefined || request.category === null || !isDataCategory(request.category) || NOT_FOR_ESCALATION.includes(request.category)) return refuse('CATEGORY_NOT_FOR_ESCALATION');
    category = request.category;
  }
  const blockingOrganisationId = request.blockingOrganisationId === undefined || request.blockingOrganisationId === null ? null : request.blockingOrganisationId.toLowerCase();
  if ((request.blockingKind === BlockingKind.ORGANISATION) !== (blockingOrganisationId !== null) || facts.blockingOrganisationKnown === false) return refuse('BLOCKING_ORGANISATION');

  const blocks = request.blocks.trim();
  if (!fits(blocks)) return refuse('BLOCKS_LENGTH');
  const tried = request.tried === undefined || request.tried === null ? null : request.tried.trim();
  if (tried === null ? request.kind === EscalationKind.STUCK : !fits(tried)) return refuse('TRIED_LENGTH');
  if (facts.closedToRaiser !== null) return refuse('CLOSED_TO_RAISER', facts.closedToRaiser);

  const dueOn = addWorkingDays(facts.today, facts.decisionWorkingDays);
  return { ok: true, draft: { kind: request.kind, subjectMemberIds: named, category, blockingKind: request.blockingKind, blockingOrganisationId, blocks, tried, dueOn } };
}

function fits(text: string): boolean {
  return text.length >= ESCALATION_TEXT_LENGTH.min && text.length <= ESCALATION_TEXT_LENGTH.max;
}
