import type { Principal } from '@kring/identity';
import { ErrorCode, KringError } from '../common/kring-error';
import { LIVE_LIMITS, LiveSubscription, type LiveItem } from './live-subscription';
import { ThreadEventKind, type ThreadEvent } from './thread-event.model';

const subscriber = { principal: { kind: 'citizen', memberId: 'm', familyId: 'f' } as Principal, familyId: 'f', threadId: 't', traceId: 'x' };
const posted = (sequence: number): ThreadEvent => ({
  kind: ThreadEventKind.MESSAGE_POSTED,
  threadId: 't',
  message: { id: `m${sequence}`, threadId: 't', sequence, author: { kind: 'MEMBER', memberId: 'm', professional: null }, sentAt: new Date(0), body: 'x', withdrawnAt: null },
  closed: null,
  unreadCount: sequence,
});
const drain = async (sut: LiveSubscription) => {
  const items: LiveItem[] = [];
  for await (const item of sut) items.push(item);
  return items;
};

describe('a live subscription queues its subscriber\'s events', () => {
  it('in the order they were pushed, taken as they come', async () => {
    let ended = 0;
    const sut = new LiveSubscription(subscriber, () => ended++);
    const first = sut.next();
    sut.push(posted(1));
    sut.push(posted(2));
    expect(await first).toEqual({ done: false, value: posted(1) });
    sut.finish();
    expect(await drain(sut)).toEqual([posted(2)]);
    expect(ended).toBe(1);
  });

  it(`${LIVE_LIMITS.undeliveredEvents} events wait at most: one more drops them and ends it with LIMIT_EXCEEDED, and nothing is taken after`, async () => {
    let ended = 0;
    const sut = new LiveSubscription(subscriber, () => ended++);
    for (let i = 1; i <= LIVE_LIMITS.undeliveredEvents; i++) sut.push(posted(i));
    expect(sut.open).toBe(true);
    sut.push(posted(LIVE_LIMITS.undeliveredEvents + 1));
    sut.push(posted(LIVE_LIMITS.undeliveredEvents + 2));
    const items = await drain(sut);
    expect(items).toHaveLength(1);
    expect(items[0]).toBeInstanceOf(KringError);
    expect(items[0]).toMatchObject({ code: ErrorCode.LIMIT_EXCEEDED, details: { limit: 'undeliveredEvents', maximum: LIVE_LIMITS.undeliveredEvents } });
    expect(ended).toBe(1);
  });

  it('a last item (THREAD_CLOSED) comes after what is queued; the client ending it drops what waits', async () => {
    const sut = new LiveSubscription(subscriber, () => undefined);
    const closed: ThreadEvent = { kind: ThreadEventKind.THREAD_CLOSED, threadId: 't', message: null, closed: { category: 'SHARED_PLAN', reason: 'CONSENT_REVOKED' } as ThreadEvent['closed'], unreadCount: null };
    sut.push(posted(1));
    sut.finish(closed);
    sut.push(posted(2));
    expect(await drain(sut)).toEqual([posted(1), closed]);

    const stopped = new LiveSubscription(subscriber, () => undefined);
    stopped.push(posted(1));
    await stopped.return();
    expect(await stopped.next()).toEqual({ done: true, value: undefined });
  });
});
