import { involvedOnSql, isInvolvedOn } from './involved-on';

describe('isInvolvedOn: an involvement runs from its first day up to the day before it ends', () => {
  it.each<[string, string, string | null, string, boolean]>([
    ['on its first day it runs', '2026-05-12', null, '2026-05-12', true],
    ['the day before its first day it does not', '2026-05-12', null, '2026-05-11', false],
    ['an open involvement runs years on', '2020-01-01', null, '2026-05-12', true],
    ['the day before it ends it still runs', '2026-01-01', '2026-05-12', '2026-05-11', true],
    ['on the day it ends it has ended (endsOn is exclusive)', '2026-01-01', '2026-05-12', '2026-05-12', false],
    ['after it ended it does not run', '2026-01-01', '2026-05-12', '2026-06-01', false],
    ['across a new year: 31 December runs, 1 January has ended', '2026-01-01', '2027-01-01', '2026-12-31', true],
  ])('%s', (_rule, startsOn, endsOn, day, runs) => {
    expect(isInvolvedOn({ startsOn, endsOn }, day)).toBe(runs);
  });

  it('the SQL condition names the same columns and the same bounds', () => {
    expect(involvedOnSql('i', ':today')).toBe('i.starts_on <= :today AND (i.ends_on IS NULL OR i.ends_on > :today)');
  });
});
