import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, postmasterPid } from '../support/processes';

const MAIN = resolve('dist/apps/gateway/src/main.js');

interface RunningGateway {
  readonly child: ChildProcess;
  readonly port: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * The built gateway as `npm start` runs it, on the embedded PostgreSQL in a data folder of
 * its own, as a process this suite can signal and kill: the ways a gateway ends are about
 * the process, so they are tested on one.
 */
describe('the embedded PostgreSQL ends with the gateway, and a leftover does not block the next start', () => {
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(() => {
    // From this checkout's sources: the suite must test the code it sits beside, not an old build.
    execFileSync(process.execPath, [resolve('node_modules/@nestjs/cli/bin/nest.js'), 'build', 'gateway'], { stdio: 'inherit' });
  }, 300_000);
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const dataFolder = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kring-gateway-pg-'));
    await chmod(dir, 0o755); // as root, PostgreSQL runs as the postgres user, who must enter it
    cleanups.push(async () => {
      // Whatever a failed test left running on this folder is stopped before the folder goes.
      const pid = postmasterPid(dir);
      if (pid !== null && isAlive(pid)) process.kill(pid, 'SIGINT');
      for (let waited = 0; pid !== null && isAlive(pid) && waited < 30_000; waited += 100) await sleep(100);
      await rm(dir, { recursive: true, force: true });
    });
    return dir;
  };

  const startGateway = async (dir: string, port?: number): Promise<RunningGateway> => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', KRING_DATA_DIR: dir, KRING_SEED_DEMO: 'false', PORT: String(port ?? (await freePort())), LOG_LEVEL: 'info' };
    delete env['DATABASE_URL']; // the embedded PostgreSQL, not the test run's server
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    });
    const ready = new Promise<void>((done) => child.stdout?.on('data', () => output.includes('"msg":"gateway ready"') && done()));
    await Promise.race([ready, exited]);
    return { child, port: Number(env['PORT']), exited, output: () => output };
  };

  const started = async (dir: string) => {
    const gateway = await startGateway(dir);
    if (gateway.child.exitCode !== null) throw new Error(`the gateway did not start:\n${gateway.output()}`);
    return gateway;
  };

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('after %s the gateway exits 0, and no PostgreSQL of its folder runs any more', async (signal) => {
    const dir = await dataFolder();
    const gateway = await started(dir);
    const postgres = postmasterPid(dir) as number;
    expect(isAlive(postgres)).toBe(true);

    gateway.child.kill(signal);
    const { code } = await gateway.exited;

    expect({ code, output: code === 0 ? '' : gateway.output() }).toEqual({ code: 0, output: '' });
    expect(isAlive(postgres)).toBe(false);
    expect(existsSync(join(dir, 'pgdata', 'postmaster.pid'))).toBe(false);
  });

  it('after kill -9 its PostgreSQL runs on; the next start stops that leftover and serves', async () => {
    const dir = await dataFolder();
    const killed = await started(dir);
    const leftover = postmasterPid(dir) as number;
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(isAlive(leftover)).toBe(true); // nothing could stop it: this is the leftover

    const next = await startGateway(dir);

    expect(next.child.exitCode === null ? '' : next.output()).toBe('');
    expect(isAlive(leftover)).toBe(false);
    const postgres = postmasterPid(dir) as number;
    expect(postgres).not.toBe(leftover);
    expect((await fetch(`http://127.0.0.1:${next.port}/health/live`)).status).toBe(200);
    next.child.kill('SIGTERM');
    expect((await next.exited).code).toBe(0);
    expect(isAlive(postgres)).toBe(false);
  });

  it('a start that fails after PostgreSQL began (its port is taken) exits non-zero, and leaves no PostgreSQL running', async () => {
    const dir = await dataFolder();
    const taken = await occupyPort();
    cleanups.push(() => new Promise((done) => taken.close(done)));

    const gateway = await startGateway(dir, (taken.address() as { port: number }).port);
    const { code } = await gateway.exited;

    expect(code).not.toBe(0);
    expect(gateway.output()).toContain('Kring could not start');
    const postgres = postmasterPid(dir);
    expect(postgres === null || !isAlive(postgres)).toBe(true);
    expect(existsSync(join(dir, 'pgdata', 'PG_VERSION'))).toBe(true); // PostgreSQL had begun
  });
});

function freePort(): Promise<number> {
  return occupyPort().then((server) => {
    const { port } = server.address() as { port: number };
    return new Promise((done) => server.close(() => done(port)));
  });
}

function occupyPort(): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}
