import { Module } from '@nestjs/common';
import { AccessLogExportController } from './access-log-export.controller';
import { AccessLogIntegrityService } from './access-log-integrity.service';
import { AccessLogResolver } from './access-log.resolver';
import { AccessLogService } from './access-log.service';
import { AuditService } from './audit.service';

/**
 * The access log: writing entries (AuditService, which every feature that reads or changes
 * personal data uses), reading, exporting and verifying them, and signing checkpoints.
 */
@Module({
  controllers: [AccessLogExportController],
  providers: [AuditService, AccessLogService, AccessLogIntegrityService, AccessLogResolver],
  exports: [AuditService],
})
export class AccessLogModule {}
