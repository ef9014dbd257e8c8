import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Message, ThreadClosed } from './messages.model';

/** What happened in a thread, as a live subscriber hears it. */
export enum ThreadEventKind {
  MESSAGE_POSTED = 'MESSAGE_POSTED',
  MESSAGE_WITHDRAWN = 'MESSAGE_WITHDRAWN',
  THREAD_CLOSED = 'THREAD_CLOSED',
}
registerEnumType(ThreadEventKind, {
  name: 'ThreadEventKind',
  description: 'MESSAGE_POSTED: a new message; MESSAGE_WITHDRAWN: a message became a tombstone; THREAD_CLOSED: the thread closed to you, and the subscription ends.',
});

@ObjectType({ description: 'A live event of a thread you take part in (`threadEvents`).' })
export class ThreadEvent {
  @Field(() => ThreadEventKind)
  kind!: ThreadEventKind;

  @Field(() => ID)
  threadId!: string;

  @Field(() => Message, { nullable: true, description: 'MESSAGE_POSTED: the new message, as `threadMessages` would serve it; MESSAGE_WITHDRAWN: its tombstone (no text).' })
  message!: Message | null;

  @Field(() => ThreadClosed, { nullable: true, description: 'THREAD_CLOSED: the category and the access rule\'s reason; the subscription completes after it.' })
  closed!: ThreadClosed | null;

  @Field(() => Int, { nullable: true, description: 'Your unread count after this event (a live delivery does not move your read marker; reading a page does).' })
  unreadCount!: number | null;
}
