/**
 * The words and limits of escalation (DESIGN.md §9, *doorbraak*). Plain data: the gateway's
 * GraphQL types and refusals are made from these.
 */

/** What an escalation asks: a breakthrough for a stuck situation, or (a member's request) another case director. */
export enum EscalationKind {
  STUCK = 'STUCK',
  OTHER_CASE_DIRECTOR = 'OTHER_CASE_DIRECTOR',
}

/** What blocks: a rule, a scheme (*regeling*), an organisation, or something else. */
export enum BlockingKind {
  RULE = 'RULE',
  SCHEME = 'SCHEME',
  ORGANISATION = 'ORGANISATION',
  OTHER = 'OTHER',
}

/** Where an escalation is: raised and waiting, taken on by a team lead, decided. */
export enum EscalationStatus {
  OPEN = 'OPEN',
  TAKEN_ON = 'TAKEN_ON',
  DECIDED = 'DECIDED',
}

/** Every text of an escalation (what blocks, what was tried, the decision, what is set aside, on whose authority): 10 to 2,000 characters. */
export const ESCALATION_TEXT_LENGTH = { min: 10, max: 2000 } as const;

/** A breakthrough budget, in euro cents: from 0 to 1,000,000 euro. */
export const ESCALATION_BUDGET_CENTS = { min: 0, max: 100_000_000 } as const;

/** The working days a team lead has to decide, counted from the day the escalation was raised (docs/escalation.md). */
export const DEFAULT_DECISION_WORKING_DAYS = 10;

/** Who raised an escalation: a member of the family, or a professional for their organisation. */
export const ESCALATION_RAISER_KINDS = ['MEMBER', 'PROFESSIONAL'] as const;
export type EscalationRaiserKind = (typeof ESCALATION_RAISER_KINDS)[number];

/** The purpose a member's escalation is read for by professionals other than the team leads it is addressed to. */
export const MEMBER_ESCALATION_PURPOSE = 'CASE_COORDINATION';
