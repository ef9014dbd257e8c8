/** A shielding's reason is read by the organisation's privacy officer: 10 to 2000 characters. */
export const SHIELDING_REASON_LENGTH = { min: 10, max: 2000 } as const;

export interface ShieldInvolvementFacts {
  /** The involvement's own organisation, and the caller's. */
  readonly involvementOrganisationId: string;
  readonly callerOrganisationId: string;
  /** Whether the involvement's organisation's domain has a statutory task (`hasStatutoryTask` in @kring/policy). */
  readonly statutoryTask: boolean;
  /** The permission table's answer for this shielding. */
  readonly mayShield: boolean;
  /** The family's members, and those the involvement is shielded from already (ids in lower case). */
  readonly familyMemberIds: readonly string[];
  readonly shieldedFrom: readonly string[];
}

export type ShieldInvolvementRefusal = 'REASON_LENGTH' | 'NO_MEMBERS' | 'NOT_A_MEMBER' | 'ALREADY_SHIELDED' | 'NOT_OWN_INVOLVEMENT' | 'NO_STATUTORY_TASK' | 'NOT_CASEWORK';

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
  if (!facts.mayShield) {
    if (facts.involvementOrganisationId !== facts.callerOrganisationId) return refuse('NOT_OWN_INVOLVEMENT');
    return refuse(facts.statutoryTask ? 'NOT_CASEWORK' : 'NO_STATUTORY_TASK');
  }
  const named = [...new Set(memberIds.map((id) => id.toLowerCase()))];
  if (named.length === 0) return refuse('NO_MEMBERS');
  if (!named.every((id) => facts.familyMemberIds.includes(id))) return refuse('NOT_A_MEMBER');
  if (named.some((id) => facts.shieldedFrom.includes(id))) return refuse('ALREADY_SHIELDED');
  return { ok: true, reason: trimmed, memberIds: named };
}
