import { performance } from 'node:perf_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createLogger, loadConfig } from '@kring/config';
import { PERSONAS } from '@kring/demo-world';
import { DevIssuer } from '@kring/identity';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap';
import { startInfrastructure } from '../../apps/gateway/src/infrastructure/start-infrastructure';
import { argument, benchDatabase, benchKeys, fillAccessLog, percentile } from './bench-support';

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
  const infrastructure = await startInfrastructure(config, createLogger('warn'), { devIssuer: issuer, seedDemoWorld: true });
  const app = await createGatewayApp(infrastructure);
  await app.init();
  try {
    const filled = performance.now();
    const [present] = await infrastructure.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM access_log_entry WHERE activity = 'READ_FAMILY_FILE' AND chain_key LIKE 'family:10000000-%'`);
    if (!reuse || Number(present?.n ?? 0) < entries) await fillAccessLog((sql, params) => infrastructure.dataSource.query(sql, params), entries, (line) => process.stdout.write(`${line}\n`));
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
    await infrastructure.close();
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
