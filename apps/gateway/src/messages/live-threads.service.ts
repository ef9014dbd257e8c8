import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, KringLogger } from '@kring/config';
import { KringCrypto } from '@kring/crypto';
import type { Principal } from '@kring/identity';
import { PurposeCatalogue } from '@kring/policy';
import { AuditService, type AuditContext } from '../access-log/audit.service';
import { ErrorCode, KringError } from '../common/kring-error';
import { PostgresListeners, type PostgresListener } from '../infrastructure/postgres-listener';
import { decideDeliveries, principalKey, type Change, type Delivery } from './live-deliveries';
import { LIVE_LIMITS, liveLimitExceeded, LiveSubscription, type LiveSubscriber } from './live-subscription';
import { ThreadPresenter } from './thread-presenter';
import { refusedReading, threadReading } from './thread-reading';
import { served, ThreadScopes } from './thread-scope';
import { threadEntries, threadTarget } from './thread-entries';

/** The channel the message and access triggers notify (migration NotifyThreadEvents). */
export const THREAD_EVENTS_CHANNEL = 'kring_thread_events';

/** The most changes of one family handled in one transaction. */
const BATCH = 100;

/** How often every family with subscribers here is decided again, for what lapses with time alone (a consent's end, a birthday, a grant's expiry). */
const RECHECK_MS = 60_000;

/**
 * Live delivery of a family's messages (docs/messages.md, "Live"). A subscription is decided
 * as `threadMessages` decides a page, and logged alike. Every committed post, withdrawal or
 * change of access reaches every gateway process through PostgreSQL (LISTEN on
 * `kring_thread_events`, ids only); each process then handles a family's changes in commit
 * order, one batch at a time (the changes heard while the last batch was handled):
 * `decideDeliveries` reads the family's state once, after the commits, decides every subscriber
 * of this process by the one rule of `threadMessages`, opens each message once, and logs each
 * read (one append for all); after the commit each allowed subscriber gets its events and one
 * the rule no longer allows THREAD_CLOSED, after which its subscription completes. A live
 * delivery does not move the read marker.
 */
