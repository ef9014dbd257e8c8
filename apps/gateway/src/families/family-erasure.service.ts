import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { ConsentEntity } from '@kring/consent';
import { BreakGlassGrantEntity, FamilyEntity, FamilyErasureEntity, FamilyMemberEntity, RecordEntity } from '@kring/family-file';
import { OrganisationEntity, unwrapOrganisationKey, type ProfessionalPrincipal } from '@kring/identity';
import { AuditService } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { badInput, notFound } from '../common/kring-error';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';
import type { ErasureConnection, ErasureReceipt } from './family-erasure.model';

/** A reason long enough to mean something (a request's reference and its ground), short enough to be a reason. */
const REASON_LENGTH = { min: 10, max: 1000 };

/**
 * Erasure (AVG art. 17) by crypto-shredding (DESIGN.md §5.4): the family's data key is
 * destroyed, so every value sealed with it (names, birth dates, BSNs, records, consent
 * reasons, break-glass justifications) is unreadable from then on, here and in every copy
 * that does not also hold the old wrapped key. The BSNs' blind indexes are cleared too, so a
 * BSN can no longer be matched. Rows stay as ids, times and categories: the access log and
 * the consents' history still refer to them, and the log's chain stays verifiable.
 */
@Injectable()
export class FamilyErasureService {
  constructor(
    @Inject(KRING_RUNTIME) private readonly runtime: KringRuntime,
    private readonly audit: AuditService,
  ) {}

  async erase(principal: ProfessionalPrincipal, familyId: string, reason: string, traceId: string): Promise<ErasureReceipt> {
    const why = reason.trim();
    if (why.length < REASON_LENGTH.min || why.length > REASON_LENGTH.max) {
      throw badInput('reason', `must be ${REASON_LENGTH.min} to ${REASON_LENGTH.max} characters: the request's reference and its ground, no personal data`);
    }
    if (!isUuid(familyId)) throw notFound('family');
    return this.runtime.dataSource.transaction(async (manager) => {
      // The row lock makes a second erasure wait for this one (and then find it erased). A write that
      // loaded the key just before this commits may still add a row: sealed with the destroyed key, unreadable.
      const family = await manager.findOne(FamilyEntity, { where: { id: familyId }, lock: { mode: 'pessimistic_write' } });
      if (family === null || family.erasedAt !== null) throw notFound('family');
      // Emergency access is accounted for before its evidence becomes unreadable.
      const unreviewed = await manager.count(BreakGlassGrantEntity, { where: { familyId, reviewVerdict: IsNull() } });
      if (unreviewed > 0) throw badInput('id', `has ${unreviewed} break-glass grant(s) not yet reviewed; review them before erasing the family`);

      const at = this.runtime.clock.now();
      const members = await manager.find(FamilyMemberEntity, { where: { familyId }, select: { id: true } });
      const memberIds = members.map((m) => m.id).sort();
      // One connection per transaction: its queries run one after another.
      const records = await manager.count(RecordEntity, { where: { familyId } });
      const consents = await manager.count(ConsentEntity, { where: { familyId } });
      const breakGlassGrants = await manager.count(BreakGlassGrantEntity, { where: { familyId } });
      const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: principal.organisationId });
      const organisationKey = unwrapOrganisationKey(this.runtime.crypto, organisation);

      await manager.update(FamilyEntity, { id: familyId }, { wrappedDataKey: null, erasedAt: at });
      await manager.update(FamilyMemberEntity, { familyId }, { bsnBlindIndex: null });
      await manager.insert(FamilyErasureEntity, {
        familyId,
        erasedAt: at,
        professionalId: principal.professionalId,
        organisationId: organisation.id,
        reasonCiphertext: this.runtime.crypto.cipher.encrypt(organisationKey, { rowKind: 'family_erasure', rowId: familyId, field: 'reason' }, why),
        members: memberIds.length,
        records,
        consents,
        breakGlassGrants,
      });
      // On the family's own chain, in the same transaction: no erasure without its entry. What was destroyed is named; the reason is not logged.
      await this.audit.record(manager, { principal, traceId, at }, [
        {
          activity: 'ERASE_FAMILY',
          purpose: null,
          familyId,
          subjectMemberIds: memberIds,
          targetKind: 'FAMILY',
          targetIds: [familyId],
          sourceOrganisationId: null,
          category: null,
          fields: ['bsnBlindIndex', 'dataKey'],
          decision: 'ALLOWED',
          basis: null,
          basisRefs: [],
          reason: null,
          breakGlass: false,
        },
      ]);
      return {
        familyId,
        erasedAt: at,
        erasedByProfessionalId: principal.professionalId,
        organisation: { id: organisation.id, name: organisation.name, domain: organisation.domain },
        members: memberIds.length,
        records,
        consents,
        breakGlassGrants,
        reason: why,
      };
    });
  }

  /** Every erasure, newest first (keyset on time and family id): the chain's record of what it destroyed, and why. */
  async list(first: number, after: string | null): Promise<ErasureConnection> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    const from = after === null ? null : decodeCursor(after);
    const query = this.runtime.dataSource
      .getRepository(FamilyErasureEntity)
      .createQueryBuilder('e')
      .orderBy('e.erased_at', 'DESC')
      .addOrderBy('e.family_id', 'DESC')
      .take(first + 1);
    if (from !== null) query.where('(e.erased_at, e.family_id) < (:at, :id)', { at: from.at, id: from.familyId });
    const rows = await query.getMany();
    const page = rows.slice(0, first);
    const organisations = page.length === 0 ? [] : await this.runtime.dataSource.manager.findBy(OrganisationEntity, { id: In([...new Set(page.map((e) => e.organisationId))]) });
    // Each organisation's key unwrapped once for the page.
    const keys = new Map(organisations.map((o) => [o.id, { organisation: o, key: unwrapOrganisationKey(this.runtime.crypto, o) }]));
    const edges = page.map((e) => {
      const owner = keys.get(e.organisationId);
      if (owner === undefined) throw new Error('the organisation of an erasure receipt is missing');
      const { organisation, key } = owner;
      return {
        cursor: encodeCursor(e.erasedAt, e.familyId),
        node: {
          familyId: e.familyId,
          erasedAt: e.erasedAt,
          erasedByProfessionalId: e.professionalId,
          organisation: { id: organisation.id, name: organisation.name, domain: organisation.domain },
          members: e.members,
          records: e.records,
          consents: e.consents,
          breakGlassGrants: e.breakGlassGrants,
          reason: this.runtime.crypto.cipher.decrypt(key, { rowKind: 'family_erasure', rowId: e.familyId, field: 'reason' }, e.reasonCiphertext),
        },
      };
    });
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

function encodeCursor(at: Date, familyId: string): string {
  return Buffer.from(`erasure:${at.toISOString()}|${familyId}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; familyId: string } {
  const match = /^erasure:(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|([0-9a-f-]{36})$/i.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const at = match === null ? null : new Date(match[1] as string);
  if (match === null || at === null || Number.isNaN(at.getTime())) throw badInput('after', 'is not a cursor this API gave out');
  return { at, familyId: match[2] as string };
}
