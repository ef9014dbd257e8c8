import { Inject, Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder } from 'typeorm';
import { AccessLogEntryEntity } from '@kring/audit';
import { ageOn, dutchDate } from '@kring/consent';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, ProfessionalRole, type Principal } from '@kring/identity';
import { isUuid } from '../common/ids';
import { badInput, forbidden } from '../common/kring-error';
import type { Organisation } from '../viewer/viewer.model';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';
import { type AccessLogConnection, type AccessLogEntry, type AccessLogFilter, LogDecision } from './access-log.model';
import { loadFamilySubjects } from './family-subjects';

const MAX_PAGE = 200;

/** Who sees which entries (DESIGN.md §5, guarantee 7; issue 4). */
type Scope =
  | { readonly kind: 'chain' }
  | { readonly kind: 'organisation'; readonly organisationId: string }
  | { readonly kind: 'member'; readonly familyId: string; readonly reach: readonly string[] };

/**
 * Reading the access log, newest first, with keyset pagination on (occurred_at, id)
 * so page 1,000 costs what page 1 costs. A chain privacy officer sees everything; a
 * privacy officer the entries where their organisation acted or whose records were
 * concerned; a family member the entries about their own data and that of children
 * under 16 over whom they hold authority, without the professional's name.
 */
@Injectable()
export class AccessLogService {
  private readonly directory: DirectoryWriter;

  constructor(@Inject(KRING_RUNTIME) private readonly runtime: KringRuntime) {
    this.directory = new DirectoryWriter(runtime.crypto);
  }

