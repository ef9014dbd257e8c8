import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger, loadConfig } from '@kring/config';
import { PERSONAS } from '@kring/demo-world';
import { DevIssuer } from '@kring/identity';
import { startInfrastructure } from '../../apps/gateway/src/infrastructure/start-infrastructure';
import { argument, benchDatabase } from './bench-support';
import { httpCall, measure, startGatewayLikeNpmStart, type GatewayProcess, type Measured } from './gateway-process';
import { buildLongChain, LONG_CHAIN_FAMILY_ID } from './long-chain';

/**
 * `npm run bench:verify -- [--entries 2000000] [--checkpoint-every 250000] [--reuse] [--export] [--all] [--database kring_bench_verify]`
 *
 * Builds one family's access-log chain of N entries with the gateway's own writer (hashed
 * and linked like a read's entries, a signed checkpoint every 250,000), then starts the
 * gateway as `npm start` does (package.json's node flags, development mode) against that
 * database and asks `verifyAccessLog(familyId)` as the chain privacy officer. Prints the
 * time, the entries checked per second and the gateway's peak RSS during the call (VmHWM,
 * reset before it); then the same from the last checkpoint that verification found intact
 * (mode SINCE_VERIFIED_CHECKPOINT). `--export` first streams that family's log through
 * /access-log/export; `--all` also verifies every chain. `--reuse` keeps the chain of an
 * earlier run (and its keys, in .kring/bench-verify). `--database` names the database to
 * build it in, so that two work trees on one PostgreSQL do not drop each other's chain.
 */
