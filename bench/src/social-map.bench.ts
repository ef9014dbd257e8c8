import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateDatabase } from '@kring/database';
import { Domain } from '@kring/identity';
import { AccessRoute, ALL_PROBLEMS, MUNICIPALITY_CODES, SERVICE_BY_ID_SQL, serviceSearchQuery, type ServiceFilters } from '@kring/social-map';
import { argument, benchDatabase, percentile } from './bench-support';

/**
 * `npm run bench:social-map -- [--services 10000] [--requests 4000] [--connections 16]`
 *
 * The social map's search (docs/social-map.md) on a scratch database of its own
 * (kring_bench_social_map on DATABASE_URL's server, or an embedded PostgreSQL), migrated with
 * the real migrations and filled with N synthetic services (Dutch names and descriptions made
 * of the words services use, 20 organisations, random filters' values). It runs the statement
 * the gateway runs (`serviceSearchQuery` of @kring/social-map: websearch_to_tsquery('dutch')
 * with prefixes, exact name first, ts_rank_cd, filters, a page of 20) from a pool of
 * `connections` connections, each connection one request at a time, and as a baseline, in the
 * same run and on the same pool, the single read `service(id)` runs (a primary-key lookup):
 * baseline, search, browse (filters without text), baseline again. Times are taken in the
 * client around each query; the ratio of p95s is what to compare between machines. Not a
 * test: it prints figures and writes bench/results/social-map-<time>.json.
 */

const DATABASE = 'kring_bench_social_map';
const WORDS = {
  what: ['Schuldhulp', 'Budgetcoaching', 'Opvoedondersteuning', 'Huishoudelijke hulp', 'Jongerenwerk', 'Re-integratie', 'Mantelzorgsteun', 'Maatschappelijk werk', 'Dagbesteding', 'Taalhuis', 'Jobcoaching', 'Woonbegeleiding', 'Gezinscoach', 'Geldspreekuur', 'Formulierenhulp', 'Schoolmaatschappelijk werk', 'Buurtteam', 'Ouderenadvies', 'Steunpunt huiselijk geweld', 'Vrijwilligershulp'],
  where: ['Heerenveen', 'Joure', 'Gorredijk', 'Drachten', 'Sneek', 'Wolvega', 'Oosterwolde', 'Lemmer', 'Akkrum', 'Friesland', 'Zuidoost', 'De Kamp', 'Skoatterwâld', 'centrum', 'noord'],
  sentences: [
    'Wij helpen bij schulden en achterstanden met de huur of de energie.',
    'Een coach komt thuis en leert u rondkomen met uw geld.',
    'Vragen over opvoeden en opgroeien, van baby tot puber.',
    'Hulp bij het huishouden als dat door ziekte niet meer lukt.',
    'Samen zoeken naar werk, scholing of vrijwilligerswerk dat past.',
    'Voor jongeren die vastlopen op school of thuis.',
    'Een luisterend oor en praktische hulp voor mantelzorgers.',
    'Zonder afspraak binnenlopen, elke dinsdagochtend in het wijkcentrum.',
    'Begeleiding bij wonen, post en afspraken met instanties.',
    'Gratis voor inwoners, ook anoniem.',
    'Een maatje helpt met formulieren, toeslagen en brieven.',
    'Advies bij zorgen over huiselijk geweld of kindermishandeling.',
  ],
};
const SEARCHES = ['schuldhulp', 'schulden', 'opvoeding', 'huishoudelijke hulp', 'werk', '"leert u rondkomen"', 'jongeren school', 'geld -jongeren', 'wonen', 'mantelzorg', 'Budgetcoaching Heerenveen 17', 'taalhuis or jobcoaching'];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

