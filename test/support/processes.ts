import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether the process still runs; one that ended but that init has not reaped yet (a zombie) does not. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The pid in the PostgreSQL lock file of a Kring data folder (`<dir>/pgdata/postmaster.pid`), or null without one. */
export function postmasterPid(dir: string): number | null {
  try {
    return Number(readFileSync(join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}
