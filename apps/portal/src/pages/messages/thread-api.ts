import { gql } from '../../api/generated';
import type { MessageFieldsFragment, ThreadFieldsFragment } from '../../api/generated/graphql';

/*
 * The operations of the family's messages (docs/messages.md), for members and professionals
 * alike: what a thread shows, a page of its messages, posting and withdrawing.
 */

gql(`
  fragment ThreadProfessionalFields on ThreadProfessional { id name organisation { id name } }
`);

gql(`
  fragment ThreadFields on Thread {
    id familyId topic subjectMemberIds category purpose startedAt joined unreadCount lastMessageAt
    startedBy { ...ThreadProfessionalFields }
    participants { joinedAt memberId professional { ...ThreadProfessionalFields } }
    closed { category reason }
  }
`);

gql(`
  fragment MessageFields on Message {
    id threadId sequence sentAt body withdrawnAt
    author { kind memberId professional { ...ThreadProfessionalFields } }
  }
`);

export const THREAD = gql(`query Thread($id: ID!) { thread(id: $id) { ...ThreadFields } }`);
export const THREAD_MESSAGES = gql(`
  query ThreadMessages($threadId: ID!, $last: Int, $before: String) {
    threadMessages(threadId: $threadId, last: $last, before: $before) {
      unreadCount
      edges { node { ...MessageFields } }
      pageInfo { hasPreviousPage startCursor }
    }
  }
`);
export const POST_MESSAGE = gql(`mutation PostMessage($input: PostMessageInput!) { postMessage(input: $input) { ...MessageFields } }`);
export const WITHDRAW_MESSAGE = gql(`mutation WithdrawMessage($id: ID!) { withdrawMessage(id: $id) { ...MessageFields } }`);

export type Thread = ThreadFieldsFragment;
export type Message = MessageFieldsFragment;
export type Participant = NonNullable<Thread['participants']>[number];
export type MessageAuthor = Message['author'];

/** The API's bounds of a message (docs/messages.md), checked here first so the writer hears it in words. */
export const BODY_LENGTH = { min: 1, max: 4000 } as const;
/** How many older messages one "older messages" asks for. */
export const OLDER_PAGE = 50;
