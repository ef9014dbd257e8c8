import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessLogEntryEntity } from '@kring/audit';
import { Clock } from '@kring/config';
import { dutchDate, loadSubjectFacts } from '@kring/consent';
import { KringCrypto } from '@kring/crypto';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, type Principal } from '@kring/identity';
import { ACCESS_LOG_ENTRY_COLUMNS, actorOf, DenyReason, membersInReach, permissionsFor, permittedWhere, type KringAbility } from '@kring/policy';
import { isUuid } from '../common/ids';
import { decodeTimeCursor, encodeTimeCursor, requirePageSize } from '../common/keyset-page';
import { badInput, forbidden } from '../common/kring-error';
import type { Organisation } from '../directory/organisation.model';
import { type AccessLogConnection, type AccessLogDay, type AccessLogEntry, type AccessLogFilter, LogDecision } from './access-log.model';

const MAX_PAGE = 200;
const DAY_MS = 24 * 3600 * 1000;
const ACTOR_KINDS = ['PROFESSIONAL', 'CITIZEN', 'SYSTEM'];

/**
 * Who sees which entries (DESIGN.md §5, guarantee 7; issue 4): the permission table's rules
 * for reading AccessLogEntry (docs/permissions.md), bound to the caller.
 */
export interface Scope {
  readonly ability: KringAbility;
  /** A member's reach (themselves and the children under 16 in their care); null for a professional. */
  readonly reach: readonly string[] | null;
  /** The caller as an actor in the log (professional or member id), for `byOthers`. */
  readonly callerId: string;
}

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly clock: Clock,
  ) {
    this.directory = new DirectoryWriter(crypto);
  }

  async page(principal: Principal, filter: AccessLogFilter, first: number, after: string | null): Promise<AccessLogConnection> {
    requirePageSize(first, MAX_PAGE);
    const scope = await this.scopeOf(principal);
    const { sql, params } = pageQuery(scope, filter, first + 1, after === null ? null : logCursor(after));
    const rows = (await this.dataSource.query<Record<string, unknown>[]>(sql, params)).map(toEntity);
    const page = rows.slice(0, first);
    const nodes = await this.present(page, scope);
    const edges = nodes.map((node, i) => ({ cursor: encodeTimeCursor(LOG_CURSOR, (page[i] as AccessLogEntryEntity).occurredAt, (page[i] as AccessLogEntryEntity).id), node }));
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

  /**
   * Decisions per day over the filtered range, every day present (zeros included) so a
   * chart's axis has no gaps. Without from/to the range is the last 30 days; at most
   * 366 days at once.
   */
  async days(principal: Principal, filter: AccessLogFilter): Promise<AccessLogDay[]> {
    const now = this.clock.now();
    const to = filter.to ?? now;
    const from = filter.from ?? new Date(to.getTime() - 30 * DAY_MS);
    if (from.getTime() >= to.getTime()) throw badInput('filter.from', 'must lie before filter.to');
    if (to.getTime() - from.getTime() > 366 * DAY_MS) throw badInput('filter.from', 'the range may span at most 366 days');
    const scope = await this.scopeOf(principal);
    const { sql, params } = daysQuery(scope, { ...filter, from, to });
    const rows = await this.dataSource.query<{ day: string; allowed: number; denied: number; break_glass: number; integrity_alarms: number }[]>(sql, params);
    const counted = new Map(rows.map((r) => [r.day, r]));
    return calendarDays(dutchDate(from), dutchDate(new Date(to.getTime() - 1))).map((day) => {
      const row = counted.get(day);
      return { day, allowed: row?.allowed ?? 0, denied: row?.denied ?? 0, breakGlass: row?.break_glass ?? 0, integrityAlarms: row?.integrity_alarms ?? 0 };
    });
  }

  private async scopeOf(principal: Principal): Promise<Scope> {
    if (principal.kind === 'citizen') {
      const { subjects } = await loadSubjectFacts(this.dataSource.manager, this.crypto, principal.familyId);
      const reach = [...membersInReach(principal.memberId, subjects.values(), dutchDate(this.clock.now()))];
      return { ability: permissionsFor(actorOf(principal, reach)), reach, callerId: principal.memberId };
    }
    const ability = permissionsFor(actorOf(principal));
    if (!ability.can('read', 'AccessLogEntry')) throw forbidden('The access log is for privacy officers and for the family members it is about.');
    return { ability, reach: null, callerId: principal.professionalId };
  }

  private async present(rows: AccessLogEntryEntity[], scope: Scope): Promise<AccessLogEntry[]> {
    const manager = this.dataSource.manager;
    const organisationIds = [...new Set(rows.flatMap((r) => [r.actorOrganisationId, r.sourceOrganisationId]).filter((v): v is string => v !== null))];
    const organisations = organisationIds.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In(organisationIds) } });
    const organisationOf = (id: string | null): Organisation | null => {
      const found = organisations.find((o) => o.id === id);
      return found === undefined ? null : { id: found.id, name: found.name, domain: found.domain };
    };
    // Professionals' names are for privacy officers only (professionals have privacy too).
    let names = new Map<string, string>();
    if (scope.reach === null) {
      const professionalIds = [...new Set(rows.filter((r) => r.actorKind === 'PROFESSIONAL' && r.actorId !== null).map((r) => r.actorId as string))];
      const professionals = professionalIds.length === 0 ? [] : await manager.find(ProfessionalEntity, { where: { id: In(professionalIds) } });
      const missing = [...new Set(professionals.map((p) => p.organisationId))].filter((id) => !organisations.some((o) => o.id === id));
      const theirOrganisations = missing.length === 0 ? organisations : [...organisations, ...(await manager.find(OrganisationEntity, { where: { id: In(missing) } }))];
      names = this.directory.professionalNames(theirOrganisations, professionals);
    }
    const reach = scope.reach === null ? null : new Set(scope.reach);
    const hidden = reach === null ? null : await this.outOfReach(rows, reach);
    return rows.map((r) => {
      const stored = targetsOf(r);
      const targetIds = hidden === null ? stored : stored.filter((id) => !hidden.has(id));
      return {
        id: r.id,
        occurredAt: r.occurredAt,
        traceId: r.traceId,
        activity: r.activity,
        purpose: r.purpose,
        decision: r.decision === 'ALLOWED' ? LogDecision.ALLOWED : LogDecision.DENIED,
        basis: r.basis,
        basisRefs: hidden === null ? r.basisRefs : r.basisRefs.filter((ref) => !hidden.has(ref)),
        reason: r.reason,
        breakGlass: r.breakGlass,
        category: r.category,
        fields: r.fields,
        familyId: r.familyId,
        // A member's view never names another member outside their reach.
        subjectMemberIds: reach === null ? r.subjectMemberIds : r.subjectMemberIds.filter((m) => reach.has(m)),
        targetKind: r.targetKind,
        targetIds,
        targetId: targetIds.length === 1 ? (targetIds[0] as string) : null,
        sourceOrganisation: organisationOf(r.sourceOrganisationId),
        actor: {
          kind: r.actorKind,
          organisation: organisationOf(r.actorOrganisationId),
          role: r.actorRole,
          professionalId: scope.reach !== null ? null : r.actorKind === 'PROFESSIONAL' ? r.actorId : null,
          name: scope.reach !== null || r.actorId === null ? null : (names.get(r.actorId) ?? null),
        },
        chainKey: r.chainKey,
        sequence: Number(r.sequence),
      };
    });
  }

  /**
   * The ids a member may not see in these entries. A read's entry groups the decisions of a
   * category and outcome across members (one entry for everyone's names, say), so an entry
   * the member sees may also list another member's targets and consents. Hidden: a MEMBER
   * target outside the reach; a RECORD target none of whose subjects is in the reach; a
   * consent (as basis reference) whose subject is outside the reach. Involvements, the
   * family, grants and a change's own target are about everyone the entry names, so they stay.
   */
  private async outOfReach(rows: readonly AccessLogEntryEntity[], reach: ReadonlySet<string>): Promise<Set<string>> {
    const hidden = new Set<string>();
    const records = new Set<string>();
    const refs = new Set<string>();
    for (const r of rows) {
      const targets = targetsOf(r);
      if (r.targetKind === 'MEMBER') for (const id of targets) if (!reach.has(id)) hidden.add(id);
      if (r.targetKind === 'RECORD') for (const id of targets) records.add(id);
      for (const ref of r.basisRefs) refs.add(ref);
    }
    const manager = this.dataSource.manager;
    const [inReach, consents] = await Promise.all([
      records.size === 0
        ? []
        : manager.query<{ record_id: string }[]>(`SELECT DISTINCT record_id FROM record_subject WHERE record_id = ANY($1::uuid[]) AND member_id = ANY($2::uuid[])`, [[...records], [...reach]]),
      refs.size === 0
        ? []
        : manager.query<{ id: string; subject_member_id: string }[]>(`SELECT id, subject_member_id FROM consent WHERE id = ANY($1::uuid[])`, [[...refs].filter(isUuid)]),
    ]);
    const shown = new Set(inReach.map((r) => r.record_id));
    for (const id of records) if (!shown.has(id)) hidden.add(id);
    for (const c of consents) if (!reach.has(c.subject_member_id)) hidden.add(c.id);
    return hidden;
  }
}

