import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { KringCrypto } from '@kring/crypto';
import {
  DirectoryWriter,
  OrganisationEntity,
  organisationRegistration,
  ProfessionalEntity,
  professionalRegistration,
  type ProfessionalPrincipal,
  roleSet,
} from '@kring/identity';
import { about, actorOf, permissionsFor, RequestRefusal } from '@kring/policy';
import { type AuditContext, AuditService, decisionOf, operationEntries } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { ErrorCode, KringError, notFound } from '../common/kring-error';
import { registrationRefused } from '../common/refusal-errors';
import type { RegisteredProfessional } from '../identity/registered-professional';
import { RegistrationCache } from '../identity/registration-cache';
import type { DirectoryProfessional, RegisterOrganisationInput, RegisterProfessionalInput } from './administration.model';
import { type Organisation, organisationModel } from './organisation.model';

/** The PostgreSQL error of a unique index, raised when two registrations race for one number or subject. */
const UNIQUE_VIOLATION = '23505';

/**
 * Administration of the chain's directory (DESIGN.md §9, docs/administration.md): Kring's
 * functional administrator registers organisations and professionals, changes roles and
 * deactivates professionals. Staff data only: nothing here reads or changes a family's file.
 * Every act is in the access log, about no member, its decision naming the organisation
 * whose directory it changed, so that organisation's privacy officer reads it too.
 */
@Injectable()
export class AdministrationService {
  private readonly directory: DirectoryWriter;

  constructor(
    private readonly dataSource: DataSource,
    crypto: KringCrypto,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly registrations: RegistrationCache<RegisteredProfessional>,
  ) {
    this.directory = new DirectoryWriter(crypto);
  }

  async registerOrganisation(principal: ProfessionalPrincipal, input: RegisterOrganisationInput, traceId: string): Promise<Organisation> {
    const decision = organisationRegistration(input);
    if (!decision.ok) throw registrationRefused(decision.refusal);
    const { draft } = decision;
    return this.inTransaction(async (manager) => {
      if (draft.oin !== null && (await manager.existsBy(OrganisationEntity, { oin: draft.oin }))) throw registrationRefused('OIN_TAKEN');
      if (draft.kvkNumber !== null && (await manager.existsBy(OrganisationEntity, { kvkNumber: draft.kvkNumber }))) throw registrationRefused('KVK_NUMBER_TAKEN');
      const organisation = await this.directory.registerOrganisation(manager, draft);
      const fields = ['name', 'domain', ...(draft.oin === null ? [] : ['oin']), ...(draft.kvkNumber === null ? [] : ['kvkNumber'])];
      await this.log(manager, this.context(principal, traceId), 'REGISTER_ORGANISATION', decisionOf({ targetKind: 'ORGANISATION', targetIds: [organisation.id], sourceOrganisationId: organisation.id, fields }));
      return organisationModel(organisation);
    });
  }

  async registerProfessional(principal: ProfessionalPrincipal, input: RegisterProfessionalInput, traceId: string): Promise<DirectoryProfessional> {
    const decision = professionalRegistration(input);
    if (!decision.ok) throw registrationRefused(decision.refusal);
    const { draft } = decision;
    if (!isUuid(input.organisationId)) throw notFound('organisation');
    return this.inTransaction(async (manager) => {
      const organisation = await manager.findOne(OrganisationEntity, { where: { id: input.organisationId } });
      if (organisation === null) throw notFound('organisation');
      if (draft.subject !== null && (await manager.existsBy(ProfessionalEntity, { subject: draft.subject }))) throw registrationRefused('SUBJECT_TAKEN');
      const professional = await this.directory.registerProfessional(manager, organisation, draft);
      const fields = ['name', 'roles', 'subject', ...(draft.contact === null ? [] : ['contact'])];
      await this.log(manager, this.context(principal, traceId), 'REGISTER_PROFESSIONAL', decisionOf({ targetKind: 'PROFESSIONAL', targetIds: [professional.id], sourceOrganisationId: organisation.id, fields }));
      return this.model(organisation, professional);
    });
  }

