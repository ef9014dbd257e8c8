import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { CircleResolver } from './circle.resolver';
import { CircleService } from './circle.service';
import { ShieldingService } from './shielding.service';

/** The circle (DESIGN.md §9, wie helpen er): who is involved and whom to reach, and shielding an involvement from named members. */
@Module({
  imports: [AccessLogModule],
  providers: [CircleService, ShieldingService, CircleResolver],
})
export class CircleModule {}
