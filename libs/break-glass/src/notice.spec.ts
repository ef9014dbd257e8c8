import { deferNotice, MAX_DEFERRAL_DAYS, noticeState } from './notice';

const NOW = new Date('2026-05-15T10:00:00Z');
const daysAhead = (days: number, ms = 0) => new Date(NOW.getTime() + days * 24 * 3600_000 + ms);

describe('noticeState: the family is told once the review is done, unless an officer deferred it', () => {
  it.each<[string, { reviewVerdict: string | null; noticeDeferredUntil: Date | null }, string]>([
    ['not reviewed: withheld', { reviewVerdict: null, noticeDeferredUntil: null }, 'AWAITING_REVIEW'],
    ['not reviewed, deferred: still withheld until the review', { reviewVerdict: null, noticeDeferredUntil: daysAhead(3) }, 'AWAITING_REVIEW'],
    ['reviewed: given', { reviewVerdict: 'JUSTIFIED', noticeDeferredUntil: null }, 'GIVEN'],
    ['reviewed as unjustified: given too', { reviewVerdict: 'UNJUSTIFIED', noticeDeferredUntil: null }, 'GIVEN'],
    ['reviewed, deferred to a later date: deferred', { reviewVerdict: 'JUSTIFIED', noticeDeferredUntil: daysAhead(0, 1) }, 'DEFERRED'],
    ['reviewed, the deferral ends now: given', { reviewVerdict: 'JUSTIFIED', noticeDeferredUntil: NOW }, 'GIVEN'],
    ['reviewed, the deferral ended: given', { reviewVerdict: 'JUSTIFIED', noticeDeferredUntil: daysAhead(-1) }, 'GIVEN'],
  ])('%s', (_rule, grant, state) => {
    expect(noticeState(grant, NOW)).toBe(state);
  });
});

describe('deferNotice: an officer who oversees the grant defers the notice, with a reason, until a date', () => {
  it.each<[string, 'OVERSEES' | 'OWN_GRANT' | 'NOT_OVERSEEN', boolean, Date, string, string | null]>([
    ['an officer who oversees it, for a week', 'OVERSEES', true, daysAhead(7), 'Onderzoek Veilig Thuis loopt.', null],
    ['exactly 91 days ahead is allowed', 'OVERSEES', true, daysAhead(MAX_DEFERRAL_DAYS), 'Onderzoek loopt.', null],
    ['a millisecond beyond 91 days is refused', 'OVERSEES', true, daysAhead(MAX_DEFERRAL_DAYS, 1), 'Onderzoek loopt.', 'UNTIL_OUT_OF_RANGE'],
    ['until now is no deferral', 'OVERSEES', true, NOW, 'Onderzoek loopt.', 'UNTIL_OUT_OF_RANGE'],
    ['an invalid date is refused', 'OVERSEES', true, new Date('nonsense'), 'Onderzoek loopt.', 'UNTIL_OUT_OF_RANGE'],
    ['a reason of spaces is no reason', 'OVERSEES', true, daysAhead(7), '   ', 'REASON_LENGTH'],
    ['a reason of 2001 characters is too long', 'OVERSEES', true, daysAhead(7), 'x'.repeat(2001), 'REASON_LENGTH'],
    ['one who does not oversee it: as if missing', 'NOT_OVERSEEN', true, daysAhead(7), 'Onderzoek loopt.', 'NOT_FOUND'],
    ['a grant that does not exist', 'OVERSEES', false, daysAhead(7), 'Onderzoek loopt.', 'NOT_FOUND'],
    ['nobody defers the notice of their own emergency access', 'OWN_GRANT', true, daysAhead(7), 'Onderzoek loopt.', 'OWN_GRANT'],
  ])('%s', (_rule, standing, exists, until, reason, refusal) => {
    const decision = deferNotice(standing, exists, until, reason, NOW);
    expect(decision.ok ? null : decision.refusal.reason).toBe(refusal);
  });

  it('records the end, the trimmed reason and the moment', () => {
    expect(deferNotice('OVERSEES', true, daysAhead(7), '  Onderzoek loopt.  ', NOW)).toEqual({ ok: true, deferral: { until: daysAhead(7), reason: 'Onderzoek loopt.', deferredAt: NOW } });
  });
});