async function main(): Promise<void> {
  const services = argument('services', 10_000);
  const requests = argument('requests', 4_000);
  const connections = argument('connections', 16);
  const database = await benchDatabase(DATABASE);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`social map bench: ${services} services, ${requests} requests per scenario, ${connections} connections, ${database.server}`);
  await migrateDatabase({ url: database.url });
  const pool = new pg.Pool({ connectionString: database.url, max: connections });
  try {
    const { organisations, ids } = await fill(pool, services);
    log(`filled: ${ids.length} services of ${organisations.length} organisations`);
    const filtersFor = (i: number, text: boolean): ServiceFilters => ({
      text: text ? pick(SEARCHES, i) : null,
      domain: i % 5 === 0 ? pick(Object.values(Domain), i) : null,
      problem: i % 4 === 1 ? pick(ALL_PROBLEMS, i) : null,
      municipalityCode: i % 2 === 0 ? 'GM0074' : null,
      age: i % 3 === 0 ? 14 : null,
      accessRoute: null,
      maxWaitingWeeks: i % 6 === 0 ? 8 : null,
    });
    const scenarios: Record<string, (i: number) => { sql: string; parameters: unknown[] }> = {
      'service(id) (baseline)': (i) => ({ sql: SERVICE_BY_ID_SQL, parameters: [pick(ids, i * 7919)] }),
      'services(search: text + filters, first: 20)': (i) => serviceSearchQuery(filtersFor(i, true), null, 21),
      'services(search: filters only, first: 20)': (i) => serviceSearchQuery(filtersFor(i, false), null, 21),
    };
    // Warm the caches and the plans.
    await run(pool, connections, 500, scenarios['services(search: text + filters, first: 20)'] as (i: number) => { sql: string; parameters: unknown[] });
    const results: Record<string, Figures> = {};
    const order = ['service(id) (baseline)', 'services(search: text + filters, first: 20)', 'services(search: filters only, first: 20)', 'service(id) (baseline)'];
    const baselines: number[][] = [];
    for (const name of order) {
      const samples = await run(pool, connections, requests, scenarios[name] as (i: number) => { sql: string; parameters: unknown[] });
      if (name.endsWith('(baseline)')) baselines.push(samples);
      else results[name] = figures(samples);
      log(`${name.padEnd(48)} ${describe(figures(samples))}`);
    }
    results['service(id) (baseline)'] = figures(baselines.flat());
    const baseline = results['service(id) (baseline)'];
    const search = results['services(search: text + filters, first: 20)'] as Figures;
    const browse = results['services(search: filters only, first: 20)'] as Figures;
    const ratio = (f: Figures) => Math.round((f.p95 / (baseline?.p95 ?? NaN)) * 10) / 10;
    log(`p95 ratio to the baseline: search ${ratio(search)}x, filters only ${ratio(browse)}x`);
    const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${serviceSearchQuery(filtersFor(2, true), null, 21).sql}`, serviceSearchQuery(filtersFor(2, true), null, 21).parameters);
    const planText = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    log(`plan of a search ("${pick(SEARCHES, 2)}", Heerenveen, age 14):\n${planText}`);
    const at = new Date().toISOString().replace(/[:.]/g, '-');
    mkdirSync(join('bench', 'results'), { recursive: true });
    const file = join('bench', 'results', `social-map-${at}.json`);
    writeFileSync(
      file,
      JSON.stringify({ at, services, requests, connections, server: database.server, cpus: cpus().length, loadavg: loadavg(), results, ratioP95: { search: ratio(search), filtersOnly: ratio(browse) }, plan: planText }, null, 2),
    );
    log(`written to ${file}`);
  } finally {
    await pool.end();
    await database.stop();
  }
}

interface Figures {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly perSecond: number;
}

/** `total` queries from `connections` workers, each one query at a time; the time of each in ms. */
async function run(pool: pg.Pool, connections: number, total: number, query: (i: number) => { sql: string; parameters: unknown[] }): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < total) {
        const i = next++;
        const { sql, parameters } = query(i);
        const start = performance.now();
        await pool.query(sql, parameters);
        samples.push(performance.now() - start);
      }
    }),
  );
  Object.defineProperty(samples, 'elapsedMs', { value: performance.now() - started });
  return samples;
}

function figures(samples: number[]): Figures {
  const elapsed = (samples as number[] & { elapsedMs?: number }).elapsedMs;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { count: samples.length, p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), p99: round(percentile(samples, 99)), perSecond: elapsed === undefined ? NaN : Math.round((samples.length / elapsed) * 1000) };
}

function describe(f: Figures): string {
  return `p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms${Number.isNaN(f.perSecond) ? '' : `, ${f.perSecond}/s`}`;
}

/** Organisations and professionals (their sealed columns filled with placeholder bytes: the map never reads them), then the services, set-based. */
async function fill(pool: pg.Pool, total: number): Promise<{ organisations: string[]; ids: string[] }> {
  const organisations = Array.from({ length: 20 }, () => randomUUID());
  const professionals = organisations.map(() => randomUUID());
  for (const [n, id] of organisations.entries()) {
    await pool.query(`INSERT INTO organisation (id, name, domain, wrapped_data_key, kek_version) VALUES ($1, $2, $3, '\\x00', 1)`, [id, `Organisatie ${n + 1}`, pick(Object.values(Domain), n)]);
    await pool.query(`INSERT INTO professional (id, subject, organisation_id, name_ciphertext, roles) VALUES ($1, $2, $3, '\\x00', '{PROFESSIONAL}')`, [professionals[n], `bench-${randomUUID()}`, id]);
  }
  const ids: string[] = [];
  const today = new Date();
  for (let start = 0; start < total; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, total - start) }, (_, k) => {
      const i = start + k;
      const id = randomUUID();
      ids.push(id);
      const statedDaysAgo = i % 200;
      return {
        id,
        organisation_id: pick(organisations, i),
        published_by_professional_id: pick(professionals, i),
        name: `${pick(WORDS.what, i)} ${pick(WORDS.where, Math.floor(i / 20))} ${i % 97}`,
        description: [pick(WORDS.sentences, i), pick(WORDS.sentences, i * 5 + 3), pick(WORDS.sentences, i * 11 + 7)].join(' '),
        domain: pick(Object.values(Domain), i * 3),
        age_from: i % 3 === 0 ? 12 : null,
        age_to: i % 3 === 0 ? 23 : null,
        problems: [pick(ALL_PROBLEMS, i), pick(ALL_PROBLEMS, i * 7 + 1)].filter((p, n, all) => all.indexOf(p) === n),
        municipality_codes: i % 4 === 0 ? [...MUNICIPALITY_CODES] : [pick(MUNICIPALITY_CODES, i), pick(MUNICIPALITY_CODES, i + 3)],
        access_route: pick(Object.values(AccessRoute), i),
        waiting_weeks: i % 10 === 0 ? null : i % 30,
        waiting_stated_on: i % 10 === 0 ? null : new Date(today.getTime() - statedDaysAgo * 86_400_000).toISOString().slice(0, 10),
      };
    });
    await pool.query(
      `INSERT INTO service (id, organisation_id, name, description, domain, age_from, age_to, problems, municipality_codes, access_route, waiting_weeks, waiting_stated_on, phone, published_by_professional_id, published_at, updated_at)
       SELECT r.id, r.organisation_id, r.name, r.description, r.domain::organisation_domain, r.age_from, r.age_to, r.problems::service_problem[], r.municipality_codes, r.access_route::service_access_route, r.waiting_weeks, r.waiting_stated_on, '0513 61 7700', r.published_by_professional_id, now(), now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, organisation_id uuid, name text, description text, domain text, age_from smallint, age_to smallint, problems text[], municipality_codes text[], access_route text, waiting_weeks smallint, waiting_stated_on date, published_by_professional_id uuid)`,
      [JSON.stringify(rows)],
    );
  }
  await pool.query('ANALYZE service');
  return { organisations, ids };
}

main().catch((error: unknown) => {
  process.stderr.write(`social map bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
