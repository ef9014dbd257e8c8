import type { AccessLogFacts, LoggedDecision } from './access-log-entry';
import { cutToCodePoints, LOGGED_PURPOSE_MAX_CODE_POINTS, storableText } from './stored-text';

/**
 * An entry's facts exactly as PostgreSQL will store them, so that the writer hashes and
 * sends the same thing and a stored row, read back, hashes to its stored hash:
 *
 * - every text (and every element of a text list) storable: no lone surrogate, no NUL;
 * - the purpose cut to 64 code points, never inside a surrogate pair;
 * - ids (uuid columns) in lower case, as PostgreSQL answers them; an id that is not a
 *   uuid in its canonical form is refused here, before anything is hashed, rather than
 *   stored in a form the hash does not cover.
 *
 * Facts that already are in that form (every read's, in practice) come back as the same
 * object, so the writer's hot path copies nothing.
 */
export function storedFormOf(facts: AccessLogFacts): AccessLogFacts {
  let stored: Record<string, unknown> | null = null;
  const set = (key: keyof AccessLogFacts, value: unknown) => {
    if (value !== facts[key]) (stored ??= { ...facts })[key] = value;
  };
  for (const key of TEXTS) set(key, textOrNull(facts[key]));
  set('purpose', facts.purpose === null ? null : cutToCodePoints(facts.purpose, LOGGED_PURPOSE_MAX_CODE_POINTS));
  for (const key of IDS) set(key, facts[key] === null ? null : storedId(facts[key]));
  set('subjectMemberIds', sameOrMapped(facts.subjectMemberIds, storedId));
  set('decisions', sameOrMappedDecisions(facts.decisions));
  return (stored as AccessLogFacts | null) ?? facts;
}

/** A decision in its stored form; the same object when it already is (jsonb, like text, holds no NUL and no lone surrogate). */
function storedDecision(decision: LoggedDecision): LoggedDecision {
  let stored: Record<string, unknown> | null = null;
  const set = (key: keyof LoggedDecision, value: unknown) => {
    if (value !== decision[key]) (stored ??= { ...decision })[key] = value;
  };
  for (const key of DECISION_TEXTS) set(key, textOrNull(decision[key]));
  set('sourceOrganisationId', decision.sourceOrganisationId === null ? null : storedId(decision.sourceOrganisationId));
  set('targetIds', sameOrMapped(decision.targetIds, storedId));
  set('fields', sameOrMapped(decision.fields, storableText));
  set('basisRefs', sameOrMapped(decision.basisRefs, storableText));
  return (stored as LoggedDecision | null) ?? decision;
}

function sameOrMappedDecisions(decisions: readonly LoggedDecision[]): readonly LoggedDecision[] {
  let mapped: LoggedDecision[] | null = null;
  for (let i = 0; i < decisions.length; i++) {
    const decision = decisions[i] as LoggedDecision;
    const stored = storedDecision(decision);
    if (stored !== decision) (mapped ??= [...decisions])[i] = stored;
  }
  return mapped ?? decisions;
}

/** The columns of each kind; `purpose` is the one text with a bound. */
const TEXTS = ['traceId', 'actorKind', 'actorRole', 'activity'] as const;
const IDS = ['actorId', 'actorOrganisationId', 'familyId'] as const;
const DECISION_TEXTS = ['targetKind', 'category', 'outcome', 'basis', 'reason'] as const;

function textOrNull(text: string | null): string | null {
  return text === null ? null : storableText(text);
}

function storedId(id: string): string {
  if (CANONICAL_UUID.test(id)) return id;
  const lower = id.toLowerCase();
  if (!CANONICAL_UUID.test(lower)) throw new Error('an access-log id is not a uuid in its canonical form');
  return lower;
}

/** The same list when no element changes (nothing allocated), a new one otherwise. */
function sameOrMapped(list: readonly string[], map: (value: string) => string): readonly string[] {
  let mapped: string[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const value = list[i] as string;
    const stored = map(value);
    if (stored !== value) (mapped ??= [...list])[i] = stored;
  }
  return mapped ?? list;
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
