import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { ReferralsResolver } from './referrals.resolver';
import { ReferralService } from './referrals.service';

/** Referral (DESIGN.md §9, verwijzing): referring to a service of the social map with the consent it needs; accepting, declining, withdrawing; in the access log. */
@Module({
  imports: [AccessLogModule],
  providers: [ReferralService, ReferralsResolver],
})
export class ReferralsModule {}
