import { escalationStatus } from './escalation-status';
import { EscalationStatus } from './escalation-vocabulary';

export interface TakeOnEscalationFacts {
  readonly escalation: { readonly takenOnAt: Date | null; readonly decidedAt: Date | null };
  /** The permission table's answer: a team lead of an organisation involved with the family today. */
  readonly mayTakeOn: boolean;
}

export type TakeOnEscalationRefusal = 'NOT_A_TEAM_LEAD' | 'ALREADY_TAKEN_ON';

export type TakeOnEscalationDecision = { readonly ok: true } | { readonly ok: false; readonly refusal: TakeOnEscalationRefusal };

/**
 * Whether a team lead may take an escalation on (DESIGN.md §9): any team lead of an
 * organisation involved with the family today, once. Taking it on discloses nothing, so it does
 * not depend on whether the access rule lets them read its texts. Pure.
 */
export function takeOnEscalation(facts: TakeOnEscalationFacts): TakeOnEscalationDecision {
  if (!facts.mayTakeOn) return { ok: false, refusal: 'NOT_A_TEAM_LEAD' };
  if (escalationStatus(facts.escalation) !== EscalationStatus.OPEN) return { ok: false, refusal: 'ALREADY_TAKEN_ON' };
  return { ok: true };
}
