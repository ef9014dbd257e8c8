import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@kring/config';
import { ConsentEntity, ConsentSignatureEntity, consentReceipts, dutchDate, loadSubjectFacts } from '@kring/consent';
import { KringCrypto } from '@kring/crypto';
import { DataCategory } from '@kring/family-file';
import { OrganisationEntity, type CitizenPrincipal } from '@kring/identity';
import { about, actorOf, membersInReach, permissionsFor, PurposeCatalogue } from '@kring/policy';
import { AuditService, changeEntries } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import type { ConsentReceiptDocument } from './consent-receipt.model';

/** GDPR Art. 9 special categories among Kring's data categories. */
const SPECIAL_CATEGORIES: ReadonlySet<string> = new Set([DataCategory.HEALTH]);

/**
 * Issues a member the signed receipts (ISO/IEC TS 27560) of a consent about their reach, one per
 * event so far. Scoped like the consents view: a consent outside the member's reach, or of another
 * family, is answered like one that does not exist. Every issue is logged (ISSUE_CONSENT_RECEIPT).
 */
@Injectable()
export class ConsentReceiptService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async receipts(principal: CitizenPrincipal, consentId: string, traceId: string): Promise<ConsentReceiptDocument[]> {
    if (!isUuid(consentId)) throw notFound('consent');
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const consent = await manager.findOne(ConsentEntity, { where: { id: consentId } });
      if (consent === null || consent.familyId !== principal.familyId) throw notFound('consent');
      const { subjects } = await loadSubjectFacts(manager, this.crypto, consent.familyId);
      const reach = [...membersInReach(principal.memberId, subjects.values(), dutchDate(now))];
      const ability = permissionsFor(actorOf(principal, reach));
      const facts = { familyId: consent.familyId, subjectMemberId: consent.subjectMemberId, recipientOrganisationId: consent.recipientOrganisationId, recipientDomain: consent.recipientDomain, involvedOrganisationIds: [] };
      if (!ability.can('issueReceipt', about('Consent', facts))) throw notFound('consent');
      const signatures = await manager.find(ConsentSignatureEntity, { where: { consentId: consent.id } });
      const organisation = consent.recipientOrganisationId === null ? null : await manager.findOne(OrganisationEntity, { where: { id: consent.recipientOrganisationId }, select: { id: true, name: true } });
      const receipts = consentReceipts({
        consent,
        signatures,
        recipient: organisation !== null ? { organisationId: organisation.id, name: organisation.name } : { domain: consent.recipientDomain ?? 'UNKNOWN' },
        controller: this.catalogue.controller,
        purpose: (code) => {
          const purpose = this.catalogue.find(code);
          return purpose === undefined ? undefined : { name: purpose.name, lawfulBasis: purpose.lawfulBasis.article6, retention: purpose.retention };
        },
        specialCategories: SPECIAL_CATEGORIES,
        now,
      });
      await this.audit.record(manager, { principal, traceId, at: now }, [
        ...changeEntries({
          activity: 'ISSUE_CONSENT_RECEIPT',
          familyId: consent.familyId,
          subjectMemberIds: [consent.subjectMemberId],
          targetKind: 'CONSENT',
          targetIds: [consent.id],
          // Which events were attested, by receipt id: no values.
          fields: receipts.map((r) => `${r.event.eventType}:${r.receiptId}`),
          basis: 'DATA_SUBJECT',
          basisRefs: [consent.id],
        }),
      ]);
      return receipts.map((receipt) => ({
        receiptId: receipt.receiptId,
        consentId: consent.id,
        event: receipt.event.eventType,
        eventTime: new Date(receipt.event.eventTime),
        document: JSON.stringify(this.crypto.receiptSigner.sign(receipt), null, 2),
      }));
    });
  }
}
