import { checkServiceTerms, type ServiceTerms, type ServiceTermsRefusal, type ServiceTermsRequest } from './service-terms';
import { isWaitingWeeks } from './waiting-time';

/** A professional's request to publish a service: its terms, and the waiting time if they know it. */
export interface PublishServiceRequest extends ServiceTermsRequest {
  readonly waitingWeeks?: number | null;
}

/** What the use case needs to know besides the request. */
export interface PublishServiceFacts {
  /** The permission table lets the caller publish for their organisation (docs/permissions.md). */
  readonly mayPublish: boolean;
  /** Today in Amsterdam (YYYY-MM-DD): the day a waiting time given now is stated on. */
  readonly today: string;
}

/** A service to store: its terms, and its waiting time with the day it was stated (both null when not given). */
export interface ServiceDraft {
  readonly terms: ServiceTerms;
  readonly waitingWeeks: number | null;
  readonly waitingStatedOn: string | null;
}

export type PublishServiceRefusal = ServiceTermsRefusal | { readonly reason: 'NOT_ALLOWED' } | { readonly reason: 'WAITING_WEEKS_OUT_OF_RANGE'; readonly field: 'waitingWeeks' };

export type PublishServiceDecision = { readonly ok: true; readonly draft: ServiceDraft } | { readonly ok: false; readonly refusal: PublishServiceRefusal };

/** Publishes a service on the social map: for the caller's own organisation, on terms that pass `checkServiceTerms`, a waiting time stamped today. */
export function publishService(request: PublishServiceRequest, facts: PublishServiceFacts): PublishServiceDecision {
  if (!facts.mayPublish) return { ok: false, refusal: { reason: 'NOT_ALLOWED' } };
  const checked = checkServiceTerms(request);
  if (!checked.ok) return checked;
  const weeks = request.waitingWeeks ?? null;
  if (weeks !== null && !isWaitingWeeks(weeks)) return { ok: false, refusal: { reason: 'WAITING_WEEKS_OUT_OF_RANGE', field: 'waitingWeeks' } };
  return { ok: true, draft: { terms: checked.terms, waitingWeeks: weeks, waitingStatedOn: weeks === null ? null : facts.today } };
}
