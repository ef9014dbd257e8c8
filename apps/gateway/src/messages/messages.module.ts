import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { LiveThreads } from './live-threads.service';
import { MessagesResolver } from './messages.resolver';
import { MessagesService } from './messages.service';
import { ThreadScopes } from './thread-scope';
import { ThreadsService } from './threads.service';

/** The family's messages (DESIGN.md §9, kringberichten): threads, their participants and messages, read through the one access rule. */
@Module({
  imports: [AccessLogModule],
  providers: [ThreadScopes, ThreadsService, MessagesService, LiveThreads, MessagesResolver],
  exports: [LiveThreads],
})
export class MessagesModule {}
