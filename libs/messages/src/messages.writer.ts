import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { messageBodyPlace, threadTopicPlace } from './sealed-fields';
import type { ThreadDraft } from './start-thread';
import { ThreadMessageEntity } from './thread-message.entity';
import { ThreadParticipantEntity } from './thread-participant.entity';
import { ThreadEntity } from './thread.entity';

/** Who writes a message: a member of the family, or a professional on behalf of their organisation. */
export type MessageAuthor = { readonly memberId: string } | { readonly professionalId: string; readonly organisationId: string };

export interface StartedThread {
  readonly thread: ThreadEntity;
  readonly participants: ThreadParticipantEntity[];
  readonly firstMessage: ThreadMessageEntity | null;
}

/**
 * Stores the family's messages (docs/messages.md). It decides nothing: what may be written is
 * the use cases' (`startThread`, `postMessage`, `withdrawMessage`) and the permission table's.
 * A post takes the next number in its thread, so the caller holds the thread's row lock. The
 * gateway and the demo world both write through it, so the demo's thread is stored exactly as
 * a user's would be.
 */
export class MessagesWriter {
  constructor(private readonly crypto: KringCrypto) {}

  /** A new thread: its row (topic sealed and bound to it), its professionals, and its opening message if any. */
  async startThread(manager: EntityManager, write: { familyId: string; key: DataKey; draft: ThreadDraft; at: Date }): Promise<StartedThread> {
    const { draft, at, familyId } = write;
    const id = randomUUID();
    const [starter] = draft.professionals;
    if (starter === undefined) throw new Error('a thread is started by a professional');
    const thread: ThreadEntity = {
      id,
      familyId,
      subjectMemberIds: [...draft.subjectMemberIds],
      category: draft.category,
      purpose: draft.purpose,
      startedByProfessionalId: starter.professionalId,
      startedByOrganisationId: starter.organisationId,
      topicCiphertext: this.crypto.cipher.encrypt(write.key, threadTopicPlace(id), draft.topic),
      createdAt: at,
    };
    await manager.insert(ThreadEntity, thread);
    const participants = draft.professionals.map(
      (p): ThreadParticipantEntity => ({ id: randomUUID(), threadId: id, familyId, memberId: null, professionalId: p.professionalId, organisationId: p.organisationId, joinedAt: at, readUpTo: 0 }),
    );
    await manager.insert(ThreadParticipantEntity, participants);
    const firstMessage = draft.firstMessage === null ? null : await this.post(manager, { thread, key: write.key, author: starter, body: draft.firstMessage, at });
    return { thread, participants, firstMessage };
  }

  /** A member joins a thread; every message in it is unread to them until served. */
  async join(manager: EntityManager, thread: Pick<ThreadEntity, 'id' | 'familyId'>, memberId: string, at: Date): Promise<ThreadParticipantEntity> {
    const row: ThreadParticipantEntity = { id: randomUUID(), threadId: thread.id, familyId: thread.familyId, memberId, professionalId: null, organisationId: null, joinedAt: at, readUpTo: 0 };
    await manager.insert(ThreadParticipantEntity, row);
    return row;
  }

  /** The next message of a thread, its text sealed and bound to the thread and the message. The caller holds the thread's lock. */
  async post(manager: EntityManager, write: { thread: Pick<ThreadEntity, 'id' | 'familyId'>; key: DataKey; author: MessageAuthor; body: string; at: Date }): Promise<ThreadMessageEntity> {
    const { thread, author } = write;
    const [last] = await manager.query<{ sequence: number | null }[]>('SELECT max(sequence) AS sequence FROM thread_message WHERE thread_id = $1', [thread.id]);
    const id = randomUUID();
    const byProfessional = 'professionalId' in author ? author : null;
    const row: ThreadMessageEntity = {
      id,
      threadId: thread.id,
      familyId: thread.familyId,
      sequence: (last?.sequence ?? 0) + 1,
      authorMemberId: 'memberId' in author ? author.memberId : null,
      authorProfessionalId: byProfessional?.professionalId ?? null,
      authorOrganisationId: byProfessional?.organisationId ?? null,
      bodyCiphertext: this.crypto.cipher.encrypt(write.key, messageBodyPlace(thread.id, id), write.body),
      sentAt: write.at,
      withdrawnAt: null,
    };
    await manager.insert(ThreadMessageEntity, row);
    return row;
  }

  /** Withdraws a message: its ciphertext destroyed, the tombstone (who wrote it, when, when withdrawn) kept. */
  async withdraw(manager: EntityManager, messageId: string, at: Date): Promise<void> {
    await manager.update(ThreadMessageEntity, { id: messageId }, { bodyCiphertext: null, withdrawnAt: at });
  }

  /** Moves a participant's read marker on to the last message served to them. */
  async markRead(manager: EntityManager, participantId: string, readUpTo: number): Promise<void> {
    await manager.update(ThreadParticipantEntity, { id: participantId }, { readUpTo });
  }

  /**
   * Destroys every topic and message text of an erased family (DESIGN.md §5.4): its data key is
   * destroyed too, so these were unreadable already; now the ciphertexts are gone from the
   * database as well.
   */
  async eraseFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query('UPDATE thread SET topic_ciphertext = NULL WHERE family_id = $1 AND topic_ciphertext IS NOT NULL', [familyId]);
    await manager.query('UPDATE thread_message SET body_ciphertext = NULL WHERE family_id = $1 AND body_ciphertext IS NOT NULL', [familyId]);
  }
}
