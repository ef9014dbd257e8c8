import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate, loadSubjectFacts } from '@kring/consent';
import { KringCrypto, openSealed } from '@kring/crypto';
import {
  CASE_DIRECTION_HANDOVER_SEALED_FIELDS,
  CaseDirectionHandoverEntity,
  FamilyEntity,
  InvolvementEntity,
  InvolvementShieldingEntity,
  isInvolvedOn,
  loadFamilyKey,
  SHIELDING_IN_FORCE,
} from '@kring/family-file';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, type CitizenPrincipal, type ProfessionalPrincipal } from '@kring/identity';
import { about, actorOf, circleOf, DenyReason, hasStatutoryTask, membersInReach, permissionsFor, PurposeCatalogue, type CircleViewer } from '@kring/policy';
import { AuditService, refusalEntry, type AuditContext } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { organisationModel } from '../directory/organisation.model';
import { notFound } from '../common/kring-error';
import { circleEntries, type CircleDecision } from './circle-entries';
import type { Circle, CircleInvolvement, CircleProfessional } from './circle.model';

/** What a circle read serves of each involvement, as the log names it. */
const CIRCLE_FIELDS = ['organisation', 'since', 'caseDirection', 'contact'] as const;

/** The circle (DESIGN.md §9, *wie helpen er*): who is involved with a family, since when, and whom to reach there. */
@Injectable()
export class CircleService {
  private readonly directory: DirectoryWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.directory = new DirectoryWriter(crypto);
  }

  /**
   * A member's circle: the involvements running today, less those shielded from them, which
   * are neither served, counted nor logged in an entry about them. Every involvement is about
   * the whole family, so it concerns each member of the reach; the read is logged per member of the reach.
   */
  async readForMember(principal: CitizenPrincipal, traceId: string): Promise<Circle> {
    const at = this.clock.now();
    const today = dutchDate(at);
    return this.dataSource.transaction(async (manager) => {
      const family = await liveFamily(manager, principal.familyId);
      if (family === null || !permissionsFor(actorOf(principal)).can('read', about('Circle', { familyId: family.id, involvedOrganisationIds: [] }))) throw notFound('family');
      const { subjects } = await loadSubjectFacts(manager, this.crypto, family.id);
      const reach = [...membersInReach(principal.memberId, subjects.values(), today)];
      const { involvements, shieldings } = await circleRows(manager, family.id);
      const shown = circleOf({ kind: 'member', memberId: principal.memberId }, involvements, shieldings, today);
      // The handover note is for the family: every member to whom the directing involvement is in view.
      // Where case direction came from is not told when that involvement is shielded from them.
      const shieldedFromMe = (involvementId: string) => shieldings.some((x) => x.memberId === principal.memberId && x.involvementId === involvementId);
      const { circle, noteServedFor } = await this.present(manager, family.id, shown, { noteFor: () => true, hidden: shieldedFromMe });
      const concerned = shown.map((i): CircleDecision => ({ involvementId: i.id, organisationId: i.organisationId, basis: 'DATA_SUBJECT', fields: fieldsServed(i.id, noteServedFor) }));
      await this.audit.record(manager, { principal, traceId, at }, circleEntries('READ_CIRCLE', family.id, reach, concerned, shieldings, 'DATA_SUBJECT'));
      return circle;
    });
  }

  /**
   * A professional's circle (the Verwijsindex function): every involvement running today and
   * its contact, while their organisation is involved today. A family it is not involved with
   * answers exactly like one that does not exist, and the refusal is logged.
   */
  async readForProfessional(principal: ProfessionalPrincipal, familyId: string, traceId: string): Promise<Circle> {
    const at = this.clock.now();
    const today = dutchDate(at);
    const context: AuditContext = { principal, traceId, at };
    const refuse = async (knownFamilyId: string | null): Promise<never> => {
      await this.audit.recordRefusal(context, refusalEntry('READ_CIRCLE', DenyReason.NOT_INVOLVED, { familyId: knownFamilyId, targetKind: 'FAMILY', targetIds: isUuid(familyId) ? [familyId] : [] }));
      throw notFound('family');
    };
    if (!isUuid(familyId)) return refuse(null);
    const answer = await this.dataSource.transaction(async (manager): Promise<{ circle: Circle } | { refused: string | null }> => {
      const family = await liveFamily(manager, familyId);
      if (family === null) return { refused: null };
      const { involvements, shieldings } = await circleRows(manager, family.id);
      const involvedOrganisationIds = involvements.filter((i) => isInvolvedOn(i, today)).map((i) => i.organisationId);
      const ability = permissionsFor(actorOf(principal));
      if (!ability.can('read', about('Circle', { familyId: family.id, involvedOrganisationIds }))) return { refused: family.id };
      const viewer: CircleViewer = { kind: 'professional', organisationId: principal.organisationId };
      const shown = circleOf(viewer, involvements, shieldings, today);
      // The handover note is for the new case director (and the family), not for the rest of the circle.
      const presented = await this.present(manager, family.id, shown, { noteFor: (h) => h.toProfessionalId === principal.professionalId, hidden: () => false });
      const { noteServedFor } = presented;
      // Who may shield an involvement (or lift its shieldings) sees its shieldings in force: whom it is shielded from, since when.
      const statutoryTask = hasStatutoryTask(this.catalogue.all(), principal.domain);
      const mayShield = (i: InvolvementEntity) => ability.can('lift', about('InvolvementShielding', { familyId: family.id, organisationId: i.organisationId, involvedOrganisationIds, statutoryTask }));
      const shieldingsOf = new Map(
        shown.filter(mayShield).map((i) => [i.id, shieldings.filter((s) => s.involvementId === i.id).map((s) => ({ id: s.id, memberId: s.memberId, shieldedAt: s.shieldedAt }))]),
      );
      const circle = { ...presented.circle, involvements: presented.circle.involvements.map((i) => ({ ...i, shieldings: shieldingsOf.get(i.id) ?? null })) };
      const members = (await manager.query<{ id: string }[]>('SELECT id FROM family_member WHERE family_id = $1', [family.id])).map((m) => m.id);
      const concerned = shown.map(
        (i): CircleDecision => ({
          involvementId: i.id,
          organisationId: i.organisationId,
          basis: i.organisationId === principal.organisationId ? 'OWN_RECORD' : 'INVOLVED_ORGANISATION',
          fields: [...fieldsServed(i.id, noteServedFor), ...(shieldingsOf.has(i.id) ? ['shieldings'] : [])],
        }),
      );
      await this.audit.record(manager, context, circleEntries('READ_CIRCLE', family.id, members, concerned, shieldings, 'INVOLVED_ORGANISATION'));
      return { circle };
    });
    return 'circle' in answer ? answer.circle : refuse(answer.refused);
  }

  /**
   * The circle as served: organisations, contacts, the case director and the latest handover to
   * them, decrypting only the contacts of involvements in view, and the handover note only for
   * whom `noteFor` says; a handover from an involvement `hidden` from the viewer is not shown.
   * `noteServedFor`: the involvement whose handover note was served.
   */
  private async present(
    manager: EntityManager,
    familyId: string,
    shown: readonly InvolvementEntity[],
    viewer: { readonly noteFor: (handover: CaseDirectionHandoverEntity) => boolean; readonly hidden: (involvementId: string) => boolean },
  ): Promise<{ circle: Circle; noteServedFor: string | null }> {
    const contactIds = [...new Set(shown.map((i) => i.contactProfessionalId).filter((id): id is string => id !== null))];
    const professionals = contactIds.length === 0 ? [] : await manager.find(ProfessionalEntity, { where: { id: In(contactIds) } });
    const directing = shown.find((i) => i.caseDirection);
    // The latest handover to the present case director, if they took over by one.
    const latest =
      directing === undefined || directing.contactProfessionalId === null
        ? null
        : await manager.findOne(CaseDirectionHandoverEntity, {
            where: { toInvolvementId: directing.id, toProfessionalId: directing.contactProfessionalId },
            order: { handedOverAt: 'DESC', id: 'DESC' },
          });
    const handover = latest === null || viewer.hidden(latest.fromInvolvementId) ? null : latest;
    const organisationIds = [...new Set([...shown.map((i) => i.organisationId), ...professionals.map((p) => p.organisationId)])];
    const fromInvolvement = handover === null ? null : await manager.findOne(InvolvementEntity, { where: { id: handover.fromInvolvementId }, select: { id: true, organisationId: true } });
    if (fromInvolvement !== null) organisationIds.push(fromInvolvement.organisationId);
    const organisations = organisationIds.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In(organisationIds) } });
    const organisationOf = (id: string) => organisationModel(organisations.find((x) => x.id === id) as OrganisationEntity);
    const cards = this.directory.professionalCards(organisations, professionals);
    const contactOf = (id: string | null): CircleProfessional | null => {
      const professional = professionals.find((p) => p.id === id);
      const card = professional === undefined ? undefined : cards.get(professional.id);
      if (professional === undefined || card === undefined) return null;
      return { id: professional.id, name: card.name, roles: [...professional.roles], organisation: organisationOf(professional.organisationId), contact: card.contact };
    };
    const involvements = shown.map(
      (i): CircleInvolvement => ({ id: i.id, organisation: organisationOf(i.organisationId), since: i.startsOn, caseDirection: i.caseDirection, contact: contactOf(i.contactProfessionalId), shieldings: null }),
    );
    const serveNote = handover !== null && viewer.noteFor(handover);
    const note = serveNote ? openSealed(this.crypto, await loadFamilyKey(manager, this.crypto, familyId), { field: CASE_DIRECTION_HANDOVER_SEALED_FIELDS.note, rowId: handover.id }, handover.noteCiphertext) : null;
    const handoverView = handover === null || fromInvolvement === null ? null : { from: organisationOf(fromInvolvement.organisationId), note, handedOverAt: handover.handedOverAt };
    const circle = { familyId, involvements, caseDirector: contactOf(directing?.contactProfessionalId ?? null), handover: handoverView };
    return { circle, noteServedFor: serveNote && directing !== undefined ? directing.id : null };
  }
}

