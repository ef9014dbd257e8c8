import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { Clock } from '@kring/config';
import { ConsentEntity } from '@kring/consent';
import { KringCrypto } from '@kring/crypto';
import {
  BreakGlassGrantEntity,
  eraseFamily,
  FAMILY_ERASURE_SEALED_FIELDS,
  FamilyEntity,
  FamilyErasureEntity,
  FamilyMemberEntity,
  RecordEntity,
} from '@kring/family-file';
import { OrganisationEntity, unwrapOrganisationKey, type ProfessionalPrincipal } from '@kring/identity';
import { MessagesWriter } from '@kring/messages';
import { EscalationWriter } from '@kring/escalation';
import { ReferralWriter } from '@kring/referral';
import { about, actorOf, permissionsFor } from '@kring/policy';
import { AuditService, decisionOf, operationEntries } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { decodeTimeCursor, encodeTimeCursor, requirePageSize } from '../common/keyset-page';
import { forbidden } from '../common/kring-error';
import { erasureRefused } from '../common/refusal-errors';
import type { ErasureConnection, ErasureReceipt } from './family-erasure.model';

/**
 * Erasure (AVG art. 17) by crypto-shredding (DESIGN.md §5.4): the family's data key is
 * destroyed, so every value sealed with it (names, birth dates, BSNs, records, consent
 * reasons, break-glass justifications) is unreadable from then on, here and in every copy
 * that does not also hold the old wrapped key. The BSNs' blind indexes are cleared too, so a
 * BSN can no longer be matched, and the family's thread topics and messages, and its
 * escalations' texts, lose their ciphertexts as well (docs/messages.md, docs/escalation.md): gone from the database, not only unreadable. Rows stay as ids, times and categories: the access log and
 * the consents' history still refer to them, and the log's chain stays verifiable.
 */
@Injectable()
export class FamilyErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async erase(principal: ProfessionalPrincipal, familyId: string, reason: string, traceId: string): Promise<ErasureReceipt> {
    // Who may erase is the permission table's (a chain privacy officer; the guard asked it too).
    if (!permissionsFor(actorOf(principal)).can('erase', about('Family', { familyId }))) throw forbidden();
    return this.dataSource.transaction(async (manager) => {
      // The row lock makes a second erasure wait for this one (and then find it erased). A write that
      // loaded the key just before this commits may still add a row: sealed with the destroyed key, unreadable.
      const family = isUuid(familyId) ? await manager.findOne(FamilyEntity, { where: { id: familyId }, lock: { mode: 'pessimistic_write' } }) : null;
      // Emergency access is accounted for before its evidence becomes unreadable.
      const unreviewedBreakGlassGrants = family === null || family.erasedAt !== null ? 0 : await manager.count(BreakGlassGrantEntity, { where: { familyId, reviewVerdict: IsNull() } });
      const decision = eraseFamily(reason, { family, unreviewedBreakGlassGrants }, this.clock.now());
      if (!decision.ok) throw erasureRefused(decision.refusal);
      const { erasedAt: at, reason: why } = decision.erasure;

      const members = await manager.find(FamilyMemberEntity, { where: { familyId }, select: { id: true } });
      const memberIds = members.map((m) => m.id).sort();
      const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: principal.organisationId });
      const organisationKey = unwrapOrganisationKey(this.crypto, organisation);

      await manager.update(FamilyEntity, { id: familyId }, { wrappedDataKey: null, erasedAt: at });
      await manager.update(FamilyMemberEntity, { familyId }, { bsnBlindIndex: null });
      await new MessagesWriter(this.crypto).eraseFamily(manager, familyId);
      await new EscalationWriter(this.crypto).eraseFamily(manager, familyId);
      await new ReferralWriter(this.crypto).eraseFamily(manager, familyId);
      const erasure: FamilyErasureEntity = {
        familyId,
        erasedAt: at,
        professionalId: principal.professionalId,
        organisationId: organisation.id,
        reasonCiphertext: this.crypto.cipher.encrypt(organisationKey, reasonContext(familyId), why),
        members: memberIds.length,
        records: await manager.count(RecordEntity, { where: { familyId } }),
        consents: await manager.count(ConsentEntity, { where: { familyId } }),
        breakGlassGrants: await manager.count(BreakGlassGrantEntity, { where: { familyId } }),
      };
      await manager.insert(FamilyErasureEntity, erasure);
      // On the family's own chain, in the same transaction: no erasure without its entry. What was destroyed is named; the reason is not logged.
      await this.audit.record(
        manager,
        { principal, traceId, at },
        operationEntries({ activity: 'ERASE_FAMILY', familyId, subjectMemberIds: memberIds, decisions: [decisionOf({ targetKind: 'FAMILY', targetIds: [familyId], fields: ['bsnBlindIndex', 'dataKey', 'escalationTexts', 'messageBodies', 'referralTexts', 'threadTopics'] })] }),
      );
      return receiptOf(erasure, organisation, why);
    });
  }

  /** Every erasure, newest first (keyset on time and family id): the chain's record of what it destroyed, and why. */
  async list(first: number, after: string | null): Promise<ErasureConnection> {
    requirePageSize(first, 100);
    const from = after === null ? null : decodeTimeCursor(ERASURE_CURSOR, after);
    const query = this.dataSource
      .getRepository(FamilyErasureEntity)
      .createQueryBuilder('e')
      .orderBy('e.erased_at', 'DESC')
      .addOrderBy('e.family_id', 'DESC')
      .take(first + 1);
    if (from !== null) query.where('(e.erased_at, e.family_id) < (:at, :id)', { at: from.at, id: from.id });
    const rows = await query.getMany();
    const page = rows.slice(0, first);
    const organisations = page.length === 0 ? [] : await this.dataSource.manager.findBy(OrganisationEntity, { id: In([...new Set(page.map((e) => e.organisationId))]) });
    // Each organisation's key unwrapped once for the page.
    const keys = new Map(organisations.map((o) => [o.id, { organisation: o, key: unwrapOrganisationKey(this.crypto, o) }]));
    const edges = page.map((e) => {
      const owner = keys.get(e.organisationId);
      if (owner === undefined) throw new Error('the organisation of an erasure receipt is missing');
      const reason = this.crypto.cipher.decrypt(owner.key, reasonContext(e.familyId), e.reasonCiphertext);
      return { cursor: encodeTimeCursor(ERASURE_CURSOR, e.erasedAt, e.familyId), node: receiptOf(e, owner.organisation, reason) };
    });
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

/** Where a reason is bound: its ciphertext decrypts only as the reason of this family's receipt. */
function reasonContext(familyId: string) {
  return { field: FAMILY_ERASURE_SEALED_FIELDS.reason, rowId: familyId };
}

/** Cursors of the erasures name the last one by (erased_at, family id), the order of its pages. */
const ERASURE_CURSOR = 'erasure';

/** The receipt as the API gives it: the stored row, the erasing organisation, and the reason in plain text. */
function receiptOf(erasure: Omit<FamilyErasureEntity, 'reasonCiphertext'>, organisation: OrganisationEntity, reason: string): ErasureReceipt {
  return {
    familyId: erasure.familyId,
    erasedAt: erasure.erasedAt,
    erasedByProfessionalId: erasure.professionalId,
    organisation: { id: organisation.id, name: organisation.name, domain: organisation.domain },
    members: erasure.members,
    records: erasure.records,
    consents: erasure.consents,
    breakGlassGrants: erasure.breakGlassGrants,
    reason,
  };
}

