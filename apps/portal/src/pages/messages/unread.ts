import { useEffect, useSyncExternalStore } from 'react';
import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';

const UNREAD = gql(`query OurUnreadThreads { ourThreads { id unreadCount } }`);

/*
 * The member's unread messages for the menu: per thread, as the API last counted them (the
 * list, a page read, a live event). Kept in memory for the session, like the token.
 */
const counts = new Map<string, number>();
const listeners = new Set<() => void>();
let total: number | null = null;

function changed(): void {
  total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  for (const listener of listeners) listener();
}

/** The counts of every thread in view (`ourThreads`), replacing what was known. */
export function noteUnreadThreads(threads: readonly { readonly id: string; readonly unreadCount: number | null }[]): void {
  counts.clear();
  for (const thread of threads) counts.set(thread.id, thread.unreadCount ?? 0);
  changed();
}

/** One thread's count, after a page was read or an event said so. */
export function noteUnread(threadId: string, unreadCount: number | null): void {
  if (counts.get(threadId) === (unreadCount ?? 0)) return;
  counts.set(threadId, unreadCount ?? 0);
  changed();
}

function forget(): void {
  counts.clear();
  total = null;
  for (const listener of listeners) listener();
}

/**
 * The member's unread messages, for the menu item: counted once when they sign in, then kept
 * up to date by the messages pages. Null before the first count, and for anyone not a member.
 */
export function useUnreadMessages(memberId: string | null): number | null {
  useEffect(() => {
    if (memberId === null) return;
    graphql(UNREAD).then(
      (d) => noteUnreadThreads(d.ourThreads),
      () => undefined, // the menu shows no count; the messages page says what went wrong
    );
    return forget;
  }, [memberId]);
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => total,
  );
}