/** The fields a circle read served of an involvement: the handover note too for the directing one, when it was served. */
function fieldsServed(involvementId: string, noteServedFor: string | null): readonly string[] {
  return involvementId === noteServedFor ? [...CIRCLE_FIELDS, 'handoverNote'] : CIRCLE_FIELDS;
}

/** The family, unless it is unknown or erased (gone from every view, like one that never existed). */
async function liveFamily(manager: EntityManager, familyId: string): Promise<FamilyEntity | null> {
  const family = await manager.findOne(FamilyEntity, { where: { id: familyId }, select: { id: true, erasedAt: true } });
  return family === null || family.erasedAt !== null ? null : family;
}

/** A family's involvements (oldest first) and shieldings in force (ids only: no reason is decrypted to decide). */
async function circleRows(manager: EntityManager, familyId: string): Promise<{ involvements: InvolvementEntity[]; shieldings: InvolvementShieldingEntity[] }> {
  const involvements = await manager.find(InvolvementEntity, { where: { familyId }, order: { startsOn: 'ASC', id: 'ASC' } });
  const shieldings = await manager.find(InvolvementShieldingEntity, { where: { familyId, ...SHIELDING_IN_FORCE }, select: { id: true, involvementId: true, memberId: true, shieldedAt: true } });
  return { involvements, shieldings };
}
