import { ageOn, dutchDate } from './calendar';

describe('dutchDate: the calendar date in the Netherlands', () => {
  it.each<[string, string, string]>([
    ['in winter (UTC+1), 22:59:59 UTC is still the same day in Amsterdam', '2026-01-15T22:59:59Z', '2026-01-15'],
    ['in winter (UTC+1), the day begins at 23:00 UTC the evening before', '2026-01-15T23:00:00Z', '2026-01-16'],
    ['in summer (UTC+2), 21:59:59 UTC is still the same day in Amsterdam', '2026-07-15T21:59:59Z', '2026-07-15'],
    ['in summer (UTC+2), the day begins at 22:00 UTC the evening before', '2026-07-15T22:00:00Z', '2026-07-16'],
    ['on the spring change (29 March 2026) the day ends at 22:00 UTC, in summer time', '2026-03-29T21:59:59Z', '2026-03-29'],
    ['and the next day begins at 22:00 UTC', '2026-03-29T22:00:00Z', '2026-03-30'],
    ['on the autumn change (25 October 2026) the day began at 22:00 UTC, in summer time', '2026-10-24T22:00:00Z', '2026-10-25'],
    ['and it ends at 23:00 UTC, in winter time', '2026-10-25T22:59:59Z', '2026-10-25'],
    ['after which the next day begins', '2026-10-25T23:00:00Z', '2026-10-26'],
    ['New Year begins in Amsterdam an hour before it does in UTC', '2026-12-31T23:00:00Z', '2027-01-01'],
    ['months and days below ten are written with two digits', '2026-03-05T12:00:00Z', '2026-03-05'],
  ])('%s', (_rule, instant, date) => {
    expect(dutchDate(new Date(instant))).toBe(date);
  });

  it('answers for the instant asked, not the one asked before it (it remembers the last answer)', () => {
    const evening = new Date('2026-01-15T22:59:59Z');
    const midnight = new Date('2026-01-15T23:00:00Z');
    expect([dutchDate(evening), dutchDate(evening), dutchDate(midnight), dutchDate(evening), dutchDate(new Date(midnight.getTime()))]).toEqual([
      '2026-01-15',
      '2026-01-15',
      '2026-01-16',
      '2026-01-15',
      '2026-01-16',
    ]);
  });

  it('refuses an invalid date as Intl does, even right after a valid one', () => {
    dutchDate(new Date('2026-01-15T12:00:00Z'));
    expect(() => dutchDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('ageOn: age in whole years on a calendar date', () => {
  it.each<[string, string, string, number]>([
    ['a newborn is 0 on the day of birth', '2026-05-12', '2026-05-12', 0],
    ['the day before the 12th birthday one is 11', '2014-05-12', '2026-05-11', 11],
    ['on the 12th birthday one is 12', '2014-05-12', '2026-05-12', 12],
    ['the day before the 16th birthday one is 15', '2010-05-12', '2026-05-11', 15],
    ['on the 16th birthday one is 16', '2010-05-12', '2026-05-12', 16],
    ['a later month in the year counts as after the birthday', '2010-05-12', '2026-06-01', 16],
    ['an earlier month in the year counts as before the birthday', '2010-05-12', '2026-04-30', 15],
    ['someone born on 31 December is a year older only on 31 December', '2010-12-31', '2026-12-30', 15],
    ['and stays that age on 1 January', '2010-12-31', '2027-01-01', 16],
    ['born on 29 February: on 28 February of a common year not yet a year older', '2012-02-29', '2026-02-28', 13],
    ['born on 29 February: a year older on 1 March of a common year', '2012-02-29', '2026-03-01', 14],
    ['born on 29 February: on 28 February of a leap year not yet a year older', '2012-02-29', '2028-02-28', 15],
    ['born on 29 February: a year older on 29 February of a leap year', '2012-02-29', '2028-02-29', 16],
    ['born on 29 February: on 1 March of a leap year that birthday has passed', '2012-02-29', '2028-03-01', 16],
    ['born on 1 March in a leap year: 29 February is the day before the birthday', '2012-03-01', '2028-02-29', 15],
  ])('%s', (_rule, birthDate, onDate, age) => {
    expect(ageOn(birthDate, onDate)).toBe(age);
  });

  it('a 12th birthday begins at midnight in Amsterdam, not at midnight UTC', () => {
    const birthDate = '2014-05-12';

    expect(ageOn(birthDate, dutchDate(new Date('2026-05-11T21:59:59Z')))).toBe(11);
    expect(ageOn(birthDate, dutchDate(new Date('2026-05-11T22:00:00Z')))).toBe(12);
  });
});