/**
 * The SQL of one page, newest first, keyset on (occurred_at, id). Measured at 5 million
 * entries (docs/performance.md): PostgreSQL walks the time index backwards and stops after
 * `limit` matches, so a page 1,000 deep costs what the first costs. A UNION per OR branch
 * was tried and measured worse: a branch with no matches walks its whole index.
 */
export function pageQuery(scope: Scope, filter: AccessLogFilter, limit: number, cursor: { occurredAt: Date; id: string } | null): { sql: string; params: unknown[] } {
  const { where, params } = selection(scope, filter, cursor);
  return { sql: `SELECT * FROM access_log_entry${where} ORDER BY occurred_at DESC, id DESC LIMIT ${limit}`, params };
}

/**
 * Decisions per calendar day in Amsterdam over the selection, for the privacy officer's
 * chart: one aggregate over the same WHERE as the page (same scope, same index), so the
 * chart never counts an entry the table would not show. Break-glass uses count apart
 * from the other allowed entries; integrity alarms (entries denied DATA_INTEGRITY: a stored
 * value that failed its integrity check) are counted too, among the denied.
 */
export function daysQuery(scope: Scope, filter: AccessLogFilter): { sql: string; params: unknown[] } {
  const { where, params } = selection(scope, filter, null);
  return {
    sql:
      `SELECT to_char(occurred_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS day,` +
      ` count(*) FILTER (WHERE decision = 'ALLOWED' AND NOT break_glass)::int AS allowed,` +
      ` count(*) FILTER (WHERE decision = 'DENIED')::int AS denied,` +
      ` count(*) FILTER (WHERE decision = 'ALLOWED' AND break_glass)::int AS break_glass,` +
      ` count(*) FILTER (WHERE reason = '${DenyReason.DATA_INTEGRITY}')::int AS integrity_alarms` +
      ` FROM access_log_entry${where} GROUP BY 1 ORDER BY 1`,
    params,
  };
}

