import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Beside the cluster: the process that started its PostgreSQL, which stays that PostgreSQL's parent while it lives. */
const OWNER_FILE = 'pg-owner.pid';
/** A fast shutdown writes a checkpoint first; with a large buffer cache that can take a while. */
const SHUTDOWN_PATIENCE_MS = 60_000;

/** Records this process as the one that starts the folder's PostgreSQL. */
export async function recordOwner(dir: string): Promise<void> {
  await writeFile(join(dir, OWNER_FILE), `${process.pid}\n`);
}

/**
 * Frees the data folder for a start, deciding by PostgreSQL's lock file (postmaster.pid):
 * - none, or its process is gone: nothing to do (PostgreSQL replaces a stale file itself);
 * - a live process that is no PostgreSQL serving this folder (a pid reused after a reboot,
 *   a folder copied while its server ran): the file is stale and is removed; that process
 *   is left alone;
 * - this folder's PostgreSQL, still the child of the process that started it: another
 *   Kring process uses it, and the start is refused, naming that process;
 * - this folder's PostgreSQL whose starter is gone (kill -9, out of memory): a leftover,
 *   stopped with a fast shutdown before the start goes on.
 * Where the process cannot be inspected (no /proc), a live lock is refused as before.
 */
export async function clearLeftoverPostgres(dir: string, dataDir: string, log: (message: string) => void): Promise<void> {
  const lockFile = join(dataDir, 'postmaster.pid');
  const pid = await lockFilePid(lockFile);
  if (pid === null || !isRunning(pid)) return;
  const found = await inspect(pid);
  if (found === 'gone') return;
  if (found === null) {
    throw new Error(`the embedded PostgreSQL in ${dataDir} may still be running (pid ${pid}); stop the other Kring process, or that PostgreSQL with: kill -INT ${pid}`);
  }
  if (!servesFolder(found.argv, dataDir)) {
    log(`postmaster.pid in ${dataDir} names pid ${pid}, which is no PostgreSQL of this folder: removing the stale file, leaving that process alone`);
    await rm(lockFile, { force: true });
    return;
  }
  const owner = await lockFilePid(join(dir, OWNER_FILE));
  if (owner !== null && found.parentPid === owner) {
    throw new Error(`the embedded PostgreSQL in ${dataDir} is in use by another Kring process (pid ${owner}); stop that process first, or give this one another KRING_DATA_DIR`);
  }
  log(`stopping the PostgreSQL (pid ${pid}) that an earlier Kring process left running in ${dataDir}`);
  await stopAndWait(pid, lockFile);
}

async function lockFilePid(file: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** True for a live process, also one of another user (EPERM); a zombie (ended, not yet reaped) counts as gone. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!hasProc()) return true;
  try {
    return statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'))[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Its command line and parent, from /proc; 'gone' if it ended meanwhile; null where it cannot be inspected. */
async function inspect(pid: number): Promise<{ argv: string[]; parentPid: number } | 'gone' | null> {
  if (!hasProc()) return null;
  try {
    const [cmdline, stat] = await Promise.all([readFile(`/proc/${pid}/cmdline`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
    return { argv: cmdline.split('\0').filter((a) => a !== ''), parentPid: Number(statFields(stat)[1]) };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : null;
  }
}

function hasProc(): boolean {
  return existsSync('/proc/self/stat');
}

/** The fields of /proc/<pid>/stat after the command name (which may itself hold spaces and parentheses): state, parent pid, ... */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** A postmaster's own command line is never rewritten: `postgres -D <data dir> ...`. */
function servesFolder(argv: readonly string[], dataDir: string): boolean {
  const program = argv[0];
  const given = argv[argv.indexOf('-D') + 1];
  if (program === undefined || basename(program) !== 'postgres' || argv.indexOf('-D') < 0 || given === undefined) return false;
  return samePath(given, dataDir);
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

async function stopAndWait(pid: number, lockFile: string): Promise<void> {
  process.kill(pid, 'SIGINT'); // fast shutdown: ends its sessions, writes a checkpoint, removes postmaster.pid
  const giveUpAt = Date.now() + SHUTDOWN_PATIENCE_MS;
  while (isRunning(pid) || (await lockFilePid(lockFile)) === pid) {
    if (Date.now() > giveUpAt) {
      throw new Error(`the PostgreSQL (pid ${pid}) an earlier Kring process left running did not stop within ${SHUTDOWN_PATIENCE_MS / 1000} s; stop it with: kill -INT ${pid}`);
    }
    await sleep(50);
  }
}
