import { MUNICIPALITIES } from '@kring/social-map/municipalities';
import { PROBLEM_LABELS } from '@kring/social-map/vocabulary';
import type { AccessRoute, ProblemCode } from '../../api/generated/graphql';
import type { Language, Translate } from '../../i18n/i18n';

/*
 * The words of the map, shared by the search, a service's page and the consent form's picker.
 * Problems and municipalities come from the map's own catalogue (libs/social-map, plain data),
 * so the portal offers exactly what the API knows.
 */

// Typed against the schema's union: a problem code the schema has and the labels lack does not compile.
const LABELS: Readonly<Record<ProblemCode, { readonly nl: string; readonly en: string }>> = PROBLEM_LABELS;

/** Every problem code, in the catalogue's order. */
export const PROBLEMS = Object.keys(LABELS) as readonly ProblemCode[];

export function problemLabel(code: ProblemCode, language: Language): string {
  return LABELS[code][language];
}

/** The municipalities of the map, by name (as people look for them), each with its CBS code. */
export const MUNICIPALITY_CHOICES: readonly { readonly code: string; readonly name: string }[] = Object.entries(MUNICIPALITIES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

const ROUTE_ORDER: Record<AccessRoute, true> = { WALK_IN: true, REFERRAL: true, DECISION: true };
export const ACCESS_ROUTES = Object.keys(ROUTE_ORDER) as readonly AccessRoute[];

export interface WaitingTime {
  readonly waitingWeeks: number | null;
  readonly waitingTimeStatedOn: string | null;
  readonly waitingTimeStale: boolean;
}

/** "3 weken, per 12 oktober 2026", or that it is not known. Staleness is said apart (`StaleWaitingTime`). */
export function waitingTimeWords(t: Translate, formatDate: (value: string) => string, service: WaitingTime): string {
  if (service.waitingWeeks === null || service.waitingTimeStatedOn === null) return t('map.waiting.unknown');
  const date = formatDate(service.waitingTimeStatedOn);
  if (service.waitingWeeks === 0) return t('map.waiting.none', { date });
  if (service.waitingWeeks === 1) return t('map.waiting.week', { date });
  return t('map.waiting.weeks', { weeks: service.waitingWeeks, date });
}

/** Who it is for by age, in words. */
export function agesWords(t: Translate, ageFrom: number | null, ageTo: number | null): string {
  if (ageFrom === null && ageTo === null) return t('map.ages.all');
  if (ageTo === null) return t('map.ages.from', { from: ageFrom ?? 0 });
  if (ageFrom === null || ageFrom === 0) return t('map.ages.to', { to: ageTo });
  return t('map.ages.range', { from: ageFrom, to: ageTo });
}
