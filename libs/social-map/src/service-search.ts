import type { Domain } from '@kring/identity';
import type { AccessRoute, ProblemCode } from './social-map-vocabulary';

/** What a search of the map asks: words (or none: browse by name), and filters that all must hold. */
export interface ServiceFilters {
  /** Checked search text (`checkSearchText`); null lists by name. */
  readonly text: string | null;
  readonly domain: Domain | null;
  readonly problem: ProblemCode | null;
  /** A CBS code: the service serves this municipality. */
  readonly municipalityCode: string | null;
  /** The service is for someone of this age (no bound counts as no limit). */
  readonly age: number | null;
  readonly accessRoute: AccessRoute | null;
  /** A stated waiting time of at most this many weeks; services without one are left out. */
  readonly maxWaitingWeeks: number | null;
}

/**
 * Where a page ends, in the order of its list: ranked (with search text) by exact name first,
 * then rank, then id; by name (without) by name, then id. The rank is PostgreSQL's `real` as
 * text, so the next page compares with exactly the value the database computed.
 */
export type SearchPosition = { readonly kind: 'RANKED'; readonly inexact: 0 | 1; readonly rank: string; readonly id: string } | { readonly kind: 'BY_NAME'; readonly name: string; readonly id: string };

/** A service row as the search and the single read select it, with its organisation. */
export interface ServiceRow {
  readonly id: string;
  readonly organisation_id: string;
  readonly organisation_name: string;
  readonly organisation_domain: Domain;
  readonly name: string;
  readonly description: string;
  readonly domain: Domain;
  readonly age_from: number | null;
  readonly age_to: number | null;
  readonly problems: ProblemCode[];
  readonly municipality_codes: string[];
  readonly access_route: AccessRoute;
  readonly waiting_weeks: number | null;
  readonly waiting_stated_on: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly address: string | null;
  readonly published_at: Date;
  readonly updated_at: Date;
  /** Set by the search: where this row stands in its list (for the cursor). */
  readonly inexact?: 0 | 1;
  readonly rank_text?: string;
}

// pg answers enum arrays as '{A,B}' text: cast to text[] so they arrive as arrays; a date as its ISO day.
const COLUMNS = `s.id, s.organisation_id, o.name AS organisation_name, o.domain AS organisation_domain, s.name, s.description, s.domain, s.age_from, s.age_to,
  s.problems::text[] AS problems, s.municipality_codes, s.access_route, s.waiting_weeks, to_char(s.waiting_stated_on, 'YYYY-MM-DD') AS waiting_stated_on,
  s.phone, s.email, s.website, s.address, s.published_at, s.updated_at`;

/** One service on the map (not withdrawn), by id: `$1`. */
export const SERVICE_BY_ID_SQL = `SELECT ${COLUMNS} FROM service s JOIN organisation o ON o.id = s.organisation_id WHERE s.id = $1 AND s.withdrawn_at IS NULL`;

/**
 * The search of the map as one parameterised statement: the text goes to
 * `websearch_to_tsquery('dutch', $1)`, which reads any text (quotes, `-`, `or`) and never
 * fails on syntax; nothing the caller sends is ever part of the SQL. With text, the services
 * whose search document matches, exact name (case-insensitive) first, then by `ts_rank_cd`,
 * then by id; without, every service by name. Asks for `limit` rows (one more than a page, to
 * know whether there is a next).
 */
export function serviceSearchQuery(filters: ServiceFilters, after: SearchPosition | null, limit: number): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const p = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const where = ['s.withdrawn_at IS NULL'];
  let select = COLUMNS;
  let from = 'service s JOIN organisation o ON o.id = s.organisation_id';
  if (filters.text !== null) {
    const text = p(filters.text);
    from += ` CROSS JOIN ${prefixQuery(text)} AS q(query)`;
    // The stored column, so the GIN index serves the match (the expression is the column's own).
    where.push('s.search @@ q.query');
    select += `, CASE WHEN lower(s.name) = lower(${p(exactName(filters.text))}) THEN 0 ELSE 1 END AS inexact, ts_rank_cd(s.search, q.query) AS rank`;
  }
  if (filters.domain !== null) where.push(`s.domain = ${p(filters.domain)}::organisation_domain`);
  if (filters.problem !== null) where.push(`s.problems @> ARRAY[${p(filters.problem)}]::service_problem[]`);
  if (filters.municipalityCode !== null) where.push(`s.municipality_codes @> ARRAY[${p(filters.municipalityCode)}]::text[]`);
  if (filters.age !== null) {
    const age = p(filters.age);
    where.push(`(s.age_from IS NULL OR s.age_from <= ${age}) AND (s.age_to IS NULL OR s.age_to >= ${age})`);
  }
  if (filters.accessRoute !== null) where.push(`s.access_route = ${p(filters.accessRoute)}::service_access_route`);
  if (filters.maxWaitingWeeks !== null) where.push(`s.waiting_weeks <= ${p(filters.maxWaitingWeeks)}`);
  const inner = `SELECT ${select} FROM ${from} WHERE ${where.join(' AND ')}`;
  if (filters.text !== null) {
    const page = after?.kind === 'RANKED' ? ` WHERE (m.inexact, -m.rank, m.id) > (${p(after.inexact)}::int, -${p(after.rank)}::real, ${p(after.id)}::uuid)` : '';
    return { sql: `SELECT m.*, m.rank::text AS rank_text FROM (${inner}) m${page} ORDER BY m.inexact, m.rank DESC, m.id LIMIT ${p(limit)}`, parameters };
  }
  const page = after?.kind === 'BY_NAME' ? ` AND (s.name, s.id) > (${p(after.name)}::text, ${p(after.id)}::uuid)` : '';
  return { sql: `${inner}${page} ORDER BY s.name, s.id LIMIT ${p(limit)}`, parameters };
}

/**
 * The query of a search text: `websearch_to_tsquery('dutch', …)`, its every lexeme then made a
 * prefix (`'schuldhulp':*`). Dutch writes compounds as one word and the stemmer does not split
 * them, so without prefixes "schuldhulp" would not find *schuldhulpverlening*. The prefixes are
 * put on the text PostgreSQL itself wrote for the query (each lexeme quoted, a quote inside
 * doubled), never on the caller's text, and read back with `::tsquery`.
 */
function prefixQuery(parameter: string): string {
  return `(SELECT regexp_replace(websearch_to_tsquery('dutch', ${parameter})::text, '''((?:[^'']|'''')*)''', '''\\1'':*', 'g')::tsquery)`;
}

/** The search text as a name would be written: spaces collapsed (the comparison ignores case). */
export function exactName(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
