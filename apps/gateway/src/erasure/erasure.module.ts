import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { FamilyErasureResolver } from './family-erasure.resolver';
import { FamilyErasureService } from './family-erasure.service';

/** Erasing a family (its data key destroyed) and the list of erasures. */
@Module({
  imports: [AccessLogModule],
  providers: [FamilyErasureService, FamilyErasureResolver],
})
export class ErasureModule {}
