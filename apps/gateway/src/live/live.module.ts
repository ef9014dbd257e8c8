import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { LiveServer } from './live-server';

/** GraphQL subscriptions over WebSocket (`graphql-ws`) on the gateway's HTTP server and `/graphql` (docs/messages.md, "Live"). */
@Module({
  imports: [IdentityModule],
  providers: [LiveServer],
})
export class LiveModule {}
