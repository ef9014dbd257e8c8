import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessLogEntryEntity, type StoredDecision } from '@kring/audit';
import { Clock } from '@kring/config';
import { dutchDate, loadSubjectFacts } from '@kring/consent';
import { KringCrypto } from '@kring/crypto';
import { shieldingInForceSql } from '@kring/family-file';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, type Principal } from '@kring/identity';
import { about, ACCESS_LOG_DECISION_COLUMNS, ACCESS_LOG_ENTRY_COLUMNS, actorOf, DenyReason, membersInReach, permissionsFor, permittedWhere, type KringAbility } from '@kring/policy';
import { isUuid } from '../common/ids';
import { decodeTimeCursor, encodeTimeCursor, requirePageSize } from '../common/keyset-page';
import { badInput, forbidden } from '../common/kring-error';
import type { Organisation } from '../directory/organisation.model';
import { type AccessLogConnection, type AccessLogDay, type AccessLogDecision, type AccessLogEntry, type AccessLogFilter, LogDecision } from './access-log.model';

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
  /**
   * A member's view: the organisations whose involvement is shielded from them (docs/circle.md).
   * What those organisations did, and decisions about their data, do not exist in the member's log.
   */
  readonly shieldedOrganisationIds?: readonly string[];
  /**
   * A member's view: the moment that decides which emergency grants the family has been told of
   * (reviewed, notice not deferred past it; docs/break-glass.md). Entries flagged break-glass about
   * any other grant do not exist in the member's log.
   */
  readonly noticeAt?: Date;
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
      const shielded = await this.dataSource.query<{ organisation_id: string }[]>(`SELECT DISTINCT organisation_id FROM involvement_shielding s WHERE s.member_id = $1 AND ${shieldingInForceSql('s')}`, [principal.memberId]);
      return { ability: permissionsFor(actorOf(principal, reach)), reach, callerId: principal.memberId, shieldedOrganisationIds: shielded.map((r) => r.organisation_id), noticeAt: this.clock.now() };
    }
    const ability = permissionsFor(actorOf(principal));
    if (!ability.can('read', 'AccessLogEntry')) throw forbidden('The access log is for privacy officers and for the family members it is about.');
    return { ability, reach: null, callerId: principal.professionalId };
  }

  private async present(rows: AccessLogEntryEntity[], scope: Scope): Promise<AccessLogEntry[]> {
    const manager = this.dataSource.manager;
    const organisationIds = [...new Set(rows.flatMap((r) => [r.actorOrganisationId, ...decisionsOf(r).map((d) => d.sourceOrganisationId)]).filter((v): v is string => v !== null))];
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
    const visible = (ids: readonly string[]) => (hidden === null ? [...ids] : ids.filter((id) => !hidden.has(id)));
    const shielded = new Set(scope.shieldedOrganisationIds ?? []);
    return rows.map((r) => {
      // Only the decisions the caller may read (an organisation's privacy officer: those of its own operations, or about its records),
      // and for a member none about an organisation shielded from them.
      const readable = decisionsOf(r).filter(
        (d) => (d.sourceOrganisationId === null || !shielded.has(d.sourceOrganisationId)) && scope.ability.can('read', about('AccessLogDecision', { actorOrganisationId: r.actorOrganisationId, sourceOrganisationId: d.sourceOrganisationId })),
      );
      const decisions = readable.map(
        (d): AccessLogDecision => ({
          targetKind: d.targetKind,
          // Professionals are not named to members, not even by id (the colleague consulted before an emergency access).
          targetIds: reach !== null && d.targetKind === 'PROFESSIONAL' ? [] : visible(d.targetIds),
          sourceOrganisation: organisationOf(d.sourceOrganisationId),
          category: d.category,
          fields: [...d.fields],
          outcome: d.outcome === 'ALLOWED' ? LogDecision.ALLOWED : LogDecision.DENIED,
          basis: d.basis,
          basisRefs: visible(d.basisRefs),
          reason: d.reason,
        }),
      );
      const targetIds = union(decisions.map((d) => d.targetIds));
      return {
        id: r.id,
        occurredAt: r.occurredAt,
        traceId: r.traceId,
        activity: r.activity,
        purpose: r.purpose,
        // A member's outcome is over the decisions they read (with something shielded from them, not every decision of the entry).
        decision: scope.reach === null || decisions.length === 0 ? storedOutcome(r.decision) : outcomeOver(decisions),
        decisions,
        // The entry-level summary of the decisions, for clients of the shape before DESIGN.md §10.
        basis: shared(decisions, (d) => d.basis),
        basisRefs: union(decisions.map((d) => d.basisRefs)),
        reason: shared(decisions.filter((d) => d.outcome === LogDecision.DENIED), (d) => d.reason),
        breakGlass: r.breakGlass,
        category: shared(decisions, (d) => d.category),
        fields: union(decisions.map((d) => d.fields)),
        familyId: r.familyId,
        // A member's view never names another member outside their reach.
        subjectMemberIds: reach === null ? r.subjectMemberIds : r.subjectMemberIds.filter((m) => reach.has(m)),
        targetKind: shared(decisions, (d) => d.targetKind),
        targetIds,
        targetId: targetIds.length === 1 ? (targetIds[0] as string) : null,
        sourceOrganisation: organisationOf(shared(decisions, (d) => d.sourceOrganisation?.id ?? null)),
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
   * The ids a member may not see in these entries. An entry of the log's present shape is
   * about one member, but entries written before it grouped the decisions of a category and
   * outcome across members (one entry for everyone's names, say), so an entry the member sees
   * may also list another member's targets and consents. Hidden, in every shape: a MEMBER
   * target outside the reach; a RECORD target none of whose subjects is in the reach; a
   * consent (as basis reference) whose subject is outside the reach. Involvements, the
   * family, grants and a change's own target are about everyone the entry names, so they stay.
   */
  private async outOfReach(rows: readonly AccessLogEntryEntity[], reach: ReadonlySet<string>): Promise<Set<string>> {
    const hidden = new Set<string>();
    const records = new Set<string>();
    const refs = new Set<string>();
    for (const d of rows.flatMap(decisionsOf)) {
      if (d.targetKind === 'MEMBER') for (const id of d.targetIds) if (!reach.has(id)) hidden.add(id);
      if (d.targetKind === 'RECORD') for (const id of d.targetIds) records.add(id);
      for (const ref of d.basisRefs) refs.add(ref);
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
 * Entries per calendar day in Amsterdam over the selection, for the privacy officer's
 * chart: one aggregate over the same WHERE as the page (same scope, same index), so the
 * chart never counts an entry the table would not show. An entry counts as allowed when a
 * decision of it was, as denied when one was (a partly allowed read counts as both), from
 * the facets every shape has. Break-glass uses count apart from the other allowed entries;
 * integrity alarms (entries with a decision denied DATA_INTEGRITY: a stored value that
 * failed its integrity check) are counted too, among the denied.
 */
export function daysQuery(scope: Scope, filter: AccessLogFilter): { sql: string; params: unknown[] } {
  const { where, params } = selection(scope, filter, null);
  const p = (value: unknown) => `$${params.push(value)}`;
  const readable = readableDecisionSql(scope, p);
  const allowed = decidedSql({ outcome: 'ALLOWED' }, readable, p);
  return {
    sql:
      `SELECT to_char(occurred_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS day,` +
      ` count(*) FILTER (WHERE ${allowed} AND NOT break_glass)::int AS allowed,` +
      ` count(*) FILTER (WHERE ${decidedSql({ outcome: 'DENIED' }, readable, p)})::int AS denied,` +
      ` count(*) FILTER (WHERE ${allowed} AND break_glass)::int AS break_glass,` +
      ` count(*) FILTER (WHERE ${decidedSql({ reason: DenyReason.DATA_INTEGRITY }, readable, p)})::int AS integrity_alarms` +
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
  // A member's view: what an organisation shielded from them did does not exist (not even as a count of the day),
  // nor does an entry of another organisation with no decision left to them (every one about the shielded organisation's data).
  const shielded = shieldedSql(scope, p);
  if (shielded !== null) {
    common.push(`(actor_organisation_id IS NULL OR NOT actor_organisation_id = ANY(${shielded}))`);
    common.push(`(CASE WHEN decisions IS NULL THEN ${notAbout('source_organisation_id', shielded)} ELSE EXISTS (SELECT 1 FROM jsonb_array_elements(decisions) d WHERE ${readableDecisionSql(scope, p)}) END)`);
  }
  // A member's view: what was done under an emergency grant exists only once they are told of it
  // (reviewed, no deferral running, about their reach), so nothing of a grant shows while it is open or awaits review.
  if (scope.reach !== null && scope.noticeAt !== undefined) common.push(noticeGivenSql(`${p(scope.noticeAt)}::timestamptz`, `${p(scope.reach)}::uuid[]`));
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
  const sourceOrganisationId = id('sourceOrganisationId', filter.sourceOrganisationId);
  if (familyId !== null) common.push(`family_id = ${p(familyId)}`);
  if (memberId !== null) common.push(`subject_member_ids @> ${p([memberId])}::uuid[]`);
  if (professionalId !== null) common.push(`actor_id = ${p(professionalId)}`);
  if (organisationId !== null) {
    const org = p(organisationId);
    either.push([`actor_organisation_id = ${org}`, `facets @> ARRAY[${p(`s:${organisationId.toLowerCase()}`)}]`]);
  }
  if (filter.purpose) common.push(`purpose = ${p(filter.purpose)}`);
  // What one decision the caller may read must hold (the decision-level filters).
  const decided: Decided = {};
  if (filter.decision === LogDecision.PARTLY_ALLOWED) {
    // For a member with something shielded from them, "partly" is over the decisions they read: the rest is not there.
    if (shielded === null) common.push(`decision = ${p(filter.decision)}`);
    else common.push(`${decidedSql({ outcome: 'ALLOWED' }, readableDecisionSql(scope, p), p)} AND ${decidedSql({ outcome: 'DENIED' }, readableDecisionSql(scope, p), p)}`);
  } else if (filter.decision) decided.outcome = filter.decision;
  if (filter.reason) decided.reason = filter.reason;
  if (filter.basis) decided.basis = filter.basis;
  if (filter.category) decided.category = filter.category;
  if (sourceOrganisationId !== null) decided.sourceOrganisationId = sourceOrganisationId.toLowerCase();
  if (Object.keys(decided).length > 0) common.push(decidedSql(decided, readableDecisionSql(scope, p), p));
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

/**
 * A member's view of emergency access (docs/break-glass.md): what was done under a grant exists
 * for a member only once they are told of it. Told: the grant is reviewed, its notice not
 * deferred past `at`, and it concerns a member of their reach (one named when it was opened, or
 * one whose data was read under it). What was done under a grant: an entry flagged break-glass
 * that names it, and any unflagged entry of what its holder did for its purpose during its hours
 * (a read of the file writes one entry per member, flagged only where a decision was under the
 * grant; the others would tell that youth care read the file for CHILD_PROTECTION that afternoon). The same
 * rule as the notices (break-glass.service.ts, `notices`); test/break-glass-notice.e2e-spec.ts holds them together.
 */
function noticeGivenSql(at: string, reach: string): string {
  const names = (entry: string, g: string) => `(${entry}.decisions @> jsonb_build_array(jsonb_build_object('basisRefs', jsonb_build_array(${g}.id::text))) OR ${entry}.basis_refs @> ARRAY[${g}.id::text])`;
  const readUnder = (entry: string, g: string) =>
    `(${entry}.decisions @> jsonb_build_array(jsonb_build_object('basis', 'BREAK_GLASS', 'basisRefs', jsonb_build_array(${g}.id::text))) OR (${entry}.basis = 'BREAK_GLASS' AND ${entry}.basis_refs @> ARRAY[${g}.id::text]))`;
  const told = (g: string) =>
    `(${g}.review_verdict IS NOT NULL AND (${g}.notice_deferred_until IS NULL OR ${g}.notice_deferred_until <= ${at})` +
    ` AND (${g}.concerned_member_ids && ${reach} OR EXISTS (SELECT 1 FROM access_log_entry u WHERE u.family_id = ${g}.family_id AND u.break_glass AND u.subject_member_ids && ${reach} AND ${readUnder('u', g)})))`;
  return (
    `(NOT break_glass OR EXISTS (SELECT 1 FROM break_glass_grant g WHERE g.family_id = access_log_entry.family_id AND ${names('access_log_entry', 'g')} AND ${told('g')}))` +
    // An entry flagged break-glass is judged by the grants it names (above), so a second grant of the same professional, not told yet, does not hide the first's.
    ` AND (break_glass OR NOT EXISTS (SELECT 1 FROM break_glass_grant w WHERE w.family_id = access_log_entry.family_id AND access_log_entry.actor_id = w.professional_id AND access_log_entry.purpose = w.purpose` +
    ` AND access_log_entry.occurred_at >= w.opened_at AND access_log_entry.occurred_at < w.expires_at AND NOT ${told('w')}))`
  );
}

/** What a decision must hold, by its keys in the `decisions` jsonb. */
type Decided = { outcome?: string; reason?: string; basis?: string; category?: string; sourceOrganisationId?: string };
const FACET_WORDS: Record<keyof Decided, string> = { outcome: 'o', reason: 'r', basis: 'b', category: 'c', sourceOrganisationId: 's' };

/**
 * The permission table's rule for reading one decision, over the element `d` of `decisions`; TRUE when the caller reads every decision of an entry they see.
 * For a member, never a decision about the data of an organisation shielded from them.
 */
function readableDecisionSql(scope: Scope, p: (value: unknown) => string): string {
  const permitted = permittedWhere(scope.ability, 'read', 'AccessLogDecision', ACCESS_LOG_DECISION_COLUMNS, p);
  const shielded = shieldedSql(scope, p);
  if (shielded === null) return permitted;
  const notShielded = notAbout("(d ->> 'sourceOrganisationId')::uuid", shielded);
  return permitted === 'TRUE' ? notShielded : `(${permitted} AND ${notShielded})`;
}

/** The organisations shielded from a member, as an SQL array parameter; null when there are none (or the caller is not a member). */
function shieldedSql(scope: Scope, p: (value: unknown) => string): string | null {
  const ids = scope.shieldedOrganisationIds ?? [];
  return ids.length === 0 ? null : `${p(ids)}::uuid[]`;
}

/** "The organisation `column` is none of `organisations`": true for no organisation at all. */
function notAbout(column: string, organisations: string): string {
  return `(${column} IS NULL OR NOT ${column} = ANY(${organisations}))`;
}

/**
 * "The entry has a decision the caller may read that holds all of `decided`", for either
 * shape. The facets (one GIN index, statistics per word) narrow it: they are the entry's
 * words across its decisions. An entry of the shape before DESIGN.md §10 holds one decision,
 * whose words they are, and whose scope is the entry's. On an entry of the present shape,
 * where two words may come from two decisions, or the word from a decision the caller may
 * not read (another organisation's record), one decision is looked for in its list.
 */
function decidedSql(decided: Decided, readable: string, p: (value: unknown) => string): string {
  const keys = Object.keys(decided) as (keyof Decided)[];
  const words = keys.map((key) => `${FACET_WORDS[key]}:${decided[key] as string}`);
  // Containment, which the GIN index serves (`= ANY(facets)` it would not).
  const facets = `facets @> ${p(words)}::text[]`;
  // One word and every decision readable: the word is enough.
  if (keys.length === 1 && readable === 'TRUE') return facets;
  const one = readable === 'TRUE' ? `decisions @> ${p(JSON.stringify([decided]))}::jsonb` : `EXISTS (SELECT 1 FROM jsonb_array_elements(decisions) d WHERE d @> ${p(JSON.stringify(decided))}::jsonb AND ${readable})`;
  return `(${facets} AND (decisions IS NULL OR ${one}))`;
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
    // Set on entries of the present shape (v3) only.
    decisions: (row['decisions'] as unknown[] | null | undefined) ?? null,
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

/**
 * An entry's decisions: a v3 entry lists them; a v1 or v2 entry is one group of decisions in
 * its scalar columns (one target id in v1, a list in v2), read as a list of one.
 */
function decisionsOf(entry: AccessLogEntryEntity): readonly StoredDecision[] {
  if (entry.decisions !== null) return entry.decisions as StoredDecision[];
  return [
    {
      targetKind: entry.targetKind,
      targetIds: entry.targetIds ?? (entry.targetId === null ? [] : [entry.targetId]),
      sourceOrganisationId: entry.sourceOrganisationId,
      category: entry.category,
      fields: entry.fields,
      outcome: entry.decision,
      basis: entry.basis,
      basisRefs: entry.basisRefs,
      reason: entry.reason,
    },
  ];
}

function storedOutcome(decision: string): LogDecision {
  return decision === 'ALLOWED' ? LogDecision.ALLOWED : decision === 'DENIED' ? LogDecision.DENIED : LogDecision.PARTLY_ALLOWED;
}

/** An entry's outcome over these decisions (at least one): all allowed, all denied, or some of each. */
function outcomeOver(decisions: readonly AccessLogDecision[]): LogDecision {
  if (decisions.every((d) => d.outcome === LogDecision.ALLOWED)) return LogDecision.ALLOWED;
  return decisions.every((d) => d.outcome === LogDecision.DENIED) ? LogDecision.DENIED : LogDecision.PARTLY_ALLOWED;
}

/** The value every decision has; null when they differ (or there are none). */
function shared<T>(decisions: readonly AccessLogDecision[], pick: (d: AccessLogDecision) => T | null): T | null {
  const [first, ...rest] = decisions;
  if (first === undefined) return null;
  const value = pick(first);
  return rest.every((d) => pick(d) === value) ? value : null;
}

/** The lists together, each element once, first seen first. */
function union(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
