import pg from 'pg';
import type { Logger } from 'pino';

/** What a listener tells its owner. */
export interface ListenerHandlers {
  /** A notification on the channel, after the transaction that sent it committed. */
  onNotification(payload: string): void;
  /** Listening (again): whatever was announced while nobody listened was missed. */
  onListening(): void;
  /** The connection was lost: nothing is heard until `onListening`. */
  onLost(): void;
}

export interface PostgresListenerOptions {
  readonly url: string;
  readonly channel: string;
  /** The connection's `application_name`, as pg_stat_activity shows it. */
  readonly applicationName: string;
  /** Logged at warn when the connection is lost (what the owner does meanwhile). */
  readonly lostMessage: string;
  /** Wait before listening again after the connection was lost. */
  readonly retryMs?: number;
}

/**
 * LISTEN on one channel over a connection of its own (never a pooled one: a pooled connection
 * goes back to the pool and stops hearing), opened again after a wait whenever it fails or
 * ends. PostgreSQL delivers a channel's notifications in the order their transactions
 * committed, and drops those of a transaction that rolled back.
 */
export class PostgresListener {
  private client: pg.Client | null = null;
  /** A connection being opened, not yet listening. */
  private pending: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly retryMs: number;

  constructor(
    private readonly options: PostgresListenerOptions,
    private readonly logger: Logger,
    private readonly handlers: ListenerHandlers,
  ) {
    this.retryMs = options.retryMs ?? 1_000;
  }

  /** True while notifications reach this process. */
  get isListening(): boolean {
    return this.listening;
  }

  /** Starts listening; when that fails, it tries again after the wait. */
  async start(): Promise<void> {
    await this.listen();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retry !== null) clearTimeout(this.retry);
    const clients = [this.client, this.pending];
    this.client = null;
    this.pending = null;
    for (const client of clients) await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const { url, channel, applicationName } = this.options;
    const client = new pg.Client({ connectionString: url, application_name: applicationName });
    this.pending = client;
    client.on('notification', (message) => {
      if (message.channel === channel && !this.closed) this.handlers.onNotification(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch {
      if (this.pending === client) {
        this.pending = null;
        this.retryLater(client);
      }
      return;
    }
    this.pending = null;
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.listening = true;
    this.handlers.onListening();
  }

  /** The listening connection failed or ended. */
  private lost(client: pg.Client, error: unknown): void {
    if (client === this.pending) return; // still connecting: listen() sees the failure itself
    if (client !== this.client) return; // a connection already given up
    this.client = null;
    this.listening = false;
    this.handlers.onLost();
    if (this.closed) return;
    this.logger.warn({ channel: this.options.channel, err: { name: (error as Error | null)?.name, code: (error as { code?: string } | null)?.code } }, this.options.lostMessage);
    this.retryLater(client);
  }

  private retryLater(client: pg.Client): void {
    void client.end().catch(() => undefined);
    if (this.closed || this.retry !== null) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.listen();
    }, this.retryMs);
    this.retry.unref();
  }
}

/** Opens listeners on this process's database: each on a connection of its own. */
export class PostgresListeners {
  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  /** A listener on `channel`, not started yet. */
  open(options: Omit<PostgresListenerOptions, 'url'>, handlers: ListenerHandlers): PostgresListener {
    return new PostgresListener({ ...options, url: this.url }, this.logger, handlers);
  }
}
