import { Domain } from '@kring/identity';
import { changeService, stateWaitingTime, withdrawService, type PublishedService } from './change-service';
import { publishService } from './publish-service';
import { checkServiceTerms, type ServiceTermsRequest } from './service-terms';
import { AccessRoute, ProblemCode } from './social-map-vocabulary';

const request: ServiceTermsRequest = {
  name: '  Budgetcoaching ',
  description: 'Een coach leert u rondkomen met uw geld.',
  domain: Domain.DEBT_ASSISTANCE,
  problems: [ProblemCode.SCHULDEN, ProblemCode.GELDZAKEN, ProblemCode.SCHULDEN],
  municipalityCodes: ['gm0074', 'GM0080', 'GM0074'],
  accessRoute: AccessRoute.REFERRAL,
  phone: '0513 61 7700',
  email: ' ',
};

describe('the terms of a service on the social map', () => {
  it('are stored trimmed, without repeats, sorted, with blank contact fields as null', () => {
    const checked = checkServiceTerms(request);
    expect(checked).toEqual({
      ok: true,
      terms: expect.objectContaining({ name: 'Budgetcoaching', problems: ['GELDZAKEN', 'SCHULDEN'], municipalityCodes: ['GM0074', 'GM0080'], email: null, website: null, ageFrom: null, ageTo: null }),
    });
  });

  it.each([
    [{ name: 'ab' }, 'NAME_LENGTH', 'name'],
    [{ name: 'x'.repeat(121) }, 'NAME_LENGTH', 'name'],
    [{ description: 'Te kort' }, 'DESCRIPTION_LENGTH', 'description'],
    [{ ageFrom: 1.5 }, 'AGE_OUT_OF_RANGE', 'ageFrom'],
    [{ ageTo: 121 }, 'AGE_OUT_OF_RANGE', 'ageTo'],
    [{ ageFrom: 19, ageTo: 18 }, 'AGES_OUT_OF_ORDER', 'ageTo'],
    [{ problems: [] }, 'NO_PROBLEMS', 'problems'],
    [{ problems: ['ARMOEDE' as ProblemCode] }, 'UNKNOWN_PROBLEM', 'problems'],
    [{ municipalityCodes: [] }, 'NO_MUNICIPALITIES', 'municipalityCodes'],
    [{ municipalityCodes: ['GM0363'] }, 'UNKNOWN_MUNICIPALITY', 'municipalityCodes'],
    [{ phone: null }, 'NO_CONTACT', 'contact'],
    [{ phone: '06-1' }, 'CONTACT_FIELD_FORM', 'phone'],
    [{ email: 'a@b' }, 'CONTACT_FIELD_FORM', 'email'],
    [{ website: 'javascript:alert(1)//x.nl' }, 'CONTACT_FIELD_FORM', 'website'],
    [{ website: 'https://localhost' }, 'CONTACT_FIELD_FORM', 'website'],
    [{ address: 'x'.repeat(201) }, 'CONTACT_FIELD_LENGTH', 'address'],
  ] as const)('refuses %j: %s on %s', (over, reason, field) => {
    expect(checkServiceTerms({ ...request, ...over })).toEqual({ ok: false, refusal: { reason, field } });
  });

  it('ages may be open on either side, and equal', () => {
    expect(checkServiceTerms({ ...request, ageFrom: 0, ageTo: 0 }).ok).toBe(true);
    expect(checkServiceTerms({ ...request, ageFrom: 120 }).ok).toBe(true);
  });
});

describe('publishing and changing a service', () => {
  const today = '2026-12-07';
  const published = (over: Partial<PublishedService> = {}): PublishedService => {
    const checked = checkServiceTerms(request);
    if (!checked.ok) throw new Error('the request is valid');
    return { ...checked.terms, organisationId: 'org', withdrawnAt: null, ...over };
  };

  it('a waiting time given at publishing is stated today; none given, none stated', () => {
    expect(publishService({ ...request, waitingWeeks: 6 }, { mayPublish: true, today })).toMatchObject({ ok: true, draft: { waitingWeeks: 6, waitingStatedOn: today } });
    expect(publishService(request, { mayPublish: true, today })).toMatchObject({ ok: true, draft: { waitingWeeks: null, waitingStatedOn: null } });
    expect(publishService({ ...request, waitingWeeks: 105 }, { mayPublish: true, today })).toEqual({ ok: false, refusal: { reason: 'WAITING_WEEKS_OUT_OF_RANGE', field: 'waitingWeeks' } });
  });

  it('only whom the permission table allows publishes, changes, dates or withdraws; a withdrawn service is changed no more', () => {
    expect(publishService(request, { mayPublish: false, today })).toEqual({ ok: false, refusal: { reason: 'NOT_ALLOWED' } });
    expect(changeService(published(), request, { mayChange: false })).toEqual({ ok: false, refusal: { reason: 'NOT_ALLOWED' } });
    expect(stateWaitingTime(published(), 3, { mayChange: false, today })).toEqual({ ok: false, refusal: { reason: 'NOT_ALLOWED' } });
    expect(withdrawService(published(), { mayWithdraw: false })).toEqual({ ok: false, refusal: { reason: 'NOT_ALLOWED' } });
    const withdrawn = published({ withdrawnAt: new Date('2026-12-01T10:00:00Z') });
    expect(changeService(withdrawn, request, { mayChange: true })).toEqual({ ok: false, refusal: { reason: 'WITHDRAWN' } });
    expect(stateWaitingTime(withdrawn, 3, { mayChange: true, today })).toEqual({ ok: false, refusal: { reason: 'WITHDRAWN' } });
    expect(withdrawService(withdrawn, { mayWithdraw: true })).toEqual({ ok: false, refusal: { reason: 'WITHDRAWN' } });
  });

  it('a change names the fields it changed, for the log; the same terms change none', () => {
    expect(changeService(published(), request, { mayChange: true })).toMatchObject({ ok: true, changedFields: [] });
    expect(changeService(published(), { ...request, name: 'Budgetcoaching Heerenveen', problems: [ProblemCode.SCHULDEN] }, { mayChange: true })).toMatchObject({ ok: true, changedFields: ['name', 'problems'] });
  });

  it('a waiting time is 0 to 104 whole weeks, dated today', () => {
    expect(stateWaitingTime(published(), 0, { mayChange: true, today })).toEqual({ ok: true, waitingWeeks: 0, statedOn: today });
    for (const weeks of [-1, 105, 2.5]) expect(stateWaitingTime(published(), weeks, { mayChange: true, today })).toEqual({ ok: false, refusal: { reason: 'WAITING_WEEKS_OUT_OF_RANGE', field: 'weeks' } });
  });
});
