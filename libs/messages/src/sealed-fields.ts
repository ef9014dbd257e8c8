import { declareSealedFields, type SealedPlace } from '@kring/crypto';

/**
 * A thread's topic, sealed under the family's data key and bound to the thread. Its category
 * is the thread's own (a column beside it), decided before the value is opened.
 */
export const THREAD_SEALED_FIELDS = declareSealedFields('thread', { topic: null });

/** A message's text, sealed under the family's data key; its category is its thread's. */
export const THREAD_MESSAGE_SEALED_FIELDS = declareSealedFields('thread_message', { body: null });

/**
 * Where a message's text is bound: to its thread and to the message, so a ciphertext copied to
 * another message, or a message moved to another thread, fails to decrypt.
 */
export function messageBodyPlace(threadId: string, messageId: string): SealedPlace {
  return { field: THREAD_MESSAGE_SEALED_FIELDS.body, rowId: `${threadId.toLowerCase()}/${messageId.toLowerCase()}` };
}

/** Where a thread's topic is bound: to the thread. */
export function threadTopicPlace(threadId: string): SealedPlace {
  return { field: THREAD_SEALED_FIELDS.topic, rowId: threadId.toLowerCase() };
}
