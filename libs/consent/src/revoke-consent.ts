import type { SubjectFacts } from './consent-capacity';
import { capacityRefusal, type CapacityRefusal } from './consent-decider';

/** A revocation reason is optional free text of at most 1000 characters. */
export const REVOCATION_REASON_MAX = 1000;

export type RevokeConsentRefusal = { readonly reason: 'REASON_TOO_LONG' } | CapacityRefusal;

/** What revoking writes: the moment, who, and their reason (to be sealed), or null when it was revoked already. */
export interface ConsentRevocation {
  readonly revokedAt: Date;
  readonly revokedByMemberId: string;
  readonly reason: string | null;
}

export type RevokeConsentDecision = { readonly ok: true; readonly revocation: ConsentRevocation | null } | { readonly ok: false; readonly refusal: RevokeConsentRefusal };

/** Whether a revocation reason is acceptable before anything is read; null when it is. */
export function checkRevocationReason(reason: string | null): RevokeConsentRefusal | null {
  return reason !== null && reason.length > REVOCATION_REASON_MAX ? { reason: 'REASON_TOO_LONG' } : null;
}

/**
 * Whether a member may revoke a consent now, and what changes (DESIGN.md §3): those who
 * decide about the subject's consents today may revoke, with immediate effect. Revoking a
 * consent revoked before changes nothing: its first revocation stands.
 */
export function revokeConsent(consent: { readonly revokedAt: Date | null }, subject: SubjectFacts, memberId: string, reason: string | null, now: Date): RevokeConsentDecision {
  const tooLong = checkRevocationReason(reason);
  if (tooLong !== null) return { ok: false, refusal: tooLong };
  const refusal = capacityRefusal(subject, memberId, now);
  if (refusal !== null) return { ok: false, refusal };
  if (consent.revokedAt !== null) return { ok: true, revocation: null };
  return { ok: true, revocation: { revokedAt: now, revokedByMemberId: memberId, reason: reason === null || reason === '' ? null : reason } };
}
