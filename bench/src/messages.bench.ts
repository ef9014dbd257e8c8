import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '@kring/config';
import { KringCrypto, loadSodium, resolveKeyMaterial } from '@kring/crypto';
import { openDatabase } from '@kring/database';
import { DEMO_FAMILY_ID, loadDemoWorld, PERSONAS } from '@kring/demo-world';
import { DevIssuer } from '@kring/identity';
import { PurposeCatalogue } from '@kring/policy';
import { benchDatabase, benchKeys, peakRssMb, percentile, resetPeakRss } from './bench-support';
import { ready } from './gateway-process';
import { connectLive, type LiveConnection, type LiveFeed } from './live-client';
import { productionNodeFlags } from './node-flags';

const EVENTS = `subscription($threadId: ID!) { threadEvents(threadId: $threadId) { kind threadId message { id sequence body } closed { category reason } unreadCount } }`;
type Events = { threadEvents: { kind: string; message: { id: string; sequence: number; body: string | null } | null; closed: { reason: string } | null } };

/** Subscriptions per caller (the gateway's limit per caller and process), and per connection (its limit per connection). */
const PER_CALLER = 50;
const PER_CONNECTION = 20;

/**
 * `npm run bench:messages`: live delivery of a thread's messages (docs/messages.md, "Live") on
 * one gateway process, as production starts it. 200 subscriptions to one thread of the demo
 * family: 50 each for the WMO professional, the debt counsellor and Marieke (allowed), and 50 for
 * the youth-care professional, whose consent Marieke revokes before the load (each of those gets
 * THREAD_CLOSED and nothing more). Then a message is posted every 100 ms for BENCH_MESSAGES_SECONDS
 * (default 60). It checks that every allowed subscription received every message in commit order
 * and the refused ones none (PASS/FAIL), and reports, as ratios to baselines measured in the same
 * run: the gateway's peak RSS over its idle RSS, and the delivery p50/p99 (post sent to event
 * received) over an HTTP query's (a page of the thread) and over a single subscriber's.
 */
