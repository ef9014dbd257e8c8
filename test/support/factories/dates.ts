const DAY = 24 * 3600 * 1000;

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Amsterdam at an instant: the day the gateway judges ages and involvements on. */
export function dayOf(at: Date): string {
  return amsterdamDay.format(at);
}

/** The calendar day `offsetDays` after `day` (negative: before). */
export function addDays(day: string, offsetDays: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + offsetDays * DAY).toISOString().slice(0, 10);
}

/**
 * A birth date that makes a member `years` old on `today`, with their last birthday
 * `daysSinceBirthday` days behind them (so a test does not sit on a birthday by accident).
 */
export function birthDateFor(today: string, years: number, daysSinceBirthday = 30): string {
  const [year, month, day] = today.split('-') as [string, string, string];
  const targetYear = Number(year) - years;
  // 29 February in a year without one: that year's birthday counts on 28 February.
  const sameDay = month === '02' && day === '29' && new Date(Date.UTC(targetYear, 1, 29)).getUTCMonth() !== 1 ? '28' : day;
  return addDays(`${targetYear}-${month}-${sameDay}`, -daysSinceBirthday);
}

/** `days` days in milliseconds. */
export const daysInMs = (days: number): number => days * DAY;
