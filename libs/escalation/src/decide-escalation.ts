import { escalationStatus } from './escalation-status';
import { ESCALATION_BUDGET_CENTS, ESCALATION_TEXT_LENGTH, EscalationStatus } from './escalation-vocabulary';

/** The breakthrough decision as the team lead writes it. */
export interface DecideEscalationRequest {
  /** What is decided. */
  readonly decision: string;
  /** What rule or scheme is set aside, if any. */
  readonly setAside?: string | null;
  /** On whose authority (a mandate, a manager, the alderman). */
  readonly authority: string;
  /** A budget made available, in euro cents. */
  readonly budgetCents?: number | null;
}

export interface DecideEscalationFacts {
  readonly escalation: { readonly takenOnAt: Date | null; readonly decidedAt: Date | null };
  /** The permission table's answer: the team lead who took it on, or another team lead of their organisation. */
  readonly mayDecide: boolean;
}

export type DecideEscalationRefusal = 'NOT_TAKEN_ON' | 'ALREADY_DECIDED' | 'NOT_YOURS' | 'DECISION_LENGTH' | 'SET_ASIDE_LENGTH' | 'AUTHORITY_LENGTH' | 'BUDGET_RANGE';

export interface EscalationDecisionDraft {
  readonly decision: string;
  readonly setAside: string | null;
  readonly authority: string;
  readonly budgetCents: number | null;
}

export type DecideEscalationOutcome = { readonly ok: true; readonly draft: EscalationDecisionDraft } | { readonly ok: false; readonly refusal: DecideEscalationRefusal };

/**
 * Whether this breakthrough decision may be recorded (DESIGN.md §9): on an escalation taken on
 * and not yet decided (a decision is final), by the team lead who took it on or another team
 * lead of their organisation; what is decided and on whose authority in 10 to 2,000 characters,
 * what is set aside likewise if given, and a budget of 0 to 1,000,000 euro in whole cents if
 * any. Pure.
 */
export function decideEscalation(request: DecideEscalationRequest, facts: DecideEscalationFacts): DecideEscalationOutcome {
  const refuse = (refusal: DecideEscalationRefusal): DecideEscalationOutcome => ({ ok: false, refusal });
  const status = escalationStatus(facts.escalation);
  if (status === EscalationStatus.OPEN) return refuse('NOT_TAKEN_ON');
  if (status === EscalationStatus.DECIDED) return refuse('ALREADY_DECIDED');
  if (!facts.mayDecide) return refuse('NOT_YOURS');
  const decision = request.decision.trim();
  if (!fits(decision)) return refuse('DECISION_LENGTH');
  const setAside = request.setAside === undefined || request.setAside === null ? null : request.setAside.trim();
  if (setAside !== null && !fits(setAside)) return refuse('SET_ASIDE_LENGTH');
  const authority = request.authority.trim();
  if (!fits(authority)) return refuse('AUTHORITY_LENGTH');
  const budgetCents = request.budgetCents ?? null;
  if (budgetCents !== null && (!Number.isInteger(budgetCents) || budgetCents < ESCALATION_BUDGET_CENTS.min || budgetCents > ESCALATION_BUDGET_CENTS.max)) return refuse('BUDGET_RANGE');
  return { ok: true, draft: { decision, setAside, authority, budgetCents } };
}

function fits(text: string): boolean {
  return text.length >= ESCALATION_TEXT_LENGTH.min && text.length <= ESCALATION_TEXT_LENGTH.max;
}
