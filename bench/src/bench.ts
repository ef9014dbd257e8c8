import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '@kring/config';
import { KringCrypto, loadSodium, resolveKeyMaterial } from '@kring/crypto';
import { openDatabase } from '@kring/database';
import { DevIssuer } from '@kring/identity';
import { PurposeCatalogue } from '@kring/policy';
import { argument, benchDatabase, benchKeys, cpuSeconds, fillAccessLog, peakRssMb, prewarmFamilyData, readSavedWorld, resetPeakRss, savedWorldFile, writeSavedWorld } from './bench-support';
import { productionNodeFlags } from './node-flags';
import { ready } from './gateway-process';
import { seedWorld, type BenchWorld } from './world';

/**
 * `npm run bench -- [--families 1000] [--log-entries 0] [--seconds 15] [--connections 32] [--rounds 1] [--reuse] [--profile]`
 *
 * Seeds a world of N families, starts the gateway in production mode in a process of its
 * own (bench-gateway.ts: the production module plus the benchmark-only plain module), and
 * drives it with autocannon on loopback. Scenarios, all in one run, on one server:
 *  - ceiling:  `{ __typename }`: what the stack costs with nothing in it;
 *  - plain:    the family file's query shape over the same rows, no rule, no decryption, no log;
 *  - headline: a professional reads a random family's file, every field decided, allowed
 *              values decrypted, every decision logged;
 *  - churn:    the headline while family members grant and revoke consents.
 * Prints requests/s, p50 and p99 latency, errors and the gateway's peak RSS per scenario,
 * and the ratios headline/plain and headline/ceiling; writes them to bench/results/.
 * A script, not a test: figures are measured against a baseline in the same run.
 */
interface ScenarioResult {
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly requests: number;
  readonly errors: number;
  readonly peakRssMb: number;
  /** CPU time per answered request (Linux /proc; absent elsewhere). PostgreSQL's only when it is the embedded one. */
  readonly gatewayCpuMsPerRequest?: number;
  readonly databaseCpuMsPerRequest?: number;
  readonly [extra: string]: unknown;
}

/*
 * The bench's own family-file selection, kept apart from the portal's generated
 * FamilyFileDocument (apps/portal/src/api/fragments.ts) on purpose: the two differ
 * (the bench asks redactions { path category reason } and sourceOrganisation { id name };
 * the portal also asks each redaction's field, memberId, recordId and involvementId, and the
 * organisation's domain), and the bench's numbers are compared across runs, so the text it
 * sends stays byte for byte what earlier runs sent. The same selection serves `plainFamily`.
 */
const BENCH_FILE_SELECTION = `
  id purpose
  members { id name birthDate bsn relation holdsAuthorityOver }
  involvements { id caseDirection startsOn endsOn organisation { id name domain } }
  redactions { path category reason }
  records {
    id sectionType createdAt subjectMemberIds sourceOrganisation { id name }
    section {
      __typename
      ... on ContactDetails { address phone email }
      ... on CareTrajectory { provider startDate endDate goals frequency diagnosis medication }
      ... on SupportProvision { provision hoursPerWeek decisionDate }
      ... on DebtSituation { totalDebt creditorCount arrangement monthlyInstalment budgetManagement }
      ... on IncomeAndWork { benefit reintegrationRoute jobCoach }
      ... on SafetySignal { signal signalDate reporterRole riskAssessment }
      ... on FamilyPlan { familyGoals actions whoDoesWhat reviewDate }
    }
  }`;
const HEADLINE = `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { ${BENCH_FILE_SELECTION} } }`;
const PLAIN = `query($id: ID!) { plainFamily(id: $id, purpose: "CASE_COORDINATION") { ${BENCH_FILE_SELECTION} } }`;
const CEILING = `{ __typename }`;

