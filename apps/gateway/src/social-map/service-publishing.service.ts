import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Activity } from '@kring/audit';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import type { ProfessionalPrincipal } from '@kring/identity';
import { about, actorOf, permissionsFor, RequestRefusal, type PermissionAction } from '@kring/policy';
import { changeService, publishService, ServiceEntity, ServiceWriter, stateWaitingTime, withdrawService } from '@kring/social-map';
import { AuditService, decisionOf, operationEntries, refusalEntry, type AuditContext } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { serviceRefused } from '../common/refusal-errors';
import { SocialMapSearch } from './social-map-search.service';
import type { PublishServiceInput, Service, ServiceInput } from './service.model';

/**
 * Keeping the social map (docs/social-map.md): an organisation's own professionals publish,
 * change, date the waiting time of and withdraw its services. Every change is an access-log
 * entry about no family and no member (the map holds no personal data), naming the service
 * and the fields changed, never their values; a change refused to another organisation is
 * logged DENIED (NOT_OWN_SERVICE).
 */
@Injectable()
export class ServicePublishing {
  private readonly writer = new ServiceWriter();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly map: SocialMapSearch,
  ) {}

  async publish(principal: ProfessionalPrincipal, input: PublishServiceInput, traceId: string): Promise<Service> {
    const context = this.context(principal, traceId);
    const today = dutchDate(context.at);
    const decided = publishService(input, { mayPublish: this.may(principal, 'publish', principal.organisationId), today });
    if (!decided.ok) throw serviceRefused(decided.refusal);
    const row = await this.dataSource.transaction(async (manager) => {
      const published = await this.writer.publish(manager, { organisationId: principal.organisationId, professionalId: principal.professionalId, draft: decided.draft, at: context.at });
      const fields = [...Object.keys(decided.draft.terms), ...(decided.draft.waitingWeeks === null ? [] : ['waitingWeeks', 'waitingTimeStatedOn'])];
      await this.log(manager, context, 'PUBLISH_SERVICE', published, fields);
      return published;
    });
    return this.map.one(row.id);
  }

  async update(principal: ProfessionalPrincipal, id: string, input: ServiceInput, traceId: string): Promise<Service> {
    const row = await this.change(principal, id, traceId, 'update', 'UPDATE_SERVICE', async (manager, row, context) => {
      const decided = changeService(row, input, { mayChange: true });
      if (!decided.ok) throw serviceRefused(decided.refusal);
      await this.writer.change(manager, row, decided.terms, context.at);
      return decided.changedFields;
    });
    return this.map.one(row.id);
  }

  async setWaitingTime(principal: ProfessionalPrincipal, id: string, weeks: number, traceId: string): Promise<Service> {
    const row = await this.change(principal, id, traceId, 'update', 'SET_WAITING_TIME', async (manager, row, context) => {
      const decided = stateWaitingTime(row, weeks, { mayChange: true, today: dutchDate(context.at) });
      if (!decided.ok) throw serviceRefused(decided.refusal);
      await this.writer.stateWaitingTime(manager, row, decided.waitingWeeks, decided.statedOn, context.at);
      return ['waitingWeeks', 'waitingTimeStatedOn'];
    });
    return this.map.one(row.id);
  }

  /** Takes a service off the map; answers its id (it is no longer on the map to answer). */
  async withdraw(principal: ProfessionalPrincipal, id: string, traceId: string): Promise<string> {
    const row = await this.change(principal, id, traceId, 'withdraw', 'WITHDRAW_SERVICE', async (manager, service, context) => {
      const decided = withdrawService(service, { mayWithdraw: true });
      if (!decided.ok) throw serviceRefused(decided.refusal);
      await this.writer.withdraw(manager, service, context.at);
      return ['withdrawnAt'];
    });
    return row.id;
  }

  /**
   * A change to one service: who may is the permission table's, asked before the transaction
   * (a service's organisation never changes: kring_app may not update it), so a refusal is
   * logged in a transaction of its own; then the row is locked, changed and logged.
   */
  private async change(
    principal: ProfessionalPrincipal,
    id: string,
    traceId: string,
    action: PermissionAction,
    activity: Activity,
    apply: (manager: EntityManager, row: ServiceEntity, context: AuditContext) => Promise<readonly string[]>,
  ): Promise<ServiceEntity> {
    const context = this.context(principal, traceId);
    if (!isUuid(id)) throw notFound('service');
    const owner = await this.dataSource.manager.findOne(ServiceEntity, { where: { id }, select: { id: true, organisationId: true } });
    if (owner === null) throw notFound('service');
    if (!this.may(principal, action, owner.organisationId)) {
      await this.audit.recordRefusal(context, refusalEntry(activity, RequestRefusal.NOT_OWN_SERVICE, { targetKind: 'SERVICE', targetIds: [owner.id] }));
      throw serviceRefused({ reason: 'NOT_ALLOWED' });
    }
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneOrFail(ServiceEntity, { where: { id: owner.id }, lock: { mode: 'pessimistic_write' } });
      await this.log(manager, context, activity, row, await apply(manager, row, context));
      return row;
    });
  }

  /** Logs a change, last in its transaction: the service, its organisation and the fields changed, never their values. */
  private async log(manager: EntityManager, context: AuditContext, activity: Activity, row: ServiceEntity, fields: readonly string[]): Promise<void> {
    const decision = decisionOf({ targetKind: 'SERVICE', targetIds: [row.id], sourceOrganisationId: row.organisationId, fields: [...fields].sort(), basis: 'OWN_RECORD' });
    await this.audit.record(manager, context, operationEntries({ activity, familyId: null, subjectMemberIds: [], decisions: [decision] }));
  }

  private may(principal: ProfessionalPrincipal, action: PermissionAction, organisationId: string): boolean {
    return permissionsFor(actorOf(principal)).can(action, about('Service', { organisationId }));
  }

  private context(principal: ProfessionalPrincipal, traceId: string): AuditContext {
    return { principal, traceId, at: this.clock.now() };
  }
}
