import { useSyncExternalStore } from 'react';

/**
 * The names the officer's page knows for the ids in its filters and table, in this tab's
 * memory only (never in the URL, never in browser storage): members and families the officer
 * looked up (each lookup is logged by the API), professionals the log or a lookup named. The
 * page never decrypts a member's name to show a log entry: a member is named where the officer
 * looked them up, by id elsewhere (docs/access-log.md).
 */
const names = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;

export function rememberNames(found: Iterable<readonly [string, string]>): void {
  let changed = false;
  for (const [id, name] of found) {
    const key = id.toLowerCase();
    if (names.get(key) !== name) {
      names.set(key, name);
      changed = true;
    }
  }
  if (!changed) return;
  version += 1;
  for (const listener of listeners) listener();
}

/** A function from id to the name known for it (null when none), re-rendering when names are learnt. */
export function useKnownNames(): (id: string | null | undefined) => string | null {
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
  return (id) => (id === null || id === undefined || id === '' ? null : (names.get(id.toLowerCase()) ?? null));
}
