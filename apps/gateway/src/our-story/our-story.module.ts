import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { OurStoryResolver } from './our-story.resolver';
import { OurStoryService } from './our-story.service';

/** Our story (DESIGN.md §9, ons verhaal): members write it; it is read in the family file, through the rule. */
@Module({
  imports: [AccessLogModule],
  providers: [OurStoryService, OurStoryResolver],
})
export class OurStoryModule {}
