import { Injectable } from '@nestjs/common';
import { LessThan, MoreThan, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { KringCrypto } from '@kring/crypto';
import { advancedReadMarker, MessagesWriter, postMessage, ThreadMessageEntity, unreadCount, withdrawMessage } from '@kring/messages';
import type { Principal } from '@kring/identity';
import { DenyReason, RequestRefusal, type AccessDecision } from '@kring/policy';
import { AuditService, type AuditContext } from '../access-log/audit.service';
import { decodeSequenceCursor, encodeSequenceCursor } from '../common/keyset-page';
import { badInput } from '../common/kring-error';
import { postMessageRefused, withdrawMessageRefused } from '../common/refusal-errors';
import type { Message, MessageConnection, PostMessageInput } from './messages.model';
import { messageTarget, threadEntries, threadTarget } from './thread-entries';
import { isOwn, loadMessageFacts, MESSAGE_FIELDS, ThreadPresenter } from './thread-presenter';
import { threadReading, refusedReading } from './thread-reading';
import { notInView, refused, served, ThreadScopes, type ThreadScope, type ThreadView } from './thread-scope';

/** How a page of messages is asked for: forwards from a cursor (`first`, `after`), or backwards to one (`last`, `before`). */
export interface MessagePaging {
  readonly first: number | null;
  readonly after: string | null;
  readonly last: number | null;
  readonly before: string | null;
}

/** The most messages one page holds, and how many the newest page holds when no size is asked. */
export const MESSAGE_PAGE = { max: 100, newest: 50 } as const;

/**
 * The messages of a thread (DESIGN.md §9; docs/messages.md): a page read (and the reader's read
 * marker moved on), posting, and withdrawing one's own. A professional reads and posts only
 * while the access rule keeps the thread open to them, asked again at every request; a member
 * once they joined. Every page read and every post or withdrawal is in the access log, about
 * the members the thread is about.
 */
@Injectable()
export class MessagesService {
  private readonly presenter: ThreadPresenter;
  private readonly writer: MessagesWriter;

  constructor(
    crypto: KringCrypto,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scopes: ThreadScopes,
  ) {
    this.presenter = new ThreadPresenter(crypto);
    this.writer = new MessagesWriter(crypto);
  }

  /**
   * A page of a thread's messages, oldest first (newest last). Without arguments, the newest
   * page; `first`/`after` pages forwards, `last`/`before` backwards. The caller's read marker
   * moves on to the newest message served. A thread closed to a professional is FORBIDDEN with
   * the rule's reason, and that refusal is logged about its subjects.
   */
  async page(principal: Principal, threadId: string, paging: MessagePaging, traceId: string): Promise<MessageConnection> {
    const context = this.context(principal, traceId);
    const window = pageWindow(threadId, paging);
    return this.scopes.run(context, 'READ_THREAD', { kind: 'THREAD', id: threadId }, {}, async (manager, scope) => {
      const reading = threadReading(scope, threadId);
      if (reading.kind !== 'OPEN') return refusedReading(scope, threadId, reading);
      const { thread, me, decision } = reading;

      const rows = await pageRows(manager, thread.id, window);
      const people = await this.presenter.people(manager, [], [], rows.map((r) => r.authorProfessionalId));
      const targets = [threadTarget(thread, decision, [])];
      const edges = rows.map((row) => {
        const { model, damaged } = this.presenter.message(scope, row, people);
        const served: AccessDecision = damaged ? { allowed: false, category: thread.category, reason: DenyReason.DATA_INTEGRITY } : decision;
        targets.push(messageTarget(thread, row, served, model.body === null ? [] : MESSAGE_FIELDS));
        return { cursor: encodeSequenceCursor(window.kind, row.sequence), node: model };
      });
      const readUpTo = advancedReadMarker(me.readUpTo, rows.map((r) => r.sequence));
      if (readUpTo !== me.readUpTo) await this.writer.markRead(manager, me.id, readUpTo);
      const all = await loadMessageFacts(manager, { threadId: thread.id });
      await this.audit.record(manager, context, threadEntries('READ_THREAD', scope, [{ thread, targets }]));
      const first = rows[0]?.sequence ?? null;
      const last = rows.at(-1)?.sequence ?? null;
      return served({
        threadId: thread.id,
        edges,
        pageInfo: {
          hasPreviousPage: all.some((m) => m.sequence < (first ?? window.from + 1)),
          hasNextPage: last === null ? window.to !== null && all.some((m) => m.sequence >= (window.to as number)) : all.some((m) => m.sequence > last),
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        unreadCount: unreadCount(all.map((m) => ({ sequence: m.sequence, own: isOwn(m, me), withdrawn: m.withdrawnAt !== null })), readUpTo),
      });
    });
  }

  /**
   * Posts a message (`postMessage`): by someone who takes part, into a thread the access rule
   * keeps open to them now. It takes the next number in its thread under the thread's lock, and
   * is logged about the thread's members with the decision it rests on.
   */
  async post(principal: Principal, input: PostMessageInput, traceId: string): Promise<Message> {
    const context = this.context(principal, traceId);
    return this.scopes.run(context, 'POST_MESSAGE', { kind: 'THREAD', id: input.threadId }, { lock: true }, async (manager, scope) => {
      const view = scope.viewById(input.threadId);
      if (!view.inView) return notInView(principal, 'POST_MESSAGE', scope.familyId, { kind: 'THREAD', id: input.threadId }, RequestRefusal.NOT_A_PARTICIPANT);
      const { thread, decision } = view;
      await manager.query('SELECT id FROM thread WHERE id = $1 FOR UPDATE', [thread.id]);
      const asked = postMessage(input.body, { mayPost: view.me !== null && scope.may('post', thread, 'messages'), closedReason: decision.allowed ? null : decision.reason });
      if (!asked.ok) {
        const error = postMessageRefused(asked.refusal, asked.reason);
        if (asked.refusal !== 'THREAD_CLOSED' || decision.allowed) throw error;
        return refused(error, threadEntries('POST_MESSAGE', scope, [{ thread, targets: [threadTarget(thread, decision, [])] }]));
      }
      const author = principal.kind === 'citizen' ? { memberId: principal.memberId } : { professionalId: principal.professionalId, organisationId: principal.organisationId };
      const row = await this.writer.post(manager, { thread, key: scope.key, author, body: asked.body, at: scope.at });
      await this.audit.record(manager, context, threadEntries('POST_MESSAGE', scope, [{ thread, targets: [messageTarget(thread, row, decision, MESSAGE_FIELDS)] }]));
      return served(await this.presented(manager, scope, row));
    });
  }

  /**
   * Withdraws a message (`withdrawMessage`): its author alone, once; its ciphertext is destroyed
   * and its tombstone stays. Withdrawing discloses nothing, so it needs no open thread, only one
   * in the author's view.
   */
  async withdraw(principal: Principal, messageId: string, traceId: string): Promise<Message> {
    const context = this.context(principal, traceId);
    return this.scopes.run(context, 'WITHDRAW_MESSAGE', { kind: 'MESSAGE', id: messageId }, { lock: true }, async (manager, scope) => {
      const row = await manager.findOne(ThreadMessageEntity, { where: { id: messageId.toLowerCase() } });
      const view: ThreadView = row === null ? { inView: false } : scope.viewById(row.threadId);
      if (row === null || !view.inView) return notInView(principal, 'WITHDRAW_MESSAGE', scope.familyId, { kind: 'MESSAGE', id: messageId }, RequestRefusal.NOT_A_PARTICIPANT);
      const asked = withdrawMessage({ message: row, mayWithdraw: scope.may('withdraw', view.thread, row) });
      if (!asked.ok) throw withdrawMessageRefused(asked.refusal);
      await this.writer.withdraw(manager, row.id, scope.at);
      const own: AccessDecision = { allowed: true, category: view.thread.category, basis: { kind: principal.kind === 'citizen' ? 'DATA_SUBJECT' : 'OWN_RECORD' } };
      await this.audit.record(manager, context, threadEntries('WITHDRAW_MESSAGE', scope, [{ thread: view.thread, targets: [messageTarget(view.thread, row, own, MESSAGE_FIELDS)] }]));
      return served(await this.presented(manager, scope, { ...row, bodyCiphertext: null, withdrawnAt: scope.at }));
    });
  }

  private async presented(manager: EntityManager, scope: ThreadScope, row: ThreadMessageEntity): Promise<Message> {
    const people = await this.presenter.people(manager, [], [], [row.authorProfessionalId]);
    return this.presenter.message(scope, row, people).model;
  }

  private context(principal: Principal, traceId: string): AuditContext {
    return { principal, traceId, at: this.clock.now() };
  }
}

/** Which messages a page holds: numbers strictly between `from` and `to` (none: no end), the `size` nearest `from` (forwards) or `to` (backwards). */
interface PageWindow {
  readonly kind: string;
  readonly forwards: boolean;
  readonly size: number;
  readonly from: number;
  readonly to: number | null;
}

/** The page asked for, checked: forwards or backwards, never both; a size of 1 to 100; cursors this thread gave out. */
function pageWindow(threadId: string, paging: MessagePaging): PageWindow {
  const kind = `message:${threadId.toLowerCase()}`;
  if (paging.first !== null && paging.last !== null) throw badInput('last', 'cannot be asked together with first: page forwards (first, after) or backwards (last, before)');
  if ((paging.after !== null && paging.last !== null) || (paging.before !== null && paging.first !== null)) throw badInput(paging.after !== null ? 'after' : 'before', 'goes with first (after) or last (before)');
  const forwards = paging.first !== null || paging.after !== null;
  const argument = forwards ? 'first' : 'last';
  const size = (forwards ? paging.first : paging.last) ?? MESSAGE_PAGE.newest;
  if (!Number.isInteger(size) || size < 1 || size > MESSAGE_PAGE.max) throw badInput(argument, `must be between 1 and ${MESSAGE_PAGE.max}`);
  const from = paging.after === null ? 0 : decodeSequenceCursor(kind, paging.after, 'after');
  const to = paging.before === null ? null : decodeSequenceCursor(kind, paging.before, 'before');
  return { kind, forwards, size, from, to };
}

/** The rows of a page, oldest first. */
async function pageRows(manager: EntityManager, threadId: string, window: PageWindow): Promise<ThreadMessageEntity[]> {
  const rows = await manager.find(ThreadMessageEntity, {
    where: window.forwards ? { threadId, sequence: MoreThan(window.from) } : window.to === null ? { threadId } : { threadId, sequence: LessThan(window.to) },
    order: { sequence: window.forwards ? 'ASC' : 'DESC' },
    take: window.size,
  });
  return window.forwards ? rows : rows.reverse();
}
