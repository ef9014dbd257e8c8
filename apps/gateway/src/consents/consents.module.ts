import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { ConsentReceiptService } from './consent-receipt.service';
import { ConsentService } from './consent.service';
import { ConsentsResolver } from './consents.resolver';
import { FhirConsentController } from './fhir-consent.controller';
import { ReceiptKeysController } from './receipt-keys.controller';

/** Granting, co-signing, revoking and listing consents; their signed receipts and FHIR export (docs/consent-receipts.md). */
@Module({
  imports: [AccessLogModule],
  providers: [ConsentService, ConsentReceiptService, ConsentsResolver],
  controllers: [ReceiptKeysController, FhirConsentController],
})
export class ConsentsModule {}
