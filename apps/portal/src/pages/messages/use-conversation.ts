import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { subscribe } from '../../api/live';
import { asApiError } from '../../api/use-api';
import { type Message, OLDER_PAGE, POST_MESSAGE, THREAD_MESSAGES, WITHDRAW_MESSAGE } from './thread-api';
import { THREAD_EVENTS, type ThreadEvent } from './thread-events';
import { noteUnread } from './unread';

/** How often the page asks for the newest messages itself when the live connection cannot be had. */
export const REFRESH_MS = 15_000;
/** How long after the last live arrival the page reads the newest page, so what the reader saw counts as read. */
const MARK_READ_MS = 2_000;

/** How new messages reach the page: over the live connection, or by asking every 15 seconds. */
export type Delivery = 'connecting' | 'live' | 'refreshing';

export interface Conversation {
  /** Oldest first, each message once (by id), a withdrawn one as its tombstone. */
  readonly messages: readonly Message[];
  readonly hasOlder: boolean;
  readonly loading: boolean;
  readonly loadingOlder: boolean;
  readonly error: ApiError | null;
  /** The rule's reason when the thread closed to the reader (a page refused, or a live event). */
  readonly closedReason: string | null;
  readonly delivery: Delivery;
  /** The newest message someone else wrote that arrived while the page was open, for the live region. */
  readonly arrived: Message | null;
  readonly loadOlder: () => Promise<void>;
  readonly post: (body: string) => Promise<void>;
  readonly withdraw: (messageId: string) => Promise<void>;
}

/** `known` with `incoming` in it: each message once by id (the newer answer wins, e.g. a tombstone), in thread order. */
export function mergeMessages(known: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(known.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.sequence - b.sequence);
}

/**
 * One thread's messages as the reader sees them (docs/messages.md): the newest page first,
 * older pages on request, what the reader posts or withdraws, and what others post meanwhile,
 * live over `graphql-ws` or, when that cannot be had, by asking for the newest page every
 * 15 seconds. `enabled` is false until the reader may read (a member who has not joined).
 */
export function useConversation(threadId: string, enabled: boolean, isMine: (message: Message) => boolean): Conversation {
  const [messages, setMessages] = useState<readonly Message[]>([]);
  const [older, setOlder] = useState<{ hasOlder: boolean; cursor: string | null }>({ hasOlder: false, cursor: null });
  const [loading, setLoading] = useState(enabled);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [closedReason, setClosedReason] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<Delivery>('connecting');
  const [arrived, setArrived] = useState<Message | null>(null);
  const known = useRef<readonly Message[]>([]);
  const loaded = useRef(false);
  const mine = useRef(isMine);
  mine.current = isMine;

  /** Takes messages in; those someone else wrote that the page did not have yet are announced (after the first page). */
  const take = useCallback((incoming: readonly Message[], replace = false) => {
    const before = new Set(known.current.map((m) => m.id));
    const next = replace ? mergeMessages([], incoming) : mergeMessages(known.current, incoming);
    known.current = next;
    setMessages(next);
    if (!loaded.current) return;
    const fresh = incoming.filter((m) => !before.has(m.id) && !mine.current(m) && m.body !== null);
    const last = fresh[fresh.length - 1];
    if (last !== undefined) setArrived(last);
  }, []);

  const refused = useCallback((failure: unknown) => {
    const apiError = asApiError(failure);
    if (apiError.code === 'FORBIDDEN' && apiError.refusal === 'THREAD_CLOSED') setClosedReason(apiError.reason ?? 'NO_CONSENT');
    else setError(apiError);
  }, []);

  /** The newest page: the first answer, and each refresh. A refresh that leaves a gap to what the page holds starts again from it. */
  const loadNewest = useCallback(async () => {
    try {
      const page = (await graphql(THREAD_MESSAGES, { threadId })).threadMessages;
      const nodes = page.edges.map((e) => e.node);
      const newestKnown = known.current[known.current.length - 1]?.sequence ?? 0;
      const gap = !loaded.current || (nodes[0] !== undefined && nodes[0].sequence > newestKnown + 1);
      take(nodes, gap);
      if (gap) setOlder({ hasOlder: page.pageInfo.hasPreviousPage, cursor: page.pageInfo.startCursor });
      loaded.current = true;
      setError(null);
      noteUnread(threadId, page.unreadCount);
    } catch (failure) {
      refused(failure);
    } finally {
      setLoading(false);
    }
  }, [threadId, take, refused]);

  useEffect(() => {
    if (!enabled) return;
    void loadNewest();
  }, [enabled, loadNewest]);

  // Live arrival; the first sign of trouble turns to asking every 15 seconds, without alarm.
  useEffect(() => {
    if (!enabled || closedReason !== null) return;
    // A live delivery does not move the read marker (docs/messages.md); what arrived on the open page
    // has been seen, so the newest page is read once things are quiet, and the count follows.
    let markRead: ReturnType<typeof setTimeout> | undefined;
    const seen = () => {
      clearTimeout(markRead);
      markRead = setTimeout(() => {
        if (document.visibilityState === 'visible') void loadNewest();
      }, MARK_READ_MS);
    };
    const stop = subscribe(
      THREAD_EVENTS,
      { threadId },
      {
        connected: () => {
          setDelivery('live');
          // What was posted between the first page and the connection.
          if (loaded.current) void loadNewest();
        },
        next: ({ threadEvents: event }: { threadEvents: ThreadEvent }) => {
          if (event.message !== null) take([event.message]);
          if (event.kind === 'THREAD_CLOSED') setClosedReason(event.closed?.reason ?? 'NO_CONSENT');
          if (event.unreadCount !== null) noteUnread(threadId, event.unreadCount);
          if (event.kind === 'MESSAGE_POSTED' && event.message !== null && !mine.current(event.message)) seen();
        },
        unavailable: () => setDelivery('refreshing'),
      },
    );
    return () => {
      clearTimeout(markRead);
      stop();
    };
  }, [enabled, closedReason, threadId, take, loadNewest]);

  useEffect(() => {
    if (!enabled || delivery !== 'refreshing' || closedReason !== null) return;
    const timer = setInterval(() => void loadNewest(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [enabled, delivery, closedReason, loadNewest]);

  const loadOlder = useCallback(async () => {
    if (older.cursor === null) return;
    setLoadingOlder(true);
    try {
      const page = (await graphql(THREAD_MESSAGES, { threadId, last: OLDER_PAGE, before: older.cursor })).threadMessages;
      take(page.edges.map((e) => e.node));
      setOlder({ hasOlder: page.pageInfo.hasPreviousPage, cursor: page.pageInfo.startCursor });
    } catch (failure) {
      refused(failure);
    } finally {
      setLoadingOlder(false);
    }
  }, [threadId, older.cursor, take, refused]);

  const post = useCallback(
    async (body: string) => {
      const { postMessage } = await graphql(POST_MESSAGE, { input: { threadId, body } });
      take([postMessage]);
    },
    [threadId, take],
  );

  const withdraw = useCallback(
    async (messageId: string) => {
      const { withdrawMessage } = await graphql(WITHDRAW_MESSAGE, { id: messageId });
      take([withdrawMessage]);
    },
    [take],
  );

  return { messages, hasOlder: older.hasOlder, loading, loadingOlder, error, closedReason, delivery, arrived, loadOlder, post, withdraw };
}
