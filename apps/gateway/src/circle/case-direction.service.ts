import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { KringCrypto, openSealed } from '@kring/crypto';
import {
  CASE_DIRECTION_HANDOVER_SEALED_FIELDS,
  CASE_DIRECTOR_REQUEST_SEALED_FIELDS,
  CaseDirectionHandoverEntity,
  CaseDirectorRequestEntity,
  FamilyEntity,
  InvolvementEntity,
  InvolvementShieldingEntity,
  isInvolvedOn,
  memberIdsOf,
  SHIELDING_IN_FORCE,
  transferCaseDirection,
  unwrapFamilyKey,
} from '@kring/family-file';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, type ProfessionalPrincipal } from '@kring/identity';
import { about, actorOf, CASEWORK_ROLES, caseDirectorRequestColumns, escalationColumns, permissionsFor, permittedWhere } from '@kring/policy';
import { EscalationEntity, EscalationKind, escalationTextPlace } from '@kring/escalation';
import { AuditService } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { transferRefused } from '../common/refusal-errors';
import { namedParameters } from '../common/permitted-sql';
import { organisationModel } from '../directory/organisation.model';
import { circleEntries, listEntries, type ListedRow } from './circle-entries';
import type { CaseDirectionHandover, CaseDirectorRequest, TransferCaseDirectionInput } from './case-direction.model';