  /** New roles for a professional, from their next request on every gateway (the registration triggers announce it). */
  async changeRoles(principal: ProfessionalPrincipal, professionalId: string, roles: readonly string[], traceId: string): Promise<DirectoryProfessional> {
    const decision = roleSet(roles);
    if (!decision.ok) throw registrationRefused(decision.refusal);
    return this.changeRegistration(principal, professionalId, 'CHANGE_PROFESSIONAL_ROLES', traceId, async (manager, professional) => {
      await manager.update(ProfessionalEntity, { id: professional.id }, { roles: decision.draft });
      return { ...professional, roles: decision.draft };
    });
  }

  /**
   * Deactivates a professional: no token of theirs is accepted from the commit on, on any
   * gateway (the principal query skips them, and every gateway forgets the registrations it
   * remembered when PostgreSQL announces the change). Refused while they hold case direction
   * of a family: a family is never left without its case director; it is handed over first.
   */
  async deactivate(principal: ProfessionalPrincipal, professionalId: string, traceId: string): Promise<DirectoryProfessional> {
    return this.changeRegistration(principal, professionalId, 'DEACTIVATE_PROFESSIONAL', traceId, async (manager, professional, context) => {
      if (professional.deactivatedAt !== null) throw new KringError(ErrorCode.BAD_USER_INPUT, 'This professional is deactivated already.', { field: 'professionalId', refusal: 'ALREADY_DEACTIVATED' });
      const today = dutchDate(context.at);
      const [{ families }] = await manager.query<[{ families: number }]>(
        `SELECT count(DISTINCT family_id)::int AS families FROM involvement
          WHERE contact_professional_id = $1 AND case_direction AND (ends_on IS NULL OR ends_on > $2)`,
        [professional.id, today],
      );
      if (families > 0) {
        await this.audit.recordRefusal(context, ...this.entries('DEACTIVATE_PROFESSIONAL', this.denied(professional, RequestRefusal.HOLDS_CASE_DIRECTION)));
        throw new KringError(ErrorCode.FORBIDDEN, `This professional holds case direction of ${families} ${families === 1 ? 'family' : 'families'}: hand it over first (transferCaseDirection).`, {
          refusal: RequestRefusal.HOLDS_CASE_DIRECTION,
          families,
        });
      }
      await manager.update(ProfessionalEntity, { id: professional.id }, { deactivatedAt: context.at });
      return { ...professional, deactivatedAt: context.at };
    });
  }

