import { checkSearchText } from './search-text';
import { isWaitingTimeStale } from './waiting-time';

describe('a stale waiting time', () => {
  it.each([
    ['2026-09-08', '2026-12-07', false],
    ['2026-09-07', '2026-12-07', true],
    ['2026-12-07', '2026-12-07', false],
    // Across the end of summer time: days, not hours.
    ['2026-07-29', '2026-10-27', false],
    ['2026-07-28', '2026-10-27', true],
    [null, '2026-12-07', false],
  ] as const)('stated on %s, on %s: stale %s (more than 90 days ago)', (statedOn, today, stale) => {
    expect(isWaitingTimeStale(statedOn, today)).toBe(stale);
  });
});

describe('search text', () => {
  it('searches any text of at most 1,000 characters (code points), blank lists by name; NUL, a lone surrogate and more are refused', () => {
    expect(checkSearchText('  "schuld" -geld or <-> :* ')).toEqual({ ok: true, text: '"schuld" -geld or <-> :*' });
    expect(checkSearchText('   ')).toEqual({ ok: true, text: null });
    expect(checkSearchText(null)).toEqual({ ok: true, text: null });
    expect(checkSearchText('𝒜'.repeat(1000))).toMatchObject({ ok: true });
    expect(checkSearchText('𝒜'.repeat(1001))).toEqual({ ok: false, refusal: 'TOO_LONG' });
    expect(checkSearchText('schuld\u0000')).toEqual({ ok: false, refusal: 'NOT_WELL_FORMED' });
    expect(checkSearchText('\udc00')).toEqual({ ok: false, refusal: 'NOT_WELL_FORMED' });
  });
});
