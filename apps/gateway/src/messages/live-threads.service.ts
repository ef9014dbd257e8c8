import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock, KringLogger } from '@kring/config';
import { KringCrypto } from '@kring/crypto';
import { ThreadEntity, ThreadMessageEntity, ThreadParticipantEntity, unreadCount } from '@kring/messages';
import type { Principal } from '@kring/identity';
import { DenyReason, PurposeCatalogue, type AccessDecision } from '@kring/policy';
import { AuditService, refusalEntry, type AuditContext, type EntryDraft } from '../access-log/audit.service';
import { ErrorCode, KringError, notFound } from '../common/kring-error';
import { notParticipating } from '../common/refusal-errors';
import { familySnapshot, loadFamilyRows } from '../families/family-snapshot';
import { PostgresListeners, type PostgresListener } from '../infrastructure/postgres-listener';
import { LIVE_LIMITS, liveLimitExceeded, LiveSubscription, type LiveSubscriber } from './live-subscription';
import type { Message, ThreadClosed } from './messages.model';
import { ThreadEventKind, type ThreadEvent } from './thread-event.model';
import { messageTarget, threadEntries, threadTarget } from './thread-entries';
import { isOwn, loadMessageFacts, MESSAGE_FIELDS, ThreadPresenter, type MessageFacts, type People } from './thread-presenter';
import { closedReadingEntries, refusedReading, threadReading, type ThreadReading } from './thread-reading';
import { served, ThreadScope, ThreadScopes } from './thread-scope';

/** The channel the message and access triggers notify (migration NotifyThreadEvents). */
export const THREAD_EVENTS_CHANNEL = 'kring_thread_events';

/** A committed change, as the channel names it: ids only. */
type Change =
  | { readonly kind: 'POSTED' | 'WITHDRAWN'; readonly familyId: string; readonly threadId: string; readonly messageId: string }
  | { readonly kind: 'ACCESS'; readonly familyId: string };

/** What one subscriber is given for one change, and what its log says. */
interface Outcome {
  readonly subscription: LiveSubscription;
  readonly event: ThreadEvent | null;
  /** Ends the subscription after the event (THREAD_CLOSED), or instead of it (an error). */
  readonly end: 'after' | KringError | null;
  readonly drafts: readonly EntryDraft[];
}

/**
 * Live delivery of a family's messages (docs/messages.md, "Live"). A subscription is decided
 * as `threadMessages` decides a page, and logged alike. Every committed post, withdrawal or
 * change of access reaches every gateway process through PostgreSQL (LISTEN on
 * `kring_thread_events`, ids only); each process then, per change and in commit order per
 * family: reads the family's state once, after the commit; decides every subscriber of its
 * own by the one rule of `threadMessages` (`threadReading`); opens the message once; serves
 * each allowed subscriber and logs each read (one append for all); and closes the thread to
 * a subscriber the rule no longer allows (THREAD_CLOSED, with the reason, logged as the page's
 * refusal), whose subscription then completes. A live delivery does not move the read marker.
 */
@Injectable()
export class LiveThreads implements OnModuleInit, OnModuleDestroy {
  /** This process's subscriptions, by thread. */
  private readonly byThread = new Map<string, Set<LiveSubscription>>();
  /** How many subscriptions each caller holds on this process. */
  private readonly perPrincipal = new Map<string, number>();
  /** Per family, the change being handled and those after it: one at a time, in commit order. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly presenter: ThreadPresenter;
  private readonly listener: PostgresListener;
  private heard = false;

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
  }

  async onModuleDestroy(): Promise<void> {
    this.endAll(interrupted());
    await this.listener.close();
    await Promise.all(this.queues.values());
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
    if (set.size === 0) this.byThread.delete(threadId);
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
    if (change === null) return;
    if (this.concerned(change).length === 0) return;
    const before = this.queues.get(change.familyId) ?? Promise.resolve();
    const handled = before.then(() => this.handle(change));
    this.queues.set(change.familyId, handled);
    void handled.then(() => {
      if (this.queues.get(change.familyId) === handled) this.queues.delete(change.familyId);
    });
  }

  /** The open subscriptions a change may concern: a message's thread's, or every thread's of the family. */
  private concerned(change: Change): LiveSubscription[] {
    if (change.kind !== 'ACCESS') return [...(this.byThread.get(change.threadId) ?? [])].filter((s) => s.open);
    return [...this.byThread.values()].flatMap((set) => [...set]).filter((s) => s.open && s.subscriber.familyId === change.familyId);
  }

  /** One change, for every subscriber it concerns: decided, served, logged in one transaction; handed over after its commit. */
  private async handle(change: Change): Promise<void> {
    const subscriptions = this.concerned(change);
    if (subscriptions.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = await this.dataSource.transaction((manager) => this.decide(manager, change, subscriptions));
    } catch (error) {
      // Nothing was served: the log could not be written (AUDIT_UNAVAILABLE), or the database failed.
      const ending = error instanceof KringError ? error : interrupted();
      if (!(error instanceof KringError)) this.logger.error({ err: { name: (error as Error).name, code: (error as { code?: string }).code } }, 'a thread event could not be delivered');
      for (const subscription of subscriptions) subscription.finish(ending);
      return;
    }
    for (const { subscription, event, end } of outcomes) {
      if (end instanceof KringError) subscription.finish(end);
      else if (end === 'after' && event !== null) subscription.finish(event);
      else if (event !== null) subscription.push(event);
    }
  }

