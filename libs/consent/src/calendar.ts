/** Dutch law counts ages and days on the calendar of the Netherlands. */
const DAY_IN_AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The last instant asked and its date: a request asks for the same instant many times. */
let lastInstant = Number.NaN;
let lastDate = '';

/**
 * The calendar date (YYYY-MM-DD) in the Netherlands at instant `at`.
 * Why the one-entry memo: the access rule judges every covering consent against the
 * subject's age on the day of the request, so one read asks for the same instant dozens of
 * times, and formatting through Intl costs microseconds each time. The answer depends on
 * the instant alone, so remembering the last one cannot change it.
 */
export function dutchDate(at: Date): string {
  const instant = at.getTime();
  if (instant !== lastInstant) {
    lastDate = DAY_IN_AMSTERDAM.format(at);
    lastInstant = instant;
  }
  return lastDate;
}

/**
 * Age in whole years on `onDate` (YYYY-MM-DD) of someone born on `birthDate`.
 * Someone born on 29 February becomes a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
