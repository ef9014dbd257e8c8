import { breakGlassState, isReviewOverdue, overdueIfOpenedBy, reviewBreakGlass, type BreakGlassGrantFacts, type BreakGlassReviewer } from './review-break-glass';

const OPENED_AT = new Date('2026-05-12T10:00:00Z');
const hoursAfterOpening = (hours: number, ms = 0) => new Date(OPENED_AT.getTime() + hours * 3600_000 + ms);

const GRANT: BreakGlassGrantFacts = { professionalId: 'pieter', organisationId: 'wmo', openedAt: OPENED_AT, expiresAt: hoursAfterOpening(4), reviewVerdict: null };
// The reviewer's standing is the permission table's answer (libs/policy/src/permissions.spec.ts tests who oversees what).
const OFFICER_OF_WMO: BreakGlassReviewer = { professionalId: 'fatima', standing: 'OVERSEES' };
const OFFICER_ELSEWHERE: BreakGlassReviewer = { professionalId: 'ruud', standing: 'NOT_OVERSEEN' };
const AT = hoursAfterOpening(5);

describe('reviewBreakGlass: an emergency access is reviewed by one who oversees it, not its own, and once', () => {
  it.each<[string, BreakGlassReviewer, BreakGlassGrantFacts | null, string, string | null]>([
    ['an officer who oversees the grant reviews it', OFFICER_OF_WMO, GRANT, 'Terecht.', null],
    ['one who does not oversee it does not see it (as if missing)', OFFICER_ELSEWHERE, GRANT, 'Terecht.', 'NOT_FOUND'],
    ['a grant that does not exist', OFFICER_OF_WMO, null, 'Terecht.', 'NOT_FOUND'],
    ['nobody reviews their own emergency access', { professionalId: 'pieter', standing: 'OWN_GRANT' }, GRANT, 'Terecht.', 'OWN_GRANT'],
    ['a grant is reviewed once', OFFICER_OF_WMO, { ...GRANT, reviewVerdict: 'JUSTIFIED' }, 'Terecht.', 'ALREADY_REVIEWED'],
    ['a note of spaces only is no note', OFFICER_OF_WMO, GRANT, '   ', 'NOTE_LENGTH'],
    ['a note of 2000 characters is accepted', OFFICER_OF_WMO, GRANT, 'x'.repeat(2000), null],
    ['a note of 2001 characters is too long', OFFICER_OF_WMO, GRANT, 'x'.repeat(2001), 'NOTE_LENGTH'],
    ['the note is judged before the grant is looked at', OFFICER_ELSEWHERE, null, '', 'NOTE_LENGTH'],
  ])('%s', (_rule, reviewer, grant, note, refusal) => {
    const decision = reviewBreakGlass(reviewer, grant, 'JUSTIFIED', note, AT);

    expect(decision.ok ? null : decision.refusal.reason).toBe(refusal);
  });

  it('the review records the verdict, the trimmed note, the reviewer and the moment', () => {
    expect(reviewBreakGlass(OFFICER_OF_WMO, GRANT, 'UNJUSTIFIED', '  Geen spoed.  ', AT)).toEqual({
      ok: true,
      review: { verdict: 'UNJUSTIFIED', note: 'Geen spoed.', reviewedByProfessionalId: 'fatima', reviewedAt: AT },
    });
  });
});

describe('breakGlassState: open for at most four hours, overdue for review after 72 hours', () => {
  it.each<[string, Date, BreakGlassGrantFacts, string]>([
    ['a millisecond before it expires it is active', hoursAfterOpening(4, -1), GRANT, 'ACTIVE'],
    ['at its expiry it is no longer active and awaits review', hoursAfterOpening(4), GRANT, 'AWAITING_REVIEW'],
    ['a millisecond before 72 hours it still awaits review', hoursAfterOpening(72, -1), GRANT, 'AWAITING_REVIEW'],
    ['at exactly 72 hours after opening it is overdue', hoursAfterOpening(72), GRANT, 'OVERDUE'],
    ['long after it is still overdue', hoursAfterOpening(24 * 30), GRANT, 'OVERDUE'],
    ['a reviewed grant is reviewed, however late', hoursAfterOpening(100), { ...GRANT, reviewVerdict: 'JUSTIFIED' }, 'REVIEWED'],
    ['a reviewed grant is reviewed even while still open', hoursAfterOpening(1), { ...GRANT, reviewVerdict: 'UNJUSTIFIED' }, 'REVIEWED'],
  ])('%s', (_rule, now, grant, state) => {
    expect(breakGlassState(grant, now)).toBe(state);
  });

  it('the cut-off a list query uses agrees with isReviewOverdue at the 72-hour edge', () => {
    for (const now of [hoursAfterOpening(72, -1), hoursAfterOpening(72), hoursAfterOpening(72, 1)]) {
      const overdueByQuery = OPENED_AT.getTime() <= overdueIfOpenedBy(now).getTime();
      expect(overdueByQuery).toBe(isReviewOverdue(GRANT, now));
    }
  });
});
