import { In, type EntityManager } from 'typeorm';
import type { KringCrypto } from '@kring/crypto';
import { ThreadEntity, ThreadMessageEntity, ThreadParticipantEntity, unreadCount } from '@kring/messages';
import type { Principal } from '@kring/identity';
import { DenyReason, type AccessDecision, type PurposeCatalogue } from '@kring/policy';
import { refusalEntry, type AuditContext, type EntryDraft } from '../access-log/audit.service';
import { notFound, type KringError } from '../common/kring-error';
import { notParticipating } from '../common/refusal-errors';
import type { DecidedTarget } from '../families/family-file.assembler';
import { familySnapshot, loadFamilyRows } from '../families/family-snapshot';
import type { LiveSubscription } from './live-subscription';
import type { Message, ThreadClosed } from './messages.model';
import { ThreadEventKind, type ThreadEvent } from './thread-event.model';
import { messageTarget, threadEntries, threadTarget } from './thread-entries';
import { isOwn, loadMessageFacts, MESSAGE_FIELDS, type MessageFacts, type ThreadPresenter } from './thread-presenter';
import { closedReadingEntries, threadReading, type ThreadReading } from './thread-reading';
import { ThreadScope } from './thread-scope';

/** A committed change, as the channel names it: ids only. */
export type Change =
  | { readonly kind: 'POSTED' | 'WITHDRAWN'; readonly familyId: string; readonly threadId: string; readonly messageId: string }
  | { readonly kind: 'ACCESS'; readonly familyId: string };

/** What a subscription is handed for a batch of changes: its events in commit order, and whether it ends (after a THREAD_CLOSED, or with an error instead). */
export interface Delivery {
  readonly subscription: LiveSubscription;
  readonly events: readonly ThreadEvent[];
  readonly end: 'closed' | KringError | null;
}

/** What deciding needs beside the transaction. */
export interface DeliveryTools {
  readonly crypto: KringCrypto;
  readonly catalogue: PurposeCatalogue;
  readonly presenter: ThreadPresenter;
  readonly at: Date;
  /** Per thread, the newest message number handed out before this batch (a withdrawal's unread count stops there). */
  readonly postedUpTo: Map<string, number>;
}

/**
 * One family's changes (in commit order), for the subscriptions of this process they concern,
 * decided in the caller's transaction after they committed: the family's state read once;
 * every caller decided by `threadReading`, the rule of `threadMessages` (a caller's
 * subscriptions to one thread, e.g. in several tabs, share the decision and are served once);
 * each message opened once; each read logged as a page read is (one entry per caller and
 * subject), or the closed thread as the page's refusal. Returns the deliveries and the log,
 * which the caller appends in one go before it commits.
 */
export async function decideDeliveries(manager: EntityManager, tools: DeliveryTools, changes: readonly Change[], subscriptions: readonly LiveSubscription[]): Promise<{ deliveries: Delivery[]; reads: { context: AuditContext; drafts: readonly EntryDraft[] }[] }> {
  const { at } = tools;
  const familyId = changes[0]?.familyId ?? '';
  const rows = await loadFamilyRows(manager, familyId, at);
  if (rows === null) return { deliveries: subscriptions.map((subscription) => ({ subscription, events: [], end: notFound('thread') })), reads: [] };
  const snapshot = familySnapshot(tools.crypto, rows);
  const threadIds = [...new Set(subscriptions.map((s) => s.subscriber.threadId))];
  const threads = await manager.find(ThreadEntity, { where: { id: In(threadIds) } });
  const participants = await manager.find(ThreadParticipantEntity, { where: { threadId: In(threadIds) }, order: { joinedAt: 'ASC', id: 'ASC' } });
  const messages = await messagesOf(manager, tools, changes, threadIds);

  const deliveries: Delivery[] = [];
  const reads: { context: AuditContext; drafts: readonly EntryDraft[] }[] = [];
  const scopes = new Map<string, ThreadScope>();
  for (const group of byCallerAndThread(subscriptions)) {
    const [first] = group;
    if (first === undefined) continue;
    const { principal, threadId, traceId } = first.subscriber;
    const key = principalKey(principal);
    let scope = scopes.get(key);
    if (scope === undefined) scopes.set(key, (scope = new ThreadScope(principal, at, snapshot, snapshot.key, snapshot.facts, threads, participants, tools.catalogue)));
    const reading = threadReading(scope, threadId);
    const served = reading.kind === 'OPEN' ? servedTo(scope, reading, messages) : closedTo(scope, reading, threads.find((t) => t.id === threadId) ?? null, threadId);
    reads.push({ context: { principal, traceId, at }, drafts: served.drafts });
    for (const subscription of group) deliveries.push({ subscription, events: served.events, end: served.end });
  }
  return { deliveries, reads };
}

/** The messages of a batch's changes in commit order, each with its unread bound, and what presenting them needs. */
interface BatchMessages {
  readonly changes: readonly { readonly change: Extract<Change, { messageId: string }>; readonly row: ThreadMessageEntity; readonly upTo: number }[];
  readonly facts: ReadonlyMap<string, readonly MessageFacts[]>;
  /** Each message opened once, on first need. */
  open(scope: ThreadScope, row: ThreadMessageEntity): { readonly model: Message; readonly damaged: boolean };
}

