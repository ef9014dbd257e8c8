import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, KringConfig } from '@kring/config';
import { KringCrypto } from '@kring/crypto';
import {
  BlockingKind,
  decideEscalation,
  EscalationEntity,
  EscalationKind,
  EscalationWriter,
  MEMBER_ESCALATION_PURPOSE,
  raiseEscalation,
  takeOnEscalation,
} from '@kring/escalation';
import { FamilyEntity, requestOtherCaseDirector } from '@kring/family-file';
import { dutchDate } from '@kring/consent';
import { OrganisationEntity, type CitizenPrincipal, type Principal, type ProfessionalPrincipal } from '@kring/identity';
import { about, actorOf, decideFieldAccess, escalationColumns, permissionsFor, permittedWhere, purposeDenyReason, PurposeCatalogue, resolvePurpose, type AccessDecision, type Purpose } from '@kring/policy';
import type { Activity } from '@kring/audit';
import { AuditService, decisionOf, operationEntries, refusalEntry, type AuditContext } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { badInput, notFound } from '../common/kring-error';
import { caseDirectorRequestRefused, decideEscalationRefused, purposeRefusalError, raiseEscalationRefused, takeOnEscalationRefused } from '../common/refusal-errors';
import { namedParameters } from '../common/permitted-sql';
import { served, type Outcome } from '../families/family-scope';
import type { CaseDirectorRequest } from '../circle/case-direction.model';
import type { DecideEscalationInput, Escalation, RaiseEscalationInput } from './escalation.model';
import { DECIDED_FIELDS, EscalationPresenter, escalationEntries, escalationTarget, RAISED_FIELDS } from './escalation-presenter';
import { EscalationScopes, notInView, type EscalationScope, type EscalationView } from './escalation-scope';

/**
 * Escalation (DESIGN.md §9, *doorbraak*; docs/escalation.md): raising one (a professional of an
 * involved organisation, or a member for their reach), reading a family's, taking one on and
 * deciding it (team leads). Every read and change is in the access log, about the members the
 * escalation is about; its texts are sealed with the family's key and read through the rule.
 */
