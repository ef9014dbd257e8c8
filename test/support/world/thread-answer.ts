import { isDeepStrictEqual } from 'node:util';
import type { ExpectedMessage, ExpectedThread } from '../reference/reference-threads';
import type { GraphQLAnswer } from '../test-gateway';

/** Every field of a thread the references decide, for a comparison with them. */
export const THREAD_SELECTION = `
    id topic subjectMemberIds category purpose joined closed { category reason } unreadCount lastMessageAt
    startedBy { organisation { id } }
    participants { memberId professional { organisation { id } } }`;

/** Every message of the newest page, as the references decide it. */
export const MESSAGES_SELECTION = `edges { node { sequence body withdrawnAt author { kind memberId professional { organisation { id } } } } }`;

/** A thread as the gateway answers it (THREAD_SELECTION). */
export interface ThreadAnswer {
  id: string;
  topic: string | null;
  subjectMemberIds: string[];
  category: string;
  purpose: string;
  joined: boolean;
  closed: { category: string; reason: string } | null;
  unreadCount: number | null;
  lastMessageAt: string | null;
  startedBy: { organisation: { id: string } };
  participants: { memberId: string | null; professional: { organisation: { id: string } } | null }[] | null;
}

/** A page of messages as the gateway answers it (MESSAGES_SELECTION). */
export interface MessagesAnswer {
  edges: { node: { sequence: number; body: string | null; withdrawnAt: string | null; author: { kind: string; memberId: string | null; professional: { organisation: { id: string } } | null } } }[];
}

/** The gateway's thread in the references' shape: who takes part as `organisation <id>` and `member <id>`, sorted. */
export function threadOfAnswer(t: ThreadAnswer): ExpectedThread {
  return {
    id: t.id,
    topic: t.topic,
    subjectMemberIds: t.subjectMemberIds,
    category: t.category as ExpectedThread['category'],
    purpose: t.purpose,
    joined: t.joined,
    closed: t.closed as ExpectedThread['closed'],
    startedByOrganisationId: t.startedBy.organisation.id,
    participants: t.participants === null ? null : t.participants.map((p) => (p.memberId !== null ? `member ${p.memberId}` : `organisation ${p.professional?.organisation.id ?? '?'}`)).sort(),
    unreadCount: t.unreadCount,
    lastMessageAt: t.lastMessageAt === null ? null : new Date(t.lastMessageAt).toISOString(),
  };
}

/** The gateway's message in the references' shape. */
export function messageOfAnswer({ node: m }: MessagesAnswer['edges'][number]): ExpectedMessage {
  return {
    sequence: m.sequence,
    body: m.body,
    author: m.author.memberId !== null ? `member ${m.author.memberId}` : `organisation ${m.author.professional?.organisation.id ?? '?'}`,
    withdrawn: m.withdrawnAt !== null,
  };
}

/**
 * A page of `threadMessages` against a reference: refused (the error's extensions, each key
 * `refused` names: `code`, and `refusal` and `reason` where they apply) with no page, or every
 * message in order.
 */
export function checkMessagesPage(
  expected: { readonly refused: Readonly<Record<string, unknown>> } | { readonly messages: readonly ExpectedMessage[] },
  answer: GraphQLAnswer<{ threadMessages: MessagesAnswer | null }>,
  fail: (what: string[]) => never,
): void {
  const error = answer.errors?.[0]?.extensions;
  if ('refused' in expected) {
    const got = error === undefined ? undefined : Object.fromEntries(Object.keys(expected.refused).map((k) => [k, error[k]]));
    if (!isDeepStrictEqual(got, expected.refused) || answer.data?.threadMessages != null) {
      fail([`threadMessages: expected ${JSON.stringify(expected.refused)}, the gateway answered ${got === undefined ? 'messages' : JSON.stringify(got)}`]);
    }
    return;
  }
  const page = answer.data?.threadMessages;
  if (answer.errors !== undefined || page == null) return fail([`threadMessages: expected messages, the gateway answered ${JSON.stringify(answer.errors?.map((e) => e.extensions?.code ?? e.message))}`]);
  const got = page.edges.map(messageOfAnswer);
  if (!isDeepStrictEqual(expected.messages, got)) fail(['threadMessages:', `expected ${JSON.stringify(expected.messages)}`, `got ${JSON.stringify(got)}`]);
}
