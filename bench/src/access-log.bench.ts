import { performance } from 'node:perf_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { App } from 'supertest/types';
import { createLogger, loadConfig } from '@kring/config';
import { DEMO_ORGANISATIONS, PERSONAS } from '@kring/demo-world';
import { DevIssuer } from '@kring/identity';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap';
import { createRuntime } from '../../apps/gateway/src/runtime/create-runtime';
import { argument, benchDatabase, benchKeys, percentile } from './bench-support';

/**
 * `npm run bench:access-log -- [--entries 5000000] [--repeats 50] [--reuse]`
 * (`--reuse` keeps a log filled by an earlier run instead of filling it again).
 *
 * Fills an access log with N synthetic entries (SQL, spread over a year, 1,000 families,
 * the demo organisations and more), then measures through the real gateway (GraphQL,
 * authorisation, scope, keyset pagination) the p95 latency of a privacy officer's
 * filtered first page and of the page 1,000 pages deep. Not a test: it prints figures.
 * The synthetic entries are not hash-chained; this measures the read path only.
 */
async function main(): Promise<void> {
  const entries = argument('entries', 5_000_000);
  const repeats = argument('repeats', 50);
  const pageSize = 50;
  const reuse = process.argv.includes('--reuse');
  const database = await benchDatabase('kring_bench_access_log', reuse);
  const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: database.url, KRING_DATA_DIR: join(process.cwd(), '.kring', 'bench'), KRING_CHECKPOINT_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn', ...benchKeys() });
  const issuer = await DevIssuer.ephemeral(config.identity.issuer, config.identity.audience);
  const runtime = await createRuntime(config, createLogger('warn'), { devIssuer: issuer, seedDemoWorld: true });
  const app = await createGatewayApp(runtime);
  await app.init();
  try {
    const filled = performance.now();
    const [present] = await runtime.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM access_log_entry WHERE activity = 'READ_FAMILY_FILE' AND chain_key LIKE 'family:10000000-%'`);
    if (!reuse || Number(present?.n ?? 0) < entries) await fill(runtime.dataSource, entries);
    const fillSeconds = (performance.now() - filled) / 1000;
    process.stdout.write(`filled ${entries.toLocaleString('en')} entries in ${fillSeconds.toFixed(0)} s (${database.server})\n`);

    const persona = PERSONAS['fg-gemeente'];
    if (persona?.kind !== 'professional') throw new Error('the fg-gemeente persona is missing');
    const token = await issuer.sign({ kind: 'professional', professionalId: persona.professionalId });
    const query = `query($filter: AccessLogFilter, $after: String) { accessLog(filter: $filter, first: ${pageSize}, after: $after) { edges { node { id occurredAt activity decision reason category actor { name organisation { name } } } } pageInfo { hasNextPage endCursor } } }`;
    const filter = { decision: 'DENIED', purpose: 'CASE_COORDINATION' };
    const page = async (after: string | null) => {
      const started = performance.now();
      const response = await request(app.getHttpServer() as App).post('/graphql').set('authorization', `Bearer ${token}`).send({ query, variables: { filter, after } });
      const ms = performance.now() - started;
      const body = response.body as { errors?: unknown; data?: { accessLog: { edges: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } };
      if (body.errors !== undefined || body.data === undefined) throw new Error(`the accessLog query failed: ${JSON.stringify(body.errors)}`);
      return { ms, connection: body.data.accessLog };
    };

    // Warm up, then the first page.
    for (let i = 0; i < 5; i++) await page(null);
    const first: number[] = [];
    for (let i = 0; i < repeats; i++) first.push((await page(null)).ms);

    // Walk to page 1,000, then measure that page.
    let cursor: string | null = null;
    let reached = 1;
    for (; reached < 1000; reached++) {
      const { connection } = await page(cursor);
      if (!connection.pageInfo.hasNextPage) break;
      cursor = connection.pageInfo.endCursor;
    }
    const deep: number[] = [];
    for (let i = 0; i < repeats; i++) deep.push((await page(cursor)).ms);

    const result = {
      benchmark: 'access-log',
      entries,
      pageSize,
      filter: { scope: 'PRIVACY_OFFICER of Gemeente Heerenveen Team Toegang', ...filter },
      firstPage: { p50Ms: round(percentile(first, 50)), p95Ms: round(percentile(first, 95)) },
      deepPage: { page: reached + 1, p50Ms: round(percentile(deep, 50)), p95Ms: round(percentile(deep, 95)) },
      ratios: { deep_over_first_p95: round(percentile(deep, 95) / percentile(first, 95)) },
      fillSeconds: round(fillSeconds),
      machine: { cpus: cpus().length, memoryGiB: round(totalmem() / 2 ** 30), node: process.version, database: database.server },
      at: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
    writeFileSync(join(process.cwd(), 'bench', 'results', `access-log-${result.at.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app.close();
    await runtime.close();
    await database.stop();
  }
}

/** Synthetic entries in bulk, with realistic spreads over organisations, families, purposes, decisions and time. */
async function fill(dataSource: DataSource, total: number): Promise<void> {
  const owner = dataSource; // the gateway's pool runs as kring_app, which may insert
  const organisations = Object.values(DEMO_ORGANISATIONS);
  const batch = 250_000;
  for (let start = 0; start < total; start += batch) {
    const count = Math.min(batch, total - start);
    await owner.query(
      `INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
         subject_member_ids, target_kind, target_id, source_organisation_id, category, fields, decision, basis, basis_refs, reason, break_glass, previous_hash, entry_hash)
       SELECT gen_random_uuid(), 'family:' || f.id, $1 + g, now() - (random() * interval '365 days'), md5(g::text) || md5((g + 1)::text),
              'PROFESSIONAL', ('00000000-0000-4000-8000-' || lpad((g % 500)::text, 12, '0'))::uuid, ($2::uuid[])[1 + (g % $3)], 'PROFESSIONAL',
              'READ_FAMILY_FILE', (ARRAY['CASE_COORDINATION','SUPPORT_PLANNING','DEBT_RESOLUTION','REINTEGRATION','ELIGIBILITY_ASSESSMENT'])[1 + (g % 5)], f.id,
              ARRAY[f.member], 'RECORD', gen_random_uuid(), ($2::uuid[])[1 + ((g / 7) % $3)],
              (ARRAY['CONTACT','FINANCES','HEALTH','CARE_TRAJECTORY','PERSONAL_IDENTITY'])[1 + (g % 5)], ARRAY['field'],
              CASE WHEN g % 10 < 3 THEN 'DENIED' ELSE 'ALLOWED' END, CASE WHEN g % 10 < 3 THEN NULL ELSE 'CONSENT' END, '{}',
              CASE WHEN g % 10 < 3 THEN 'NO_CONSENT' ELSE NULL END, g % 1000 = 0, decode(md5(g::text), 'hex'), decode(md5((g + 7)::text), 'hex')
         FROM generate_series(1, $4) AS g,
              LATERAL (SELECT ('10000000-0000-4000-8000-' || lpad((g % 1000)::text, 12, '0'))::uuid AS id,
                              ('20000000-0000-4000-8000-' || lpad((g % 5000)::text, 12, '0'))::uuid AS member) f`,
      [start, organisations, organisations.length, count],
    );
    process.stdout.write(`  ${(start + count).toLocaleString('en')} / ${total.toLocaleString('en')}\n`);
  }
  await owner.query('ANALYZE access_log_entry');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
