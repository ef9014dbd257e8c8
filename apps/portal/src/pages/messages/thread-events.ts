import { gql } from '../../api/generated';
import type { ThreadEventsSubscription } from '../../api/generated/graphql';

/** The live contract (docs/messages.md): one subscription per thread, its events typed by codegen like every operation. */
export const THREAD_EVENTS = gql(`
  subscription ThreadEvents($threadId: ID!) {
    threadEvents(threadId: $threadId) {
      kind threadId unreadCount
      closed { category reason }
      message { ...MessageFields }
    }
  }
`);

export type ThreadEvent = ThreadEventsSubscription['threadEvents'];
