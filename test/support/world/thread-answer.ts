import type { ExpectedMessage, ExpectedThread } from '../reference/reference-threads';

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
