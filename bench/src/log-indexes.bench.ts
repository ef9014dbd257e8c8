import { performance } from 'node:perf_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_ORGANISATIONS } from '@kring/demo-world';
import { argument, benchDatabase, percentile } from './bench-support';

/**
 * `npm run bench:log-indexes -- [--entries 5000000] [--runs 30] [--inserts 5000] [--reuse] [--only A,B,C,D]`
 *
 * Candidate index layouts for the access log in its v3 shape (DESIGN.md §10: one entry per
 * operation and data subject, decisions as jsonb, a generated `facets` text[] column),
 * measured on a scratch database of its own (kring_bench_log_indexes on DATABASE_URL's
 * server). Plain SQL through pg, timed in the client around each query: no gateway, no
 * authorisation, no decoding. Fills a table partitioned by month over a year with N
 * synthetic entries (set-based INSERT ... SELECT), builds the shared btree indexes, then
 * per candidate builds its decision-level index, times every filter's first page and its
 * page 1,001 (or the deepest page the filter has), runs EXPLAIN (ANALYZE, BUFFERS) for the
 * key queries, times inserts of a typical read, and drops the index again:
 *   A  facets text[] + GIN (facets)
 *   B  GIN (decisions jsonb_path_ops)
 *   C  a side table access_log_decision, one row per decision, btree (column, occurred_at, entry_id)
 *   D  no decision-level index: the time index walked, the filter applied to each row
 * plus, for the member's view, GIN (subject_member_ids) against a scalar subject_member_id
 * with btree (subject_member_id, occurred_at, id), and for emergency access a partial
 * index (occurred_at, id) WHERE break_glass against none.
 * Not a test: it prints figures and writes bench/results/log-indexes-<time>.json.
 */

