import { DataCategory } from '@kring/family-file';
import { openBreakGlass, type BreakGlassOpener, type OpenBreakGlassRequest } from './open-break-glass';

const OPENED_AT = new Date('2026-05-12T10:00:00Z');
const YOUTH_CARE: BreakGlassOpener = { mayDeclarePurpose: true };
const thirty = 'x'.repeat(30);
const request = (overrides: Partial<OpenBreakGlassRequest> = {}): OpenBreakGlassRequest => ({ justification: thirty, durationMinutes: 240, ...overrides });

describe('openBreakGlass: when a professional may open emergency access', () => {
  it.each<[string, Partial<OpenBreakGlassRequest>, string | null]>([
    ['a justification of 29 characters is too short', { justification: 'x'.repeat(29) }, 'JUSTIFICATION_TOO_SHORT'],
    ['a justification of exactly 30 characters is enough', { justification: thirty }, null],
    ['spaces around the justification do not count towards the 30', { justification: `   ${'x'.repeat(29)}   ` }, 'JUSTIFICATION_TOO_SHORT'],
    ['a justification of 4000 characters is accepted', { justification: 'x'.repeat(4000) }, null],
    ['a justification of 4001 characters is too long', { justification: 'x'.repeat(4001) }, 'JUSTIFICATION_TOO_LONG'],
    ['exactly four hours (240 minutes) is allowed', { durationMinutes: 240 }, null],
    ['one minute over four hours is refused', { durationMinutes: 241 }, 'DURATION_OUT_OF_RANGE'],
    ['one minute is allowed', { durationMinutes: 1 }, null],
    ['zero minutes is refused', { durationMinutes: 0 }, 'DURATION_OUT_OF_RANGE'],
    ['a fraction of a minute is refused', { durationMinutes: 30.5 }, 'DURATION_OUT_OF_RANGE'],
    ['health data is never within emergency access', { categories: [DataCategory.CONTACT, DataCategory.HEALTH] }, 'CATEGORY_NOT_ALLOWED'],
    ['an empty list of categories is refused', { categories: [] }, 'CATEGORY_NOT_ALLOWED'],
    ['a subset of CONTACT, HOUSEHOLD, SAFETY is allowed', { categories: [DataCategory.SAFETY] }, null],
  ])('%s', (_rule, overrides, refusal) => {
    const decision = openBreakGlass(request(overrides), YOUTH_CARE, OPENED_AT);

    expect(decision.ok ? null : decision.refusal.reason).toBe(refusal);
  });

  it('an organisation whose domain may not declare CHILD_PROTECTION cannot open it', () => {
    // Whether it may is the purpose catalogue's answer (resolve-purpose.spec.ts tests that); here, what follows from it.
    expect(openBreakGlass(request(), { mayDeclarePurpose: false }, OPENED_AT)).toEqual({ ok: false, refusal: { reason: 'PURPOSE_NOT_FOR_DOMAIN' } });
  });

  it('a grant of exactly four hours expires four hours after it was opened, for CHILD_PROTECTION and all three categories by default', () => {
    const decision = openBreakGlass(request({ justification: `  ${thirty}  ` }), YOUTH_CARE, OPENED_AT);

    expect(decision).toEqual({
      ok: true,
      grant: {
        justification: thirty,
        purpose: 'CHILD_PROTECTION',
        categories: [DataCategory.CONTACT, DataCategory.HOUSEHOLD, DataCategory.SAFETY],
        openedAt: OPENED_AT,
        expiresAt: new Date('2026-05-12T14:00:00Z'),
      },
    });
  });

  it('a category named twice is stored once', () => {
    const decision = openBreakGlass(request({ categories: [DataCategory.SAFETY, DataCategory.SAFETY] }), YOUTH_CARE, OPENED_AT);

    expect(decision.ok && decision.grant.categories).toEqual([DataCategory.SAFETY]);
  });

  it('the justification is judged before the duration (the first problem is the one named)', () => {
    expect(openBreakGlass(request({ justification: 'kort', durationMinutes: 999 }), YOUTH_CARE, OPENED_AT)).toEqual({ ok: false, refusal: { reason: 'JUSTIFICATION_TOO_SHORT' } });
  });
});
