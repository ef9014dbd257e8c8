/** A member's reason for asking another case director, read by the team leads: 10 to 2000 characters. */
export const REQUEST_REASON_LENGTH = { min: 10, max: 2000 } as const;

export interface RequestOtherCaseDirectorFacts {
  /** The permission table's answer: the member asks in their own name, for their own family. */
  readonly mayRequest: boolean;
}

export type RequestOtherCaseDirectorRefusal = 'REASON_LENGTH' | 'NOT_OWN_NAME';

export type RequestOtherCaseDirectorDecision = { readonly ok: true; readonly reason: string } | { readonly ok: false; readonly refusal: RequestOtherCaseDirectorRefusal };

/**
 * Whether a member may ask for another case director now (DESIGN.md §9), and with which words:
 * a reason of 10 to 2000 characters (trimmed; spaces around it do not count), asked in their
 * own name for their own family (the permission table). Pure: no I/O, no clock.
 */
export function requestOtherCaseDirector(reason: string, facts: RequestOtherCaseDirectorFacts): RequestOtherCaseDirectorDecision {
  const trimmed = reason.trim();
  if (trimmed.length < REQUEST_REASON_LENGTH.min || trimmed.length > REQUEST_REASON_LENGTH.max) return { ok: false, refusal: 'REASON_LENGTH' };
  if (!facts.mayRequest) return { ok: false, refusal: 'NOT_OWN_NAME' };
  return { ok: true, reason: trimmed };
}
