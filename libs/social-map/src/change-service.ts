import { checkServiceTerms, type ServiceTerms, type ServiceTermsRefusal, type ServiceTermsRequest } from './service-terms';
import { isWaitingWeeks } from './waiting-time';

/** The service as the change use cases see it: whose it is, whether it is still on the map, its terms now. */
export interface PublishedService extends ServiceTerms {
  readonly organisationId: string;
  readonly withdrawnAt: Date | null;
}

/** A change is refused when the table does not allow it (another organisation's service), or the service left the map. */
export type ServiceChangeRefusal = { readonly reason: 'NOT_ALLOWED' } | { readonly reason: 'WITHDRAWN' };

export type ChangeServiceDecision =
  | { readonly ok: true; readonly terms: ServiceTerms; readonly changedFields: readonly (keyof ServiceTerms)[] }
  | { readonly ok: false; readonly refusal: ServiceChangeRefusal | ServiceTermsRefusal };

const TERM_FIELDS: readonly (keyof ServiceTerms)[] = ['name', 'description', 'domain', 'ageFrom', 'ageTo', 'problems', 'municipalityCodes', 'accessRoute', 'phone', 'email', 'website', 'address'];

/** Changes a service's terms as a whole (the waiting time has its own use case); says which fields changed, for the log. */
export function changeService(service: PublishedService, request: ServiceTermsRequest, facts: { readonly mayChange: boolean }): ChangeServiceDecision {
  const standing = changeStanding(service, facts.mayChange);
  if (standing !== null) return { ok: false, refusal: standing };
  const checked = checkServiceTerms(request);
  if (!checked.ok) return checked;
  const changedFields = TERM_FIELDS.filter((field) => JSON.stringify(service[field]) !== JSON.stringify(checked.terms[field]));
  return { ok: true, terms: checked.terms, changedFields };
}

export type StateWaitingTimeRefusal = ServiceChangeRefusal | { readonly reason: 'WAITING_WEEKS_OUT_OF_RANGE'; readonly field: 'weeks' };

export type StateWaitingTimeDecision = { readonly ok: true; readonly waitingWeeks: number; readonly statedOn: string } | { readonly ok: false; readonly refusal: StateWaitingTimeRefusal };

/** States a service's waiting time in weeks (0 to 104), stamped today; stating the same number again renews its date. */
export function stateWaitingTime(service: PublishedService, weeks: number, facts: { readonly mayChange: boolean; readonly today: string }): StateWaitingTimeDecision {
  const standing = changeStanding(service, facts.mayChange);
  if (standing !== null) return { ok: false, refusal: standing };
  if (!isWaitingWeeks(weeks)) return { ok: false, refusal: { reason: 'WAITING_WEEKS_OUT_OF_RANGE', field: 'weeks' } };
  return { ok: true, waitingWeeks: weeks, statedOn: facts.today };
}

export type WithdrawServiceDecision = { readonly ok: true } | { readonly ok: false; readonly refusal: ServiceChangeRefusal };

/** Takes a service off the map, once; the row stays (a referral may name it). */
export function withdrawService(service: PublishedService, facts: { readonly mayWithdraw: boolean }): WithdrawServiceDecision {
  const standing = changeStanding(service, facts.mayWithdraw);
  return standing === null ? { ok: true } : { ok: false, refusal: standing };
}

function changeStanding(service: PublishedService, may: boolean): ServiceChangeRefusal | null {
  if (!may) return { reason: 'NOT_ALLOWED' };
  if (service.withdrawnAt !== null) return { reason: 'WITHDRAWN' };
  return null;
}
