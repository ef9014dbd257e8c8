import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { FamilyPlanResolver } from './family-plan.resolver';
import { FamilyPlanService } from './family-plan.service';

/** The family plan (DESIGN.md §9, gezinsplan): one plan per family, versioned, agreed by capacity, read through the one access rule. */
@Module({
  imports: [AccessLogModule],
  providers: [FamilyPlanService, FamilyPlanResolver],
})
export class FamilyPlanModule {}
