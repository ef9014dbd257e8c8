import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { cpuSeconds, peakRssMb, resetPeakRss } from './bench-support';
import { nodeFlagsOf, scriptWords } from './node-flags';

/** The gateway in a process of its own, as `npm start` runs it (its node flags, dist/apps/gateway/src/main.js). */
export interface GatewayProcess {
  readonly pid: number;
  readonly flags: readonly string[];
  readonly port: number;
  /** What the process wrote to stderr last (an out-of-memory report, for one). */
  stderrTail(): string;
  /** Resolves with how it ended, once it has. */
  readonly exited: Promise<string>;
  stop(): Promise<void>;
}

export async function startGatewayLikeNpmStart(env: Record<string, string>): Promise<GatewayProcess> {
  const flags = nodeFlagsOf(scriptWords('start'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const child: ChildProcess = spawn(process.execPath, [...flags, 'dist/apps/gateway/src/main.js'], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal !== null ? `signal ${signal}` : `exit code ${code}`)));
  // An object, not a let: TypeScript cannot see the callback assign it.
  const state: { ended: string | null } = { ended: null };
  void exited.then((how) => (state.ended = how));
  for (;;) {
    if (state.ended !== null) throw new Error(`the gateway ended (${state.ended}) before it was ready: ${tail}`);
    if ((await httpCall(port, 'GET', '/health/live', null, null).catch(() => null))?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    pid: child.pid as number,
    flags,
    port,
    stderrTail: () => tail,
    exited,
    stop: async () => {
      if (state.ended !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One call measured: wall time, the process's peak RSS during it (VmHWM, reset first), and its RSS before. */
export interface Measured<T> {
  readonly seconds: number;
  readonly rssBeforeMb: number;
  readonly peakRssMb: number;
  /** CPU time (user and system, all threads) the gateway process used during the call. */
  readonly gatewayCpuSeconds: number | null;
  readonly result: T | null;
  /** Set when the gateway died during the call. */
  readonly crashed: string | null;
}

export async function measure<T>(gateway: GatewayProcess, call: () => Promise<T>): Promise<Measured<T>> {
  const rssBeforeMb = currentRssMb(gateway.pid);
  resetPeakRss(gateway.pid);
  // VmHWM goes with the process; sample it too, so a crash still leaves the peak it reached.
  let sampledPeak = rssBeforeMb;
  const sampler = setInterval(() => {
    const peak = peakRssMb(gateway.pid);
    if (Number.isFinite(peak)) sampledPeak = Math.max(sampledPeak, peak);
  }, 100);
  const started = performance.now();
  const cpuBefore = cpuSeconds(gateway.pid);
  const cpuUsed = () => {
    const after = cpuSeconds(gateway.pid);
    return cpuBefore === null || after === null ? null : Math.round((after - cpuBefore) * 10) / 10;
  };
  try {
    // A connection that breaks because the process died is a crash, not an error of the call.
    const diedMeanwhile = async (error: unknown) => {
      const how = await Promise.race([gateway.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000))]);
      if (how === null) throw error;
      return { crashed: how };
    };
    const outcome = await Promise.race([call().then((result) => ({ result }), diedMeanwhile), gateway.exited.then((how) => ({ crashed: how }))]);
    const seconds = (performance.now() - started) / 1000;
    if ('crashed' in outcome) return { seconds, rssBeforeMb, peakRssMb: sampledPeak, gatewayCpuSeconds: null, result: null, crashed: `${outcome.crashed}: ${/FATAL ERROR[^\n]*/.exec(gateway.stderrTail())?.[0] ?? gateway.stderrTail().trim().split('\n').pop()}` };
    return { seconds, rssBeforeMb, peakRssMb: Math.max(sampledPeak, peakRssMb(gateway.pid)), gatewayCpuSeconds: cpuUsed(), result: outcome.result, crashed: null };
  } finally {
    clearInterval(sampler);
  }
}

/** A request over node:http, which (unlike fetch) waits as long as the answer takes. */
export function httpCall(port: number, method: 'GET' | 'POST', path: string, token: string | null, body: string | null): Promise<{ status: number; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      let bytes = 0;
      let text = '';
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Keep the start only: an export is streamed through and counted, not held.
        if (text.length < 4096) text += chunk.toString('utf8');
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, text }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

function currentRssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match === null ? NaN : Math.round(Number(match[1]) / 1024);
}

/** Resolves once a bench gateway (dist/bench/src/bench-gateway.js) says it is ready. */
export function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('ready ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the bench gateway exited (${code}) before it was ready`)));
  });
}