async function main(): Promise<void> {
  const seconds = Number(process.env['BENCH_MESSAGES_SECONDS'] ?? 60);
  const intervalMs = 100;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const database = await benchDatabase('kring_bench_messages');
  const stateDir = join(process.cwd(), '.kring', 'bench');
  mkdirSync(stateDir, { recursive: true });
  const keys = benchKeys();
  const env = { DATABASE_URL: database.url, KRING_DATA_DIR: stateDir, ...keys };
  const config = loadConfig({ ...env, NODE_ENV: 'development', KRING_SEED_DEMO: 'false' });
  const dataSource = await openDatabase({ url: database.url, applicationName: 'kring-bench-setup' });
  const sodium = await loadSodium();
  await loadDemoWorld(dataSource, new KringCrypto(sodium, await resolveKeyMaterial(sodium, config.keys, config.dataDir)), PurposeCatalogue.fromFile(config.policyFile).version);
  await dataSource.destroy();

  const issuer = await DevIssuer.ephemeral('https://kring-bench.invalid', config.identity.audience);
  const port = 3900 + Math.floor(Math.random() * 90);
  let child: ChildProcess | null = null;
  const connections: LiveConnection[] = [];
  try {
    child = spawn(process.execPath, [...productionNodeFlags(), 'dist/bench/src/bench-gateway.js'], {
      env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), KRING_OIDC_ISSUER: 'https://kring-bench.invalid', BENCH_ISSUER_JWKS: JSON.stringify(issuer.jwks()), KRING_PORTAL_DIR: join(stateDir, 'no-portal') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await ready(child);
    const pid = child.pid as number;
    const http = `http://127.0.0.1:${port}/graphql`;
    const ws = `ws://127.0.0.1:${port}/graphql`;
    const token = async (persona: string) => {
      const found = PERSONAS[persona];
      if (found === undefined) throw new Error(`no persona ${persona}`);
      return issuer.sign(found.kind === 'professional' ? { kind: 'professional', professionalId: found.professionalId, organisationId: found.organisationId } : { kind: 'citizen', memberId: found.memberId }, 3 * 3600);
    };
    const tokens = { wmo: await token('wmo'), debt: await token('schuldhulp'), youth: await token('jeugdhulp'), marieke: await token('marieke') };
    const ask = async <T>(bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await fetch(http, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query, variables }) });
      const answer = (await response.json()) as { data?: T; errors?: unknown[] };
      if (answer.errors !== undefined) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(answer.errors)}`);
      return answer.data as T;
    };

    // The thread: WMO starts it about Marieke with the debt counsellor and youth care; Marieke consents to youth care first, and joins.
    const validUntil = new Date(Date.now() + 180 * 24 * 3600 * 1000).toISOString();
    const consent = (
      await ask<{ grantConsent: { id: string } }>(tokens.marieke, `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
        input: { subjectMemberId: memberOf('marieke'), categories: ['SHARED_PLAN'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: orgOf('jeugdhulp'), validUntil },
      })
    ).grantConsent;
    const thread = (
      await ask<{ startThread: { id: string; closed: unknown } }>(tokens.wmo, `mutation($input: StartThreadInput!) { startThread(input: $input) { id closed { reason } } }`, {
        input: {
          familyId: DEMO_FAMILY_ID,
          topic: 'De planning voor de komende weken',
          subjectMemberIds: [memberOf('marieke')],
          category: 'SHARED_PLAN',
          purpose: 'CASE_COORDINATION',
          participantProfessionalIds: [professionalOf('schuldhulp'), professionalOf('jeugdhulp')],
          firstMessage: 'Zullen we de planning hier bijhouden?',
        },
      })
    ).startThread;
    await ask(tokens.marieke, `mutation($id: ID!) { joinThread(threadId: $id) { id } }`, { id: thread.id });
    const post = async (bearer: string, body: string) =>
      (await ask<{ postMessage: { sequence: number } }>(bearer, `mutation($input: PostMessageInput!) { postMessage(input: $input) { sequence } }`, { input: { threadId: thread.id, body } })).postMessage;

    // Baseline 1: an HTTP query (the thread's newest page), one at a time.
    const pageQuery = `query($id: ID!) { threadMessages(threadId: $id, last: 10) { edges { node { id sequence body } } } }`;
    for (let i = 0; i < 20; i++) await ask(tokens.debt, pageQuery, { id: thread.id }); // warm-up
    const queryMs: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      await ask(tokens.debt, pageQuery, { id: thread.id });
      queryMs.push(performance.now() - started);
    }
    // The idle gateway: started, warmed by the queries, no subscription.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idleRssMb = rssMb(pid);

    // Baseline 2: one subscriber, a post every 100 ms.
    const baselineSeconds = Math.min(seconds, 15);
    const single = connectLive(ws, tokens.debt);
    connections.push(single);
    const alone = single.subscribe<Events>(EVENTS, { threadId: thread.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const singleRun = await postEvery(intervalMs, baselineSeconds, (i) => post(i % 2 === 0 ? tokens.wmo : tokens.marieke, `Bericht ${i} (één abonnee)`));
    await alone.until(singleRun.sent.length, 10_000);
    const singleMs = latencies(singleRun.sent, [alone]);
    alone.stop();
    await single.dispose();

    // The load: 200 subscriptions over 10 connections; youth care's closed by a revocation before the first post.
    const subscribe = (bearer: string) => {
      const feeds: LiveFeed<Events>[] = [];
      for (let c = 0; c < PER_CALLER / PER_CONNECTION; c++) {
        const connection = connectLive(ws, bearer);
        connections.push(connection);
        for (let s = 0; s < Math.min(PER_CONNECTION, PER_CALLER - c * PER_CONNECTION); s++) feeds.push(connection.subscribe<Events>(EVENTS, { threadId: thread.id }));
      }
      return feeds;
    };
    resetPeakRss(pid);
    const subscribedSince = new Date();
    const allowed = [...subscribe(tokens.wmo), ...subscribe(tokens.debt), ...subscribe(tokens.marieke)];
    const refused = subscribe(tokens.youth);
    // Each subscription is logged, under a trace of its own, when it is taken; one more post then proves them all in place before the revocation.
    await subscriptionsLogged(database.url, subscribedSince, allowed.length + refused.length);
    const probe = await post(tokens.wmo, 'Iedereen aangemeld?');
    await Promise.all([...allowed, ...refused].map((f) => f.until(1, 30_000)));
    await ask(tokens.marieke, `mutation($id: ID!) { revokeConsent(id: $id, reason: "Alleen nog de gemeente en schuldhulp") { status } }`, { id: consent.id });
    const closedInTime = await Promise.all(refused.map((f) => Promise.race([f.ended.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))])));
    const preload = { allowed: allowed.map((f) => f.items.length), refused: refused.map((f) => f.items.length) };

    say(`load: ${allowed.length} allowed and ${refused.length} refused subscriptions, a message every ${intervalMs} ms for ${seconds} s`);
    const loadRun = await postEvery(intervalMs, seconds, (i) => post([tokens.wmo, tokens.debt, tokens.marieke][i % 3] as string, `Bericht ${i} (onder last)`));
    const expected = loadRun.sent.length;
    await Promise.all(allowed.map((f, i) => f.until((preload.allowed[i] ?? 0) + expected, 30_000).catch(() => undefined)));
    const peakMb = peakRssMb(pid);

    // Checks: every allowed subscription got every message in commit order; every refused one only its THREAD_CLOSED.
    const sequences = loadRun.sent.map((s) => s.sequence);
    const allowedOk = allowed.every((f, i) => {
      const got = f.items.slice(preload.allowed[i]).map((item) => item.data?.threadEvents.message?.sequence);
      return got.length === sequences.length && got.every((sequence, n) => sequence === sequences[n]);
    });
    const refusedOk = refused.every((f, i) => {
      const kinds = f.items.map((item) => item.data?.threadEvents.kind);
      return closedInTime[i] === true && kinds.join() === 'MESSAGE_POSTED,THREAD_CLOSED' && f.items[0]?.data?.threadEvents.message?.sequence === probe.sequence;
    });
    const loadMs = latencies(loadRun.sent, allowed);
    const afterAnswerMs = latencies(loadRun.answered, allowed);
    const pass = allowedOk && refusedOk;

    const median = (xs: number[]) => percentile(xs, 50);
    const figures = {
      benchmark: 'messages',
      at: new Date().toISOString(),
      cpus: cpus().length,
      seconds,
      messages: expected,
      subscriptions: { allowed: allowed.length, refused: refused.length },
      pass,
      checks: { allowedGotEveryMessageInOrder: allowedOk, refusedGotNothingAfterThreadClosed: refusedOk },
      postRoundTripMs: { p50: round(median(loadRun.roundTripMs)), p99: round(percentile(loadRun.roundTripMs, 99)) },
      rssMb: { idle: idleRssMb, peak: peakMb },
      deliveryMs: { p50: round(median(loadMs)), p99: round(percentile(loadMs, 99)), deliveries: loadMs.length },
      // From the post's answer (its commit is done by then) to the event: the fan-out alone, without the post's own queueing.
      deliveryAfterPostAnsweredMs: { p50: round(median(afterAnswerMs)), p99: round(percentile(afterAnswerMs, 99)) },
      singleSubscriberMs: { p50: round(median(singleMs)), p99: round(percentile(singleMs, 99)) },
      httpQueryMs: { p50: round(median(queryMs)), p99: round(percentile(queryMs, 99)) },
      ratios: {
        peak_rss_over_idle: round(peakMb / idleRssMb),
        delivery_p99_over_http_query_p99: round(percentile(loadMs, 99) / percentile(queryMs, 99)),
        delivery_p99_over_single_subscriber_p99: round(percentile(loadMs, 99) / percentile(singleMs, 99)),
        delivery_p50_over_http_query_p50: round(median(loadMs) / median(queryMs)),
        delivery_p50_over_single_subscriber_p50: round(median(loadMs) / median(singleMs)),
      },
    };
    say(JSON.stringify(figures, null, 2));
    say(pass ? 'PASS: every allowed subscriber got every message in commit order; the refused ones none after THREAD_CLOSED' : `FAIL: ${JSON.stringify(figures.checks)}`);
    const resultsDir = join(process.cwd(), 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, `messages-${figures.at.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(figures, null, 2)}\n`);
    if (!pass) process.exitCode = 1;
  } finally {
    await Promise.all(connections.map((c) => c.dispose().catch(() => undefined)));
    if (child !== null && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child?.once('exit', resolve));
    }
    await database.stop();
  }
}

