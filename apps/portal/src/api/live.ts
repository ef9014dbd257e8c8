import { createClient } from 'graphql-ws/client';
import type { TypedDocumentString } from './generated/graphql';
import { currentToken } from './graphql';

/** What a live subscription tells the page: each answer, and that live delivery is not (or no longer) to be had. */
export interface LiveHandlers<T> {
  /** The connection is open: what happened before it is for the caller to ask once. */
  readonly connected: () => void;
  readonly next: (data: T) => void;
  /** The connection could not be made, was refused, or ended: the page falls back to asking itself. */
  readonly unavailable: () => void;
}

/** How long a connection may take before the page stops counting on it (it may still open later). */
const CONNECT_WITHIN_MS = 10_000;

/** The API's live connection: the portal's own origin, `/graphql`, over ws (wss under https); the CSP's `connect-src 'self'` covers it. */
function liveUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * Subscribes to one of the portal's subscriptions over `graphql-ws`, with the session's token
 * sent when the connection opens (`connectionParams`, never in the URL). One connection per
 * subscription: the portal has one live page at a time. A couple of quick retries, then
 * `unavailable` once, and the caller stops counting on it. Returns the way to stop.
 */
export function subscribe<T, V extends Record<string, unknown>>(document: TypedDocumentString<T, V>, variables: V, handlers: LiveHandlers<T>): () => void {
  let stopped = false;
  let toldUnavailable = false;
  const unavailable = () => {
    if (stopped || toldUnavailable) return;
    toldUnavailable = true;
    handlers.unavailable();
  };
  // graphql-ws waits without end when a WebSocket cannot even be made (its constructor throws).
  const slow = setTimeout(unavailable, CONNECT_WITHIN_MS);
  const client = createClient({
    url: liveUrl(),
    connectionParams: () => {
      const token = currentToken();
      return token === null ? {} : { authorization: `Bearer ${token}` };
    },
    retryAttempts: 2,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, 1000 * (retries + 1))),
    on: {
      connected: () => {
        clearTimeout(slow);
        if (stopped) return;
        toldUnavailable = false;
        handlers.connected();
      },
    },
  });
  const unsubscribe = client.subscribe<T>(
    { query: document.toString(), variables },
    {
      next: (result) => {
        if (stopped) return;
        if (result.data !== undefined && result.data !== null) handlers.next(result.data);
        else unavailable();
      },
      error: unavailable,
      // The API ends a subscription when the reader's access ends: the page asks again and hears why.
      complete: unavailable,
    },
  );
  return () => {
    clearTimeout(slow);
    stopped = true;
    unsubscribe();
    void client.dispose();
  };
}