async function main(): Promise<void> {
  const families = argument('families', 1000);
  const logEntries = process.argv.includes('--log-entries') ? Math.floor(argument('log-entries', 1)) : 0;
  const seconds = argument('seconds', 15);
  const connections = argument('connections', 32);
  const rounds = Math.max(1, Math.floor(argument('rounds', 1)));
  const reuse = process.argv.includes('--reuse');
  const say = (line: string) => process.stdout.write(`${line}\n`);

  const name = `kring_bench_f${families}_l${logEntries}`;
  const database = await benchDatabase(name, reuse);
  const stateDir = join(process.cwd(), '.kring', 'bench');
  mkdirSync(stateDir, { recursive: true });
  const stateFile = savedWorldFile(name, process.env['DATABASE_URL'] ? new URL(process.env['DATABASE_URL']).host : 'embedded');
  const previous = reuse ? readSavedWorld(stateFile) : null;
  const keys = previous?.keys ?? benchKeys();
  const env = { DATABASE_URL: database.url, KRING_DATA_DIR: stateDir, ...keys };
  const config = loadConfig({ ...env, NODE_ENV: 'development', KRING_SEED_DEMO: 'false' });
  const catalogue = PurposeCatalogue.fromFile(config.policyFile);
  let child: ChildProcess | null = null;
  try {
    let world: BenchWorld;
    const setupStarted = performance.now();
    if (previous === null) {
      const migrated = await openDatabase({ url: database.url, applicationName: 'kring-bench-setup' });
      await migrated.destroy();
      const sodium = await loadSodium();
      const crypto = new KringCrypto(sodium, await resolveKeyMaterial(sodium, config.keys, config.dataDir));
      world = await seedWorld(database.url, crypto, { families, seed: 20261122, policyVersion: catalogue.version, log: say });
      if (logEntries > 0) {
        const admin = new pg.Client({ connectionString: database.url });
        await admin.connect();
        try {
          await fillAccessLog((sql, params) => admin.query(sql, params), logEntries, say);
        } finally {
          await admin.end();
        }
      }
      writeSavedWorld(stateFile, { keys, world });
    } else {
      world = previous.world;
      say(`reusing the seeded world in ${name}`);
    }
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    say(`world: ${world.familyIds.length.toLocaleString('en')} families, ${logEntries.toLocaleString('en')} extra log entries (${database.server}), set up in ${setupSeconds.toFixed(0)} s`);
    // --seed-only: prepare a world for later runs with --reuse (the 100,000-family world takes a while).
    if (process.argv.includes('--seed-only')) return;
    say(await prewarmFamilyData(database.url));

    const issuer = await DevIssuer.ephemeral('https://kring-bench.invalid', config.identity.audience);
    const readerTokens = await Promise.all(world.readers.map((r) => issuer.sign({ kind: 'professional', professionalId: r.professionalId, organisationId: r.organisationId }, 24 * 3600)));
    const granterTokens = await Promise.all(world.granters.slice(0, 200).map(async (g) => ({ ...g, token: await issuer.sign({ kind: 'citizen', memberId: g.memberId }, 24 * 3600) })));

    const port = 3900 + Math.floor(Math.random() * 90);
    // --profile: the gateway writes a V8 CPU profile to .kring/bench/profiles when it stops.
    const profile = process.argv.includes('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${join(stateDir, 'profiles')}`] : [];
    // The Node.js flags production starts the gateway with (package.json's start:prod, the same as the
    // Dockerfile's CMD); BENCH_GATEWAY_FLAGS replaces them, to try others.
    const gatewayFlags = (process.env['BENCH_GATEWAY_FLAGS'] ?? productionNodeFlags().join(' ')).split(' ').filter((f) => f !== '');
    say(`gateway node flags: ${gatewayFlags.join(' ') || '(none)'}`);
    child = spawn(process.execPath, [...gatewayFlags, ...profile, 'dist/bench/src/bench-gateway.js'], {
      env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), KRING_OIDC_ISSUER: 'https://kring-bench.invalid', BENCH_ISSUER_JWKS: JSON.stringify(issuer.jwks()), KRING_PORTAL_DIR: join(stateDir, 'no-portal') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await ready(child);
    const url = `http://127.0.0.1:${port}/graphql`;
    const pid = child.pid as number;

    const randomOf = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
    const familyRequest = (query: string) => () => JSON.stringify({ query, variables: { id: randomOf(world.familyIds) } });
    const answerBytes = {
      headline: await check(url, readerTokens[0] as string, familyRequest(HEADLINE)(), 'family'),
      plain: await check(url, readerTokens[0] as string, familyRequest(PLAIN)(), 'plainFamily'),
    };
    say(`one answer: headline ${answerBytes.headline.toLocaleString('en')} bytes, plain ${answerBytes.plain.toLocaleString('en')} bytes`);

    const pids: ServerPids = { gateway: pid, postmaster: database.postmasterPid };
    const run = (label: string, body: () => string, duration: number) => load(url, label, body, () => randomOf(readerTokens), pids, duration, connections);
    say(`warming up (${Math.min(seconds, 5)} s each)`);
    if (!process.argv.includes('--no-warm-up')) {
      await run('warm-up plain', familyRequest(PLAIN), Math.min(seconds, 5));
      await run('warm-up headline', familyRequest(HEADLINE), Math.min(seconds, 5));
    }

    // --only headline,plain runs a subset (for profiling); a full run is what results are made of.
    const onlyAt = process.argv.indexOf('--only');
    const wanted = new Set(onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : ['ceiling', 'plain', 'headline', 'consent_churn']);
    // --rounds N: ceiling, plain and headline run N times, interleaved, and each round's ratios are
    // taken within the round. The host's speed was seen to drift by a third within minutes; the
    // median of N within-round ratios is steadier than one long run of each scenario in turn.
    const perRound: Record<string, ScenarioResult>[] = [];
    for (let n = 1; n <= rounds; n++) {
      const label = (name: string) => (rounds > 1 ? `${name} (round ${n}/${rounds})` : name);
      const results: Record<string, ScenarioResult> = {};
      if (wanted.has('ceiling')) results['ceiling'] = await run(label('ceiling'), () => JSON.stringify({ query: CEILING }), seconds);
      if (wanted.has('plain')) results['plain'] = await run(label('plain'), familyRequest(PLAIN), seconds);
      if (wanted.has('headline')) {
        // Every entry moves its chain's head by one, so the heads' sum counts the entries the run wrote.
        const before = await loggedEntries(database.url);
        const headline = await run(label('headline'), familyRequest(HEADLINE), seconds);
        const written = (await loggedEntries(database.url)) - before;
        results['headline'] = { ...headline, logEntriesPerRequest: round(written / Math.max(1, headline.requests)) };
        say(`  log entries per headline read: ${round(written / Math.max(1, headline.requests))} (${written.toLocaleString('en')} for ${headline.requests.toLocaleString('en')} reads)`);
      }
      perRound.push(results);
    }
    const scenarios: Record<string, ScenarioResult> = {};
    for (const name of ['ceiling', 'plain', 'headline']) {
      const runs = perRound.map((results) => results[name]).filter((r): r is ScenarioResult => r !== undefined);
      if (runs.length > 0) scenarios[name] = medianBy(runs, (r) => r.requestsPerSecond);
    }
    if (wanted.has('consent_churn')) {
      const churn = churnWhile(url, granterTokens, world.recipientOrganisationId);
      scenarios['consent_churn'] = { ...(await run('headline during consent churn', familyRequest(HEADLINE), seconds)), ...(await churn.stop()) };
    }
    if (onlyAt >= 0) return; // a partial run is not a result

    const roundRatios = perRound.map((results) => ratiosOf(results));
    const ratios = {
      headline_over_plain: median(roundRatios.map((r) => r.headline_over_plain)),
      headline_over_ceiling: median(roundRatios.map((r) => r.headline_over_ceiling)),
    };
    const result = {
      benchmark: 'kring',
      at: new Date().toISOString(),
      ratios,
      scenarios,
      world: { families: world.familyIds.length, logEntriesAdded: logEntries, readers: world.readers.length },
      load: { connections, secondsPerScenario: seconds, rounds, generator: 'autocannon, same machine, loopback' },
      ...(rounds > 1 ? { rounds: perRound.map((results, i) => ({ round: i + 1, ratios: roundRatios[i], scenarios: results })) } : {}),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: round(totalmem() / 2 ** 30), node: process.version, database: database.server },
      setupSeconds: round(setupSeconds),
    };
    say(`\nratios: headline/plain ${ratios.headline_over_plain}, headline/ceiling ${ratios.headline_over_ceiling}`);
    say(JSON.stringify(result, null, 2));
    mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
    writeFileSync(join(process.cwd(), 'bench', 'results', `bench-f${families}-${result.at.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (child !== null && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await database.stop();
  }
}

/** The access log's entries so far: the sum of every chain head's sequence. */
async function loggedEntries(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string | null }>(`SELECT sum(sequence)::text AS n FROM access_log_chain_head`);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** headline / plain and headline / ceiling of one round of scenarios. */
function ratiosOf(results: Record<string, ScenarioResult>): { headline_over_plain: number; headline_over_ceiling: number } {
  const headline = results['headline']?.requestsPerSecond ?? NaN;
  return {
    headline_over_plain: round(headline / (results['plain']?.requestsPerSecond ?? NaN)),
    headline_over_ceiling: round(headline / (results['ceiling']?.requestsPerSecond ?? NaN)),
  };
}

/** The middle value (the lower middle of an even count). */
function median(values: readonly number[]): number {
  return medianBy(values, (value) => value);
}

/** The item whose key is the median of the keys (the lower middle of an even count). */
function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor((items.length - 1) / 2)] as T;
}

/** Waits for the gateway process to say it listens. */
/** One request by hand before the load: the scenario must answer without errors. */
async function check(url: string, token: string, body: string, field: string): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const text = await response.text();
  const json = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (json.errors !== undefined || json.data?.[field] === undefined || json.data[field] === null) throw new Error(`${field} answered ${text.slice(0, 500)}`);
  return Buffer.byteLength(text);
}

/**
 * Drives one scenario. GraphQL answers errors with status 200, so each body is looked at:
 * an answer with an `errors` member counts as an error, like a non-2xx status.
 */
async function load(url: string, label: string, body: () => string, token: () => string, pids: ServerPids, seconds: number, connections: number): Promise<ScenarioResult> {
  const pid = pids.gateway;
  resetPeakRss(pid);
  const cpuNow = () => ({ gateway: cpuSeconds(pid), database: pids.postmaster === null ? null : cpuSeconds(pids.postmaster, true) });
  const cpuBefore = cpuNow();
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => ({ ...request, method: 'POST', body: body(), headers: { 'content-type': 'application/json', authorization: `Bearer ${token()}` } }),
        onResponse: (status, responseBody) => {
          if (status === 200 && responseBody.startsWith('{"errors"')) graphqlErrors += 1;
        },
      },
    ],
  });
  const scenario: ScenarioResult = {
    requestsPerSecond: round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    peakRssMb: peakRssMb(pid),
    ...cpuPerRequest(cpuBefore, cpuNow(), result.requests.total),
  };
  const cpu = scenario.gatewayCpuMsPerRequest === undefined ? '' : `  CPU per request: gateway ${scenario.gatewayCpuMsPerRequest} ms${scenario.databaseCpuMsPerRequest === undefined ? '' : `, PostgreSQL ${scenario.databaseCpuMsPerRequest} ms`}`;
  process.stdout.write(
    `${label.padEnd(32)} ${String(scenario.requestsPerSecond).padStart(8)} req/s  p50 ${String(scenario.latencyP50Ms).padStart(4)} ms  p99 ${String(scenario.latencyP99Ms).padStart(4)} ms  errors ${scenario.errors}  peak RSS ${scenario.peakRssMb} MB${cpu}\n`,
  );
  return scenario;
}

/**
 * Family members grant a consent to the recipient organisation and revoke it again, in
 * four loops, until stopped; every revocation is checked to take effect at once (the
 * consent reads REVOKED in the revoke's own answer).
 */
function churnWhile(url: string, granters: readonly { familyId: string; memberId: string; token: string }[], recipientOrganisationId: string) {
  let running = true;
  let cycles = 0;
  let errors = 0;
  const started = performance.now();
  const call = async (token: string, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: Record<string, { id: string; status: string }>; errors?: unknown[] };
  };
  const loop = async (offset: number) => {
    for (let i = offset; running; i += 4) {
      const g = granters[i % granters.length];
      if (g === undefined) return;
      const validUntil = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString();
      const granted = await call(g.token, `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }`, {
        input: { subjectMemberId: g.memberId, recipientOrganisationId, purposes: ['CASE_COORDINATION'], categories: ['CONTACT', 'HOUSEHOLD'], validUntil },
      });
      const id = granted.data?.['grantConsent']?.id;
      if (granted.errors !== undefined || id === undefined) {
        errors += 1;
        continue;
      }
      const revoked = await call(g.token, `mutation($id: ID!) { revokeConsent(id: $id) { id status } }`, { id });
      if (revoked.errors !== undefined || revoked.data?.['revokeConsent']?.status !== 'REVOKED') errors += 1;
      else cycles += 1;
    }
  };
  const loops = [0, 1, 2, 3].map((n) => loop(n));
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      const elapsed = (performance.now() - started) / 1000;
      return { churnCyclesPerSecond: round(cycles / elapsed), churnCycles: cycles, churnErrors: errors };
    },
  };
}

/** The processes whose CPU time is measured: the gateway, and the embedded PostgreSQL (null for DATABASE_URL's server). */
interface ServerPids {
  readonly gateway: number;
  readonly postmaster: number | null;
}

/**
 * CPU milliseconds per answered request, of the gateway (all its threads) and of the
 * embedded PostgreSQL (all its processes). Steadier than requests per second on a host
 * whose speed drifts, and it tells which process a change made cheaper.
 */
function cpuPerRequest(before: { gateway: number | null; database: number | null }, after: { gateway: number | null; database: number | null }, requests: number) {
  // A process that ended in between (an autovacuum worker) takes its time with it: never below zero.
  const per = (a: number | null, b: number | null) => (a === null || b === null || requests === 0 ? undefined : round((Math.max(0, b - a) * 1000) / requests));
  const gateway = per(before.gateway, after.gateway);
  const database = per(before.database, after.database);
  return { ...(gateway === undefined ? {} : { gatewayCpuMsPerRequest: gateway }), ...(database === undefined ? {} : { databaseCpuMsPerRequest: database }) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
