import { ENTRY_OUTCOMES, isOneOf, type EntryOutcome } from '@kring/audit/vocabulary';
import { DATA_CATEGORIES } from '../../api/fragments';
import type { AccessLogFilter, DataCategory } from '../../api/generated/graphql';

/**
 * The access-log filter as the officer's page keeps it: strings, as they stand in the
 * form and in the URL's query string ('' is "any"). Only pseudonymous ids, codes and
 * dates go into the URL, never a name, so a filtered view can be shared.
 */
export interface LogFilterParams {
  readonly familyId: string;
  readonly memberId: string;
  readonly professionalId: string;
  readonly organisationId: string;
  /** Entries with a decision about this organisation's records. */
  readonly sourceOrganisationId: string;
  /** Entries with a decision in this category. */
  readonly category: '' | DataCategory;
  readonly purpose: string;
  /** ALLOWED or DENIED: entries with a decision of that outcome; PARTLY_ALLOWED: entries with both. */
  readonly decision: '' | EntryOutcome;
  readonly basis: string;
  readonly activity: string;
  readonly breakGlass: '' | 'true' | 'false';
  /** YYYY-MM-DD: from the start of this day in Amsterdam. */
  readonly from: string;
  /** YYYY-MM-DD: up to and including this day in Amsterdam. */
  readonly to: string;
}

export type FilterField = keyof LogFilterParams;

export const FILTER_FIELDS: readonly FilterField[] = ['familyId', 'memberId', 'professionalId', 'organisationId', 'sourceOrganisationId', 'category', 'purpose', 'decision', 'basis', 'activity', 'breakGlass', 'from', 'to'];

export const EMPTY_FILTER: LogFilterParams = {
  familyId: '',
  memberId: '',
  professionalId: '',
  organisationId: '',
  sourceOrganisationId: '',
  category: '',
  purpose: '',
  decision: '',
  basis: '',
  activity: '',
  breakGlass: '',
  from: '',
  to: '',
};

/** Reads the filter from the query string; values of the wrong kind count as "any". */
export function filterFromQuery(query: URLSearchParams): LogFilterParams {
  const text = (name: FilterField) => (query.get(name) ?? '').trim();
  const decision = text('decision');
  const category = text('category');
  const breakGlass = text('breakGlass');
  return {
    familyId: text('familyId'),
    memberId: text('memberId'),
    professionalId: text('professionalId'),
    organisationId: text('organisationId'),
    sourceOrganisationId: text('sourceOrganisationId'),
    category: isOneOf(DATA_CATEGORIES, category) ? category : '',
    purpose: text('purpose'),
    decision: isOneOf(ENTRY_OUTCOMES, decision) ? decision : '',
    basis: text('basis'),
    activity: text('activity'),
    breakGlass: breakGlass === 'true' || breakGlass === 'false' ? breakGlass : '',
    from: text('from'),
    to: text('to'),
  };
}

/** The query string for a filter, in a fixed order and without empty fields. */
export function filterToQuery(filter: LogFilterParams): string {
  const query = new URLSearchParams();
  for (const name of FILTER_FIELDS) {
    const value = filter[name].trim();
    if (value !== '') query.set(name, value);
  }
  return query.toString();
}

export function trimmed(filter: LogFilterParams): LogFilterParams {
  return filterFromQuery(new URLSearchParams(filterToQuery(filter)));
}

/** What is wrong with the dates, before anything is asked of the API. */
export function dateProblems(filter: LogFilterParams): Partial<Record<'from' | 'to', 'date' | 'order' | 'span'>> {
  const problems: Partial<Record<'from' | 'to', 'date' | 'order' | 'span'>> = {};
  if (filter.from !== '' && !isDay(filter.from)) problems.from = 'date';
  if (filter.to !== '' && !isDay(filter.to)) problems.to = 'date';
  if (problems.from === undefined && problems.to === undefined && filter.from !== '' && filter.to !== '') {
    const start = startOfDay(filter.from).getTime();
    const end = startOfDay(nextDay(filter.to)).getTime();
    if (start >= end) problems.to = 'order';
    else if (end - start > 366 * 24 * 3600 * 1000) problems.from = 'span';
  }
  return problems;
}

/** The filter as the API takes it: from = start of that day, to = end of that day (exclusive next midnight), in Amsterdam. */
export function filterToApi(filter: LogFilterParams): AccessLogFilter {
  const api: AccessLogFilter = {};
  if (filter.familyId !== '') api.familyId = filter.familyId;
  if (filter.memberId !== '') api.memberId = filter.memberId;
  if (filter.professionalId !== '') api.professionalId = filter.professionalId;
  if (filter.organisationId !== '') api.organisationId = filter.organisationId;
  if (filter.sourceOrganisationId !== '') api.sourceOrganisationId = filter.sourceOrganisationId;
  if (filter.category !== '') api.category = filter.category;
  if (filter.purpose !== '') api.purpose = filter.purpose;
  if (filter.decision !== '') api.decision = filter.decision;
  if (filter.basis !== '') api.basis = filter.basis;
  if (filter.activity !== '') api.activity = filter.activity;
  if (filter.breakGlass !== '') api.breakGlass = filter.breakGlass === 'true';
  if (isDay(filter.from)) api.from = startOfDay(filter.from).toISOString();
  if (isDay(filter.to)) api.to = startOfDay(nextDay(filter.to)).toISOString();
  return api;
}

/** The same filter as query parameters of GET /access-log/export. */
export function filterToExportParams(filter: LogFilterParams): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(filterToApi(filter))) {
    if (value !== undefined) params[name] = String(value);
  }
  return params;
}

export function isDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Midnight at the start of `day` (YYYY-MM-DD) in Europe/Amsterdam, whatever the browser's own time zone. */
export function startOfDay(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  let instant = utcMidnight - amsterdamOffset(utcMidnight);
  // The offset may differ a few hours later (summer time); Amsterdam never changes at midnight.
  const again = utcMidnight - amsterdamOffset(instant);
  if (again !== instant) instant = again;
  return new Date(instant);
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Amsterdam's clock is ahead of UTC at this instant, in milliseconds. */
function amsterdamOffset(instant: number): number {
  const parts = PARTS.formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}
