import type { Principal } from '@kring/identity';
import { ErrorCode, KringError } from '../common/kring-error';
import type { ThreadEvent } from './thread-event.model';

/** The limits of live delivery (docs/security.md, "Live connections"). */
export const LIVE_LIMITS = {
  /** Subscriptions one WebSocket connection holds at once. */
  subscriptionsPerConnection: 20,
  /** Subscriptions one caller (professional or member) holds at once on one gateway process, over all their connections. */
  subscriptionsPerPrincipal: 50,
  /** The largest message a client may send (a subscribe with its document and variables); larger closes the connection (1009). */
  messageBytes: 32 * 1024,
  /** Events queued for a subscriber that has not taken them yet; one more ends its subscription. */
  undeliveredEvents: 200,
  /** How long a connection may take to send its `connection_init` (graphql-ws closes it with 4408 after). */
  connectionInitMs: 5_000,
} as const;

/** A live limit broken, by name. */
export function liveLimitExceeded(limit: 'subscriptionsPerConnection' | 'subscriptionsPerPrincipal' | 'undeliveredEvents', message: string): KringError {
  return new KringError(ErrorCode.LIMIT_EXCEEDED, message, { limit, maximum: LIVE_LIMITS[limit] });
}

/** What a subscription yields: an event, or the error that ends it (its resolver throws it, so it reaches the client formatted). */
export type LiveItem = ThreadEvent | KringError;

/** Who subscribed to which thread, in which request. */
export interface LiveSubscriber {
  readonly principal: Principal;
  readonly familyId: string;
  readonly threadId: string;
  readonly traceId: string;
}

/**
 * One subscriber's events, in the order they were pushed, as the async iterator graphql-ws
 * reads. At most `LIVE_LIMITS.undeliveredEvents` wait to be taken (the socket's backpressure
 * holds graphql-ws back from taking more); one more drops them and ends the subscription with
 * LIMIT_EXCEEDED. `finish` ends it after what is queued, with a last item (THREAD_CLOSED, or an
 * error); `return` (the client completed, or the connection closed) ends it at once. Either way
 * `ended` is called once, and nothing is pushed after.
 */
export class LiveSubscription implements AsyncIterableIterator<LiveItem> {
  private readonly queue: LiveItem[] = [];
  private waiting: ((result: IteratorResult<LiveItem>) => void) | null = null;
  private ending = false;

  constructor(
    readonly subscriber: LiveSubscriber,
    private readonly ended: (subscription: LiveSubscription) => void,
  ) {}

  /** Whether it still takes events. */
  get open(): boolean {
    return !this.ending;
  }

  push(event: ThreadEvent): void {
    if (this.ending) return;
    if (this.queue.length >= LIVE_LIMITS.undeliveredEvents) {
      this.queue.length = 0;
      this.finish(liveLimitExceeded('undeliveredEvents', `More than ${LIVE_LIMITS.undeliveredEvents} events waited for you to take them, so this subscription ended. Read the thread's newest page and subscribe again.`));
      return;
    }
    this.deliver(event);
  }

  /** Ends after what is queued, with `last` as its final item. */
  finish(last?: LiveItem): void {
    if (this.ending) return;
    if (last !== undefined) this.deliver(last);
    this.ending = true;
    this.ended(this);
    if (this.queue.length === 0) this.release();
  }

  next(): Promise<IteratorResult<LiveItem>> {
    const item = this.queue.shift();
    if (item !== undefined) return Promise.resolve({ done: false, value: item });
    if (this.ending) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<LiveItem>> {
    this.queue.length = 0;
    if (!this.ending) {
      this.ending = true;
      this.ended(this);
    }
    this.release();
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private deliver(item: LiveItem): void {
    const waiting = this.waiting;
    if (waiting === null) {
      this.queue.push(item);
      return;
    }
    this.waiting = null;
    waiting({ done: false, value: item });
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.({ done: true, value: undefined });
  }
}
