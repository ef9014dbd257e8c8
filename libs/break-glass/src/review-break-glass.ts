/** A grant not reviewed 72 hours after it was opened is overdue (DESIGN.md §3). */
export const REVIEW_DUE_AFTER_MS = 72 * 3600 * 1000;
/** A review note says why, briefly: 1 to 2000 characters. */
export const REVIEW_NOTE_LENGTH = { min: 1, max: 2000 } as const;

export type BreakGlassVerdictCode = 'JUSTIFIED' | 'UNJUSTIFIED';

/** Where a grant stands: open, expired and waiting for its review, overdue for it, or reviewed. */
export type BreakGlassState = 'ACTIVE' | 'AWAITING_REVIEW' | 'OVERDUE' | 'REVIEWED';

export interface BreakGlassGrantFacts {
  readonly professionalId: string;
  readonly organisationId: string;
  readonly openedAt: Date;
  readonly expiresAt: Date;
  readonly reviewVerdict: string | null;
}

/**
 * What the permission table (libs/policy, docs/permissions.md) says of this reviewer and this
 * grant: they oversee it (a chain privacy officer any grant, a privacy officer their
 * organisation's), it is their own (four eyes: never), or it is not theirs to see.
 */
export type ReviewStanding = 'OVERSEES' | 'OWN_GRANT' | 'NOT_OVERSEEN';

export interface BreakGlassReviewer {
  readonly professionalId: string;
  readonly standing: ReviewStanding;
}

export type ReviewBreakGlassRefusal =
  | { readonly reason: 'NOTE_LENGTH' }
  /** No such grant, or not one this reviewer oversees: answered alike, so it reveals nothing. */
  | { readonly reason: 'NOT_FOUND' }
  | { readonly reason: 'OWN_GRANT' }
  | { readonly reason: 'ALREADY_REVIEWED' };

export interface BreakGlassReview {
  readonly verdict: BreakGlassVerdictCode;
  readonly note: string;
  readonly reviewedByProfessionalId: string;
  readonly reviewedAt: Date;
}

export type ReviewBreakGlassDecision = { readonly ok: true; readonly review: BreakGlassReview } | { readonly ok: false; readonly refusal: ReviewBreakGlassRefusal };

/**
 * Whether a privacy officer may record this verdict on this grant now (DESIGN.md §3): the
 * note is judged first, then the reviewer's standing (from the permission table: a grant
 * they do not oversee answers like a missing one; their own is refused), and a grant is
 * reviewed once. `grant` is null when no grant has the id asked for.
 */
export function reviewBreakGlass(reviewer: BreakGlassReviewer, grant: BreakGlassGrantFacts | null, verdict: BreakGlassVerdictCode, note: string, at: Date): ReviewBreakGlassDecision {
  const text = note.trim();
  if (text.length < REVIEW_NOTE_LENGTH.min || text.length > REVIEW_NOTE_LENGTH.max) return refuse('NOTE_LENGTH');
  if (grant === null || reviewer.standing === 'NOT_OVERSEEN') return refuse('NOT_FOUND');
  if (reviewer.standing === 'OWN_GRANT') return refuse('OWN_GRANT');
  if (grant.reviewVerdict !== null) return refuse('ALREADY_REVIEWED');
  return { ok: true, review: { verdict, note: text, reviewedByProfessionalId: reviewer.professionalId, reviewedAt: at } };
}

/** Whether an unreviewed grant is overdue at `now`: 72 hours or more after it was opened. */
export function isReviewOverdue(grant: Pick<BreakGlassGrantFacts, 'openedAt' | 'reviewVerdict'>, now: Date): boolean {
  return grant.reviewVerdict === null && now.getTime() - grant.openedAt.getTime() >= REVIEW_DUE_AFTER_MS;
}

/** The instant at or before which an unreviewed grant opened is overdue at `now`: what a list query compares `opened_at` with. */
export function overdueIfOpenedBy(now: Date): Date {
  return new Date(now.getTime() - REVIEW_DUE_AFTER_MS);
}

/** Where a grant stands at `now`. */
export function breakGlassState(grant: BreakGlassGrantFacts, now: Date): BreakGlassState {
  if (grant.reviewVerdict !== null) return 'REVIEWED';
  if (isReviewOverdue(grant, now)) return 'OVERDUE';
  return grant.expiresAt.getTime() > now.getTime() ? 'ACTIVE' : 'AWAITING_REVIEW';
}

function refuse(reason: ReviewBreakGlassRefusal['reason']): ReviewBreakGlassDecision {
  return { ok: false, refusal: { reason } };
}