  async page(principal: Principal, filter: AccessLogFilter, first: number, after: string | null): Promise<AccessLogConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
    const scope = await this.scopeOf(principal);
    const query = this.filtered(scope, filter).orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'DESC').take(first + 1);
    if (after !== null) {
      const cursor = decodeCursor(after);
      query.andWhere('(e.occurred_at, e.id) < (:cursorTime, :cursorId)', { cursorTime: cursor.occurredAt, cursorId: cursor.id });
    }
    const rows = await query.getMany();
    const page = rows.slice(0, first);
    const nodes = await this.present(page, scope);
    const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page[i] as AccessLogEntryEntity), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** The same selection as `page`, for the export: batches in order until the end. */
  async *all(principal: Principal, filter: AccessLogFilter, batch = 500): AsyncGenerator<AccessLogEntry[]> {
    let after: string | null = null;
    for (;;) {
      const connection = await this.page(principal, filter, Math.min(batch, MAX_PAGE), after);
      if (connection.edges.length > 0) yield connection.edges.map((e) => e.node);
      if (!connection.pageInfo.hasNextPage) return;
      after = connection.pageInfo.endCursor;
    }
  }

  private async scopeOf(principal: Principal): Promise<Scope> {
    if (principal.kind === 'citizen') {
      const subjects = await loadFamilySubjects(this.runtime, principal.familyId);
      const today = dutchDate(this.runtime.clock.now());
      const reach = [...subjects.values()]
        .filter((s) => s.memberId === principal.memberId || (s.authorityHolders.has(principal.memberId) && ageOn(s.birthDate, today) < 16))
        .map((s) => s.memberId);
      return { kind: 'member', familyId: principal.familyId, reach };
    }
    if (principal.roles.includes(ProfessionalRole.CHAIN_PRIVACY_OFFICER)) return { kind: 'chain' };
    if (principal.roles.includes(ProfessionalRole.PRIVACY_OFFICER)) return { kind: 'organisation', organisationId: principal.organisationId };
    throw forbidden('The access log is for privacy officers and for the family members it is about.');
  }

  private filtered(scope: Scope, filter: AccessLogFilter): SelectQueryBuilder<AccessLogEntryEntity> {
    const query = this.runtime.dataSource.getRepository(AccessLogEntryEntity).createQueryBuilder('e');
    switch (scope.kind) {
      case 'chain':
        break;
      case 'organisation':
        query.andWhere('(e.actor_organisation_id = :scopeOrg OR e.source_organisation_id = :scopeOrg)', { scopeOrg: scope.organisationId });
        break;
      case 'member':
        query.andWhere('e.family_id = :scopeFamily AND e.subject_member_ids && CAST(:reach AS uuid[])', { scopeFamily: scope.familyId, reach: scope.reach });
        break;
    }
    const id = (name: string, value: string | null | undefined): string | null => {
      if (value === null || value === undefined) return null;
      if (!isUuid(value)) throw badInput(`filter.${name}`, 'is not an id');
      return value;
    };
    const familyId = id('familyId', filter.familyId);
    const memberId = id('memberId', filter.memberId);
    const professionalId = id('professionalId', filter.professionalId);
    const organisationId = id('organisationId', filter.organisationId);
    if (familyId !== null) query.andWhere('e.family_id = :familyId', { familyId });
    if (memberId !== null) query.andWhere('e.subject_member_ids @> CAST(:memberIds AS uuid[])', { memberIds: [memberId] });
    if (professionalId !== null) query.andWhere('e.actor_id = :professionalId', { professionalId });
    if (organisationId !== null) query.andWhere('(e.actor_organisation_id = :organisationId OR e.source_organisation_id = :organisationId)', { organisationId });
    if (filter.purpose) query.andWhere('e.purpose = :purpose', { purpose: filter.purpose });
    if (filter.decision) query.andWhere('e.decision = :decision', { decision: filter.decision });
    if (filter.basis) query.andWhere('e.basis = :basis', { basis: filter.basis });
    if (filter.activity) query.andWhere('e.activity = :activity', { activity: filter.activity });
    if (filter.breakGlass !== null && filter.breakGlass !== undefined) query.andWhere('e.break_glass = :breakGlass', { breakGlass: filter.breakGlass });
    if (filter.from) query.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.occurred_at < :to', { to: filter.to });
    return query;
  }

  private async present(rows: AccessLogEntryEntity[], scope: Scope): Promise<AccessLogEntry[]> {
    const manager = this.runtime.dataSource.manager;
    const organisationIds = [...new Set(rows.flatMap((r) => [r.actorOrganisationId, r.sourceOrganisationId]).filter((v): v is string => v !== null))];
    const organisations = organisationIds.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In(organisationIds) } });
    const organisationOf = (id: string | null): Organisation | null => {
      const found = organisations.find((o) => o.id === id);
      return found === undefined ? null : { id: found.id, name: found.name, domain: found.domain };
    };
    // Professionals' names are for privacy officers only (professionals have privacy too).
    const names = new Map<string, string>();
    if (scope.kind !== 'member') {
      const professionalIds = [...new Set(rows.filter((r) => r.actorKind === 'PROFESSIONAL' && r.actorId !== null).map((r) => r.actorId as string))];
      const professionals = professionalIds.length === 0 ? [] : await manager.find(ProfessionalEntity, { where: { id: In(professionalIds) } });
      for (const p of professionals) {
        const organisation = organisations.find((o) => o.id === p.organisationId) ?? (await manager.findOneByOrFail(OrganisationEntity, { id: p.organisationId }));
        names.set(p.id, this.directory.professionalName(organisation, p));
      }
    }
    const reach = scope.kind === 'member' ? new Set(scope.reach) : null;
    return rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurredAt,
      traceId: r.traceId,
      activity: r.activity,
      purpose: r.purpose,
      decision: r.decision === 'ALLOWED' ? LogDecision.ALLOWED : LogDecision.DENIED,
      basis: r.basis,
      basisRefs: r.basisRefs,
      reason: r.reason,
      breakGlass: r.breakGlass,
      category: r.category,
      fields: r.fields,
      familyId: r.familyId,
      // A member's view never names another member outside their reach.
      subjectMemberIds: reach === null ? r.subjectMemberIds : r.subjectMemberIds.filter((m) => reach.has(m)),
      targetKind: r.targetKind,
      targetId: r.targetId,
      sourceOrganisation: organisationOf(r.sourceOrganisationId),
      actor: {
        kind: r.actorKind,
        organisation: organisationOf(r.actorOrganisationId),
        role: r.actorRole,
        professionalId: scope.kind === 'member' ? null : r.actorKind === 'PROFESSIONAL' ? r.actorId : null,
        name: scope.kind === 'member' || r.actorId === null ? null : (names.get(r.actorId) ?? null),
      },
      chainKey: r.chainKey,
      sequence: Number(r.sequence),
    }));
  }
}

function encodeCursor(row: AccessLogEntryEntity): string {
  return Buffer.from(`log:${row.occurredAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const match = /^log:([0-9TZ:.+-]+)\|([0-9a-f-]{36})$/i.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const occurredAt = match === null ? new Date(NaN) : new Date(match[1] as string);
  if (match === null || Number.isNaN(occurredAt.getTime())) throw badInput('after', 'is not a cursor this API gave out');
  return { occurredAt, id: match[2] as string };
}

