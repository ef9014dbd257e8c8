import { addWorkingDays, dutchPublicHolidays, easterSunday, isWorkingDay, workingDaysBetween } from './working-days';

describe('Dutch working days (Algemene termijnenwet art. 3)', () => {
  it.each([
    [1943, '1943-04-25'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s (the anonymous Gregorian algorithm, checked against published dates and its extremes)', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it.each([
    [2025, ['2025-01-01', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26']],
    [2027, ['2027-01-01', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-26']],
  ])('the public holidays of %i: Nieuwjaarsdag, tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, tweede Pinksterdag, both Kerstdagen', (year, holidays) => {
    expect(dutchPublicHolidays(year)).toEqual(holidays);
  });

  it('Koningsdag is 26 April when 27 April is a Sunday (2025, 2031), and 27 April otherwise', () => {
    expect(dutchPublicHolidays(2031)).toContain('2031-04-26');
    expect(dutchPublicHolidays(2031)).not.toContain('2031-04-27');
    expect(dutchPublicHolidays(2026)).toContain('2026-04-27');
  });

  it('Good Friday is not a public holiday of the Algemene termijnenwet: 3 April 2026 is a working day', () => {
    expect(isWorkingDay('2026-04-03')).toBe(true);
    expect(isWorkingDay('2026-04-06')).toBe(false);
  });

  it('weekends are not working days', () => {
    expect(['2026-12-05', '2026-12-06', '2026-12-07'].map((d) => isWorkingDay(d))).toEqual([false, false, true]);
  });

  it.each([
    ['a fortnight without holidays: from a Friday, two weeks on', '2026-12-04', 10, '2026-12-18'],
    ['across Koningsdag and 5 mei', '2026-04-20', 10, '2026-05-06'],
    ['across Hemelvaartsdag and tweede Pinksterdag', '2026-05-11', 10, '2026-05-27'],
    ['across Christmas and New Year, into the next year', '2026-12-21', 10, '2027-01-06'],
    ['from a Saturday: the next Monday is the first', '2026-12-05', 1, '2026-12-07'],
    ['no days: the day itself', '2026-12-05', 0, '2026-12-05'],
  ])('%s: %s plus %i working days is %s', (_, from, n, due) => {
    expect(addWorkingDays(from, n)).toBe(due);
    expect(workingDaysBetween(from, due)).toBe(n);
  });

  it('a list of holidays given replaces the statutory one (a municipality closed on a day of its own)', () => {
    expect(addWorkingDays('2026-12-04', 1, new Set(['2026-12-07']))).toBe('2026-12-08');
  });

  it('refuses a negative or fractional count, and a date that is not YYYY-MM-DD', () => {
    expect(() => addWorkingDays('2026-12-04', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-04', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('4 december', 1)).toThrow(RangeError);
  });
});
