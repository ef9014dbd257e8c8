import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { BreakGlassResolver } from './break-glass.resolver';
import { BreakGlassService } from './break-glass.service';

/** Emergency access: opening it, a privacy officer's review, and the list of grants. */
@Module({
  imports: [AccessLogModule],
  providers: [BreakGlassService, BreakGlassResolver],
})
export class BreakGlassModule {}