const DATABASE = 'kring_bench_log_indexes';
const PAGE = 50;
const DEEP_PAGE = 1001;
const SECOND_ORGS = Array.from({ length: 21 }, (_, i) => `30000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
const ORGANISATIONS = [...Object.values(DEMO_ORGANISATIONS), ...SECOND_ORGS];
const GEMEENTE = DEMO_ORGANISATIONS.teamToegang;
const PURPOSES = ['CASE_COORDINATION', 'SUPPORT_PLANNING', 'DEBT_RESOLUTION', 'REINTEGRATION', 'ELIGIBILITY_ASSESSMENT'];
// Ten common categories; SAFETY is the rare one (about 0.2 % of entries carry it).
const CATEGORIES = ['PERSONAL_IDENTITY', 'NATIONAL_ID', 'CONTACT', 'HOUSEHOLD', 'INVOLVEMENT', 'CARE_TRAJECTORY', 'HEALTH', 'FINANCES', 'WORK_PARTICIPATION', 'SHARED_PLAN'];
const RARE_CATEGORY = 'SAFETY';
const family = (f: number) => `10000000-0000-4000-8000-${String(f).padStart(12, '0')}`;
const member = (f: number, k: number) => `20000000-0000-4000-8000-${String(f * 4 + k).padStart(12, '0')}`;
const professional = (p: number) => `00000000-0000-4000-8000-${String(p).padStart(12, '0')}`;

type Client = pg.Client;

/** An immutable function of the decisions, so that `facets` can be a stored generated column. */
const SCHEMA = `
CREATE OR REPLACE FUNCTION access_log_facets(decisions jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
    FROM jsonb_array_elements(decisions) AS d,
         LATERAL unnest(ARRAY['o:' || (d->>'outcome'), 's:' || (d->>'sourceOrganisationId'), 'c:' || (d->>'category'), 'r:' || (d->>'reason'), 'b:' || (d->>'basis')]) AS w
   WHERE w IS NOT NULL
$$;
CREATE TABLE access_log_entry (
  id uuid NOT NULL,
  chain_key text NOT NULL,
  sequence bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  trace_id text NOT NULL,
  actor_kind text NOT NULL,
  actor_id uuid,
  actor_organisation_id uuid,
  actor_role text,
  activity text NOT NULL,
  purpose text,
  family_id uuid,
  subject_member_ids uuid[] NOT NULL DEFAULT '{}',
  subject_member_id uuid,
  decision text NOT NULL,
  break_glass boolean NOT NULL DEFAULT false,
  decisions jsonb NOT NULL,
  facets text[] GENERATED ALWAYS AS (access_log_facets(decisions)) STORED,
  previous_hash bytea NOT NULL,
  entry_hash bytea NOT NULL,
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
`;

/**
 * One chunk of synthetic entries, g in [start + 1, start + count]. A read is five consecutive
 * g (four members of one family and the entry about no member), all at one instant, by one
 * professional, for one purpose; time rises with g over the year, as appends do. Spreads
 * come from hashint8 so that a chunk is deterministic.
 */
const FILL = `
INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
  subject_member_ids, subject_member_id, decision, break_glass, decisions, previous_hash, entry_hash)
SELECT (substr(t.hex, 1, 8) || '-' || substr(t.hex, 9, 4) || '-7' || substr(t.hex, 14, 3) || '-8' || substr(t.hex, 18, 3) || '-' || substr(t.hex, 21, 12))::uuid,
       'family:' || a.family_id, a.g, a.ts, md5(a.r::text) || md5((a.r + 1)::text),
       'PROFESSIONAL', ('00000000-0000-4000-8000-' || lpad(a.p::text, 12, '0'))::uuid, ($3::uuid[])[1 + a.p % 26], 'PROFESSIONAL', 'READ_FAMILY_FILE',
       ($4::text[])[1 + a.h1 % 5], a.family_id,
       CASE WHEN a.k < 4 THEN ARRAY[a.member] ELSE '{}'::uuid[] END, CASE WHEN a.k < 4 THEN a.member END,
       CASE WHEN d.denied = 0 THEN 'ALLOWED' WHEN d.denied = d.n THEN 'DENIED' ELSE 'PARTLY_ALLOWED' END,
       a.bg, d.decisions, decode(md5(a.g::text) || md5((a.g + 3)::text), 'hex'), decode(md5((a.g + 7)::text) || md5((a.g + 9)::text), 'hex')
  FROM generate_series($1::bigint + 1, $1::bigint + $2::bigint) AS s(g)
  CROSS JOIN LATERAL (
    SELECT s.g AS g, s.g / 5 AS r, (s.g % 5)::int AS k,
           (hashint8(s.g / 5 * 16 + 1) & 2147483647) AS h1,
           (hashint8(s.g / 5 * 16 + 2) & 2147483647) % 500 AS p,
           (hashint8(s.g / 5 * 16 + 3) & 2147483647) % 1000 AS f,
           (hashint8(s.g / 5 * 16 + 4) & 2147483647) % 200 = 0 AS bg,
           $6::timestamptz + ((s.g / 5) * 5)::float8 / $5::float8 * interval '365 days' AS ts
  ) r0
  CROSS JOIN LATERAL (
    SELECT r0.*, ('10000000-0000-4000-8000-' || lpad(r0.f::text, 12, '0'))::uuid AS family_id,
           ('20000000-0000-4000-8000-' || lpad((r0.f * 4 + r0.k)::text, 12, '0'))::uuid AS member,
           -- the family's three source organisations: one demo organisation, two of all 26
           ARRAY[($3::uuid[])[1 + r0.f % 5], ($3::uuid[])[1 + (r0.f * 7 + 3) % 26], ($3::uuid[])[1 + (r0.f * 13 + 11) % 26]] AS sources,
           (hashint8(s.g * 16 + 5) & 2147483647) % 10 < 3 AND NOT r0.bg AS some_denied
  ) a
  CROSS JOIN LATERAL (
    SELECT lpad(to_hex((extract(epoch FROM a.ts) * 1000)::bigint), 12, '0') || md5(a.g::text) AS hex
  ) t
  CROSS JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object(
             'targetKind', CASE WHEN a.k < 4 THEN 'RECORD' ELSE 'FAMILY' END,
             'targetIds', jsonb_build_array(md5(a.g::text || x.i)::uuid, md5(a.g::text || x.i || 'b')::uuid),
             'sourceOrganisationId', x.source, 'category', x.category,
             'fields', jsonb_build_array('field' || (x.h % 7), 'field' || (x.h % 5 + 7)),
             'outcome', CASE WHEN x.denied THEN 'DENIED' ELSE 'ALLOWED' END,
             'basis', CASE WHEN x.denied THEN NULL WHEN a.bg THEN 'BREAK_GLASS' ELSE (ARRAY['CONSENT','CONSENT','CONSENT','STATUTORY_TASK','OWN_RECORD'])[1 + x.h % 5] END,
             'basisRefs', CASE WHEN x.denied THEN '[]'::jsonb ELSE jsonb_build_array(md5(a.r::text || 'c')::uuid) END,
             'reason', CASE WHEN x.denied THEN
               (ARRAY['NO_CONSENT','NO_CONSENT','NO_CONSENT','NO_CONSENT','NO_CONSENT','PURPOSE_EXCLUDES_CATEGORY','PURPOSE_EXCLUDES_CATEGORY','NOT_INVOLVED','CONSENT_PENDING','CONSENT_REVOKED'])[1 + (x.h / 7) % 10]
               ELSE NULL END) ORDER BY x.i) AS decisions,
           count(*) FILTER (WHERE x.denied) AS denied, count(*) AS n
      FROM (
        SELECT i, h, a.sources[1 + h % 3] AS source,
               CASE WHEN i = 1 AND (hashint8(a.g * 16 + 6) & 2147483647) % 500 = 0 THEN '${RARE_CATEGORY}' ELSE ($7::text[])[1 + (h / 3) % 10] END AS category,
               a.some_denied AND (i = 1 OR (h / 11) % 2 = 0) AS denied
          FROM generate_series(1, 3 + (hashint8(a.g * 16 + 7) & 2147483647)::int % 6) AS i,
               LATERAL (SELECT (hashint8(a.g * 16 + 8 + i) & 2147483647)::bigint AS h) hh
      ) x
  ) d`;

interface Filter {
  readonly name: string;
  readonly description: string;
  /** Entry-level conditions (any candidate). */
  readonly entry: string[];
  /** Decision-level conditions, as facets (A), e.g. 'o:DENIED'. */
  readonly facets: string[];
  /** The organisation privacy officer's scope: actor_organisation_id = org OR its records concerned. */
  readonly scope?: string;
  /** Correlated: the facets in one decision (rechecked on decisions). */
  readonly correlated?: Record<string, string>;
  readonly key?: boolean;
}

type Candidate = 'A' | 'B' | 'C' | 'C-exists' | 'D' | 'A+recheck';

const FACET_TO_JSON: Record<string, string> = { o: 'outcome', s: 'sourceOrganisationId', c: 'category', r: 'reason', b: 'basis' };
const FACET_TO_COLUMN: Record<string, string> = { o: 'outcome', s: 'source_organisation_id', c: 'category', r: 'reason', b: 'basis' };

function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The decision-level condition of one facet, in a candidate's form. */
function facetCondition(candidate: Candidate, facet: string, alias = 'e'): string {
  const [kind, ...rest] = facet.split(':');
  const value = rest.join(':');
  const jsonKey = FACET_TO_JSON[kind ?? ''] ?? '';
  const column = FACET_TO_COLUMN[kind ?? ''] ?? '';
  switch (candidate) {
    case 'A':
    case 'A+recheck':
    case 'D':
      return `${alias}.facets @> ARRAY[${lit(facet)}]`;
    case 'B':
      return `${alias}.decisions @> ${lit(JSON.stringify([{ [jsonKey]: value }]))}::jsonb`;
    case 'C':
    case 'C-exists':
      return `EXISTS (SELECT 1 FROM access_log_decision d WHERE d.entry_id = ${alias}.id AND d.occurred_at = ${alias}.occurred_at AND d.${column} = ${lit(value)}${kind === 's' ? '::uuid' : ''})`;
  }
}

/** The WHERE (without the cursor) of a filter in a candidate's form. */
function whereOf(candidate: Candidate, filter: Filter): string[] {
  const parts = [...filter.entry];
  if (filter.scope !== undefined) parts.push(`(e.actor_organisation_id = ${lit(filter.scope)} OR ${facetCondition(candidate, `s:${filter.scope}`)})`);
  for (const facet of filter.facets) parts.push(facetCondition(candidate, facet));
  if (filter.correlated !== undefined && candidate === 'A+recheck') parts.push(`e.decisions @> ${lit(JSON.stringify([filter.correlated]))}::jsonb`);
  return parts;
}

/** A page's SQL. C drives from the side table where the filter has a decision-level condition and no scope. */
function pageSql(candidate: Candidate, filter: Filter, cursor: { at: string; id: string } | null): string {
  const after = cursor === null ? [] : [`(e.occurred_at, e.id) < (${lit(cursor.at)}::timestamptz, ${lit(cursor.id)}::uuid)`];
  if (candidate === 'C' && filter.facets.length > 0 && filter.scope === undefined && filter.entry.length === 0) {
    // Driving: the first facet's btree (column, occurred_at, entry_id) walked newest first,
    // distinct entries, 51 of them, then the entries fetched by their key.
    const [first, ...others] = filter.facets as [string, ...string[]];
    const [kind, ...rest] = first.split(':');
    const value = rest.join(':');
    const column = FACET_TO_COLUMN[kind ?? ''] ?? '';
    const dAfter = cursor === null ? [] : [`(d0.occurred_at, d0.entry_id) < (${lit(cursor.at)}::timestamptz, ${lit(cursor.id)}::uuid)`];
    const others_ = others.map((f) => facetCondition('C', f).replace(/\.id\b/g, '.entry_id').replace(/ = e\./g, ' = d0.'));
    const where = [`d0.${column} = ${lit(value)}${kind === 's' ? '::uuid' : ''}`, ...dAfter, ...others_];
    return `SELECT e.* FROM (SELECT DISTINCT d0.occurred_at, d0.entry_id FROM access_log_decision d0 WHERE ${where.join(' AND ')} ORDER BY d0.occurred_at DESC, d0.entry_id DESC LIMIT ${PAGE + 1}) k JOIN access_log_entry e ON e.id = k.entry_id AND e.occurred_at = k.occurred_at ORDER BY e.occurred_at DESC, e.id DESC`;
  }
  const where = [...whereOf(candidate, filter), ...after];
  return `SELECT e.* FROM access_log_entry e${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${PAGE + 1}`;
}

interface Timing {
  p50Ms: number;
  p95Ms: number;
  runs: number;
  rows: number;
}

interface Measured {
  filter: string;
  candidate: string;
  first: Timing;
  deep: Timing & { page: number };
}

async function main(): Promise<void> {
  const entries = argument('entries', 5_000_000);
  const runs = argument('runs', 30);
  const inserts = argument('inserts', 5000);
  const budgetMs = argument('budget-seconds', 20) * 1000;
  const reuse = process.argv.includes('--reuse');
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? '').split(',') : ['A', 'B', 'C', 'D'];
  const database = await benchDatabase(DATABASE, reuse);
  const client: Client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  const q = async <T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;
  const timed = async (label: string, sql: string) => {
    const started = performance.now();
    await q(sql);
    const seconds = (performance.now() - started) / 1000;
    log(`${label}: ${seconds.toFixed(1)} s`);
    return seconds;
  };
  const result: Record<string, unknown> = { benchmark: 'log-indexes', entries, pageSize: PAGE, runs };
  const buildSeconds: Record<string, number> = {};
  const sizes: Record<string, unknown> = {};
  const measured: Measured[] = [];
  const explains: Record<string, string> = {};
  const insertCost: Record<string, unknown> = {};

  try {
    // Entries present (a partitioned parent has no reltuples of its own: its partitions' estimates).
    const exists = (await q<{ t: string | null }>(`SELECT to_regclass('access_log_entry')::text AS t`))[0]?.t != null;
    const [present] = exists
      ? await q<{ n: string }>(`SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'access_log_entry'::regclass`)
      : [{ n: '0' }];
    const filled = Number(present?.n ?? 0);
    const [{ t0 } = { t0: '' }] = await q<{ t0: string }>(`SELECT date_trunc('day', now() - interval '365 days')::text AS t0`);
    if (!reuse || Math.abs(filled - entries) > entries * 0.02) {
      await q(`DROP TABLE IF EXISTS access_log_decision, access_log_entry CASCADE`);
      await q(SCHEMA);
      // Monthly partitions over the year (and the month after, for inserts).
      const [{ months } = { months: [] }] = await q<{ months: string[] }>(
        `SELECT array_agg(m::date::text ORDER BY m) AS months FROM generate_series(date_trunc('month', $1::timestamptz), date_trunc('month', now()) + interval '1 month', interval '1 month') AS m`,
        [t0],
      );
      for (const month of months) {
        const name = `access_log_entry_${month.slice(0, 7).replace('-', '_')}`;
        await q(`CREATE TABLE ${name} PARTITION OF access_log_entry FOR VALUES FROM ('${month}') TO ('${month}'::date + interval '1 month')`);
      }
      const started = performance.now();
      // Two connections fill in turn (the machine has two cores).
      const chunk = 250_000;
      const second = new pg.Client({ connectionString: database.url });
      await second.connect();
      const starts: number[] = [];
      for (let start = 0; start < entries; start += chunk) starts.push(start);
      let done = 0;
      await Promise.all(
        [client, second].map(async (c) => {
          for (let next = starts.shift(); next !== undefined; next = starts.shift()) {
            await c.query(FILL, [next, Math.min(chunk, entries - next), ORGANISATIONS, PURPOSES, entries, t0, CATEGORIES]);
            done += Math.min(chunk, entries - next);
            log(`filled ${done.toLocaleString('en')} / ${entries.toLocaleString('en')}`);
          }
        }),
      );
      await second.end();
      buildSeconds['fill'] = (performance.now() - started) / 1000;
      buildSeconds['vacuum_analyze'] = await timed('VACUUM (ANALYZE)', `VACUUM (ANALYZE) access_log_entry`);
    } else {
      log(`reusing ${filled.toLocaleString('en')} entries`);
      await q(`DROP TABLE IF EXISTS access_log_decision CASCADE`);
      for (const row of await q<{ i: string }>(`SELECT indexrelid::regclass::text AS i FROM pg_index WHERE indrelid = 'access_log_entry'::regclass AND NOT indisprimary`)) await q(`DROP INDEX ${row.i}`);
    }
    const [{ n: counted } = { n: '0' }] = await q<{ n: string }>(`SELECT count(*)::text AS n FROM access_log_entry`);
    result['entriesCounted'] = Number(counted);

    // The btree indexes every candidate shares.
    const shared: [string, string][] = [
      ['access_log_time', `CREATE INDEX access_log_time ON access_log_entry (occurred_at, id)`],
      ['access_log_family', `CREATE INDEX access_log_family ON access_log_entry (family_id, occurred_at, id)`],
      ['access_log_actor_org', `CREATE INDEX access_log_actor_org ON access_log_entry (actor_organisation_id, occurred_at, id)`],
      ['access_log_actor', `CREATE INDEX access_log_actor ON access_log_entry (actor_id, occurred_at, id)`],
      ['access_log_subjects_gin', `CREATE INDEX access_log_subjects_gin ON access_log_entry USING gin (subject_member_ids)`],
    ];
    for (const [name, sql] of shared) buildSeconds[name] = await timed(`build ${name}`, sql);
    await q(`ANALYZE access_log_entry`);

    const reachMember = member(7, 0);
    const reach = [member(7, 0), member(7, 2), member(7, 3)];
    const filters: Filter[] = [
      { name: 'gemeente-denied-case-coordination', description: 'organisation privacy officer (Gemeente Team Toegang scope) asks decision DENIED + purpose CASE_COORDINATION', entry: [`e.purpose = 'CASE_COORDINATION'`], facets: ['o:DENIED'], scope: GEMEENTE, key: true },
      { name: 'denied', description: 'chain privacy officer: any decision denied', entry: [], facets: ['o:DENIED'], key: true },
      { name: 'source-org', description: 'chain privacy officer: source organisation (a second organisation)', entry: [], facets: [`s:${SECOND_ORGS[4]}`], key: true },
      { name: 'category', description: 'chain privacy officer: category HEALTH', entry: [], facets: ['c:HEALTH'] },
      { name: 'rare-category', description: `chain privacy officer: rare category ${RARE_CATEGORY} (~0.2 % of entries)`, entry: [], facets: [`c:${RARE_CATEGORY}`], key: true },
      { name: 'reason', description: 'chain privacy officer: reason CONSENT_REVOKED', entry: [], facets: ['r:CONSENT_REVOKED'] },
      { name: 'basis', description: 'chain privacy officer: basis STATUTORY_TASK', entry: [], facets: ['b:STATUTORY_TASK'] },
      { name: 'category-denied-correlated', description: 'category FINANCES AND outcome DENIED (facets: any decision each; A+recheck: in the same decision)', entry: [], facets: ['c:FINANCES', 'o:DENIED'], correlated: { category: 'FINANCES', outcome: 'DENIED' } },
      { name: 'actor', description: 'a professional (actor_id)', entry: [`e.actor_id = ${lit(professional(123))}`], facets: [] },
      { name: 'family', description: 'a family (family_id)', entry: [`e.family_id = ${lit(family(7))}`], facets: [] },
    ];

    // The cursor of page 1,001 (after 1,000 pages of 50), per filter: the 50,000th row in
    // keyset order, found with OFFSET once (the row that following 1,000 cursors reaches),
    // or the start of the deepest page where the filter has fewer rows.
    const deepCursor = new Map<string, { at: string; id: string; page: number } | null>();
    const cursorFor = async (key: string, sql: string) => {
      const [{ n } = { n: '0' }] = await q<{ n: string }>(`SELECT count(*)::text AS n FROM (${sql}) x`);
      const total = Number(n);
      const pages = Math.ceil(total / PAGE);
      const page = Math.min(DEEP_PAGE, pages);
      if (page <= 1) return deepCursor.set(key, null);
      const [row] = await q<{ at: string; id: string }>(`SELECT x.occurred_at::text AS at, x.id::text AS id FROM (${sql}) x ORDER BY x.occurred_at DESC, x.id DESC OFFSET ${(page - 1) * PAGE - 1} LIMIT 1`);
      log(`  ${key}: ${total.toLocaleString('en')} rows, deep page ${page}`);
      return deepCursor.set(key, row === undefined ? null : { at: row.at, id: row.id, page });
    };

    const timePage = async (sql: string): Promise<Timing> => {
      const samples: number[] = [];
      let rows = 0;
      const started = performance.now();
      for (let i = 0; i < 2; i++) rows = (await client.query(sql)).rowCount ?? 0; // warm
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        rows = (await client.query(sql)).rowCount ?? 0;
        samples.push(performance.now() - t);
        if (performance.now() - started > budgetMs && samples.length >= 5) break;
      }
      return { p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), runs: samples.length, rows };
    };

    const measure = async (candidate: Candidate, filter: Filter, label = candidate as string) => {
      const firstSql = pageSql(candidate, filter, null);
      const first = await timePage(firstSql);
      const cursor = deepCursor.get(filter.name) ?? null;
      const deep = cursor === null ? { p50Ms: NaN, p95Ms: NaN, runs: 0, rows: 0, page: 1 } : { ...(await timePage(pageSql(candidate, filter, cursor))), page: cursor.page };
      measured.push({ filter: filter.name, candidate: label, first, deep });
      log(`  ${label.padEnd(10)} ${filter.name.padEnd(36)} first p50 ${first.p50Ms} p95 ${first.p95Ms} (${first.runs}) | page ${deep.page} p50 ${deep.p50Ms} p95 ${deep.p95Ms} (${deep.runs})`);
      if (filter.key === true) {
        const plan = await q<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${firstSql}`);
        explains[`${label} ${filter.name} first`] = plan.map((r) => r['QUERY PLAN']).join('\n');
        if (cursor !== null) {
          const planDeep = await q<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${pageSql(candidate, filter, cursor)}`);
          explains[`${label} ${filter.name} page ${cursor.page}`] = planDeep.map((r) => r['QUERY PLAN']).join('\n');
        }
      }
    };

    const indexSizes = async (label: string, table = 'access_log_entry') => {
      const rows = await q<{ index: string; bytes: string }>(
        `SELECT x.indexrelid::regclass::text AS index, sum(pg_relation_size(p.inhrelid))::text AS bytes
           FROM pg_index x JOIN pg_inherits p ON p.inhparent = x.indexrelid
          WHERE x.indrelid = $1::regclass GROUP BY 1 ORDER BY 1`,
        [table],
      );
      const [total] = await q<{ heap: string; total: string }>(
        `SELECT sum(pg_table_size(inhrelid))::text AS heap, sum(pg_total_relation_size(inhrelid))::text AS total FROM pg_inherits WHERE inhparent = $1::regclass`,
        [table],
      );
      sizes[label] = { table, heapAndToastBytes: Number(total?.heap ?? 0), totalBytes: Number(total?.total ?? 0), indexes: Object.fromEntries(rows.map((r) => [r.index, Number(r.bytes)])) };
    };

    /** Inserts of a typical read: one entry per member (4) and one about no member, one statement each. */
    const insertRead = async (label: string, withSide: boolean) => {
      const [{ since } = { since: '' }] = await q<{ since: string }>(`SELECT now()::text AS since`);
      const started = performance.now();
      const one = `WITH r AS (SELECT g, clock_timestamp() AS ts FROM generate_series(1, 5) g),
        ins AS (
          INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id, subject_member_ids, subject_member_id, decision, break_glass, decisions, previous_hash, entry_hash)
          SELECT gen_random_uuid(), 'family:' || $1, 0, r.ts, 'bench-insert', 'PROFESSIONAL', $2::uuid, $3::uuid, 'PROFESSIONAL', 'READ_FAMILY_FILE', 'CASE_COORDINATION', $1::uuid,
                 CASE WHEN r.g < 5 THEN ARRAY[($4::uuid[])[r.g]] ELSE '{}' END, CASE WHEN r.g < 5 THEN ($4::uuid[])[r.g] END, 'PARTLY_ALLOWED', false, $5::jsonb, '\\x00'::bytea, '\\x00'::bytea
            FROM r RETURNING id, occurred_at, decisions)
        ${withSide ? `INSERT INTO access_log_decision (occurred_at, entry_id, source_organisation_id, category, outcome, reason, basis)
          SELECT ins.occurred_at, ins.id, (d->>'sourceOrganisationId')::uuid, d->>'category', d->>'outcome', d->>'reason', d->>'basis' FROM ins, jsonb_array_elements(ins.decisions) d` : 'SELECT count(*) FROM ins'}`;
      const decisions = JSON.stringify(
        Array.from({ length: 5 }, (_, i) => ({
          targetKind: 'RECORD', targetIds: [crypto.randomUUID(), crypto.randomUUID()], sourceOrganisationId: ORGANISATIONS[i % 3], category: CATEGORIES[i], fields: ['field1', 'field8'],
          outcome: i === 2 ? 'DENIED' : 'ALLOWED', basis: i === 2 ? null : 'CONSENT', basisRefs: i === 2 ? [] : [crypto.randomUUID()], reason: i === 2 ? 'NO_CONSENT' : null,
        })),
      );
      const samples: number[] = [];
      for (let i = 0; i < inserts; i++) {
        const f = i % 1000;
        const t = performance.now();
        await client.query(one, [family(f), professional(i % 500), ORGANISATIONS[i % 26], [member(f, 0), member(f, 1), member(f, 2), member(f, 3)], decisions]);
        samples.push(performance.now() - t);
      }
      const totalSeconds = (performance.now() - started) / 1000;
      insertCost[label] = { statements: inserts, rowsPerStatement: 5, sideRowsPerStatement: withSide ? 25 : 0, p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), meanMs: round((totalSeconds * 1000) / inserts) };
      log(`  insert ${label}: p50 ${round(percentile(samples, 50))} ms p95 ${round(percentile(samples, 95))} ms mean ${round((totalSeconds * 1000) / inserts)} ms`);
      // Take them out again, and vacuum, so that later first pages do not meet their dead rows.
      await q(`DELETE FROM access_log_entry WHERE occurred_at >= $1::timestamptz AND trace_id = 'bench-insert'`, [since]);
      if (withSide) await q(`DELETE FROM access_log_decision WHERE occurred_at >= $1::timestamptz`, [since]);
      await q(`VACUUM access_log_entry`);
    };

    const facetFilters = filters.filter((f) => f.facets.length > 0 || f.scope !== undefined);
    const entryFilters = filters.filter((f) => f.facets.length === 0 && f.scope === undefined);

    // A: facets + GIN. Also finds the deep cursors (with the GIN in place).
    if (only.includes('A')) {
      buildSeconds['A access_log_facets_gin'] = await timed('build A: GIN (facets)', `CREATE INDEX access_log_facets_gin ON access_log_entry USING gin (facets)`);
      await q(`ANALYZE access_log_entry`);
      await indexSizes('A');
      for (const filter of filters) await cursorFor(filter.name, `SELECT e.occurred_at, e.id FROM access_log_entry e${whereOf('A', filter).length > 0 ? ` WHERE ${whereOf('A', filter).join(' AND ')}` : ''}`);
      log('A: facets GIN');
      for (const filter of filters) await measure('A', filter);
      const correlated = filters.find((f) => f.correlated !== undefined);
      if (correlated !== undefined) {
        await cursorFor(`${correlated.name}+recheck`, `SELECT e.occurred_at, e.id FROM access_log_entry e WHERE ${whereOf('A+recheck', correlated).join(' AND ')}`);
        const recheck = { ...correlated, name: `${correlated.name}+recheck`, key: true };
        await measure('A+recheck', recheck);
      }
      await insertRead('A (shared btrees + subjects GIN + facets GIN)', false);
      await q(`DROP INDEX access_log_facets_gin`);
    } else {
      for (const filter of filters) await cursorFor(filter.name, `SELECT e.occurred_at, e.id FROM access_log_entry e${whereOf('A', filter).length > 0 ? ` WHERE ${whereOf('A', filter).join(' AND ')}` : ''}`);
    }

    // D: no decision-level index.
    if (only.includes('D')) {
      log('D: no decision-level index');
      await indexSizes('D');
      for (const filter of facetFilters) await measure('D', filter);
      for (const filter of entryFilters) await measure('D', filter, 'shared');
      await insertRead('D (shared btrees + subjects GIN)', false);
    }

    // B: jsonb_path_ops GIN on decisions.
    if (only.includes('B')) {
      buildSeconds['B access_log_decisions_gin'] = await timed('build B: GIN (decisions jsonb_path_ops)', `CREATE INDEX access_log_decisions_gin ON access_log_entry USING gin (decisions jsonb_path_ops)`);
      await q(`ANALYZE access_log_entry`);
      await indexSizes('B');
      log('B: decisions jsonb_path_ops GIN');
      for (const filter of facetFilters) await measure('B', filter);
      await insertRead('B (shared btrees + subjects GIN + decisions GIN)', false);
      await q(`DROP INDEX access_log_decisions_gin`);
    }

    // C: a side table of decisions.
    if (only.includes('C')) {
      await q(`CREATE TABLE access_log_decision (occurred_at timestamptz NOT NULL, entry_id uuid NOT NULL, source_organisation_id uuid, category text, outcome text NOT NULL, reason text, basis text) PARTITION BY RANGE (occurred_at)`);
      for (const row of await q<{ bound: string; name: string }>(`SELECT pg_get_expr(c.relpartbound, c.oid) AS bound, c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'access_log_entry'::regclass`)) {
        await q(`CREATE TABLE ${row.name.replace('access_log_entry', 'access_log_decision')} PARTITION OF access_log_decision ${row.bound}`);
      }
      buildSeconds['C fill side table'] = await timed(
        'fill C: access_log_decision',
        `INSERT INTO access_log_decision SELECT e.occurred_at, e.id, (d->>'sourceOrganisationId')::uuid, d->>'category', d->>'outcome', d->>'reason', d->>'basis' FROM access_log_entry e, jsonb_array_elements(e.decisions) d ORDER BY e.occurred_at`,
      );
      buildSeconds['C vacuum'] = await timed('VACUUM (ANALYZE) access_log_decision', `VACUUM (ANALYZE) access_log_decision`);
      for (const column of ['entry_id', 'source_organisation_id', 'category', 'outcome', 'reason', 'basis']) {
        const sql = column === 'entry_id' ? `CREATE INDEX access_log_decision_entry ON access_log_decision (entry_id, occurred_at)` : `CREATE INDEX access_log_decision_${column} ON access_log_decision (${column}, occurred_at, entry_id)`;
        buildSeconds[`C access_log_decision_${column}`] = await timed(`build C: ${column}`, sql);
      }
      await q(`ANALYZE access_log_decision`);
      await indexSizes('C');
      await indexSizes('C side table', 'access_log_decision');
      const [rowsPerEntry] = await q<{ n: string }>(`SELECT (SELECT count(*) FROM access_log_decision)::float8 / (SELECT count(*) FROM access_log_entry) AS n`);
      result['sideRowsPerEntry'] = round(Number(rowsPerEntry?.n ?? 0));
      log('C: side table (driving join where possible)');
      for (const filter of facetFilters) await measure('C', filter);
      log('C: side table (EXISTS)');
      for (const filter of facetFilters.filter((f) => f.scope === undefined)) await measure('C-exists', filter);
      await insertRead('C (shared btrees + subjects GIN + side table with 6 btrees)', true);
      await q(`DROP TABLE access_log_decision`);
    }

    // The member's view: GIN on subject_member_ids against a scalar column with a btree.
    {
      log("member's view");
      const view: Filter = { name: 'member-view', description: "a member's view: subject_member_ids && reach AND family_id", entry: [`e.subject_member_ids && ARRAY[${reach.map(lit).join(', ')}]::uuid[]`, `e.family_id = ${lit(family(7))}`], facets: [], key: true };
      const viewScalar: Filter = { ...view, entry: [`e.subject_member_id = ANY (ARRAY[${reach.map(lit).join(', ')}]::uuid[])`, `e.family_id = ${lit(family(7))}`] };
      const own: Filter = { name: 'member-own', description: 'one member without the family condition: subject_member_ids @> {member}', entry: [`e.subject_member_ids @> ARRAY[${lit(reachMember)}]::uuid[]`], facets: [], key: true };
      const ownScalar: Filter = { ...own, entry: [`e.subject_member_id = ${lit(reachMember)}`] };
      await cursorFor(view.name, `SELECT e.occurred_at, e.id FROM access_log_entry e WHERE ${view.entry.join(' AND ')}`);
      await cursorFor(own.name, `SELECT e.occurred_at, e.id FROM access_log_entry e WHERE ${own.entry.join(' AND ')}`);
      await measure('A', view, 'subjects GIN');
      await measure('A', own, 'subjects GIN');
      await q(`DROP INDEX access_log_subjects_gin`);
      await measure('A', viewScalar, 'family btree only');
      buildSeconds['access_log_subject_scalar'] = await timed('build btree (subject_member_id, occurred_at, id)', `CREATE INDEX access_log_subject_scalar ON access_log_entry (subject_member_id, occurred_at, id)`);
      await q(`ANALYZE access_log_entry`);
      await indexSizes('member scalar');
      await measure('A', viewScalar, 'scalar btree');
      await measure('A', ownScalar, 'scalar btree');
      await insertRead('shared btrees + scalar subject btree (no GIN at all)', false);
      await q(`DROP INDEX access_log_subject_scalar`);
      await q(`CREATE INDEX access_log_subjects_gin ON access_log_entry USING gin (subject_member_ids)`);
    }

    // Emergency access: a partial index against none.
    {
      log('emergency');
      const emergency: Filter = { name: 'emergency', description: 'emergency access (break_glass)', entry: ['e.break_glass'], facets: [], key: true };
      await cursorFor(emergency.name, `SELECT e.occurred_at, e.id FROM access_log_entry e WHERE e.break_glass`);
      await measure('A', emergency, 'no partial');
      buildSeconds['access_log_break_glass'] = await timed('build partial (occurred_at, id) WHERE break_glass', `CREATE INDEX access_log_break_glass ON access_log_entry (occurred_at, id) WHERE break_glass`);
      await q(`ANALYZE access_log_entry`);
      await indexSizes('break glass');
      await measure('A', emergency, 'partial');
    }

    const [version] = await q<{ v: string }>(`SELECT version() AS v`);
    const settings = await q<{ name: string; setting: string }>(`SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather')`);
    Object.assign(result, {
      filters: filters.map((f) => ({ name: f.name, description: f.description })),
      measured,
      sizes,
      buildSeconds: Object.fromEntries(Object.entries(buildSeconds).map(([k, v]) => [k, round(v)])),
      insertCost,
      explains,
      machine: { cpus: cpus().length, memoryGiB: round(totalmem() / 2 ** 30), loadAverageAtEnd: loadavg().map(round), node: process.version, postgres: version?.v, settings: Object.fromEntries(settings.map((s) => [s.name, s.setting])), database: database.server },
      at: new Date().toISOString(),
    });
    mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
    const file = join(process.cwd(), 'bench', 'results', `log-indexes-${entries}-${String(result['at']).replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${file}`);
  } finally {
    await client.end();
    await database.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
