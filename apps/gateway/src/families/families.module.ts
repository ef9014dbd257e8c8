import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { FamiliesResolver } from './families.resolver';
import { FamilyFileService } from './family-file.service';

/** Reading the family file: a professional's read for a declared purpose, a member's own view, the families list. */
@Module({
  imports: [AccessLogModule],
  providers: [FamilyFileService, FamiliesResolver],
})
export class FamiliesModule {}
