import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { KringCrypto, openSealed } from '@kring/crypto';
import {
  FamilyEntity,
  FamilyMemberEntity,
  INVOLVEMENT_SHIELDING_SEALED_FIELDS,
  InvolvementEntity,
  InvolvementShieldingEntity,
  isInvolvedOn,
  liftShielding,
  SHIELDING_IN_FORCE,
  shieldInvolvement,
  unwrapFamilyKey,
  type ShieldingStanding,
} from '@kring/family-file';
import { OrganisationEntity, type ProfessionalPrincipal } from '@kring/identity';
import { about, actorOf, hasStatutoryTask, permissionsFor, permittedWhere, PurposeCatalogue, type FactColumns } from '@kring/policy';
import { AuditService, changeEntries } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { organisationModel } from '../directory/organisation.model';
import { forbidden, notFound } from '../common/kring-error';
import { namedParameters } from '../common/permitted-sql';
import { liftRefused, shieldRefused } from '../common/refusal-errors';
import { listEntries, type ListedRow } from './circle-entries';
import type { InvolvementShielding, LiftShieldingInput, ShieldInvolvementInput } from './circle.model';

/** An involvement as a shielding or its lift sees it: its family, its organisation, and the caller's standing. */
interface ShieldingScene {
  readonly family: FamilyEntity;
  readonly organisation: OrganisationEntity;
  readonly standing: (action: 'add' | 'lift') => ShieldingStanding;
}

