/**
 * Working days in the Netherlands, for decision deadlines (docs/escalation.md). A day is a
 * working day when it is a Monday to Friday and not a generally recognised public holiday of
 * the Algemene termijnenwet, art. 3 lid 1: Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag,
 * tweede Pinksterdag, eerste en tweede Kerstdag, the day the King's birthday is celebrated
 * (Koningsdag: 27 April, 26 April when the 27th is a Sunday) and 5 May. Good Friday is not
 * among them. Dates are Dutch calendar days written YYYY-MM-DD.
 */

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(Date.UTC(year, month - 1, day));
}

/** The public holidays of art. 3 Algemene termijnenwet in a year that fall on a weekday or not: every one, sorted. */
export function dutchPublicHolidays(year: number): string[] {
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const afterEaster = (days: number) => isoDate(easter + days * DAY);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return [
    `${year}-01-01`,
    afterEaster(1), // tweede Paasdag
    kingsDay,
    `${year}-05-05`,
    afterEaster(39), // Hemelvaartsdag
    afterEaster(50), // tweede Pinksterdag
    `${year}-12-25`,
    `${year}-12-26`,
  ].sort();
}

/** Whether a day is a working day: Monday to Friday, and not one of `holidays` (by default art. 3 Atw's of its year). */
export function isWorkingDay(date: string, holidays: ReadonlySet<string> = holidaysAround(date, date)): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/**
 * The day `n` working days after `date` (n ≥ 0): the day itself does not count, so 10
 * working days after a Monday with no holiday is the Friday of the week after. With n = 0,
 * `date` itself. `holidays` defaults to art. 3 Atw's for the years the count crosses.
 */
export function addWorkingDays(date: string, n: number, holidays?: ReadonlySet<string>): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('addWorkingDays counts a whole number of days, 0 or more');
  let at = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(at)) throw new RangeError('addWorkingDays takes a date written YYYY-MM-DD');
  // Ten working days never span more than a month and a half; the holidays of both years cover it.
  const known = holidays ?? holidaysAround(date, isoDate(at + (n * 2 + 14) * DAY));
  let left = n;
  while (left > 0) {
    at += DAY;
    if (isWorkingDay(isoDate(at), known)) left -= 1;
  }
  return isoDate(at);
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string> = holidaysAround(from, to)): number {
  let count = 0;
  for (let at = Date.parse(`${from}T00:00:00Z`) + DAY, end = Date.parse(`${to}T00:00:00Z`); at <= end; at += DAY) if (isWorkingDay(isoDate(at), holidays)) count += 1;
  return count;
}

const DAY = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function holidaysAround(from: string, to: string): Set<string> {
  const first = Number(from.slice(0, 4));
  const last = Math.max(first, Number(to.slice(0, 4)));
  const days = new Set<string>();
  for (let year = first; year <= last; year += 1) for (const day of dutchPublicHolidays(year)) days.add(day);
  return days;
}
