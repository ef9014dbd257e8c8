/** The dates of an involvement that decide whether it runs on a day (YYYY-MM-DD, Dutch calendar). */
export interface InvolvementDates {
  readonly startsOn: string;
  /** Exclusive: on this day the involvement has ended. Null while it is open. */
  readonly endsOn: string | null;
}

/**
 * Whether an involvement runs on `day` (YYYY-MM-DD, the Dutch calendar): from its first
 * day `startsOn` up to the day before `endsOn`, or open-ended while `endsOn` is null.
 * `involvedOnSql` below is the same condition for queries; a test holds them together.
 */
export function isInvolvedOn(involvement: InvolvementDates, day: string): boolean {
  return involvement.startsOn <= day && (involvement.endsOn === null || day < involvement.endsOn);
}

/**
 * `isInvolvedOn` as an SQL condition on the involvement row `alias`, for the day in the
 * SQL expression `day`: a parameter as the statement names it (`:today` for TypeORM's
 * query builder, `$5::date` in a raw statement). Both arguments are code, never input.
 */
export function involvedOnSql(alias: string, day: string): string {
  return `${alias}.starts_on <= ${day} AND (${alias}.ends_on IS NULL OR ${alias}.ends_on > ${day})`;
}
