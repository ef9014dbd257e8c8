/**
 * The calendar of the reference implementation, written from the rule's text
 * and not from the product: the Amsterdam date of an instant (the EU summer-time
 * rule, in force since 1996) and whole years of age on a date.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A date as 'YYYY-MM-DD'. */
export type IsoDate = string;

/** The UTC instant of 01:00 UTC on the last Sunday of `month` (0-based) in `year`: when EU summer time starts or ends. */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY + HOUR;
}

/** Hours Amsterdam is ahead of UTC at `instant`: 2 in summer time (CEST), else 1 (CET). */
export function amsterdamOffsetHours(instant: Date): 1 | 2 {
  const t = instant.getTime();
  const year = new Date(t).getUTCFullYear();
  if (year < 1996) throw new Error(`the reference calendar knows the EU summer-time rule only from 1996 (asked for ${instant.toISOString()})`);
  return t >= lastSundayOneUtc(year, 2) && t < lastSundayOneUtc(year, 9) ? 2 : 1;
}

/** The calendar date in Amsterdam at `instant`. */
export function amsterdamDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + amsterdamOffsetHours(instant) * HOUR).toISOString().slice(0, 10);
}

/** The instant Amsterdam's clocks show 00:00 on `date` (midnight is never in a summer-time gap: those are at 02:00). */
export function amsterdamMidnight(date: IsoDate): Date {
  const utcMidnight = parseDate(date);
  return new Date(utcMidnight - amsterdamOffsetHours(new Date(utcMidnight - 3 * HOUR)) * HOUR);
}

export function parseDate(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function formatDate(utcMillis: number): IsoDate {
  return new Date(utcMillis).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return formatDate(parseDate(date) + days * DAY);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The date of the `years`-th birthday of someone born on `birthDate`; born on 29 February, it is 1 March in a common year. */
export function birthday(birthDate: IsoDate, years: number): IsoDate {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const year = y + years;
  if (m === 2 && d === 29 && !isLeapYear(year)) return `${String(year).padStart(4, '0')}-03-01`;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole years of age on `date` of someone born on `birthDate`. */
export function wholeYearsOn(birthDate: IsoDate, date: IsoDate): number {
  const [by] = birthDate.split('-').map(Number) as [number];
  const [ty] = date.split('-').map(Number) as [number];
  let years = ty - by;
  // ISO dates compare as strings; birthday() already moves 29 February to 1 March in common years.
  if (birthday(birthDate, years) > date) years -= 1;
  return years;
}