/** The WHERE clause every reading of the log shares: the caller's scope AND the filter. */
function selection(scope: Scope, filter: AccessLogFilter, cursor: { occurredAt: Date; id: string } | null): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const common: string[] = [];
  const either: [string, string][] = [];
  // The caller's scope: the permission table's rules, as SQL (TRUE for a chain privacy officer).
  const permitted = permittedWhere(scope.ability, 'read', 'AccessLogEntry', ACCESS_LOG_ENTRY_COLUMNS, p);
  if (permitted !== 'TRUE') common.push(permitted);
  const id = (name: string, value: string | null | undefined): string | null => {
    if (value === null || value === undefined) return null;
    if (!isUuid(value)) throw badInput(`filter.${name}`, 'is not an id');
    return value;
  };
  const familyId = id('familyId', filter.familyId);
  const memberId = id('memberId', filter.memberId);
  // A member narrows their log by a member of their reach only. Any other id (a relative
  // outside the reach, a member of another family, an id of nothing) is refused alike: the
  // filter must not tell which of them has entries (it was an oracle).
  if (scope.reach !== null && memberId !== null && !scope.reach.includes(memberId.toLowerCase())) {
    throw forbidden('You can filter the log only by yourself or a child in your care under 16.');
  }
  const professionalId = id('professionalId', filter.professionalId);
  const organisationId = id('organisationId', filter.organisationId);
  if (familyId !== null) common.push(`family_id = ${p(familyId)}`);
  if (memberId !== null) common.push(`subject_member_ids @> ${p([memberId])}::uuid[]`);
  if (professionalId !== null) common.push(`actor_id = ${p(professionalId)}`);
  if (organisationId !== null) {
    const org = p(organisationId);
    either.push([`actor_organisation_id = ${org}`, `source_organisation_id = ${org}`]);
  }
  if (filter.purpose) common.push(`purpose = ${p(filter.purpose)}`);
  if (filter.decision) common.push(`decision = ${p(filter.decision)}`);
  if (filter.reason) common.push(`reason = ${p(filter.reason)}`);
  if (filter.basis) common.push(`basis = ${p(filter.basis)}`);
  if (filter.activity) common.push(`activity = ${p(filter.activity)}`);
  if (filter.actorKind) {
    if (!ACTOR_KINDS.includes(filter.actorKind)) throw badInput('filter.actorKind', `must be one of ${ACTOR_KINDS.join(', ')}`);
    common.push(`actor_kind = ${p(filter.actorKind)}`);
  }
  // IS DISTINCT FROM: entries without an actor id (Kring itself) count as by others.
  if (filter.byOthers === true) common.push(`actor_id IS DISTINCT FROM ${p(scope.callerId)}`);
  if (filter.breakGlass !== null && filter.breakGlass !== undefined) common.push(`break_glass = ${p(filter.breakGlass)}`);
  if (filter.from) common.push(`occurred_at >= ${p(filter.from)}`);
  if (filter.to) common.push(`occurred_at < ${p(filter.to)}`);
  if (cursor !== null) common.push(`(occurred_at, id) < (${p(cursor.occurredAt)}, ${p(cursor.id)})`);
  const conditions = [...common, ...either.map(([a, b]) => `(${a} OR ${b})`)];
  return { where: conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '', params };
}