  private async decide(manager: EntityManager, change: Change, subscriptions: readonly LiveSubscription[]): Promise<Outcome[]> {
    const at = this.clock.now();
    const rows = await loadFamilyRows(manager, change.familyId, at);
    if (rows === null) return subscriptions.map((subscription) => ({ subscription, event: null, end: notFound('thread'), drafts: [] }));
    const snapshot = familySnapshot(this.crypto, rows);
    const threadIds = [...new Set(subscriptions.map((s) => s.subscriber.threadId))];
    const threads = await manager.find(ThreadEntity, { where: { id: In(threadIds) } });
    const participants = await manager.find(ThreadParticipantEntity, { where: { threadId: In(threadIds) }, order: { joinedAt: 'ASC', id: 'ASC' } });
    const message = change.kind === 'ACCESS' ? null : await this.messageOf(manager, change);
    const scopes = new Map<string, ThreadScope>();
    const scopeOf = (principal: Principal): ThreadScope => {
      const key = principalKey(principal);
      let scope = scopes.get(key);
      if (scope === undefined) scopes.set(key, (scope = new ThreadScope(principal, at, snapshot, snapshot.key, snapshot.facts, threads, participants, this.catalogue)));
      return scope;
    };
    let opened: { readonly model: Message; readonly damaged: boolean } | null = null;
    const outcomes = subscriptions.map((subscription): Outcome => {
      const { threadId } = subscription.subscriber;
      const scope = scopeOf(subscription.subscriber.principal);
      const reading = threadReading(scope, threadId);
      if (reading.kind !== 'OPEN') return closedTo(subscription, scope, reading, threads.find((t) => t.id === threadId) ?? null);
      if (message === null) return { subscription, event: null, end: null, drafts: [] };
      const { thread, me, decision } = reading;
      opened ??= this.presenter.message(scope, message.row, message.people);
      const { model, damaged } = opened;
      const servedDecision: AccessDecision = damaged ? { allowed: false, category: thread.category, reason: DenyReason.DATA_INTEGRITY } : decision;
      const targets = [threadTarget(thread, decision, []), messageTarget(thread, message.row, servedDecision, model.body === null ? [] : MESSAGE_FIELDS)];
      // Posts committed after this one wait in the queue: the count is the one after this event, not after theirs.
      const upTo = Math.max(message.row.sequence, subscription.lastSequence);
      const counted = message.facts.filter((m) => m.sequence <= upTo).map((m) => ({ sequence: m.sequence, own: isOwn(m, me), withdrawn: m.withdrawnAt !== null }));
      const unread = unreadCount(counted, me.readUpTo);
      const kind = change.kind === 'POSTED' ? ThreadEventKind.MESSAGE_POSTED : ThreadEventKind.MESSAGE_WITHDRAWN;
      return { subscription, event: { kind, threadId: thread.id, message: model, closed: null, unreadCount: unread }, end: null, drafts: threadEntries('READ_THREAD', scope, [{ thread, targets }]) };
    });
    await this.audit.recordEach(
      manager,
      outcomes.map(({ subscription, drafts }) => ({ context: { principal: subscription.subscriber.principal, traceId: subscription.subscriber.traceId, at }, drafts })),
    );
    return outcomes;
  }

  /** The message of a change as committed, with its thread's messages (for unread counts) and its author. */
  private async messageOf(manager: EntityManager, change: Extract<Change, { messageId: string }>): Promise<{ row: ThreadMessageEntity; facts: MessageFacts[]; people: People } | null> {
    const row = await manager.findOne(ThreadMessageEntity, { where: { id: change.messageId } });
    if (row === null) return null;
    return { row, facts: await loadMessageFacts(manager, { threadId: row.threadId }), people: await this.presenter.people(manager, [], [], [row.authorProfessionalId]) };
  }
}

/**
 * A subscriber the rule no longer lets read the thread: THREAD_CLOSED with the reason, logged
 * as `threadMessages` logs its refusal, and the subscription completes. Out of view (an
 * organisation no longer involved; a member whose reach changed or from whom it is now
 * shielded) closes it too: a professional's logged NOT_INVOLVED, a member's not logged.
 */
function closedTo(subscription: LiveSubscription, scope: ThreadScope, reading: Exclude<ThreadReading, { kind: 'OPEN' }>, thread: ThreadEntity | null): Outcome {
  const { threadId, principal } = subscription.subscriber;
  const closing = (closed: ThreadClosed, drafts: readonly EntryDraft[]): Outcome => ({
    subscription,
    event: { kind: ThreadEventKind.THREAD_CLOSED, threadId, message: null, closed, unreadCount: null },
    end: 'after',
    drafts,
  });
  switch (reading.kind) {
    case 'CLOSED':
      return closing({ category: reading.decision.category, reason: reading.decision.reason }, closedReadingEntries(scope, reading));
    case 'NOT_A_PARTICIPANT':
      return { subscription, event: null, end: notParticipating(), drafts: [] };
    case 'NOT_IN_VIEW': {
      if (thread === null) return { subscription, event: null, end: notFound('thread'), drafts: [] };
      const reason = principal.kind === 'professional' ? DenyReason.NOT_INVOLVED : DenyReason.OTHER_MEMBER;
      return closing({ category: thread.category, reason }, principal.kind === 'professional' ? [refusalEntry('READ_THREAD', reason, { familyId: scope.familyId, targetKind: 'THREAD', targetIds: [threadId] })] : []);
    }
  }
}

/** Live delivery cannot go on: subscribe again, and read the page for what was missed. */
function interrupted(): KringError {
  return new KringError(ErrorCode.LIVE_INTERRUPTED, 'Live delivery was interrupted on this gateway. Subscribe again, and read the thread\'s newest page for what you may have missed.');
}

/** The caller a subscription counts against. */
function principalKey(principal: Principal): string {
  return principal.kind === 'professional' ? `p:${principal.professionalId}` : `m:${principal.memberId}`;
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
