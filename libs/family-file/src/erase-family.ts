/** A reason long enough to mean something (a request's reference and its ground), short enough to be a reason. */
export const ERASURE_REASON_LENGTH = { min: 10, max: 1000 } as const;

export interface ErasureFacts {
  /** The family asked for, or null when there is none with that id. */
  readonly family: { readonly erasedAt: Date | null } | null;
  /** Its break-glass grants a privacy officer has not reviewed yet. */
  readonly unreviewedBreakGlassGrants: number;
}

export type EraseFamilyRefusal =
  | { readonly reason: 'REASON_LENGTH' }
  /** No such family, or erased already: answered alike. */
  | { readonly reason: 'NOT_FOUND' }
  | { readonly reason: 'BREAK_GLASS_UNREVIEWED'; readonly grants: number };

export type EraseFamilyDecision = { readonly ok: true; readonly erasure: { readonly reason: string; readonly erasedAt: Date } } | { readonly ok: false; readonly refusal: EraseFamilyRefusal };

/**
 * Whether a family may be erased now (AVG art. 17, DESIGN.md §5.4): with a reason of 10 to 1000 characters (the request's reference and ground,
 * spaces around it not counted), of a family not erased before, once every emergency access
 * to it has been reviewed (its evidence becomes unreadable with the family's key). Who may
 * erase (a chain privacy officer) is the permission table's, asked before this.
 */
export function eraseFamily(reason: string, facts: ErasureFacts, at: Date): EraseFamilyDecision {
  const why = reason.trim();
  if (why.length < ERASURE_REASON_LENGTH.min || why.length > ERASURE_REASON_LENGTH.max) return { ok: false, refusal: { reason: 'REASON_LENGTH' } };
  if (facts.family === null || facts.family.erasedAt !== null) return { ok: false, refusal: { reason: 'NOT_FOUND' } };
  if (facts.unreviewedBreakGlassGrants > 0) return { ok: false, refusal: { reason: 'BREAK_GLASS_UNREVIEWED', grants: facts.unreviewedBreakGlassGrants } };
  return { ok: true, erasure: { reason: why, erasedAt: at } };
}