function toEntity(row: Record<string, unknown>): AccessLogEntryEntity {
  const array = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : []);
  return Object.assign(new AccessLogEntryEntity(), {
    id: row['id'] as string,
    chainKey: row['chain_key'] as string,
    sequence: String(row['sequence']),
    occurredAt: row['occurred_at'] as Date,
    traceId: row['trace_id'] as string,
    actorKind: row['actor_kind'] as string,
    actorId: row['actor_id'] as string | null,
    actorOrganisationId: row['actor_organisation_id'] as string | null,
    actorRole: row['actor_role'] as string | null,
    activity: row['activity'] as string,
    purpose: row['purpose'] as string | null,
    familyId: row['family_id'] as string | null,
    subjectMemberIds: array(row['subject_member_ids']),
    targetKind: row['target_kind'] as string | null,
    targetId: row['target_id'] as string | null,
    // NULL on entries written before the column existed (v1); keep it null, it marks their encoding.
    targetIds: row['target_ids'] === null || row['target_ids'] === undefined ? null : array(row['target_ids']),
    sourceOrganisationId: row['source_organisation_id'] as string | null,
    category: row['category'] as string | null,
    fields: array(row['fields']),
    decision: row['decision'] as string,
    basis: row['basis'] as string | null,
    basisRefs: array(row['basis_refs']),
    reason: row['reason'] as string | null,
    breakGlass: row['break_glass'] as boolean,
  });
}

/** Cursors of the log name the last entry by (occurred_at, id), the order of its pages. */
const LOG_CURSOR = 'log';

function logCursor(cursor: string): { occurredAt: Date; id: string } {
  const { at, id } = decodeTimeCursor(LOG_CURSOR, cursor);
  return { occurredAt: at, id };
}

/** Every calendar day from `first` to `last` (YYYY-MM-DD, inclusive). */
function calendarDays(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${first}T00:00:00Z`); day.toISOString().slice(0, 10) <= last; day = new Date(day.getTime() + DAY_MS)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

/** An entry's targets: v1 entries name one (or none) in target_id, v2 entries list theirs in target_ids. */
function targetsOf(entry: AccessLogEntryEntity): string[] {
  return entry.targetIds ?? (entry.targetId === null ? [] : [entry.targetId]);
}