/**
 * Posts one message every `intervalMs` for `seconds`, each when its time comes, without waiting
 * for the one before to return (the thread's lock puts them in order; the order they committed
 * in is their numbers). Also measures each post's round trip.
 */
async function postEvery(intervalMs: number, seconds: number, send: (i: number) => Promise<{ sequence: number }>): Promise<{ sent: { sequence: number; at: number }[]; answered: { sequence: number; at: number }[]; roundTripMs: number[] }> {
  const posts: Promise<{ sequence: number; at: number; ms: number }>[] = [];
  const started = performance.now();
  for (let i = 0; i * intervalMs < seconds * 1000; i++) {
    const wait = started + i * intervalMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = performance.now();
    posts.push(send(i).then(({ sequence }) => ({ sequence, at, ms: performance.now() - at })));
  }
  const done = (await Promise.all(posts)).sort((a, b) => a.sequence - b.sequence);
  return { sent: done.map(({ sequence, at }) => ({ sequence, at })), answered: done.map(({ sequence, at, ms }) => ({ sequence, at: at + ms })), roundTripMs: done.map((d) => d.ms) };
}

/** Waits until `count` subscriptions taken since `since` are in the access log (each its own trace id). */
async function subscriptionsLogged(url: string, since: Date, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { rows } = await client.query<{ traces: number }>(`SELECT count(DISTINCT trace_id)::int AS traces FROM access_log_entry WHERE activity = 'READ_THREAD' AND occurred_at >= $1`, [since]);
      if ((rows[0]?.traces ?? 0) >= count) break;
      if (Date.now() > deadline) throw new Error(`${rows[0]?.traces ?? 0} of ${count} subscriptions were taken within two minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
  // The gateway holds a subscription right after the transaction that logged it committed.
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Per delivered event: from the post's request being sent to the event's arrival, in ms. */
function latencies(sent: readonly { sequence: number; at: number }[], feeds: readonly LiveFeed<Events>[]): number[] {
  const sentAt = new Map(sent.map((s) => [s.sequence, s.at]));
  return feeds.flatMap((f) =>
    f.items.flatMap((item) => {
      const at = sentAt.get(item.data?.threadEvents.message?.sequence ?? -1);
      return at === undefined ? [] : [item.at - at];
    }),
  );
}

/** The process's resident set now (VmRSS). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match === null ? NaN : Math.round(Number(match[1]) / 1024);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function orgOf(persona: string): string {
  const found = PERSONAS[persona];
  if (found?.kind !== 'professional') throw new Error(`${persona} is no professional`);
  return found.organisationId;
}

function professionalOf(persona: string): string {
  const found = PERSONAS[persona];
  if (found?.kind !== 'professional') throw new Error(`${persona} is no professional`);
  return found.professionalId;
}

function memberOf(persona: string): string {
  const found = PERSONAS[persona];
  if (found?.kind !== 'citizen') throw new Error(`${persona} is no member`);
  return found.memberId;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:messages failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