@Injectable()
export class EscalationService {
  private readonly presenter: EscalationPresenter;
  private readonly writer: EscalationWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scopes: EscalationScopes,
    private readonly config: KringConfig,
  ) {
    this.presenter = new EscalationPresenter(crypto);
    this.writer = new EscalationWriter(crypto);
  }

  /**
   * Raises an escalation (`raiseEscalation`): a professional around a family their organisation
   * is involved with today, for a purpose their domain may use, in a category that purpose
   * reaches; a member about their reach, in their own words. Stored under the family's lock,
   * sealed, logged about every member it is about.
   */
  async raise(principal: Principal, input: RaiseEscalationInput, traceId: string): Promise<Escalation> {
    const context = this.context(principal, traceId);
    let purpose: Purpose | undefined;
    let familyId: string;
    if (principal.kind === 'professional') {
      const resolved = resolvePurpose(this.catalogue, principal.domain, input.purpose);
      if (!resolved.ok) {
        await this.audit.recordRefusal(context, refusalEntry('RAISE_ESCALATION', purposeDenyReason(resolved.refusal)));
        throw purposeRefusalError(resolved.refusal, { code: input.purpose, domain: principal.domain });
      }
      purpose = resolved.purpose;
      if (input.familyId === undefined || input.familyId === null) throw badInput('familyId', 'is required: the family the escalation is about');
      familyId = input.familyId;
    } else {
      if (input.category !== undefined && input.category !== null) throw badInput('category', 'is left out by members: what a member writes is their own words');
      if (input.purpose !== undefined && input.purpose !== null) throw badInput('purpose', 'is left out by members');
      familyId = input.familyId ?? principal.familyId;
    }
    return this.scopes.run(context, 'RAISE_ESCALATION', { kind: 'FAMILY', id: familyId }, { lock: true }, (manager, scope) =>
      this.store(manager, context, scope, 'RAISE_ESCALATION', { ...input, kind: EscalationKind.STUCK }, purpose),
    );
  }

  /**
   * A member asks for another case director (docs/circle.md): kept as its own operation with its
   * refusals, it raises an escalation of kind OTHER_CASE_DIRECTOR about the member, in their own
   * name and words, for the team leads' queue.
   */
  async requestOtherCaseDirector(principal: CitizenPrincipal, reasonText: string, traceId: string): Promise<CaseDirectorRequest> {
    const context = this.context(principal, traceId);
    const mayRequest = permissionsFor(actorOf(principal)).can('add', about('CaseDirectorRequest', { familyId: principal.familyId, memberId: principal.memberId, involvedOrganisationIds: [] }));
    const asked = requestOtherCaseDirector(reasonText, { mayRequest });
    if (!asked.ok) throw caseDirectorRequestRefused(asked.refusal);
    const input = { subjectMemberIds: [principal.memberId], blockingKind: BlockingKind.OTHER, blocks: asked.reason, tried: null, kind: EscalationKind.OTHER_CASE_DIRECTOR };
    const escalation = await this.scopes.run(context, 'REQUEST_OTHER_CASE_DIRECTOR', { kind: 'FAMILY', id: principal.familyId }, { lock: true }, (manager, scope) =>
      this.store(manager, context, scope, 'REQUEST_OTHER_CASE_DIRECTOR', input, undefined),
    );
    return { id: escalation.id, familyId: escalation.familyId, memberId: principal.memberId, reason: escalation.blocks, requestedAt: escalation.raisedAt };
  }

  /** The escalations of a family in the caller's view, oldest first: a member's, about their reach; a professional's, every one (texts through the rule). */
  async list(principal: Principal, familyId: string, traceId: string): Promise<Escalation[]> {
    const context = this.context(principal, traceId);
    return this.scopes.run(context, 'READ_ESCALATIONS', { kind: 'FAMILY', id: familyId }, {}, async (manager, scope) => {
      const views = scope.escalations.map((e) => scope.view(e)).filter((v): v is EscalationView & { inView: true } => v.inView);
      return served(await this.present(manager, context, scope, 'READ_ESCALATIONS', views));
    });
  }

  /** One escalation in the caller's view; one outside it answers like one that does not exist. */
  async one(principal: Principal, id: string, traceId: string): Promise<Escalation> {
    const context = this.context(principal, traceId);
    return this.scopes.run(context, 'READ_ESCALATIONS', { kind: 'ESCALATION', id }, {}, async (manager, scope) => {
      const view = scope.viewById(id);
      if (!view.inView) return notInView(principal, 'READ_ESCALATIONS', scope.familyId, { kind: 'ESCALATION', id });
      const [one] = await this.present(manager, context, scope, 'READ_ESCALATIONS', [view]);
      return served(one as Escalation);
    });
  }

  /**
   * A team lead's queue: the open and taken-on escalations of every family their organisation is
   * involved with today, oldest first (at most 200), each with its deadline and whether it is
   * overdue, its texts through the rule. Logged per family, as a family's list is.
   */
  async queue(principal: ProfessionalPrincipal, traceId: string): Promise<Escalation[]> {
    const context = this.context(principal, traceId);
    return this.dataSource.transaction(async (manager) => {
      const parameters: Record<string, unknown> = { today: dutchDate(context.at) };
      const permitted = permittedWhere(permissionsFor(actorOf(principal)), 'takeOn', 'Escalation', escalationColumns('e', ':today'), namedParameters(parameters));
      const rows = await manager
        .createQueryBuilder(EscalationEntity, 'e')
        .innerJoin(FamilyEntity, 'f', 'f.id = e.family_id AND f.erased_at IS NULL')
        .where(permitted, parameters)
        .andWhere('e.decided_at IS NULL')
        .orderBy('e.raised_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .limit(QUEUE_SIZE)
        .getMany();
      const shown = new Map<string, Escalation>();
      for (const familyId of new Set(rows.map((r) => r.familyId))) {
        const scope = await this.scopes.open(manager, { principal, familyId, at: context.at });
        if ('closed' in scope) continue;
        const wanted = new Set(rows.filter((r) => r.familyId === familyId).map((r) => r.id));
        const views = scope.escalations.filter((e) => wanted.has(e.id)).map((e) => scope.view(e)).filter((v): v is EscalationView & { inView: true } => v.inView);
        for (const model of await this.present(manager, context, scope, 'READ_ESCALATIONS', views)) shown.set(model.id, model);
      }
      return rows.flatMap((r) => shown.get(r.id) ?? []);
    });
  }

  /** A team lead of an organisation involved today takes an escalation on, once; its deadline stays the one set when it was raised. */
  async takeOn(principal: ProfessionalPrincipal, id: string, traceId: string): Promise<Escalation> {
    const context = this.context(principal, traceId);
    return this.scopes.run(context, 'TAKE_ON_ESCALATION', { kind: 'ESCALATION', id }, { lock: true }, async (manager, scope) => {
      const current = await lockedEscalation(manager, scope, id);
      if (current === null) return notInView(principal, 'TAKE_ON_ESCALATION', scope.familyId, { kind: 'ESCALATION', id });
      const asked = takeOnEscalation({ escalation: current, mayTakeOn: scope.may('takeOn', current), shieldedFromRaiser: scope.shieldedFromRaiser(current, principal.organisationId) });
      if (!asked.ok) throw takeOnEscalationRefused(asked.refusal);
      const after = await this.writer.takeOn(manager, current, principal, scope.at);
      await this.audit.record(
        manager,
        context,
        operationEntries({
          activity: 'TAKE_ON_ESCALATION',
          familyId: scope.familyId,
          subjectMemberIds: after.subjectMemberIds,
          decisions: [decisionOf({ targetKind: 'ESCALATION', targetIds: [after.id], category: after.category, fields: ['takenOnBy'], basis: 'INVOLVED_ORGANISATION' })],
        }),
      );
      return served(await this.presentOne(manager, scope, after));
    });
  }

  /** The team lead who took an escalation on, or another of their organisation, records the breakthrough decision: once, sealed, logged. */
  async decide(principal: ProfessionalPrincipal, input: DecideEscalationInput, traceId: string): Promise<Escalation> {
    const context = this.context(principal, traceId);
    return this.scopes.run(context, 'DECIDE_ESCALATION', { kind: 'ESCALATION', id: input.escalationId }, { lock: true }, async (manager, scope) => {
      const current = await lockedEscalation(manager, scope, input.escalationId);
      if (current === null) return notInView(principal, 'DECIDE_ESCALATION', scope.familyId, { kind: 'ESCALATION', id: input.escalationId });
      const asked = decideEscalation(input, { escalation: current, mayDecide: scope.may('decide', current) });
      if (!asked.ok) throw decideEscalationRefused(asked.refusal);
      const after = await this.writer.decide(manager, current, { key: scope.key, draft: asked.draft, professionalId: principal.professionalId, at: scope.at });
      const own: AccessDecision = { allowed: true, category: after.category, basis: { kind: 'OWN_RECORD' } };
      await this.audit.record(manager, context, escalationEntries('DECIDE_ESCALATION', principal, scope.familyId, [{ escalation: after, targets: [escalationTarget(after, principal.organisationId, own, DECIDED_FIELDS)] }]));
      return served(await this.presentOne(manager, scope, after));
    });
  }

  /** Checks and stores a new escalation in an open scope, and logs it. */
  private async store(
    manager: EntityManager,
    context: AuditContext,
    scope: EscalationScope,
    activity: Activity,
    input: Omit<RaiseEscalationInput, 'familyId' | 'tried'> & { readonly kind: EscalationKind; readonly tried: string | null },
    purpose: Purpose | undefined,
  ): Promise<Outcome<Escalation>> {
    const { principal } = context;
    const blockingOrganisationId = input.blockingOrganisationId ?? null;
    const blockingOrganisationKnown = blockingOrganisationId === null ? null : isUuid(blockingOrganisationId) && (await manager.countBy(OrganisationEntity, { id: blockingOrganisationId })) > 0;
    const subjects = input.subjectMemberIds.map((id) => id.toLowerCase());
    let closedToRaiser: string | null = null;
    if (principal.kind === 'professional' && input.category !== undefined && input.category !== null) {
      // The raiser's own record: the rule still asks whether the purpose reaches the category, and the involvement.
      const decision = decideFieldAccess({ caller: principal, purpose, family: scope.facts, at: scope.at, today: scope.today, field: { category: input.category, sourceOrganisationId: principal.organisationId, subjectIds: subjects } });
      closedToRaiser = decision.allowed ? null : decision.reason;
    }
    const asked = raiseEscalation(input, {
      raiser: principal.kind === 'citizen' ? { kind: 'MEMBER', memberId: principal.memberId, reach: scope.reach } : { kind: 'PROFESSIONAL', professionalId: principal.professionalId, organisationId: principal.organisationId },
      familyMemberIds: scope.memberIds,
      mayRaise: scope.may('raise', { subjectMemberIds: principal.kind === 'citizen' ? [principal.memberId] : [], takenOnByOrganisationId: null }),
      blockingOrganisationKnown,
      closedToRaiser,
      today: scope.today,
      decisionWorkingDays: this.config.escalationDecisionWorkingDays,
    });
    if (!asked.ok) throw raiseEscalationRefused(asked.refusal, asked.reason);
    const by = principal.kind === 'citizen' ? { memberId: principal.memberId } : { professionalId: principal.professionalId, organisationId: principal.organisationId };
    const row = await this.writer.raise(manager, { familyId: scope.familyId, key: scope.key, draft: asked.draft, purpose: purpose?.code ?? MEMBER_ESCALATION_PURPOSE, by, at: scope.at });
    const own: AccessDecision = { allowed: true, category: row.category, basis: { kind: principal.kind === 'citizen' ? 'DATA_SUBJECT' : 'OWN_RECORD' } };
    await this.audit.record(manager, context, escalationEntries(activity, principal, scope.familyId, [{ escalation: row, targets: [escalationTarget(row, row.raisedByOrganisationId, own, RAISED_FIELDS)] }]));
    return served(await this.presentOne(manager, scope, row));
  }

  /** Escalations in view as served, their read logged: the decisions on each one's texts. */
  private async present(manager: EntityManager, context: AuditContext, scope: EscalationScope, activity: Activity, views: readonly (EscalationView & { inView: true })[]): Promise<Escalation[]> {
    const people = await this.presenter.people(manager, views.map((v) => v.escalation));
    const presented = views.map((v) => ({ escalation: v.escalation, ...this.presenter.escalation(scope.key, scope.today, v, people) }));
    await this.audit.record(manager, context, escalationEntries(activity, context.principal, scope.familyId, presented.map((p) => ({ escalation: p.escalation, targets: p.decided }))));
    return presented.map((p) => p.model);
  }

  /** A changed escalation as the caller now sees it (the change was logged; serving it back is part of it). */
  private async presentOne(manager: EntityManager, scope: EscalationScope, row: EscalationEntity): Promise<Escalation> {
    const view = scope.view(row);
    if (!view.inView) throw notFound('escalation');
    return this.presenter.escalation(scope.key, scope.today, view, await this.presenter.people(manager, [row])).model;
  }

  private context(principal: Principal, traceId: string): AuditContext {
    return { principal, traceId, at: this.clock.now() };
  }
}

/** The most escalations a queue serves at once. */
const QUEUE_SIZE = 200;

/** The escalation of this scope's family, locked for a change; null when it names none (or another family's). */
async function lockedEscalation(manager: EntityManager, scope: EscalationScope, id: string): Promise<EscalationEntity | null> {
  if (!isUuid(id)) return null;
  return manager.findOne(EscalationEntity, { where: { id: id.toLowerCase(), familyId: scope.familyId }, lock: { mode: 'pessimistic_write' } });
}
