/**
 * The words and limits of the family's messages (DESIGN.md §9, *kringberichten*). Plain data:
 * the gateway's GraphQL types and refusals are made from these.
 */

/** A thread's topic: what it is about, in a line (1 to 200 characters). */
export const THREAD_TOPIC_LENGTH = { min: 1, max: 200 } as const;

/** A message: 1 to 4,000 characters. */
export const MESSAGE_BODY_LENGTH = { min: 1, max: 4000 } as const;

/** The professionals a thread starts with, the one who starts it included. */
export const MAX_THREAD_PROFESSIONALS = 20;

/** Who wrote a message: a member of the family, or a professional for their organisation. */
export const MESSAGE_AUTHOR_KINDS = ['MEMBER', 'PROFESSIONAL'] as const;
export type MessageAuthorKind = (typeof MESSAGE_AUTHOR_KINDS)[number];
