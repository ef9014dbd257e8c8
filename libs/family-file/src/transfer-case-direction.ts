import { isInvolvedOn, type InvolvementDates } from './involved-on';

/** A handover note is for the new case director and the family: 10 to 4000 characters. */
export const HANDOVER_NOTE_LENGTH = { min: 10, max: 4000 } as const;

/** An involvement as the handover sees it. */
export interface HandoverInvolvement extends InvolvementDates {
  readonly id: string;
  readonly organisationId: string;
  readonly caseDirection: boolean;
}

export interface TransferCaseDirectionFacts<I extends HandoverInvolvement = HandoverInvolvement> {
  /** The family's involvements (any day; only those running `today` count). */
  readonly involvements: readonly I[];
  /** YYYY-MM-DD, the Dutch calendar. */
  readonly today: string;
  /** The permission table's answer: the caller is the case director, or a team lead of the directing organisation. */
  readonly mayTransfer: boolean;
  /** The professional named as the new case director: their organisation, and whether they work with families (casework roles); null when unknown. */
  readonly target: { readonly organisationId: string; readonly worksWithFamilies: boolean } | null;
}

export type TransferCaseDirectionRefusal = 'NOTE_LENGTH' | 'NOT_CASE_DIRECTOR' | 'TARGET_NOT_INVOLVED';

export type TransferCaseDirectionDecision<I extends HandoverInvolvement = HandoverInvolvement> =
  | { readonly ok: true; readonly note: string; readonly from: I; readonly to: I }
  | { readonly ok: false; readonly refusal: TransferCaseDirectionRefusal };

/**
 * Whether case direction may be handed over now, and between which involvements (DESIGN.md
 * §9): a note of 10 to 4000 characters (trimmed); an involvement running today holds case
 * direction and the caller may hand it over (the permission table); the new case director
 * works with families at another organisation involved today. Pure: no I/O, no clock.
 */
export function transferCaseDirection<I extends HandoverInvolvement>(note: string, facts: TransferCaseDirectionFacts<I>): TransferCaseDirectionDecision<I> {
  const trimmed = note.trim();
  if (trimmed.length < HANDOVER_NOTE_LENGTH.min || trimmed.length > HANDOVER_NOTE_LENGTH.max) return { ok: false, refusal: 'NOTE_LENGTH' };
  const running = facts.involvements.filter((i) => isInvolvedOn(i, facts.today));
  const from = running.find((i) => i.caseDirection);
  if (from === undefined || !facts.mayTransfer) return { ok: false, refusal: 'NOT_CASE_DIRECTOR' };
  const { target } = facts;
  const to = target === null || !target.worksWithFamilies ? undefined : running.find((i) => i.organisationId === target.organisationId && i.organisationId !== from.organisationId);
  if (to === undefined) return { ok: false, refusal: 'TARGET_NOT_INVOLVED' };
  return { ok: true, note: trimmed, from, to };
}
