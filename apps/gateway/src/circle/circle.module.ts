import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { EscalationModule } from '../escalation/escalation.module';
import { CaseDirectionResolver } from './case-direction.resolver';
import { CaseDirectionService } from './case-direction.service';
import { CircleResolver } from './circle.resolver';
import { CircleService } from './circle.service';
import { ShieldingService } from './shielding.service';

/** The circle (DESIGN.md §9, wie helpen er): who is involved and whom to reach, shielding an involvement from named members, and case direction. */
@Module({
  imports: [AccessLogModule, EscalationModule],
  providers: [CircleService, ShieldingService, CircleResolver, CaseDirectionService, CaseDirectionResolver],
})
export class CircleModule {}
