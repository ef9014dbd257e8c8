import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { ConsentService } from './consent.service';
import { ConsentsResolver } from './consents.resolver';

/** Granting, co-signing, revoking and listing consents. */
@Module({
  imports: [AccessLogModule],
  providers: [ConsentService, ConsentsResolver],
})
export class ConsentsModule {}
