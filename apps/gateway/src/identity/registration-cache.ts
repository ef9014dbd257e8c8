import pg from 'pg';
import type { Logger } from 'pino';

/** The channel the registration triggers notify (migration NotifyRegistrationChanges). */
export const REGISTRATIONS_CHANNEL = 'kring_registrations';

export interface RegistrationCacheOptions {
  /** How long an entry is trusted at most, even when nothing was announced. */
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  /** Wait before listening again after the connection was lost. */
  readonly retryMs?: number;
  readonly now?: () => number;
}

/**
 * Registrations (who a token's subject is, in which organisation, with which roles)
 * remembered between requests, so that a request need not look its professional up in
 * PostgreSQL every time: that lookup was a third of a headline read's round trips.
 *
 * Every change to the `professional` and `organisation` tables notifies the channel
 * `kring_registrations` when it commits; this gateway listens on a connection of its own
 * and forgets everything it remembered when the channel speaks. That is the one kind of
 * cache DESIGN.md §8 allows, invalidated through LISTEN/NOTIFY, and it keeps gateways
 * free of state another replica would need.
 *
 * - While the connection is not listening (starting, lost, reconnecting), nothing is
 *   remembered and every request reads PostgreSQL: a change can never be missed.
 *   Listening again starts from an empty cache.
 * - A lookup that began before a change was announced is not remembered.
 * - An entry is trusted for at most a minute, announced or not.
 * - What is left: between a change's commit and its notification's arrival (well under
 *   a millisecond on one machine), a request can still see the registration as it was.
 *   The one-minute trust in a verified token (docs/decisions.md) is the larger window.
 */
export class RegistrationCache<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly at: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly retryMs: number;
  private readonly now: () => number;
  private generation = 0;
  private client: pg.Client | null = null;
  /** A connection being opened, not yet listening. */
  private pending: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    options: RegistrationCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.retryMs = options.retryMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** True while changes reach this gateway; only then is anything remembered. */
  get isListening(): boolean {
    return this.listening;
  }

  /** Starts listening; when that fails, the gateway works without remembering, and tries again. */
  async start(): Promise<void> {
    await this.listen();
  }

  /** The remembered value of `key`, or what `load` reads; `undefined` (nobody registered) is never remembered. */
  async remembered(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const started = this.now();
    if (this.listening) {
      const hit = this.entries.get(key);
      if (hit !== undefined && started - hit.at < this.ttlMs) return hit.value;
    }
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && this.listening && generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear(); // rare; simpler than ageing, and always safe
      this.entries.set(key, { value, at: started });
    }
    return value;
  }

  /** Forgets everything, and anything a lookup under way would remember. */
  forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    this.forgetAll();
    if (this.retry !== null) clearTimeout(this.retry);
    const clients = [this.client, this.pending];
    this.client = null;
    this.pending = null;
    for (const client of clients) await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'kring-registrations' });
    this.pending = client;
    client.on('notification', (message) => {
      if (message.channel === REGISTRATIONS_CHANNEL) this.forgetAll();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${REGISTRATIONS_CHANNEL}`);
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
    this.forgetAll(); // whatever changed while nobody listened
    this.listening = true;
  }

  /** The listening connection failed or ended: remember nothing until listening again. */
  private lost(client: pg.Client, error: unknown): void {
    if (client === this.pending) return; // still connecting: listen() sees the failure itself
    if (client !== this.client) return; // a connection already given up
    this.client = null;
    this.listening = false;
    this.forgetAll();
    if (this.closed) return;
    this.logger.warn(
      { err: { name: (error as Error | null)?.name, code: (error as { code?: string } | null)?.code } },
      'registration changes are not heard: professionals are looked up on every request until listening again',
    );
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