/** Case direction (casusregie, DESIGN.md §9): handing it over with a warm note, and the team leads' list of members' requests for another case director (asking is an escalation now). */
@Injectable()
export class CaseDirectionService {
  private readonly directory: DirectoryWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.directory = new DirectoryWriter(crypto);
  }

  /**
   * Hands case direction over to a professional of another organisation involved today: by the
   * case director, or a team lead of their organisation (the permission table). The new case
   * director becomes the contact of their organisation's involvement. A family the caller's
   * organisation is not involved with answers like one that does not exist.
   */
  async transfer(principal: ProfessionalPrincipal, input: TransferCaseDirectionInput, traceId: string): Promise<CaseDirectionHandover> {
    const at = this.clock.now();
    if (!isUuid(input.familyId)) throw notFound('family');
    const today = dutchDate(at);
    return this.dataSource.transaction(async (manager) => {
      const family = await manager.findOne(FamilyEntity, { where: { id: input.familyId } });
      if (family === null || family.erasedAt !== null) throw notFound('family');
      // Locked: two handovers of one family at once must not both succeed.
      const involvements = await manager.find(InvolvementEntity, { where: { familyId: family.id }, order: { startsOn: 'ASC', id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const involvedOrganisationIds = involvements.filter((i) => isInvolvedOn(i, today)).map((i) => i.organisationId);
      if (!involvedOrganisationIds.includes(principal.organisationId)) throw notFound('family');
      const directing = involvements.find((i) => i.caseDirection && isInvolvedOn(i, today));
      const facts = { familyId: family.id, involvedOrganisationIds, directingOrganisationId: directing?.organisationId ?? null, caseDirectorId: directing?.contactProfessionalId ?? null };
      // A deactivated professional cannot take case direction on; the share lock keeps a deactivation from crossing the handover.
      const target = isUuid(input.toProfessionalId)
        ? await manager.findOne(ProfessionalEntity, { where: { id: input.toProfessionalId, deactivatedAt: IsNull() }, lock: { mode: 'pessimistic_read' } })
        : null;
      const decision = transferCaseDirection(input.note, {
        involvements,
        today,
        mayTransfer: permissionsFor(actorOf(principal)).can('transfer', about('CaseDirection', facts)),
        target: target === null ? null : { organisationId: target.organisationId, worksWithFamilies: target.roles.some((r) => CASEWORK_ROLES.includes(r)) },
      });
      if (!decision.ok) throw transferRefused(decision.refusal);
      const { note, from, to: receiving } = decision;
      // The decision found the new case director's organisation among those involved: there is one.
      const newDirector = target as ProfessionalEntity;
      // First off, then on: at most one open involvement holds case direction (a unique index).
      await manager.update(InvolvementEntity, { id: from.id }, { caseDirection: false });
      await manager.update(InvolvementEntity, { id: receiving.id }, { caseDirection: true, contactProfessionalId: newDirector.id });
      const id = randomUUID();
      const key = unwrapFamilyKey(this.crypto, family);
      await manager.insert(CaseDirectionHandoverEntity, {
        id,
        familyId: family.id,
        fromInvolvementId: from.id,
        toInvolvementId: receiving.id,
        handedOverByProfessionalId: principal.professionalId,
        toProfessionalId: newDirector.id,
        noteCiphertext: this.crypto.cipher.encrypt(key, { field: CASE_DIRECTION_HANDOVER_SEALED_FIELDS.note, rowId: id }, note),
        handedOverAt: at,
      });
      // About every member, less what is shielded from each (circleEntries): both involvements changed.
      const shieldings = await manager.find(InvolvementShieldingEntity, { where: { familyId: family.id, ...SHIELDING_IN_FORCE }, select: { id: true, involvementId: true, memberId: true } });
      const changed = [from, receiving].map((i) => ({ involvementId: i.id, organisationId: i.organisationId, basis: 'OWN_RECORD' as const, fields: ['caseDirection', 'contact', 'handoverNote'] }));
      await this.audit.record(manager, { principal, traceId, at }, circleEntries('TRANSFER_CASE_DIRECTION', family.id, await memberIdsOf(manager, family.id), changed, shieldings, 'OWN_RECORD'));
      const organisations = await manager.find(OrganisationEntity, { where: { id: In([from.organisationId, newDirector.organisationId]) } });
      const card = this.directory.professionalCards(organisations, [newDirector]).get(newDirector.id) as { name: string; contact: string | null };
      const organisationOf = (organisationId: string) => organisationModel(organisations.find((o) => o.id === organisationId) as OrganisationEntity);
      return {
        id,
        familyId: family.id,
        from: organisationOf(from.organisationId),
        to: { id: newDirector.id, name: card.name, roles: [...newDirector.roles], organisation: organisationOf(newDirector.organisationId), contact: card.contact },
        note,
        handedOverAt: at,
      };
    });
  }

  /**
   * The requests for another case director of the families the team lead's organisation is
   * involved with today, newest first (at most 200): those made before escalations existed
   * (`case_director_request`, read-only since), and the escalations of kind OTHER_CASE_DIRECTOR
   * made since. Deprecated in the API for `escalationQueue`; kept so nothing a member asked is lost.
   */
  async requests(principal: ProfessionalPrincipal, traceId: string): Promise<CaseDirectorRequest[]> {
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const ability = permissionsFor(actorOf(principal));
      const scope: Record<string, unknown> = { today: dutchDate(at) };
      const permitted = permittedWhere(ability, 'read', 'CaseDirectorRequest', caseDirectorRequestColumns('r', ':today'), namedParameters(scope));
      const legacy = await manager
        .createQueryBuilder(CaseDirectorRequestEntity, 'r')
        .innerJoin(FamilyEntity, 'f', 'f.id = r.family_id AND f.erased_at IS NULL')
        .where(permitted, scope)
        .orderBy('r.requested_at', 'DESC')
        .addOrderBy('r.id', 'ASC')
        .limit(200)
        .getMany();
      const since: Record<string, unknown> = { today: dutchDate(at), kind: EscalationKind.OTHER_CASE_DIRECTOR };
      const escalations = await manager
        .createQueryBuilder(EscalationEntity, 'e')
        .innerJoin(FamilyEntity, 'f', 'f.id = e.family_id AND f.erased_at IS NULL')
        .where(permittedWhere(ability, 'takeOn', 'Escalation', escalationColumns('e', ':today'), namedParameters(since)), since)
        .andWhere('e.kind = :kind')
        .orderBy('e.raised_at', 'DESC')
        .addOrderBy('e.id', 'ASC')
        .limit(200)
        .getMany();
      const requests = [
        ...legacy.map((r) => ({ familyId: r.familyId, id: r.id, memberId: r.memberId, at: r.requestedAt, sealed: r.reasonCiphertext, place: { field: CASE_DIRECTOR_REQUEST_SEALED_FIELDS.reason, rowId: r.id }, targetKind: 'FAMILY' as const })),
        ...escalations.map((e) => ({ familyId: e.familyId, id: e.id, memberId: e.raisedByMemberId as string, at: e.raisedAt, sealed: e.blocksCiphertext, place: escalationTextPlace(e.id, 'blocks'), targetKind: 'ESCALATION' as const })),
      ]
        .sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id))
        .slice(0, 200);
      const families = requests.length === 0 ? [] : await manager.find(FamilyEntity, { where: { id: In([...new Set(requests.map((r) => r.familyId))]) } });
      const shown = requests.map((r) => {
        const family = families.find((f) => f.id === r.familyId) as FamilyEntity;
        const reason = r.sealed === null ? null : openSealed(this.crypto, unwrapFamilyKey(this.crypto, family), r.place, r.sealed);
        return { id: r.id, familyId: r.familyId, memberId: r.memberId, reason, requestedAt: r.at };
      });
      const listed = requests.map((r): ListedRow => ({ familyId: r.familyId, memberId: r.memberId, targetKind: r.targetKind, targetId: r.targetKind === 'FAMILY' ? r.familyId : r.id, sourceOrganisationId: null, ref: r.id, fields: ['reason'], basis: 'INVOLVED_ORGANISATION' }));
      await this.audit.record(manager, { principal, traceId, at }, listEntries('READ_CASE_DIRECTOR_REQUESTS', listed));
      return shown;
    });
  }
}
