/** A message as the read marker counts it: its place, whether the participant wrote it, whether it was withdrawn. */
export interface CountedMessage {
  readonly sequence: number;
  readonly own: boolean;
  readonly withdrawn: boolean;
}

/**
 * How many messages a participant has not been served yet: those after their read marker that
 * someone else wrote and that were not withdrawn (a tombstone is nothing to read).
 */
export function unreadCount(messages: readonly CountedMessage[], readUpTo: number): number {
  return messages.filter((m) => m.sequence > readUpTo && !m.own && !m.withdrawn).length;
}

/** The read marker after a page was served: the last message served, never moving back (a page of older messages leaves it). */
export function advancedReadMarker(readUpTo: number, served: readonly number[]): number {
  return Math.max(readUpTo, ...served);
}
