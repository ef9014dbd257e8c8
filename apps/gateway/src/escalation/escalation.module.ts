import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { EscalationFiguresService } from './escalation-figures.service';
import { EscalationResolver } from './escalation.resolver';
import { EscalationScopes } from './escalation-scope';
import { EscalationService } from './escalation.service';

/** Escalation (DESIGN.md §9, doorbraak): raising, the team leads' queue, taking on and deciding, the officers' figures; read through the one access rule. */
@Module({
  imports: [AccessLogModule],
  providers: [EscalationScopes, EscalationService, EscalationFiguresService, EscalationResolver],
  exports: [EscalationService],
})
export class EscalationModule {}