async function messagesOf(manager: EntityManager, tools: DeliveryTools, changes: readonly Change[], threadIds: readonly string[]): Promise<BatchMessages> {
  const ofMessages = changes.filter((c): c is Extract<Change, { messageId: string }> => c.kind !== 'ACCESS' && threadIds.includes(c.threadId));
  const rows = ofMessages.length === 0 ? [] : await manager.find(ThreadMessageEntity, { where: { id: In([...new Set(ofMessages.map((c) => c.messageId))]) } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const facts = new Map<string, MessageFacts[]>();
  for (const threadId of new Set(ofMessages.map((c) => c.threadId))) facts.set(threadId, await loadMessageFacts(manager, { threadId }));
  const people = await tools.presenter.people(manager, [], [], rows.map((r) => r.authorProfessionalId));
  const opened = new Map<string, { readonly model: Message; readonly damaged: boolean }>();
  const found: BatchMessages['changes'][number][] = [];
  for (const change of ofMessages) {
    const row = byId.get(change.messageId);
    if (row === undefined) continue;
    // Posts committed after this one may be in the table already: an event's unread count stops at its own message (a withdrawal's, at the newest handed out).
    const before = tools.postedUpTo.get(change.threadId) ?? 0;
    const upTo = change.kind === 'POSTED' ? row.sequence : Math.max(before, row.sequence);
    if (change.kind === 'POSTED') tools.postedUpTo.set(change.threadId, Math.max(before, row.sequence));
    found.push({ change, row, upTo });
  }
  return {
    changes: found,
    facts,
    open(scope, row) {
      let model = opened.get(row.id);
      if (model === undefined) opened.set(row.id, (model = tools.presenter.message(scope, row, people)));
      return model;
    },
  };
}

/** A caller the rule lets read the thread: each message event of the batch, and one read logged. */
function servedTo(scope: ThreadScope, reading: Extract<ThreadReading, { kind: 'OPEN' }>, messages: BatchMessages): { events: ThreadEvent[]; end: null; drafts: EntryDraft[] } {
  const { thread, me, decision } = reading;
  const events: ThreadEvent[] = [];
  const targets: DecidedTarget[] = [threadTarget(thread, decision, [])];
  for (const { change, row, upTo } of messages.changes) {
    if (change.threadId !== thread.id) continue;
    const { model, damaged } = messages.open(scope, row);
    const servedDecision: AccessDecision = damaged ? { allowed: false, category: thread.category, reason: DenyReason.DATA_INTEGRITY } : decision;
    targets.push(messageTarget(thread, row, servedDecision, model.body === null ? [] : MESSAGE_FIELDS));
    const counted = (messages.facts.get(thread.id) ?? []).filter((m) => m.sequence <= upTo).map((m) => ({ sequence: m.sequence, own: isOwn(m, me), withdrawn: m.withdrawnAt !== null }));
    const kind = change.kind === 'POSTED' ? ThreadEventKind.MESSAGE_POSTED : ThreadEventKind.MESSAGE_WITHDRAWN;
    events.push({ kind, threadId: thread.id, message: model, closed: null, unreadCount: unreadCount(counted, me.readUpTo) });
  }
  return { events, end: null, drafts: events.length === 0 ? [] : threadEntries('READ_THREAD', scope, [{ thread, targets }]) };
}

/**
 * A caller the rule no longer lets read the thread: THREAD_CLOSED with the reason, logged as
 * `threadMessages` logs its refusal, and the subscription completes. Out of view (an
 * organisation no longer involved; a member whose reach changed or from whom it is now
 * shielded) closes it too: a professional's logged NOT_INVOLVED, a member's not logged.
 */
function closedTo(scope: ThreadScope, reading: Exclude<ThreadReading, { kind: 'OPEN' }>, thread: ThreadEntity | null, threadId: string): { events: ThreadEvent[]; end: Delivery['end']; drafts: EntryDraft[] } {
  const closing = (closed: ThreadClosed, drafts: EntryDraft[]) => ({ events: [{ kind: ThreadEventKind.THREAD_CLOSED, threadId, message: null, closed, unreadCount: null }], end: 'closed' as const, drafts });
  switch (reading.kind) {
    case 'CLOSED':
      return closing({ category: reading.decision.category, reason: reading.decision.reason }, closedReadingEntries(scope, reading));
    case 'NOT_A_PARTICIPANT':
      return { events: [], end: notParticipating(), drafts: [] };
    case 'NOT_IN_VIEW': {
      if (thread === null) return { events: [], end: notFound('thread'), drafts: [] };
      const professional = scope.principal.kind === 'professional';
      const reason = professional ? DenyReason.NOT_INVOLVED : DenyReason.OTHER_MEMBER;
      return closing({ category: thread.category, reason }, professional ? [refusalEntry('READ_THREAD', reason, { familyId: scope.familyId, targetKind: 'THREAD', targetIds: [threadId] })] : []);
    }
  }
}

/** Subscriptions grouped by caller and thread, each group in the order subscribed. */
function byCallerAndThread(subscriptions: readonly LiveSubscription[]): LiveSubscription[][] {
  const groups = new Map<string, LiveSubscription[]>();
  for (const s of subscriptions) {
    const key = `${principalKey(s.subscriber.principal)}|${s.subscriber.threadId}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [s]);
    else group.push(s);
  }
  return [...groups.values()];
}

/** The caller a subscription belongs to (and counts against). */
export function principalKey(principal: Principal): string {
  return principal.kind === 'professional' ? `p:${principal.professionalId}` : `m:${principal.memberId}`;
}