async function main(): Promise<void> {
  const entries = argument('entries', 2_000_000);
  const checkpointEvery = argument('checkpoint-every', 250_000);
  const reuse = process.argv.includes('--reuse');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const databaseIndex = process.argv.indexOf('--database');
  const databaseName = databaseIndex >= 0 ? (process.argv[databaseIndex + 1] ?? '') : 'kring_bench_verify';
  // It goes into DROP/CREATE DATABASE unquoted: a plain identifier only.
  if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) throw new Error('--database must be a lower-case identifier');
  const database = await benchDatabase(databaseName, reuse);
  // Development mode keeps its keys here: the checkpoints signed now must verify in the gateway later.
  const dataDir = join(process.cwd(), '.kring', 'bench-verify');
  if (!reuse) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env = { NODE_ENV: 'development', DATABASE_URL: database.url, KRING_DATA_DIR: dataDir, KRING_CHECKPOINT_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn', KRING_PORTAL_DIR: join(dataDir, 'no-portal') };
  const config = loadConfig(env);
  let gateway: GatewayProcess | null = null;
  try {
    const built = performance.now();
    const infrastructure = await startInfrastructure(config, createLogger('warn'), { seedDemoWorld: true });
    try {
      await buildLongChain(infrastructure, entries, checkpointEvery, say);
    } finally {
      await infrastructure.close();
    }
    say(`chain of ${entries.toLocaleString('en')} entries ready in ${((performance.now() - built) / 1000).toFixed(0)} s (${database.server})`);

    gateway = await startGatewayLikeNpmStart(env);
    say(`gateway started as npm start does: node ${gateway.flags.join(' ')} dist/apps/gateway/src/main.js (pid ${gateway.pid})`);
    const persona = PERSONAS['keten-fg'];
    if (persona?.kind !== 'professional') throw new Error('the keten-fg persona is missing');
    const issuer = await DevIssuer.open(dataDir, config.identity.issuer, config.identity.audience);
    const token = await issuer.sign({ kind: 'professional', professionalId: persona.professionalId, organisationId: persona.organisationId }, 3600);
    const port = gateway.port;
    const graphql = async (query: string, variables: Record<string, unknown>) => {
      const answer = await httpCall(port, 'POST', '/graphql', token, JSON.stringify({ query, variables }));
      return JSON.parse(answer.text) as { data?: { verifyAccessLog?: Verdict }; errors?: unknown[] };
    };
    const verify = (familyId: string | null, mode = 'FULL') => graphql(VERIFY, { familyId, mode });
    const report = (label: string, run: Measured<Awaited<ReturnType<typeof verify>>>) => {
      const verdict = run.result?.data?.verifyAccessLog;
      const rate = verdict === undefined ? null : Math.round(verdict.entriesChecked / run.seconds);
      say(
        `${label}: ${run.crashed !== null ? `GATEWAY DIED after ${run.seconds.toFixed(1)} s (${run.crashed})` : verdict === undefined ? `errors ${JSON.stringify(run.result?.errors)}` : `${verdict.intact ? 'intact' : `broken ${JSON.stringify(verdict.firstBroken)}`}, ${verdict.entriesChecked.toLocaleString('en')} entries, ${verdict.checkpointsVerified} checkpoints in ${run.seconds.toFixed(1)} s (${rate?.toLocaleString('en')} entries/s, gateway CPU ${run.gatewayCpuSeconds} s)`}; RSS ${run.rssBeforeMb} MB before, peak ${run.peakRssMb} MB`,
      );
      return { seconds: round(run.seconds), entriesPerSecond: rate, gatewayCpuSeconds: run.gatewayCpuSeconds, rssBeforeMb: run.rssBeforeMb, peakRssMb: run.peakRssMb, crashed: run.crashed, verdict: verdict ?? null };
    };

    const results: Record<string, unknown> = {};
    // The export first: a verification that runs out of memory takes the gateway with it.
    if (process.argv.includes('--export')) {
      const run = await measure(gateway, () => httpCall(port, 'GET', `/access-log/export?format=jsonl&familyId=${LONG_CHAIN_FAMILY_ID}`, token, null));
      say(`export (jsonl): ${run.crashed ?? `status ${run.result?.status}, ${((run.result?.bytes ?? 0) / 2 ** 20).toFixed(0)} MB in ${run.seconds.toFixed(1)} s`}; RSS ${run.rssBeforeMb} MB before, peak ${run.peakRssMb} MB`);
      results['export'] = { seconds: round(run.seconds), bytes: run.result?.bytes ?? null, status: run.result?.status ?? null, gatewayCpuSeconds: run.gatewayCpuSeconds, rssBeforeMb: run.rssBeforeMb, peakRssMb: run.peakRssMb, crashed: run.crashed };
    }

    results['verifyFamily'] = report('verifyAccessLog(familyId)', await measure(gateway, () => verify(LONG_CHAIN_FAMILY_ID)));
    const survived = (results['verifyFamily'] as { crashed: string | null }).crashed === null;
    // The full verification recorded the last checkpoint it found intact: a verification from there reads only what follows it.
    if (survived) results['verifySinceCheckpoint'] = report('verifyAccessLog(familyId, mode: SINCE_VERIFIED_CHECKPOINT)', await measure(gateway, () => verify(LONG_CHAIN_FAMILY_ID, 'SINCE_VERIFIED_CHECKPOINT')));
    if (process.argv.includes('--all') && survived) {
      results['verifyAll'] = report('verifyAccessLog (every chain)', await measure(gateway, () => verify(null)));
    }
    const result = {
      benchmark: 'verify',
      at: new Date().toISOString(),
      chain: { entries, checkpointEvery },
      gateway: { nodeFlags: gateway.flags, entry: 'dist/apps/gateway/src/main.js', mode: 'development' },
      ...results,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: round(totalmem() / 2 ** 30), node: process.version, database: database.server },
    };
    say(JSON.stringify(result, null, 2));
    mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
    writeFileSync(join(process.cwd(), 'bench', 'results', `verify-${result.at.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await gateway?.stop();
    await database.stop();
  }
}

interface Verdict {
  readonly intact: boolean;
  readonly entriesChecked: number;
  readonly entriesSkipped?: number;
  readonly checkpointsVerified: number;
  readonly firstBroken: unknown;
}

const VERIFY = `query($familyId: ID, $mode: LogVerificationMode) { verifyAccessLog(familyId: $familyId, mode: $mode) { intact mode chainsChecked entriesChecked entriesSkipped checkpointsVerified firstBroken { chainKey sequence entryId problem } } }`;

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
