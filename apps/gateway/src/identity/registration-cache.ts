import type { Logger } from 'pino';
import { PostgresListener } from '../infrastructure/postgres-listener';

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
  private readonly now: () => number;
  private generation = 0;
  private readonly listener: PostgresListener;

  constructor(url: string, logger: Logger, options: RegistrationCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.now = options.now ?? Date.now;
    this.listener = new PostgresListener(
      {
        url,
        channel: REGISTRATIONS_CHANNEL,
        applicationName: 'kring-registrations',
        lostMessage: 'registration changes are not heard: professionals are looked up on every request until listening again',
        ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
      },
      logger,
      // Whatever changed while nobody listened is forgotten on listening again; while lost, nothing is remembered.
      { onNotification: () => this.forgetAll(), onListening: () => this.forgetAll(), onLost: () => this.forgetAll() },
    );
  }

  /** True while changes reach this gateway; only then is anything remembered. */
  get isListening(): boolean {
    return this.listener.isListening;
  }

  /** Starts listening; when that fails, the gateway works without remembering, and tries again. */
  async start(): Promise<void> {
    await this.listener.start();
  }

  /** The remembered value of `key`, or what `load` reads; `undefined` (nobody registered) is never remembered. */
  async remembered(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const started = this.now();
    if (this.isListening) {
      const hit = this.entries.get(key);
      if (hit !== undefined && started - hit.at < this.ttlMs) return hit.value;
    }
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && this.isListening && generation === this.generation) {
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
    await this.listener.close();
    this.forgetAll();
  }
}
