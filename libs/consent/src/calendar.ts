/** Dutch law counts ages and days on the calendar of the Netherlands. */
const DAY_IN_AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in the Netherlands at instant `at`. */
export function dutchDate(at: Date): string {
  return DAY_IN_AMSTERDAM.format(at);
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
