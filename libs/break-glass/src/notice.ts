/**
 * The family is told of emergency access (issue 19; DESIGN.md §3): not while the grant is
 * open or awaiting review (a child must not be put at risk during those hours), but once a
 * privacy officer has reviewed it. An officer may defer the notice, with a reason, until a
 * date: the deferral ends by itself on that date (a deferral without an end would be a
 * notice never given); a new deferral, with its own reason, may follow before it ends.
 */

/** One deferral lasts at most 13 weeks (91 days): about the length of a Veilig Thuis investigation. */
export const MAX_DEFERRAL_DAYS = 91;
/** The reason for a deferral: 1 to 2000 characters, like a review note. */
export const DEFERRAL_REASON_LENGTH = { min: 1, max: 2000 } as const;

const DAY_MS = 24 * 3600 * 1000;

/** Where the family's notice of a grant stands: withheld until the review, deferred by an officer, or given. */
export type NoticeState = 'AWAITING_REVIEW' | 'DEFERRED' | 'GIVEN';

export interface NoticeFacts {
  readonly reviewVerdict: string | null;
  readonly noticeDeferredUntil: Date | null;
}

/** Where the notice of a grant stands at `now`. */
export function noticeState(grant: NoticeFacts, now: Date): NoticeState {
  if (grant.reviewVerdict === null) return 'AWAITING_REVIEW';
  if (grant.noticeDeferredUntil !== null && grant.noticeDeferredUntil.getTime() > now.getTime()) return 'DEFERRED';
  return 'GIVEN';
}

export type DeferNoticeRefusal =
  | { readonly reason: 'REASON_LENGTH' }
  | { readonly reason: 'UNTIL_OUT_OF_RANGE' }
  /** No such grant, or one the officer does not oversee: answered alike. */
  | { readonly reason: 'NOT_FOUND' }
  | { readonly reason: 'OWN_GRANT' };

export type DeferNoticeDecision =
  | { readonly ok: true; readonly deferral: { readonly until: Date; readonly reason: string; readonly deferredAt: Date } }
  | { readonly ok: false; readonly refusal: DeferNoticeRefusal };

/**
 * Whether an officer may defer the family's notice of a grant until `until`: a reason, an end
 * after now and at most 91 days ahead, a grant they oversee (the permission table's answer,
 * as for the review) and not their own. Before or after the review alike: deferring before
 * it means the notice waits past the review.
 */
export function deferNotice(standing: 'OVERSEES' | 'OWN_GRANT' | 'NOT_OVERSEEN', grantExists: boolean, until: Date, reason: string, now: Date): DeferNoticeDecision {
  const text = reason.trim();
  if (text.length < DEFERRAL_REASON_LENGTH.min || text.length > DEFERRAL_REASON_LENGTH.max) return { ok: false, refusal: { reason: 'REASON_LENGTH' } };
  if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime() || until.getTime() > now.getTime() + MAX_DEFERRAL_DAYS * DAY_MS) return { ok: false, refusal: { reason: 'UNTIL_OUT_OF_RANGE' } };
  if (!grantExists || standing === 'NOT_OVERSEEN') return { ok: false, refusal: { reason: 'NOT_FOUND' } };
  if (standing === 'OWN_GRANT') return { ok: false, refusal: { reason: 'OWN_GRANT' } };
  return { ok: true, deferral: { until, reason: text, deferredAt: now } };
}
