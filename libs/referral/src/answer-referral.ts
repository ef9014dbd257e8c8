import { DECLINE_REASON_LENGTH, ReferralStatus } from './referral-vocabulary';

export interface AnswerReferralFacts {
  readonly status: ReferralStatus;
  /** The permission table's answer for this caller and this referral. */
  readonly mayAnswer: boolean;
}

export type AcceptReferralRefusal = 'NOT_ALLOWED' | 'NOT_PROPOSED' | 'CONSENT_NOT_ACTIVE';
export type DeclineReferralRefusal = 'NOT_ALLOWED' | 'NOT_PROPOSED' | 'REASON_LENGTH';
export type WithdrawReferralRefusal = 'NOT_ALLOWED' | 'NOT_PROPOSED';

/**
 * Whether the receiving organisation may accept a referral now: a professional or team lead of
 * it, while it is proposed, and only once the consent it carries is ACTIVE (every signature the
 * subject's capacity asks for today, within its validity, not revoked). Acceptance then makes
 * the organisation involved from that day; that is what lets it read, and only what the
 * consents allow.
 */
export function acceptReferral(facts: AnswerReferralFacts & { readonly consentActive: boolean }): { readonly ok: true } | { readonly ok: false; readonly refusal: AcceptReferralRefusal } {
  if (!facts.mayAnswer) return { ok: false, refusal: 'NOT_ALLOWED' };
  if (facts.status !== ReferralStatus.PROPOSED) return { ok: false, refusal: 'NOT_PROPOSED' };
  if (!facts.consentActive) return { ok: false, refusal: 'CONSENT_NOT_ACTIVE' };
  return { ok: true };
}

/** Whether the receiving organisation may decline a referral now, with a reason of 10 to 2,000 characters (trimmed); the reason to seal. */
export function declineReferral(reason: string, facts: AnswerReferralFacts): { readonly ok: true; readonly reason: string } | { readonly ok: false; readonly refusal: DeclineReferralRefusal } {
  if (!facts.mayAnswer) return { ok: false, refusal: 'NOT_ALLOWED' };
  if (facts.status !== ReferralStatus.PROPOSED) return { ok: false, refusal: 'NOT_PROPOSED' };
  const trimmed = reason.trim();
  if (trimmed.length < DECLINE_REASON_LENGTH.min || trimmed.length > DECLINE_REASON_LENGTH.max) return { ok: false, refusal: 'REASON_LENGTH' };
  return { ok: true, reason: trimmed };
}

/** Whether the referring organisation may withdraw a referral now: while it is proposed. */
export function withdrawReferral(facts: AnswerReferralFacts): { readonly ok: true } | { readonly ok: false; readonly refusal: WithdrawReferralRefusal } {
  if (!facts.mayAnswer) return { ok: false, refusal: 'NOT_ALLOWED' };
  if (facts.status !== ReferralStatus.PROPOSED) return { ok: false, refusal: 'NOT_PROPOSED' };
  return { ok: true };
}
