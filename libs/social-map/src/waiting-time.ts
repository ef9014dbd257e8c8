import { WAITING_TIME_STALE_AFTER_DAYS, WAITING_WEEKS } from './social-map-vocabulary';

const DAY = 24 * 3600 * 1000;

/** Whether a number of weeks can be stated as a waiting time: a whole number from 0 to 104. */
export function isWaitingWeeks(weeks: number): boolean {
  return Number.isInteger(weeks) && weeks >= WAITING_WEEKS.min && weeks <= WAITING_WEEKS.max;
}

/**
 * Whether a waiting time stated on `statedOn` is stale on `today` (both YYYY-MM-DD, days in
 * Amsterdam): stated more than 90 days ago. On the 90th day it still counts; a service without
 * a stated waiting time is not stale, it has none.
 */
export function isWaitingTimeStale(statedOn: string | null, today: string): boolean {
  if (statedOn === null) return false;
  return (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${statedOn}T00:00:00Z`)) / DAY > WAITING_TIME_STALE_AFTER_DAYS;
}
