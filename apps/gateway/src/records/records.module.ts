import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { FamilyWritesResolver } from './family-writes.resolver';
import { FamilyWritesService } from './family-writes.service';

/** Writing the family file: registering a family and involvements, adding records. */
@Module({
  imports: [AccessLogModule],
  providers: [FamilyWritesService, FamilyWritesResolver],
})
export class RecordsModule {}
