import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { CitizenPrincipal, Principal, ProfessionalPrincipal } from '@kring/identity';
import { actorOf, permissionsFor, type PermissionAction, type PermissionSubjectType } from '@kring/policy';
import { forbidden, KringError } from '../common/kring-error';
import { TraceId } from '../common/trace';
import { Authenticated, MembersMay, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Message, MessageConnection, PostMessageInput, StartThreadInput, Thread } from './messages.model';
import { LiveThreads } from './live-threads.service';
import type { LiveItem } from './live-subscription';
import { MessagesService } from './messages.service';
import { ThreadEvent } from './thread-event.model';
import { ThreadsService } from './threads.service';

@Resolver(() => Thread)
export class MessagesResolver {
  constructor(
    private readonly threads: ThreadsService,
    private readonly messages: MessagesService,
    private readonly live: LiveThreads,
  ) {}

  @MembersMay('read', 'Thread')
  @Query(() => [Thread], { description: 'Our threads (kringberichten): the conversations about you and the children in your care, whether or not you take part, with who does. Join one to read and post in it.' })
  ourThreads(@CurrentPrincipal() principal: CitizenPrincipal, @TraceId() traceId: string): Promise<Thread[]> {
    return this.threads.list(principal, principal.familyId, traceId);
  }

  @ProfessionalsMay('read', 'Thread')
  @Query(() => [Thread], { description: 'The threads you take part in around a family your organisation is involved with: open, or closed to you now with the access rule\'s reason.' })
  familyThreads(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('familyId', { type: () => ID }) familyId: string, @TraceId() traceId: string): Promise<Thread[]> {
    return this.threads.list(principal, familyId, traceId);
  }

  // Members and professionals both read threads; which ones is the permission table's and the messages rule's (thread-scope.ts).
  @Authenticated()
  @Query(() => Thread, { description: 'One thread in your view.' })
  thread(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @TraceId() traceId: string): Promise<Thread> {
    requireMay(principal, 'read', 'Thread');
    return this.threads.one(principal, id, traceId);
  }

  @Authenticated()
  @Query(() => MessageConnection, {
    description:
      'A page of a thread\'s messages, oldest first (newest last). Without arguments the newest page (50); `first`/`after` pages forwards, `last`/`before` backwards (1 to 100). Moves your read marker on. Members: once joined.',
  })
  threadMessages(
    @CurrentPrincipal() principal: Principal,
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('last', { type: () => Int, nullable: true }) last: number | null,
    @Args('before', { type: () => String, nullable: true }) before: string | null,
    @TraceId() traceId: string,
  ): Promise<MessageConnection> {
    requireMay(principal, 'read', 'ThreadMessage');
    return this.messages.page(principal, threadId, { first: first ?? null, after: after ?? null, last: last ?? null, before: before ?? null }, traceId);
  }

  @ProfessionalsMay('start', 'Thread')
  @Mutation(() => Thread, { description: 'Starts a thread around a family your organisation is involved with: its topic, whom it is about, its category and purpose, the professionals who take part, and an opening message.' })
  startThread(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: StartThreadInput, @TraceId() traceId: string): Promise<Thread> {
    return this.threads.start(principal, input, traceId);
  }

  @MembersMay('join', 'Thread')
  @Mutation(() => Thread, { description: 'Joins a thread about you or a child in your care: you then read and post in it, and the others see that you take part.' })
  joinThread(@CurrentPrincipal() principal: CitizenPrincipal, @Args('threadId', { type: () => ID }) threadId: string, @TraceId() traceId: string): Promise<Thread> {
    return this.threads.join(principal, threadId, traceId);
  }

  @Authenticated()
  @Mutation(() => Message, { description: 'Posts a message in a thread you take part in (a professional: while it is open to you). Messages are never edited.' })
  postMessage(@CurrentPrincipal() principal: Principal, @Args('input') input: PostMessageInput, @TraceId() traceId: string): Promise<Message> {
    requireMay(principal, 'post', 'ThreadMessage');
    return this.messages.post(principal, input, traceId);
  }

  @Authenticated()
  @Mutation(() => Message, { description: 'Withdraws a message you wrote: its text is destroyed; who wrote it and when stay, as a tombstone.' })
  withdrawMessage(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @TraceId() traceId: string): Promise<Message> {
    requireMay(principal, 'withdraw', 'ThreadMessage');
    return this.messages.withdraw(principal, id, traceId);
  }

  @Authenticated()
  @Subscription(() => ThreadEvent, {
    description: 'Live events of one thread you take part in, from now on; ends when the thread closes to you.',
    // An item that is an error ends the subscription; thrown here, it reaches the client as any resolver's error.
    resolve: (item: LiveItem) => {
      if (item instanceof KringError) throw item;
      return item;
    },
  })
  threadEvents(@CurrentPrincipal() principal: Principal, @Args('threadId', { type: () => ID }) threadId: string, @TraceId() traceId: string): Promise<AsyncIterableIterator<LiveItem>> {
    requireMay(principal, 'read', 'ThreadMessage');
    return this.live.subscribe(principal, threadId, traceId);
  }
}

/** Operations open to members and professionals: refused outright for whom the permission table grants the action on no such thing (officers, administrators). */
function requireMay(principal: Principal, action: PermissionAction, subject: PermissionSubjectType): void {
  if (!permissionsFor(actorOf(principal)).can(action, subject)) throw forbidden();
}
