import { Module } from '@nestjs/common';
import { AccessLogExportController } from './access-log-export.controller';
import { AccessLogIntegrityService } from './access-log-integrity.service';
import { AccessLogPartitionsService } from './access-log-partitions.service';
import { AccessLogResolver } from './access-log.resolver';
import { AccessLogService } from './access-log.service';
import { AuditService } from './audit.service';
import { OfficerLookupResolver } from './officer-lookup.resolver';
import { OfficerLookupService } from './officer-lookup.service';

/**
 * The access log: writing entries (AuditService, which every feature that reads or changes
 * personal data uses), reading, exporting and verifying them, signing checkpoints, and
 * making its monthly partitions ahead; the privacy officer's lookups of whom to filter it on.
 */
@Module({
  controllers: [AccessLogExportController],
  providers: [AuditService, AccessLogService, AccessLogIntegrityService, AccessLogPartitionsService, AccessLogResolver, OfficerLookupService, OfficerLookupResolver],
  exports: [AuditService],
})
export class AccessLogModule {}