@Injectable()
export class LiveThreads implements OnModuleInit, OnModuleDestroy {
  /** This process's subscriptions, by thread. */
  private readonly byThread = new Map<string, Set<LiveSubscription>>();
  /** How many subscriptions each caller holds on this process. */
  private readonly perPrincipal = new Map<string, number>();
  /** Per family, the changes heard and not yet handled, in commit order. */
  private readonly pending = new Map<string, Change[]>();
  /** Per family, the batch of changes being handled: one batch at a time. */
  private readonly running = new Map<string, Promise<void>>();
  /** Per thread, the newest message number handed out. */
  private readonly postedUpTo = new Map<string, number>();
  private readonly presenter: ThreadPresenter;
  private readonly listener: PostgresListener;
  private heard = false;
  private recheck: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scopes: ThreadScopes,
    private readonly logger: KringLogger,
    listeners: PostgresListeners,
  ) {
    this.presenter = new ThreadPresenter(crypto);
    this.listener = listeners.open(
      { channel: THREAD_EVENTS_CHANNEL, applicationName: 'kring-thread-events', lostMessage: 'thread events are not heard: live subscriptions of this gateway are ended until listening again' },
      {
        onNotification: (payload) => this.heardChange(payload),
        onListening: () => (this.heard = true),
        // What was posted while nobody listened would be missed without a word: every subscription ends, so that its client subscribes again and reads the page.
        onLost: () => {
          this.heard = false;
          this.endAll(interrupted());
        },
      },
    );
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
    this.recheck = setInterval(() => {
      const families = new Set([...this.byThread.values()].flatMap((set) => [...set].map((s) => s.subscriber.familyId)));
      for (const familyId of families) this.enqueue({ kind: 'ACCESS', familyId });
    }, RECHECK_MS);
    this.recheck.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.recheck !== null) clearInterval(this.recheck);
    this.endAll(interrupted());
    await this.listener.close();
    await Promise.all(this.running.values());
  }

  /** How many subscriptions this process holds for a thread (tests and the benchmark wait on it). */
  subscribers(threadId: string): number {
    return this.byThread.get(threadId.toLowerCase())?.size ?? 0;
  }

  /**
   * Subscribes the caller to a thread's events from now on, if `threadMessages` would serve
   * them a page now; refused as it would be refused (NOT_FOUND, FORBIDDEN NOT_A_PARTICIPANT or
   * THREAD_CLOSED), and logged alike. A subscription taken is logged READ_THREAD about the
   * thread's subjects, with nothing served yet.
   */
  async subscribe(principal: Principal, threadId: string, traceId: string): Promise<LiveSubscription> {
    if (!this.heard) throw interrupted();
    const key = principalKey(principal);
    if ((this.perPrincipal.get(key) ?? 0) >= LIVE_LIMITS.subscriptionsPerPrincipal) {
      throw liveLimitExceeded('subscriptionsPerPrincipal', `You hold ${LIVE_LIMITS.subscriptionsPerPrincipal} live subscriptions on this gateway already; end one first.`);
    }
    const context: AuditContext = { principal, traceId, at: this.clock.now() };
    const subscriber = await this.scopes.run(context, 'READ_THREAD', { kind: 'THREAD', id: threadId }, {}, async (manager, scope) => {
      const reading = threadReading(scope, threadId);
      if (reading.kind !== 'OPEN') return refusedReading(scope, threadId, reading);
      const { thread, decision } = reading;
      await this.audit.record(manager, context, threadEntries('READ_THREAD', scope, [{ thread, targets: [threadTarget(thread, decision, [])] }]));
      return served({ principal, familyId: thread.familyId, threadId: thread.id, traceId });
    });
    return this.register(subscriber);
  }

  private register(subscriber: LiveSubscriber): LiveSubscription {
    const key = principalKey(subscriber.principal);
    const subscription = new LiveSubscription(subscriber, (ended) => this.unregister(ended));
    const set = this.byThread.get(subscriber.threadId) ?? new Set();
    set.add(subscription);
    this.byThread.set(subscriber.threadId, set);
    this.perPrincipal.set(key, (this.perPrincipal.get(key) ?? 0) + 1);
    return subscription;
  }

  private unregister(subscription: LiveSubscription): void {
    const { threadId, principal } = subscription.subscriber;
    const set = this.byThread.get(threadId);
    if (set?.delete(subscription) !== true) return;
    if (set.size === 0) {
      this.byThread.delete(threadId);
      this.postedUpTo.delete(threadId);
    }
    const key = principalKey(principal);
    const left = (this.perPrincipal.get(key) ?? 1) - 1;
    if (left === 0) this.perPrincipal.delete(key);
    else this.perPrincipal.set(key, left);
  }

  private endAll(error: KringError): void {
    for (const set of [...this.byThread.values()]) for (const subscription of [...set]) subscription.finish(error);
  }

  /** A notification: handled after the family's earlier changes, if this process has a subscriber it may concern. */
  private heardChange(payload: string): void {
    const change = parseChange(payload);
    if (change !== null) this.enqueue(change);
  }

  /**
   * A change for the family's queue, if this process has a subscriber it may concern. While a
   * batch is handled, the changes heard meanwhile wait and are handled together next (at most
   * BATCH): under load a family's changes share one read, one decision per caller and one append.
   */
  private enqueue(change: Change): void {
    if (this.concerned(change).length === 0) return;
    const { familyId } = change;
    const waiting = this.pending.get(familyId);
    if (waiting === undefined) this.pending.set(familyId, [change]);
    else waiting.push(change);
    if (!this.running.has(familyId)) this.running.set(familyId, this.drain(familyId));
  }

  /** Handles a family's waiting changes, a batch at a time, until none wait; then it is no longer running (decided in the same step, so no change is left behind). */
  private async drain(familyId: string): Promise<void> {
    for (;;) {
      const waiting = this.pending.get(familyId);
      if (waiting === undefined || waiting.length === 0) {
        this.pending.delete(familyId);
        this.running.delete(familyId);
        return;
      }
      await this.handle(waiting.splice(0, BATCH));
    }
  }

  /** The open subscriptions a change may concern: a message's thread's, or every thread's of the family. */
  private concerned(change: Change): LiveSubscription[] {
    if (change.kind !== 'ACCESS') return [...(this.byThread.get(change.threadId) ?? [])].filter((s) => s.open);
    return [...this.byThread.values()].flatMap((set) => [...set]).filter((s) => s.open && s.subscriber.familyId === change.familyId);
  }

  /** A batch of a family's changes, for every subscriber they concern: decided, served, logged in one transaction; handed over after its commit. */
  private async handle(changes: readonly Change[]): Promise<void> {
    const subscriptions = [...new Set(changes.flatMap((c) => this.concerned(c)))];
    if (subscriptions.length === 0) return;
    const tools = { crypto: this.crypto, catalogue: this.catalogue, presenter: this.presenter, at: this.clock.now(), postedUpTo: this.postedUpTo };
    let deliveries: Delivery[];
    try {
      deliveries = await this.dataSource.transaction(async (manager) => {
        const decided = await decideDeliveries(manager, tools, changes, subscriptions);
        await this.audit.recordEach(manager, decided.reads);
        return decided.deliveries;
      });
    } catch (error) {
      // Nothing was served: the log could not be written (AUDIT_UNAVAILABLE), or the database failed.
      if (!(error instanceof KringError)) this.logger.error({ err: { name: (error as Error).name, code: (error as { code?: string }).code } }, 'thread events could not be delivered');
      const ending = error instanceof KringError ? error : interrupted();
      for (const subscription of subscriptions) subscription.finish(ending);
      return;
    }
    for (const { subscription, events, end } of deliveries) {
      const last = events.length - 1;
      events.forEach((event, i) => (end === 'closed' && i === last ? subscription.finish(event) : subscription.push(event)));
      if (end !== null && end !== 'closed') subscription.finish(end);
    }
  }
}

/** Live delivery cannot go on: subscribe again, and read the page for what was missed. */
function interrupted(): KringError {
  return new KringError(ErrorCode.LIVE_INTERRUPTED, 'Live delivery was interrupted on this gateway. Subscribe again, and read the thread\'s newest page for what you may have missed.');
}

/** A notification's payload, or null when it is not one of ours. */
function parseChange(payload: string): Change | null {
  try {
    const change = JSON.parse(payload) as Partial<Record<'kind' | 'familyId' | 'threadId' | 'messageId', unknown>>;
    const { kind, familyId, threadId, messageId } = change;
    if (typeof familyId !== 'string') return null;
    if (kind === 'ACCESS') return { kind, familyId };
    if ((kind === 'POSTED' || kind === 'WITHDRAWN') && typeof threadId === 'string' && typeof messageId === 'string') return { kind, familyId, threadId, messageId };
    return null;
  } catch {
    return null;
  }
}

/** A trace id for a subscription (a WebSocket has no request of its own to carry one). */
export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}