/** Shielding an involvement from named members (DESIGN.md §9), lifting a shielding, and the privacy officer's list of shieldings. */
@Injectable()
export class ShieldingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * Shields the caller's organisation's involvement from the named members, when the
   * permission table allows it: a professional of that organisation, involved today, whose
   * domain has a statutory task. An involvement of a family the caller's organisation is not
   * involved with answers like one that does not exist.
   */
  async shield(principal: ProfessionalPrincipal, input: ShieldInvolvementInput, traceId: string): Promise<InvolvementShielding[]> {
    const at = this.clock.now();
    if (!isUuid(input.involvementId)) throw notFound('involvement');
    return this.dataSource.transaction(async (manager) => {
      // Locked, so two shieldings of one involvement at once cannot both pass the check for one already there.
      const involvement = await manager.findOne(InvolvementEntity, { where: { id: input.involvementId }, lock: { mode: 'pessimistic_write' } });
      const scene = involvement === null ? null : await this.scene(manager, principal, involvement, at);
      if (involvement === null || scene === null) throw notFound('involvement');
      const { family, organisation } = scene;
      const familyMemberIds = (await manager.find(FamilyMemberEntity, { where: { familyId: family.id }, select: { id: true } })).map((m) => m.id);
      const shieldedFrom = (await manager.find(InvolvementShieldingEntity, { where: { involvementId: involvement.id, ...SHIELDING_IN_FORCE }, select: { memberId: true } })).map((x) => x.memberId);
      const decision = shieldInvolvement(input.reason, input.memberIds, { ...scene.standing('add'), familyMemberIds, shieldedFrom });
      if (!decision.ok) throw shieldRefused(decision.refusal);
      const { reason, memberIds } = decision;
      const key = unwrapFamilyKey(this.crypto, family);
      const rows = memberIds.map((memberId) => {
        const id = randomUUID();
        return manager.create(InvolvementShieldingEntity, {
          id,
          familyId: family.id,
          involvementId: involvement.id,
          memberId,
          organisationId: involvement.organisationId,
          shieldedByProfessionalId: principal.professionalId,
          reasonCiphertext: this.crypto.cipher.encrypt(key, { field: INVOLVEMENT_SHIELDING_SEALED_FIELDS.reason, rowId: id }, reason),
          shieldedAt: at,
          liftedAt: null,
          liftedByProfessionalId: null,
          liftReasonCiphertext: null,
        });
      });
      await manager.insert(InvolvementShieldingEntity, rows);
      // About each member it is shielded from (their own log view leaves out what the shielding organisation does: docs/circle.md).
      const entries = changeEntries({
        activity: 'SHIELD_INVOLVEMENT',
        familyId: family.id,
        subjectMemberIds: memberIds,
        targetKind: 'INVOLVEMENT',
        targetIds: [involvement.id],
        fields: ['reason'],
        sourceOrganisationId: involvement.organisationId,
        basis: 'OWN_RECORD',
        basisRefs: rows.map((r) => r.id).sort(),
      });
      await this.audit.record(manager, { principal, traceId, at }, entries);
      return rows.map((r) => ({ ...presented(r, organisation), reason, liftReason: null }));
    });
  }

  /**
   * Lifts a shielding in force: by whom may shield the involvement (the same rule), with a
   * reason. The row keeps its history (when, by whom, why); the member sees the involvement
   * again from now on. A shielding of a family the caller's organisation is not involved with
   * answers like one that does not exist.
   */
  async lift(principal: ProfessionalPrincipal, input: LiftShieldingInput, traceId: string): Promise<InvolvementShielding> {
    const at = this.clock.now();
    if (!isUuid(input.shieldingId)) throw notFound('shielding');
    return this.dataSource.transaction(async (manager) => {
      // Locked, so two lifts at once cannot both find it in force.
      const shielding = await manager.findOne(InvolvementShieldingEntity, { where: { id: input.shieldingId }, lock: { mode: 'pessimistic_write' } });
      const involvement = shielding === null ? null : await manager.findOne(InvolvementEntity, { where: { id: shielding.involvementId } });
      const scene = involvement === null ? null : await this.scene(manager, principal, involvement, at);
      if (shielding === null || scene === null) throw notFound('shielding');
      const decision = liftShielding(input.reason, { ...scene.standing('lift'), liftedAt: shielding.liftedAt });
      if (!decision.ok) throw liftRefused(decision.refusal);
      const key = unwrapFamilyKey(this.crypto, scene.family);
      const lifted = {
        liftedAt: at,
        liftedByProfessionalId: principal.professionalId,
        liftReasonCiphertext: this.crypto.cipher.encrypt(key, { field: INVOLVEMENT_SHIELDING_SEALED_FIELDS.liftReason, rowId: shielding.id }, decision.reason),
      };
      await manager.update(InvolvementShieldingEntity, { id: shielding.id }, lifted);
      // About the member it was shielded from, who may read it in their log from now on (docs/circle.md).
      const entries = changeEntries({
        activity: 'LIFT_SHIELDING',
        familyId: scene.family.id,
        subjectMemberIds: [shielding.memberId],
        targetKind: 'INVOLVEMENT',
        targetIds: [shielding.involvementId],
        fields: ['liftReason'],
        sourceOrganisationId: shielding.organisationId,
        basis: 'OWN_RECORD',
        basisRefs: [shielding.id],
      });
      await this.audit.record(manager, { principal, traceId, at }, entries);
      const reason = openSealed(this.crypto, key, { field: INVOLVEMENT_SHIELDING_SEALED_FIELDS.reason, rowId: shielding.id }, shielding.reasonCiphertext);
      return { ...presented({ ...shielding, ...lifted }, scene.organisation), reason, liftReason: decision.reason };
    });
  }

  /** The shieldings a privacy officer oversees (their organisation's; every one for the chain's), in force and lifted, newest first, reasons decrypted. */
  async list(principal: ProfessionalPrincipal, traceId: string): Promise<InvolvementShielding[]> {
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const ability = permissionsFor(actorOf(principal));
      if (!ability.can('read', 'InvolvementShielding')) throw forbidden('The list of shieldings is for privacy officers.');
      const scope: Record<string, unknown> = {};
      const permitted = permittedWhere(ability, 'read', 'InvolvementShielding', SHIELDING_COLUMNS, namedParameters(scope));
      const rows = await manager
        .createQueryBuilder(InvolvementShieldingEntity, 's')
        .where(permitted, scope)
        .orderBy('s.shielded_at', 'DESC')
        .addOrderBy('s.id', 'ASC')
        .limit(500)
        .getMany();
      const organisations = await organisationsOf(manager, rows);
      const families = rows.length === 0 ? [] : await manager.find(FamilyEntity, { where: { id: In([...new Set(rows.map((r) => r.familyId))]) } });
      const shown = rows.map((r) => {
        const family = families.find((f) => f.id === r.familyId) as FamilyEntity;
        // An erased family's key is gone: its reasons can no longer be read.
        const key = family.erasedAt !== null ? null : unwrapFamilyKey(this.crypto, family);
        const open = (field: keyof typeof INVOLVEMENT_SHIELDING_SEALED_FIELDS, sealed: Buffer | null) =>
          key === null || sealed === null ? null : openSealed(this.crypto, key, { field: INVOLVEMENT_SHIELDING_SEALED_FIELDS[field], rowId: r.id }, sealed);
        return { ...presented(r, organisations.get(r.organisationId) as OrganisationEntity), reason: open('reason', r.reasonCiphertext), liftReason: open('liftReason', r.liftReasonCiphertext) };
      });
      // A privacy officer reads their own organisation's shieldings (OWN_RECORD); the chain privacy officer also another's, in oversight.
      const listed = rows.map(
        (r): ListedRow => ({
          familyId: r.familyId,
          memberId: r.memberId,
          targetKind: 'INVOLVEMENT',
          targetId: r.involvementId,
          sourceOrganisationId: r.organisationId,
          ref: r.id,
          fields: r.liftedAt === null ? ['reason'] : ['reason', 'liftReason'],
          basis: r.organisationId === principal.organisationId ? 'OWN_RECORD' : 'OVERSIGHT',
        }),
      );
      await this.audit.record(manager, { principal, traceId, at }, listEntries('READ_SHIELDINGS', listed));
      return shown;
    });
  }

  /**
   * The involvement's family and organisation, and the caller's standing to shield it or lift
   * its shieldings (the permission table's facts); null when the family is gone or the caller's
   * organisation is not involved with it today (answered like an unknown id).
   */
  private async scene(manager: EntityManager, principal: ProfessionalPrincipal, involvement: InvolvementEntity, at: Date): Promise<ShieldingScene | null> {
    const family = await manager.findOne(FamilyEntity, { where: { id: involvement.familyId } });
    if (family === null || family.erasedAt !== null) return null;
    const today = dutchDate(at);
    const involved = (await manager.find(InvolvementEntity, { where: { familyId: family.id }, select: { organisationId: true, startsOn: true, endsOn: true } }))
      .filter((i) => isInvolvedOn(i, today))
      .map((i) => i.organisationId);
    if (!involved.includes(principal.organisationId)) return null;
    const organisation = (await manager.findOne(OrganisationEntity, { where: { id: involvement.organisationId } })) as OrganisationEntity;
    const facts = { familyId: family.id, organisationId: involvement.organisationId, involvedOrganisationIds: involved, statutoryTask: hasStatutoryTask(this.catalogue.all(), organisation.domain) };
    const ability = permissionsFor(actorOf(principal));
    return {
      family,
      organisation,
      standing: (action) => ({
        involvementOrganisationId: involvement.organisationId,
        callerOrganisationId: principal.organisationId,
        statutoryTask: facts.statutoryTask,
        mayShield: ability.can(action, about('InvolvementShielding', facts)),
      }),
    };
  }
}

/** The facts of the permission table's InvolvementShielding rules, as columns of the row `s` (for the officer's list). */
const SHIELDING_COLUMNS: FactColumns<'InvolvementShielding'> = {
  familyId: { column: 's.family_id' },
  organisationId: { column: 's.organisation_id' },
};

function presented(row: Omit<InvolvementShieldingEntity, 'reasonCiphertext' | 'liftReasonCiphertext'>, organisation: OrganisationEntity): Omit<InvolvementShielding, 'reason' | 'liftReason'> {
  return {
    id: row.id,
    familyId: row.familyId,
    involvementId: row.involvementId,
    organisation: organisationModel(organisation),
    memberId: row.memberId,
    shieldedByProfessionalId: row.shieldedByProfessionalId,
    shieldedAt: row.shieldedAt,
    liftedAt: row.liftedAt,
    liftedByProfessionalId: row.liftedByProfessionalId,
  };
}

async function organisationsOf(manager: EntityManager, rows: readonly InvolvementShieldingEntity[]): Promise<Map<string, OrganisationEntity>> {
  const ids = [...new Set(rows.map((r) => r.organisationId))];
  const found = ids.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In(ids) } });
  return new Map(found.map((o) => [o.id, o]));
}
