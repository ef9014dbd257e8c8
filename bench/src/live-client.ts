import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One `next` a subscription received, with when it arrived (performance.now()). */
export interface LiveItem<T> {
  readonly data: T | null | undefined;
  readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined;
  readonly at: number;
}

/** One subscription's items as they arrive, and how it ended. */
export interface LiveFeed<T> {
  readonly items: LiveItem<T>[];
  /** Resolves when the server completed it (`complete`), or with the error that ended it (an `error` message, or the connection's close event). */
  readonly ended: Promise<{ readonly completed: true } | { readonly completed: false; readonly error: unknown }>;
  /** Resolves once `count` items arrived (rejects after `timeoutMs`). */
  until(count: number, timeoutMs?: number): Promise<LiveItem<T>[]>;
  /** Ends it from the client's side. */
  stop(): void;
}

/** A graphql-ws connection to a gateway, authenticated with `token` (none: no connectionParams). */
export interface LiveConnection {
  /** Resolves with the close code once the connection closed. */
  readonly closed: Promise<number>;
  subscribe<T>(query: string, variables: Record<string, unknown>): LiveFeed<T>;
  /** Opens the connection now (otherwise the first subscription does); resolves once it is acknowledged, rejects when it is refused. */
  connected(): Promise<void>;
  dispose(): Promise<void>;
}

/** A `graphql-ws` client over `ws`, as a browser's would talk to the gateway: no retries, so a refusal is seen as it is. */
export function connectLive(url: string, token: string | null): LiveConnection {
  let closedWith: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (closedWith = resolve));
  let acknowledged: () => void = () => undefined;
  let refused: (reason: unknown) => void = () => undefined;
  const ack = new Promise<void>((resolve, reject) => {
    acknowledged = resolve;
    refused = reject;
  });
  ack.catch(() => undefined);
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazyCloseTimeout: 60_000,
    on: {
      connected: () => acknowledged(),
      closed: (event) => {
        const code = (event as { code?: number }).code ?? 0;
        refused(new Error(`closed with ${code}`));
        closedWith(code);
      },
    },
  });
  return {
    closed,
    subscribe<T>(query: string, variables: Record<string, unknown>): LiveFeed<T> {
      const items: LiveItem<T>[] = [];
      const waiters: (() => void)[] = [];
      let settle: (how: { readonly completed: true } | { readonly completed: false; readonly error: unknown }) => void = () => undefined;
      const ended = new Promise<{ readonly completed: true } | { readonly completed: false; readonly error: unknown }>((resolve) => (settle = resolve));
      const stop = client.subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            items.push({ data: result.data, errors: result.errors, at: performance.now() });
            for (const wake of waiters.splice(0)) wake();
          },
          error: (error) => {
            settle({ completed: false, error });
            for (const wake of waiters.splice(0)) wake();
          },
          complete: () => {
            settle({ completed: true });
            for (const wake of waiters.splice(0)) wake();
          },
        },
      );
      let done = false;
      void ended.then(() => (done = true));
      return {
        items,
        ended,
        stop,
        async until(count: number, timeoutMs = 10_000) {
          const deadline = Date.now() + timeoutMs;
          while (items.length < count) {
            if (done) throw new Error(`the subscription ended after ${items.length} of ${count} items`);
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`${items.length} of ${count} items arrived within ${timeoutMs} ms`);
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, left);
              waiters.push(() => {
                clearTimeout(timer);
                resolve();
              });
            });
          }
          return items.slice(0, count);
        },
      };
    },
    async connected() {
      // A subscription to nothing opens the connection; the acknowledgement is what counts.
      const probe = client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      try {
        await ack;
      } finally {
        probe();
      }
    },
    async dispose() {
      await client.dispose();
    },
  };
}
