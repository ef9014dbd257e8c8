/** A shielding's reason is read by the organisation's privacy officer: 10 to 2000 characters. */
export const SHIELDING_REASON_LENGTH = { min: 10, max: 2000 } as const;

/** Who asks to shield (or lift a shielding of) an involvement, and the permission table's answer. */
export interface ShieldingStanding {
  /** The involvement's own organisation, and the caller's. */
  readonly involvementOrganisationId: string;
  readonly callerOrganisationId: string;
  /** Whether the involvement's organisation's domain has a statutory task (`hasStatutoryTask` in @kring/policy). */
  readonly statutoryTask: boolean;
  /** The permission table's answer for this shielding (or lift). */
  readonly mayShield: boolean;
}

export interface ShieldInvolvementFacts extends ShieldingStanding {
  /** The family's members, and those the involvement is shielded from already, in force (ids in lower case). */
  readonly familyMemberIds: readonly string[];
  readonly shieldedFrom: readonly string[];
}

/** Why the permission table refused a shielding or a lift, in the terms of its rule. */
export type ShieldingStandingRefusal = 'NOT_OWN_INVOLVEMENT' | 'NO_STATUTORY_TASK' | 'NOT_CASEWORK';

export type ShieldInvolvementRefusal = 'REASON_LENGTH' | 'NO_MEMBERS' | 'NOT_A_MEMBER' | 'ALREADY_SHIELDED' | ShieldingStandingRefusal;

export type ShieldInvolvementDecision = { readonly ok: true; readonly reason: string; readonly memberIds: readonly string[] } | { readonly ok: false; readonly refusal: ShieldInvolvementRefusal };

/**
 * Whether an involvement may be shielded from the named members (DESIGN.md §9), and from
 * whom: a reason of 10 to 2000 characters (trimmed); the permission table allows it (a
 * professional of the involvement's own organisation, involved today, whose domain has a
 * statutory task), and the refusal says which of those failed; at least one member, each a
 * member of the family the involvement is not shielded from yet (ids compared in lower case).
 */
export function shieldInvolvement(reason: string, memberIds: readonly string[], facts: ShieldInvolvementFacts): ShieldInvolvementDecision {
  const refuse = (refusal: ShieldInvolvementRefusal): ShieldInvolvementDecision => ({ ok: false, refusal });
  const trimmed = reason.trim();
  if (trimmed.length < SHIELDING_REASON_LENGTH.min || trimmed.length > SHIELDING_REASON_LENGTH.max) return refuse('REASON_LENGTH');
  const standing = standingRefusal(facts);
  if (standing !== null) return refuse(standing);
  const named = [...new Set(memberIds.map((id) => id.toLowerCase()))];
  if (named.length === 0) return refuse('NO_MEMBERS');
  if (!named.every((id) => facts.familyMemberIds.includes(id))) return refuse('NOT_A_MEMBER');
  if (named.some((id) => facts.shieldedFrom.includes(id))) return refuse('ALREADY_SHIELDED');
  return { ok: true, reason: trimmed, memberIds: named };
}

/**
 * Which condition of the permission table failed for a shielding or its lift (the same rule:
 * a professional of the involvement's own organisation, involved today, whose domain has a
 * statutory task); null when it allows it.
 */
export function standingRefusal(standing: ShieldingStanding): ShieldingStandingRefusal | null {
  if (standing.mayShield) return null;
  if (standing.involvementOrganisationId !== standing.callerOrganisationId) return 'NOT_OWN_INVOLVEMENT';
  return standing.statutoryTask ? 'NOT_CASEWORK' : 'NO_STATUTORY_TASK';
}
