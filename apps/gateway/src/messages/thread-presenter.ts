import { In, type EntityManager } from 'typeorm';
import { type KringCrypto, openSealed } from '@kring/crypto';
import { messageBodyPlace, ThreadMessageEntity, threadTopicPlace, unreadCount, type ThreadEntity, type ThreadParticipantEntity } from '@kring/messages';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { DenyReason, type AccessDecision } from '@kring/policy';
import { organisationModel } from '../directory/organisation.model';
import type { DecidedTarget } from '../families/family-file.assembler';
import { threadTarget } from './thread-entries';
import type { Message, Thread, ThreadProfessional } from './messages.model';
import type { ThreadScope, ThreadView } from './thread-scope';

/** What a thread read serves, as the log names it. */
export const THREAD_FIELDS = ['participants', 'topic'];
/** What a message read or post serves. */
export const MESSAGE_FIELDS = ['body'];

/** A message without its text: what the unread counts and a thread's last activity are made of. */
export type MessageFacts = Pick<ThreadMessageEntity, 'id' | 'threadId' | 'sequence' | 'authorMemberId' | 'authorProfessionalId' | 'sentAt' | 'withdrawnAt'>;

/** The professionals a set of threads names, with their names (decrypted with their organisations' keys) and organisations. */
export type People = ReadonlyMap<string, ThreadProfessional>;

/** A thread in view, as served, and the decision the log keeps of it. */
export interface PresentedThread {
  readonly model: Thread;
  readonly decided: DecidedTarget;
}

/**
 * Turns threads and messages the caller may see into what the API serves: a topic and a
 * message's text are opened only where the decision allows, and one that fails its integrity
 * check is withheld (DATA_INTEGRITY), never served wrong.
 */
export class ThreadPresenter {
  private readonly directory: DirectoryWriter;

  constructor(private readonly crypto: KringCrypto) {
    this.directory = new DirectoryWriter(crypto);
  }

  /** The professionals who started or take part in these threads, or wrote these messages. */
  async people(manager: EntityManager, threads: readonly ThreadEntity[], participants: readonly ThreadParticipantEntity[], authors: readonly (string | null)[] = []): Promise<People> {
    const ids = [...new Set([...threads.map((t) => t.startedByProfessionalId), ...participants.map((p) => p.professionalId), ...authors].filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const professionals = await manager.find(ProfessionalEntity, { where: { id: In(ids) } });
    const organisations = await manager.find(OrganisationEntity, { where: { id: In([...new Set(professionals.map((p) => p.organisationId))]) } });
    const names = this.directory.professionalNames(organisations, professionals);
    const byId = new Map(organisations.map((o) => [o.id, organisationModel(o)]));
    return new Map(professionals.map((p) => [p.id, { id: p.id, name: names.get(p.id) as string, organisation: byId.get(p.organisationId) as ThreadProfessional['organisation'] }]));
  }

  /**
   * A thread in view as served: open, with its topic, who takes part, the caller's unread count
   * and its last activity; or closed, with the rule's reason and nothing of its content.
   */
  thread(scope: ThreadScope, view: ThreadView & { inView: true }, people: People, messages: readonly MessageFacts[]): PresentedThread {
    const { thread, participants, me } = view;
    const topic = view.decision.allowed && thread.topicCiphertext !== null ? openSealed(this.crypto, scope.key, threadTopicPlace(thread.id), thread.topicCiphertext) : null;
    const decision: AccessDecision = view.decision.allowed && topic === null ? { allowed: false, category: thread.category, reason: DenyReason.DATA_INTEGRITY } : view.decision;
    const own = messages.filter((m) => m.threadId === thread.id);
    const open = decision.allowed;
    const model: Thread = {
      id: thread.id,
      familyId: thread.familyId,
      topic: open ? topic : null,
      subjectMemberIds: thread.subjectMemberIds,
      category: thread.category,
      purpose: thread.purpose,
      startedAt: thread.createdAt,
      startedBy: people.get(thread.startedByProfessionalId) as ThreadProfessional,
      participants: open ? ordered(participants, thread.startedByProfessionalId).map((p) => ({ memberId: p.memberId, professional: p.professionalId === null ? null : (people.get(p.professionalId) ?? null), joinedAt: p.joinedAt })) : null,
      joined: me !== null,
      closed: decision.allowed ? null : { category: decision.category, reason: decision.reason },
      unreadCount: open && me !== null ? unreadCount(own.map((m) => ({ sequence: m.sequence, own: isOwn(m, me), withdrawn: m.withdrawnAt !== null })), me.readUpTo) : null,
      lastMessageAt: open ? (own.at(-1)?.sentAt ?? null) : null,
    };
    return { model, decided: threadTarget(thread, decision, THREAD_FIELDS) };
  }

  /** A message as served: its text opened (null when withdrawn, or when it fails its integrity check: `damaged`). */
  message(scope: ThreadScope, row: ThreadMessageEntity, people: People): { model: Message; damaged: boolean } {
    const body = row.bodyCiphertext === null ? null : openSealed(this.crypto, scope.key, messageBodyPlace(row.threadId, row.id), row.bodyCiphertext);
    const model: Message = {
      id: row.id,
      threadId: row.threadId,
      sequence: row.sequence,
      author: {
        kind: row.authorMemberId === null ? 'PROFESSIONAL' : 'MEMBER',
        memberId: row.authorMemberId,
        professional: row.authorProfessionalId === null ? null : (people.get(row.authorProfessionalId) ?? null),
      },
      sentAt: row.sentAt,
      body,
      withdrawnAt: row.withdrawnAt,
    };
    return { model, damaged: row.bodyCiphertext !== null && body === null };
  }
}

/** The messages of a family, or of one thread, without their text; oldest first per thread. */
export function loadMessageFacts(manager: EntityManager, where: { readonly familyId: string } | { readonly threadId: string }): Promise<MessageFacts[]> {
  return manager.find(ThreadMessageEntity, {
    where,
    select: { id: true, threadId: true, sequence: true, authorMemberId: true, authorProfessionalId: true, sentAt: true, withdrawnAt: true },
    order: { threadId: 'ASC', sequence: 'ASC' },
  });
}

/** Whether the participant wrote the message. */
export function isOwn(message: Pick<MessageFacts, 'authorMemberId' | 'authorProfessionalId'>, me: Pick<ThreadParticipantEntity, 'memberId' | 'professionalId'>): boolean {
  return me.memberId !== null ? message.authorMemberId === me.memberId : message.authorProfessionalId === me.professionalId;
}

/** Who started it first, then the other professionals, then members; each group in the order they joined (the same moment for those named at the start). */
function ordered(participants: readonly ThreadParticipantEntity[], starterId: string): ThreadParticipantEntity[] {
  const rank = (p: ThreadParticipantEntity) => (p.professionalId === starterId ? 0 : p.memberId === null ? 1 : 2);
  return [...participants].sort((a, b) => rank(a) - rank(b) || a.joinedAt.getTime() - b.joinedAt.getTime() || a.id.localeCompare(b.id));
}
