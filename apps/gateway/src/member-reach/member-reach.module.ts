import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { MemberReachResolver } from './member-reach.resolver';
import { MemberReachService } from './member-reach.service';

/** A member's reach as the API gives it (`myReach`): who the portal lets them act for. */
@Module({
  imports: [AccessLogModule],
  providers: [MemberReachService, MemberReachResolver],
})
export class MemberReachModule {}
