import type { EventEmitter } from 'node:events';
import type { Logger } from 'pino';

const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof STOP_SIGNALS;

/** How long closing may take before the process exits regardless. */
export const CLOSE_PATIENCE_MS = 20_000;

export interface WayOutOptions {
  /** Closes what the process opened; for a gateway or command on the embedded PostgreSQL, that ends with stopping it. */
  readonly close: () => Promise<void>;
  readonly logger: Pick<Logger, 'info' | 'error' | 'fatal'>;
  /**
   * What a stop signal means: `requested` for a server, whose stop is asked for (exit 0);
   * `interrupted` for a command cut short (exit 128 + the signal's number, as a shell reports it).
   */
  readonly signalMeans: 'requested' | 'interrupted';
  /** `process` unless a test gives its own. */
  readonly events?: Pick<EventEmitter, 'on'>;
  readonly exit?: (code: number) => void;
  readonly patienceMs?: number;
}

/**
 * Closes the process on every way out it can catch: SIGINT, SIGTERM, SIGHUP, an uncaught
 * exception or unhandled rejection (logged first), and the returned `end(code)` for the
 * caller's own (a start that failed after PostgreSQL began). It closes once; a second
 * signal meanwhile changes nothing, and after the patience the process exits anyway.
 * A kill -9, or V8 running out of memory, cannot be caught: the next start of the
 * embedded PostgreSQL stops what such an end left running.
 */
export function closeOnEveryWayOut(options: WayOutOptions): (code: number) => Promise<void> {
  const events = options.events ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const { logger } = options;
  let ending: Promise<void> | null = null;
  const end = (code: number): Promise<void> => {
    ending ??= closeWithin(options.close, options.patienceMs ?? CLOSE_PATIENCE_MS).then(
      () => exit(code),
      (error: unknown) => {
        logger.error({ err: error }, 'closing failed');
        exit(code === 0 ? 1 : code);
      },
    );
    return ending;
  };
  for (const [signal, number] of Object.entries(STOP_SIGNALS) as [StopSignal, number][]) {
    events.on(signal, () => {
      logger.info({ signal }, ending === null ? 'shutting down' : 'already shutting down');
      void end(options.signalMeans === 'requested' ? 0 : 128 + number);
    });
  }
  events.on('uncaughtException', (error: unknown) => {
    logger.fatal({ err: error }, 'uncaught exception: shutting down');
    void end(1);
  });
  events.on('unhandledRejection', (reason: unknown) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection: shutting down');
    void end(1);
  });
  return end;
}

async function closeWithin(close: () => Promise<void>, patienceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`closing took longer than ${patienceMs / 1000} s`)), patienceMs);
  });
  try {
    await Promise.race([close(), late]);
  } finally {
    clearTimeout(timer);
  }
}
