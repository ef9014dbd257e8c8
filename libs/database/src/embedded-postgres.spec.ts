import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { transpileFolder, type TranspiledFolder } from '../../../test/support/child-process-module';
import { isAlive, postmasterPid } from '../../../test/support/processes';
import { defaultSharedBuffersMb, startEmbeddedPostgres } from './embedded-postgres';

describe("the embedded PostgreSQL's buffer cache", () => {
  const gib = 2 ** 30;

  it('is a quarter of the machine memory', () => {
    expect(defaultSharedBuffersMb(8 * gib)).toBe(2048);
  });

  it("is never below PostgreSQL's own default nor above 8 GB", () => {
    expect(defaultSharedBuffersMb(256 * 2 ** 20)).toBe(128);
    expect(defaultSharedBuffersMb(24 * gib)).toBe(6144);
    expect(defaultSharedBuffersMb(512 * gib)).toBe(8192);
  });
});

/**
 * A gateway that dies without closing (kill -9, or V8 running out of memory) leaves its
 * PostgreSQL running. The next start on the same folder stops that leftover and goes on;
 * it never stops a PostgreSQL of another folder, a process that is no PostgreSQL, or the
 * PostgreSQL a live Kring process still uses.
 */
describe('the embedded PostgreSQL after a crash', () => {
  let compiled: TranspiledFolder;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    compiled = await transpileFolder(resolve('libs/database/src'));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await compiled.remove();
  });

  /** A data folder of its own; as root PostgreSQL runs as the postgres user, who must be able to enter it. */
  const dataFolder = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kring-pg-crash-'));
    await chmod(dir, 0o755);
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };
  const start = async (dir: string) => {
    const running = await startEmbeddedPostgres({ dir, port: null });
    cleanups.push(() => running.stop());
    return running;
  };
  const answers = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one === 1;
    } finally {
      await client.end();
    }
  };
  /** A process that is no PostgreSQL, to name in a lock file. */
  const bystander = () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    cleanups.push(async () => {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    });
    return child;
  };

  it('a PostgreSQL left running on this folder by a process killed with kill -9 is stopped, and the next start succeeds', async () => {
    const dir = await dataFolder();
    // The "gateway": a child process running startEmbeddedPostgres, killed the way nothing can catch.
    const gateway = spawn(process.execPath, ['-e', `require(${JSON.stringify(join(compiled.dir, 'embedded-postgres.js'))}).startEmbeddedPostgres({ dir: process.env.PG_DIR, port: null }).then(() => console.log('ready')); setInterval(() => {}, 1000);`], {
      env: { ...process.env, PG_DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [ready] = (await once(gateway.stdout, 'data')) as [Buffer];
    expect(ready.toString()).toContain('ready');
    const leftover = postmasterPid(dir) as number;
    cleanups.push(() => Promise.resolve(isAlive(leftover) && process.kill(leftover, 'SIGINT')));
    gateway.kill('SIGKILL');
    await once(gateway, 'exit');
    expect(isAlive(leftover)).toBe(true); // the orphan runs on, as after a real crash

    const sut = await start(dir);

    expect(isAlive(leftover)).toBe(false);
    expect(postmasterPid(dir)).not.toBe(leftover);
    expect(await answers(sut.adminUrl)).toBe(true);
  });

  it('a lock file naming a live process that is no PostgreSQL of this folder is stale: that process is left alone, and PostgreSQL starts', async () => {
    const dir = await dataFolder();
    await (await start(dir)).stop();
    const other = bystander();
    await writeFile(join(dir, 'pgdata', 'postmaster.pid'), `${other.pid}\n${join(dir, 'pgdata')}\n1796405412\n5432\n`);

    const sut = await start(dir);

    expect(await answers(sut.adminUrl)).toBe(true);
    expect(other.exitCode).toBeNull();
    expect(other.signalCode).toBeNull();
    expect(isAlive(other.pid as number)).toBe(true);
  });

  it('a lock file copied from another folder whose PostgreSQL runs leaves that PostgreSQL alone', async () => {
    const theirFolder = await dataFolder();
    const theirs = await start(theirFolder);
    const dir = await dataFolder();
    await (await start(dir)).stop();
    await writeFile(join(dir, 'pgdata', 'postmaster.pid'), await readFile(join(theirFolder, 'pgdata', 'postmaster.pid')));

    const sut = await start(dir);

    expect(await answers(sut.adminUrl)).toBe(true);
    expect(await answers(theirs.adminUrl)).toBe(true);
  });

  it('a PostgreSQL of this folder that a live Kring process uses is not stopped: the second start refuses and names that process', async () => {
    const dir = await dataFolder();
    const first = await start(dir);

    await expect(startEmbeddedPostgres({ dir, port: null })).rejects.toThrow(`in use by another Kring process (pid ${process.pid})`);
    expect(await answers(first.adminUrl)).toBe(true);
  });
});
