import { SHIELDING_REASON_LENGTH, standingRefusal, type ShieldingStanding, type ShieldingStandingRefusal } from './shield-involvement';

export interface LiftShieldingFacts extends ShieldingStanding {
  /** When the shielding was lifted already; null while it is in force. */
  readonly liftedAt: Date | null;
}

export type LiftShieldingRefusal = 'REASON_LENGTH' | 'ALREADY_LIFTED' | ShieldingStandingRefusal;

export type LiftShieldingDecision = { readonly ok: true; readonly reason: string } | { readonly ok: false; readonly refusal: LiftShieldingRefusal };

/**
 * Whether a shielding may be lifted now (docs/circle.md): a reason of 10 to 2000 characters
 * (trimmed), as for shielding; the same permission as shielding (a professional of the
 * involvement's own organisation, involved today, whose domain has a statutory task), the
 * refusal saying which condition failed; and only a shielding in force: a lift is written once.
 * Pure: no I/O, no clock.
 */
export function liftShielding(reason: string, facts: LiftShieldingFacts): LiftShieldingDecision {
  const trimmed = reason.trim();
  if (trimmed.length < SHIELDING_REASON_LENGTH.min || trimmed.length > SHIELDING_REASON_LENGTH.max) return { ok: false, refusal: 'REASON_LENGTH' };
  const standing = standingRefusal(facts);
  if (standing !== null) return { ok: false, refusal: standing };
  if (facts.liftedAt !== null) return { ok: false, refusal: 'ALREADY_LIFTED' };
  return { ok: true, reason: trimmed };
}
