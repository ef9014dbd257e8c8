import { escalationStatus } from './escalation-status';
import { EscalationStatus } from './escalation-vocabulary';

export interface TakeOnEscalationFacts {
  readonly escalation: { readonly takenOnAt: Date | null; readonly decidedAt: Date | null };
  /** The permission table's answer: a team lead of an organisation involved with the family today. */
  readonly mayTakeOn: boolean;
  /** The taking team lead's organisation shielded its involvement from the member who raised it. */
  readonly shieldedFromRaiser: boolean;
}

export type TakeOnEscalationRefusal = 'NOT_A_TEAM_LEAD' | 'ALREADY_TAKEN_ON' | 'SHIELDED_FROM_RAISER';

export type TakeOnEscalationDecision = { readonly ok: true } | { readonly ok: false; readonly refusal: TakeOnEscalationRefusal };

/**
 * Whether a team lead may take an escalation on (DESIGN.md §9): any team lead of an
 * organisation involved with the family today, once. Taking it on discloses nothing, so it does
 * not depend on whether the access rule lets them read its texts. Not by a team lead of an
 * organisation that shielded its involvement from the member who raised it: their name on it
 * would make the member's own escalation leave the member's view (docs/escalation.md). Pure.
 */
export function takeOnEscalation(facts: TakeOnEscalationFacts): TakeOnEscalationDecision {
  if (!facts.mayTakeOn) return { ok: false, refusal: 'NOT_A_TEAM_LEAD' };
  if (escalationStatus(facts.escalation) !== EscalationStatus.OPEN) return { ok: false, refusal: 'ALREADY_TAKEN_ON' };
  if (facts.shieldedFromRaiser) return { ok: false, refusal: 'SHIELDED_FROM_RAISER' };
  return { ok: true };
}