  /**
   * The directory of professionals: everyone registered, or one organisation's, by
   * organisation and name. Their names and contacts are staff data under their
   * organisation's key; the read is logged per organisation.
   */
  async professionals(principal: ProfessionalPrincipal, organisationId: string | null, traceId: string): Promise<DirectoryProfessional[]> {
    if (organisationId !== null && !isUuid(organisationId)) throw notFound('organisation');
    const organisations = await this.dataSource.manager.find(OrganisationEntity, { where: organisationId === null ? {} : { id: organisationId } });
    if (organisationId !== null && organisations.length === 0) throw notFound('organisation');
    const professionals = await this.dataSource.manager.find(ProfessionalEntity, { where: organisationId === null ? {} : { organisationId } });
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const cards = this.directory.professionalCards(organisations, professionals);
    const listed = professionals
      .map((p) => this.model(byId.get(p.organisationId) as OrganisationEntity, p, cards.get(p.id)))
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'nl') || a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
    const decisions = organisations
      .map((o) => ({ o, ids: listed.filter((p) => p.organisation.id === o.id).map((p) => p.id) }))
      .filter(({ ids }) => ids.length > 0)
      .map(({ o, ids }) => decisionOf({ targetKind: 'PROFESSIONAL', targetIds: ids, sourceOrganisationId: o.id, fields: ['name', 'roles', 'contact', 'subject'] }));
    await this.audit.recordRead(
      this.context(principal, traceId),
      this.entries('READ_DIRECTORY', ...(decisions.length === 0 ? [decisionOf({ targetKind: 'PROFESSIONAL', sourceOrganisationId: organisationId })] : decisions)),
      null,
    );
    return listed;
  }

  /**
   * A change to one professional's registration: found (NOT_FOUND otherwise), allowed by the
   * permission table for this professional (never one's own registration: logged DENIED),
   * changed under the row's lock, and logged.
   */
  private async changeRegistration(
    principal: ProfessionalPrincipal,
    professionalId: string,
    activity: 'CHANGE_PROFESSIONAL_ROLES' | 'DEACTIVATE_PROFESSIONAL',
    traceId: string,
    change: (manager: EntityManager, professional: ProfessionalEntity, context: AuditContext) => Promise<ProfessionalEntity>,
  ): Promise<DirectoryProfessional> {
    if (!isUuid(professionalId)) throw notFound('professional');
    const context = this.context(principal, traceId);
    const changed = await this.inTransaction(async (manager) => {
      const professional = await manager.findOne(ProfessionalEntity, { where: { id: professionalId }, lock: { mode: 'pessimistic_write' } });
      if (professional === null) throw notFound('professional');
      const action = activity === 'CHANGE_PROFESSIONAL_ROLES' ? 'changeRoles' : 'deactivate';
      if (!permissionsFor(actorOf(principal)).can(action, about('Professional', { professionalId: professional.id }))) {
        await this.audit.recordRefusal(context, ...this.entries(activity, this.denied(professional, RequestRefusal.OWN_REGISTRATION)));
        throw new KringError(ErrorCode.FORBIDDEN, 'Nobody changes their own roles or deactivates themselves: another administrator does.', { refusal: RequestRefusal.OWN_REGISTRATION });
      }
      const after = await change(manager, professional, context);
      const organisation = (await manager.findOne(OrganisationEntity, { where: { id: professional.organisationId } })) as OrganisationEntity;
      const fields = activity === 'CHANGE_PROFESSIONAL_ROLES' ? ['roles'] : ['deactivatedAt'];
      await this.log(manager, context, activity, decisionOf({ targetKind: 'PROFESSIONAL', targetIds: [professional.id], sourceOrganisationId: organisation.id, fields }));
      return this.model(organisation, after);
    });
    // This gateway forgets at once, so the professional's next request here sees the change for
    // certain; the others forget when PostgreSQL's notification of the commit reaches them.
    this.registrations.forgetAll();
    return changed;
  }

  private denied(professional: ProfessionalEntity, reason: RequestRefusal) {
    return decisionOf({ targetKind: 'PROFESSIONAL', targetIds: [professional.id], sourceOrganisationId: professional.organisationId, outcome: 'DENIED', reason });
  }

  private entries(activity: Parameters<typeof operationEntries>[0]['activity'], ...decisions: ReturnType<typeof decisionOf>[]) {
    return operationEntries({ activity, familyId: null, subjectMemberIds: [], decisions });
  }

  private log(manager: EntityManager, context: AuditContext, activity: Parameters<typeof operationEntries>[0]['activity'], decision: ReturnType<typeof decisionOf>): Promise<void> {
    return this.audit.record(manager, context, this.entries(activity, decision));
  }

  private context(principal: ProfessionalPrincipal, traceId: string): AuditContext {
    return { principal, traceId, at: this.clock.now() };
  }

  /** A transaction whose unique-index race (two registrations of one number or subject at once) answers like the check before it. */
  private async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code !== UNIQUE_VIOLATION) throw error;
      if (constraint === 'organisation_oin_key') throw registrationRefused('OIN_TAKEN');
      if (constraint === 'organisation_kvk_number_key') throw registrationRefused('KVK_NUMBER_TAKEN');
      if (constraint === 'professional_subject_key') throw registrationRefused('SUBJECT_TAKEN');
      throw error;
    }
  }

  private model(organisation: OrganisationEntity, professional: ProfessionalEntity, card?: { name: string; contact: string | null }): DirectoryProfessional {
    const found = card ?? this.directory.professionalCards([organisation], [professional]).get(professional.id);
    if (found === undefined) throw new Error('a professional\'s card was not read');
    const { name, contact } = found;
    return {
      id: professional.id,
      organisation: organisationModel(organisation),
      name,
      roles: professional.roles,
      contact,
      subject: professional.subject,
      registeredAt: professional.createdAt,
      deactivatedAt: professional.deactivatedAt,
    };
  }
}
