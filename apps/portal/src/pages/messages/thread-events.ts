import { TypedDocumentString } from '../../api/generated/graphql';
import type { Message } from './thread-api';

/*
 * The live contract (docs/messages.md, "Live delivery"): one subscription per thread. Written
 * by hand until the gateway's schema has it; then `gql` and codegen type it like the rest.
 */
export type ThreadEventKind = 'MESSAGE_POSTED' | 'MESSAGE_WITHDRAWN' | 'THREAD_CLOSED';
export interface ThreadEvent {
  readonly kind: ThreadEventKind;
  readonly threadId: string;
  readonly message: Message | null;
  readonly closed: { readonly category: string; readonly reason: string } | null;
  readonly unreadCount: number | null;
}

export const THREAD_EVENTS = new TypedDocumentString<{ threadEvents: ThreadEvent }, { threadId: string }>(`
  subscription ThreadEvents($threadId: ID!) {
    threadEvents(threadId: $threadId) {
      kind threadId unreadCount
      closed { category reason }
      message { id threadId sequence sentAt body withdrawnAt author { kind memberId professional { id name organisation { id name } } } }
    }
  }
`);
