import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate, loadSubjectFacts, type SubjectFacts } from '@kring/consent';
import { KringCrypto, openSealed, type DataKey } from '@kring/crypto';
import { DataCategory, FamilyEntity, FamilyMemberEntity, InvolvementEntity, InvolvementShieldingEntity, isInvolvedOn, SHIELDING_IN_FORCE, unwrapFamilyKey } from '@kring/family-file';
import {
  countsForItem,
  FamilyPlanAgreementEntity,
  FamilyPlanItemEntity,
  FamilyPlanItemShowingEntity,
  FamilyPlanVersionEntity,
  FamilyPlanWriter,
  itemAgreement,
  itemsAt,
  latestAgreements,
  PLAN_ITEM_KINDS,
  PLAN_ITEM_SEALED_FIELDS,
  writePlanItem,
  type PlanItemContent,
} from '@kring/family-plan';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, type CitizenPrincipal, type Principal, type ProfessionalPrincipal } from '@kring/identity';
import {
  about,
  actorOf,
  allInReach,
  circleOf,
  decideMemberPlanAccess,
  decidePlanItemAccess,
  DenyReason,
  isShownToFamily,
  membersInReach,
  permissionsFor,
  PurposeCatalogue,
  purposeDenyReason,
  resolvePurpose,
  shieldedOrganisationsFor,
  type AccessDecision,
  type FamilyFacts,
  type Purpose,
} from '@kring/policy';
import { AuditService, changeEntries, decisionOf, operationEntries, refusalEntry, type AuditContext, type EntryDraft } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { badInput, ErrorCode, KringError, notFound } from '../common/kring-error';
import { planWriteRefused, purposeRefusalError } from '../common/refusal-errors';
import { organisationModel } from '../directory/organisation.model';
import type { DecidedTarget } from '../families/family-file.assembler';
import { familySnapshot, loadFamilyRows, loadFamilyRowsForOrganisation } from '../families/family-snapshot';
import { readEntries } from '../families/read-entries';
import type { Plan, PlanAgreement, PlanItem, PlanRedaction, PlanVersion, WritePlanItemInput } from './family-plan.model';

/** What every change decides on, read under the family's lock (`lockedState`). */
type LockedState = Awaited<ReturnType<FamilyPlanService['lockedState']>>;

/** The plan's own rows of one family. */
interface PlanRows {
  readonly items: FamilyPlanItemEntity[];
  readonly versions: FamilyPlanVersionEntity[];
  readonly agreements: FamilyPlanAgreementEntity[];
  readonly showings: FamilyPlanItemShowingEntity[];
}

/** Everything a view of the plan is built from besides the plan's rows. */
interface PlanContext {
  readonly familyId: string;
  readonly key: DataKey;
  readonly memberIds: readonly string[];
  readonly subjects: ReadonlyMap<string, SubjectFacts>;
  readonly organisations: ReadonlyMap<string, { readonly id: string; readonly name: string; readonly domain: OrganisationEntity['domain'] }>;
  readonly caseDirectorId: string | null;
  readonly today: string;
}

/** What an item read serves, as the log names it. */
const ITEM_FIELDS = ['content'];

/**
 * The family plan (DESIGN.md §9, *gezinsplan*; docs/family-plan.md): reading it (a
 * professional item by item through the access rule of §4, a member their reach's items and
 * those shown to the whole family), writing its items as new versions, agreeing with it and
 * withdrawing agreement, and showing an item to the whole family. Every read and write is in
 * the access log, about the members the items are about.
 */
@Injectable()
export class FamilyPlanService {
  private readonly directory: DirectoryWriter;
  private readonly writer: FamilyPlanWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.directory = new DirectoryWriter(crypto);
    this.writer = new FamilyPlanWriter(crypto);
  }

  /**
   * A professional's view for a declared purpose: every item of the version through the rule,
   * shown only when each of its categories is allowed about every subject; the rest listed as
   * redactions. A family their organisation is not involved with answers like one that does not exist.
   */
  async readForProfessional(principal: ProfessionalPrincipal, familyId: string, purposeCode: string, version: number | null, traceId: string): Promise<Plan> {
    const at = this.clock.now();
    const today = dutchDate(at);
    const context: AuditContext = { principal, traceId, at };
    const refuse = async (reason: DenyReason, error: KringError, knownFamilyId: string | null): Promise<never> => {
      await this.audit.recordRefusal(context, refusalEntry('READ_FAMILY_PLAN', reason, { purpose: null, familyId: knownFamilyId, targetKind: 'FAMILY', targetIds: isUuid(familyId) ? [familyId] : [] }));
      throw error;
    };
    const resolved = resolvePurpose(this.catalogue, principal.domain, purposeCode);
    if (!resolved.ok) {
      await this.audit.recordRefusal(context, refusalEntry('READ_FAMILY_PLAN', purposeDenyReason(resolved.refusal)));
      throw purposeRefusalError(resolved.refusal, { code: purposeCode, domain: principal.domain });
    }
    const purpose: Purpose = resolved.purpose;
    if (!isUuid(familyId)) return refuse(DenyReason.NOT_INVOLVED, notFound('family'), null);
    const answer = await this.dataSource.transaction(async (manager): Promise<{ plan: Plan } | { closed: string | null }> => {
      const found = await loadFamilyRowsForOrganisation(manager, familyId, at, principal.organisationId, today);
      if (found.kind === 'closed') return { closed: found.familyExists ? familyId : null };
      const snapshot = familySnapshot(this.crypto, found.rows);
      const plan = await loadPlanRows(manager, snapshot.family.id);
      const ctx = this.contextOf(snapshot.family.id, snapshot.key, found.rows.members, snapshot.facts, found.rows.organisations, found.rows.involvements, today);
      const latest = latestVersionOf(plan);
      const shownVersion = requireVersion(version, latest);
      const decide = (row: FamilyPlanItemEntity) => decidePlanItemAccess({ caller: principal, purpose, family: snapshot.facts, at, today }, row);
      const decided: DecidedTarget[] = [];
      const items: PlanItem[] = [];
      const redactions: PlanRedaction[] = [];
      for (const row of ordered(itemsAt(plan.items, shownVersion), plan.items)) {
        const decisions = decide(row);
        const denied = decisions.find((d): d is AccessDecision & { allowed: false } => !d.allowed);
        const content = denied === undefined ? this.open(ctx.key, row) : null;
        if (denied !== undefined || content === null) {
          const withheld: AccessDecision & { allowed: false } = denied ?? { allowed: false, category: DataCategory.SHARED_PLAN, reason: DenyReason.DATA_INTEGRITY };
          redactions.push({ itemId: row.itemId, kind: row.kind, category: withheld.category, reason: withheld.reason, subjectMemberIds: row.subjectMemberIds });
          // A withheld item disclosed nothing: only what was refused is logged.
          for (const d of decisions.filter((x) => !x.allowed).concat(denied === undefined ? [withheld] : [])) decided.push(target(row, d));
          continue;
        }
        for (const d of decisions) decided.push(target(row, d));
        items.push(this.present(row, content, plan, ctx, () => true));
      }
      // Who wrote a version is part of its item, as what it says is: named only for the items served in this read.
      const served = new Set(items.map((i) => i.id));
      const versions = [...plan.versions].reverse().map((v): PlanVersion => this.versionView(v, v.version, ctx, served.has(v.itemId)));
      const agreements = await this.agreementViews(manager, latestAgreements(plan.agreements), (v) => v);
      const entries = decided.length > 0 ? readEntries('READ_FAMILY_PLAN', purpose.code, ctx.familyId, decided) : emptyRead(purpose.code, ctx.familyId, [], 'OWN_RECORD');
      await this.audit.record(manager, context, entries);
      return { plan: { familyId: ctx.familyId, version: shownVersion, latestVersion: latest, items, redactions, versions, agreed: isAgreed(items, redactions), agreements } };
    });
    return 'plan' in answer ? answer.plan : refuse(DenyReason.NOT_INVOLVED, notFound('family'), answer.closed);
  }

  /**
   * A member's view: the items about their reach, and those shown to the whole family, less
   * what an organisation shielded from them wrote or carries out. What is outside their view
   * does not exist in it: not served, not counted, not numbered. Versions are counted in the
   * member's own view (1, 2, 3 ...), so a change they cannot see leaves no gap in the count.
   */
  async readForMember(principal: CitizenPrincipal, version: number | null, traceId: string): Promise<Plan> {
    const at = this.clock.now();
    const today = dutchDate(at);
    return this.dataSource.transaction(async (manager) => {
      const rows = await loadFamilyRows(manager, principal.familyId, at);
      if (rows === null) throw notFound('family');
      const snapshot = familySnapshot(this.crypto, rows);
      const ctx = asKnownTo(principal.memberId, this.contextOf(snapshot.family.id, snapshot.key, rows.members, snapshot.facts, rows.organisations, rows.involvements, today), rows.involvements, rows.shieldings);
      const plan = await loadPlanRows(manager, ctx.familyId);
      const view = memberViewOf(principal.memberId, ctx, plan, rows.involvements, rows.shieldings);
      // The versions in the member's view: those that added or changed an item they may read.
      const mine = ownVersions(plan, view);
      const shownOwn = requireVersion(version, mine.length);
      const globalVersion = shownOwn === 0 ? 0 : (mine[shownOwn - 1] as FamilyPlanVersionEntity).version;
      const decided: DecidedTarget[] = [];
      const items: PlanItem[] = [];
      const redactions: PlanRedaction[] = [];
      for (const row of ordered(itemsAt(plan.items, globalVersion), plan.items)) {
        const decision = view.decide(row);
        if (!decision.allowed) continue;
        const content = this.open(ctx.key, row);
        if (content === null) {
          // Their own item failed its integrity check: they are told, and it is logged as an alarm.
          const damaged: AccessDecision = { allowed: false, category: DataCategory.SHARED_PLAN, reason: DenyReason.DATA_INTEGRITY };
          redactions.push({ itemId: row.itemId, kind: row.kind, category: DataCategory.SHARED_PLAN, reason: DenyReason.DATA_INTEGRITY, subjectMemberIds: row.subjectMemberIds });
          decided.push(target(row, damaged));
          continue;
        }
        decided.push(target(row, decision));
        items.push(this.present(row, content, plan, ctx, (id) => mayBeNamedTo(view.reach, row, ctx, id)));
      }
      // An item that came into their view by a change starts there: its first version in their view is an addition.
      const seen = new Set<string>();
      const versions = mine
        .map((v, i) => {
          const first = !seen.has(v.itemId);
          seen.add(v.itemId);
          return this.versionView(first ? { ...v, change: 'ITEM_ADDED' } : v, i + 1, ctx, true);
        })
        .reverse();
      // The agreements they may know of: the case director's, and those of members of their reach.
      const known = latestAgreements(plan.agreements).filter((a) => (a.memberId === null ? a.professionalId === ctx.caseDirectorId : view.reach.has(a.memberId)));
      const agreements = await this.agreementViews(manager, known, (v) => ownNumber(mine, v));
      const entries = decided.length > 0 ? readEntries('READ_FAMILY_PLAN', null, ctx.familyId, decided) : emptyRead(null, ctx.familyId, [principal.memberId], 'DATA_SUBJECT');
      await this.audit.record(manager, { principal, traceId, at }, entries);
      return { familyId: ctx.familyId, version: shownOwn, latestVersion: mine.length, items, redactions, versions, agreed: isAgreed(items, redactions), agreements };
    });
  }

  /**
   * Adds an item, or a new version of one (DESIGN.md §9, "Who writes"): a member for their
   * reach, a professional for their organisation, the case director the review date
   * (write-plan-item.ts). Every write is one new version of the plan, made under the family's
   * lock so two writers cannot take the same number.
   */
  async write(principal: Principal, input: WritePlanItemInput, traceId: string): Promise<PlanItem> {
    const at = this.clock.now();
    const today = dutchDate(at);
    const familyId = this.familyOf(principal, input.familyId ?? null);
    return this.dataSource.transaction(async (manager) => {
      const state = await this.lockedState(manager, principal, familyId, today);
      const { family, subjects, memberIds, reach, involved, caseDirectorId } = state;
      const itemId = input.itemId ?? null;
      if (itemId !== null && !isUuid(itemId)) throw planWriteRefused('UNKNOWN_ITEM');
      const plan = await loadPlanRows(manager, family.id);
      let current = itemId === null ? null : (plan.items.find((r) => r.itemId === itemId.toLowerCase() && r.untilVersion === null) ?? null);
      // A member changes only what is in their view: an item about anyone else does not exist for them.
      if (current !== null && principal.kind === 'citizen' && !allInReach(reach, current.subjectMemberIds)) current = null;
      const kind = input.kind;
      const named = kind === 'REVIEW' ? memberIds : input.subjectMemberIds.map((id) => id.toLowerCase());
      const ability = permissionsFor(actorOf(principal, [...reach]));
      const facts = { familyId: family.id, involvedOrganisationIds: involved, caseDirectorId, kind, subjectsInReach: principal.kind === 'citizen' && allInReach(reach, named) };
      const decision = writePlanItem(input, {
        writer: principal.kind === 'citizen' ? { kind: 'member', memberId: principal.memberId } : { kind: 'professional', organisationId: principal.organisationId },
        familyMemberIds: memberIds,
        involvedOrganisationIds: involved,
        current: current === null ? null : { kind: current.kind, sourceOrganisationId: current.sourceOrganisationId },
        mayWrite: ability.can('write', about('PlanItem', facts)),
        whyNot: principal.kind === 'citizen' ? (kind === 'REVIEW' ? 'NOT_FOR_WRITER' : 'OUTSIDE_REACH') : kind === 'REVIEW' ? 'NOT_CASE_DIRECTOR' : 'NOT_FOR_WRITER',
      });
      if (!decision.ok) throw planWriteRefused(decision.refusal);
      const { draft } = decision;
      const author = principal.kind === 'citizen' ? { memberId: principal.memberId } : { professionalId: principal.professionalId, organisationId: principal.organisationId };
      const row = await this.writer.writeItem(manager, { familyId: family.id, key: state.key, latestVersion: latestVersionOf(plan), current, draft, author, at });
      const entries = changeEntries({
        activity: 'WRITE_PLAN_ITEM',
        familyId: family.id,
        subjectMemberIds: draft.subjectMemberIds,
        targetKind: 'PLAN_ITEM',
        targetIds: [row.itemId],
        fields: ITEM_FIELDS,
        category: draft.category,
        sourceOrganisationId: draft.sourceOrganisationId,
        basis: principal.kind === 'citizen' ? 'DATA_SUBJECT' : 'OWN_RECORD',
        basisRefs: [row.id],
      });
      await this.audit.record(manager, { principal, traceId, at }, entries);
      const organisations = await organisationsById(manager, [draft.sourceOrganisationId, draft.actor?.organisationId ?? null]);
      const ctx: PlanContext = { familyId: family.id, key: state.key, memberIds, subjects, organisations, caseDirectorId, today };
      const after = { ...plan, items: [...plan.items, row] };
      return this.present(row, draft.content, after, ctx, (id) => principal.kind === 'professional' || mayBeNamedTo(reach, row, ctx, id));
    });
  }

  /**
   * Agrees with the plan as it stands now (its latest version): a member for what concerns
   * them by capacity, the case director for the professionals. A new agreement replaces the
   * caller's earlier one.
   */
  async agree(principal: Principal, requestedFamilyId: string | null, traceId: string): Promise<PlanAgreement> {
    const at = this.clock.now();
    const familyId = this.familyOf(principal, requestedFamilyId);
    return this.dataSource.transaction(async (manager) => {
      const state = await this.lockedState(manager, principal, familyId, dutchDate(at));
      this.requireAgreeing(principal, state);
      const plan = await loadPlanRows(manager, state.family.id);
      const version = latestVersionOf(plan);
      if (version === 0) throw new KringError(ErrorCode.BAD_USER_INPUT, 'There is nothing in the plan to agree with yet.', { refusal: 'EMPTY_PLAN' });
      const by = principal.kind === 'citizen' ? { memberId: principal.memberId } : { professionalId: principal.professionalId };
      const row = await this.writer.agree(manager, state.family.id, version, by, at);
      await this.audit.record(manager, { principal, traceId, at }, agreementEntries('AGREE_TO_PLAN', principal, state, row));
      const [view] = await this.agreementViews(manager, [row], await this.numberingFor(manager, principal, state, dutchDate(at), plan));
      return view as PlanAgreement;
    });
  }

  /** Withdraws the caller's agreement (DESIGN.md §9: possible, and the plan says so). */
  async withdraw(principal: Principal, requestedFamilyId: string | null, traceId: string): Promise<PlanAgreement> {
    const at = this.clock.now();
    const familyId = this.familyOf(principal, requestedFamilyId);
    return this.dataSource.transaction(async (manager) => {
      const state = await this.lockedState(manager, principal, familyId, dutchDate(at));
      const party = principal.kind === 'citizen' ? { memberId: principal.memberId } : { professionalId: principal.professionalId };
      const latest = await manager.findOne(FamilyPlanAgreementEntity, { where: { familyId: state.family.id, ...party }, order: { agreedAt: 'DESC', id: 'DESC' } });
      if (latest === null || latest.withdrawnAt !== null) throw new KringError(ErrorCode.BAD_USER_INPUT, 'You have no agreement with this plan to withdraw.', { refusal: 'NOTHING_TO_WITHDRAW' });
      await manager.update(FamilyPlanAgreementEntity, { id: latest.id }, { withdrawnAt: at });
      const row = { ...latest, withdrawnAt: at };
      await this.audit.record(manager, { principal, traceId, at }, agreementEntries('WITHDRAW_PLAN_AGREEMENT', principal, state, row));
      const [view] = await this.agreementViews(manager, [row], await this.numberingFor(manager, principal, state, dutchDate(at)));
      return view as PlanAgreement;
    });
  }

  /**
   * A member's choice to show an item to the whole family, or to take it back. The item must
   * be in their view, and theirs to choose about: they are among those whose say counts, by
   * capacity, for one of its subjects. Whether it is then shown is `isShownToFamily`.
   */
  async show(principal: CitizenPrincipal, itemId: string, shown: boolean, traceId: string): Promise<PlanItem> {
    const at = this.clock.now();
    const today = dutchDate(at);
    return this.dataSource.transaction(async (manager) => {
      const state = await this.lockedState(manager, principal, principal.familyId, today);
      const plan = await loadPlanRows(manager, state.family.id);
      const { ctx, view } = await this.memberViewInLock(manager, principal.memberId, state, today, plan);
      const row = isUuid(itemId) ? plan.items.find((r) => r.itemId === itemId.toLowerCase() && r.untilVersion === null) : undefined;
      if (row === undefined || !view.decide(row).allowed) throw notFound('plan item');
      if (!permissionsFor(actorOf(principal, [...state.reach])).can('show', about('PlanItem', { familyId: state.family.id, involvedOrganisationIds: state.involved, caseDirectorId: state.caseDirectorId, kind: row.kind, subjectsInReach: allInReach(state.reach, row.subjectMemberIds) })) || !countsForItem(principal.memberId, row, state.subjects, today)) {
        throw new KringError(ErrorCode.FORBIDDEN, 'Whether an item is shown to the whole family is chosen by those it is about (a parent for a child under 12, the child and a parent from 12 to 15, the member alone from 16).', { refusal: 'NOT_YOUR_CHOICE' });
      }
      await this.writer.chooseShown(manager, state.family.id, row.itemId, principal.memberId, shown, at);
      const entries = changeEntries({
        activity: 'SHOW_PLAN_ITEM_TO_FAMILY',
        familyId: state.family.id,
        subjectMemberIds: row.subjectMemberIds,
        targetKind: 'PLAN_ITEM',
        targetIds: [row.itemId],
        fields: [shown ? 'shownToFamily' : 'notShownToFamily'],
        category: row.category,
        sourceOrganisationId: row.sourceOrganisationId,
        basis: 'DATA_SUBJECT',
      });
      await this.audit.record(manager, { principal, traceId, at }, entries);
      const content = this.open(state.key, row);
      if (content === null) throw new KringError(ErrorCode.DATA_INTEGRITY, 'This item failed its integrity check.');
      const showings = await manager.find(FamilyPlanItemShowingEntity, { where: { familyId: state.family.id } });
      return this.present(row, content, { ...plan, showings }, ctx, (id) => mayBeNamedTo(view.reach, row, ctx, id));
    });
  }

  /** The family a write is about: a member's own; a professional's as named (an id that is not one is no family). */
  private familyOf(principal: Principal, requested: string | null): string {
    if (principal.kind === 'citizen') {
      if (requested !== null && requested.toLowerCase() !== principal.familyId.toLowerCase()) throw notFound('family');
      return principal.familyId;
    }
    if (requested === null) throw badInput('familyId', 'is required: the family whose plan this is');
    if (!isUuid(requested)) throw notFound('family');
    return requested;
  }

  /** The family locked for a change, with what every change decides on. A family the caller's organisation is not involved with today is not found. */
  private async lockedState(manager: EntityManager, principal: Principal, familyId: string, today: string) {
    const family = await manager.findOne(FamilyEntity, { where: { id: familyId }, lock: { mode: 'pessimistic_write' } });
    if (family === null || family.erasedAt !== null) throw notFound('family');
    const involvements = await manager.find(InvolvementEntity, { where: { familyId: family.id } });
    const running = involvements.filter((i) => isInvolvedOn(i, today));
    const involved = running.map((i) => i.organisationId);
    if (principal.kind === 'professional' && !involved.includes(principal.organisationId)) throw notFound('family');
    const key = unwrapFamilyKey(this.crypto, family);
    const { subjects } = await loadSubjectFacts(manager, this.crypto, family.id);
    const memberIds = (await manager.find(FamilyMemberEntity, { where: { familyId: family.id }, select: { id: true }, order: { id: 'ASC' } })).map((m) => m.id);
    const reach = principal.kind === 'citizen' ? membersInReach(principal.memberId, subjects.values(), today) : new Set<string>();
    const caseDirectorId = running.find((i) => i.caseDirection)?.contactProfessionalId ?? null;
    return { family, key, subjects, memberIds, reach, involvements, involved, caseDirectorId };
  }

  /** A member's view of the plan inside a change's lock: the plan's rows, the context, and the rule deciding each item (only shieldings in force count). */
  private async memberViewInLock(manager: EntityManager, memberId: string, state: LockedState, today: string, plan: PlanRows) {
    const shieldings = await manager.find(InvolvementShieldingEntity, { where: { familyId: state.family.id, ...SHIELDING_IN_FORCE }, select: { involvementId: true, memberId: true } });
    const { involvements } = state;
    const organisations = await organisationsById(manager, involvements.map((i) => i.organisationId));
    const ctx = asKnownTo(memberId, { familyId: state.family.id, key: state.key, memberIds: state.memberIds, subjects: state.subjects, organisations, caseDirectorId: state.caseDirectorId, today }, involvements, shieldings);
    return { ctx, view: memberViewOf(memberId, ctx, plan, involvements, shieldings) };
  }

  /** How an agreement's version is told to the caller: the family's number to a professional, the member's own count to a member. */
  private async numberingFor(manager: EntityManager, principal: Principal, state: LockedState, today: string, loaded?: PlanRows): Promise<(familyVersion: number) => number> {
    if (principal.kind === 'professional') return (v) => v;
    const plan = loaded ?? (await loadPlanRows(manager, state.family.id));
    const { view } = await this.memberViewInLock(manager, principal.memberId, state, today, plan);
    const own = ownVersions(plan, view);
    return (v) => ownNumber(own, v);
  }

  /** Whether the caller may agree: any member of the family; of the professionals, only the case director. */
  private requireAgreeing(principal: Principal, state: { family: FamilyEntity; involved: string[]; caseDirectorId: string | null }): void {
    const facts = { familyId: state.family.id, involvedOrganisationIds: state.involved, caseDirectorId: state.caseDirectorId };
    if (permissionsFor(actorOf(principal)).can('agree', about('FamilyPlan', facts))) return;
    throw planWriteRefused('NOT_CASE_DIRECTOR');
  }

  private contextOf(
    familyId: string,
    key: DataKey,
    members: readonly FamilyMemberEntity[],
    facts: FamilyFacts,
    organisations: PlanContext['organisations'],
    involvements: readonly InvolvementEntity[],
    today: string,
  ): PlanContext {
    const caseDirectorId = involvements.find((i) => i.caseDirection && isInvolvedOn(i, today))?.contactProfessionalId ?? null;
    return { familyId, key, memberIds: members.map((m) => m.id), subjects: facts.subjects, organisations, caseDirectorId, today };
  }

  /** An item's content, or null when it fails its integrity check. */
  private open(key: DataKey, row: FamilyPlanItemEntity): PlanItemContent | null {
    const text = openSealed(this.crypto, key, { field: PLAN_ITEM_SEALED_FIELDS.content, rowId: row.id }, row.contentCiphertext);
    return text === null ? null : (JSON.parse(text) as PlanItemContent);
  }

  /** An item as served; `mayKnow` says which members the caller may be told are still to agree. */
  private present(row: FamilyPlanItemEntity, content: PlanItemContent, plan: PlanRows, ctx: PlanContext, mayKnow: (memberId: string) => boolean): PlanItem {
    const chosenBy = new Set(plan.showings.filter((s) => s.itemId === row.itemId).map((s) => s.memberId));
    const agreement = itemAgreement(row, plan.agreements, ctx.subjects, ctx.caseDirectorId, ctx.today);
    const organisation = (id: string | null) => {
      const o = id === null ? undefined : ctx.organisations.get(id);
      return o === undefined ? null : organisationModel(o);
    };
    return {
      id: row.itemId,
      kind: row.kind,
      subjectMemberIds: row.subjectMemberIds,
      category: row.category,
      text: content.text,
      status: content.status,
      dueOn: content.dueOn,
      actor: row.actorKind === null ? null : { kind: row.actorKind, organisation: organisation(row.actorOrganisationId), memberId: row.actorMemberId, name: content.networkPerson },
      source: organisation(row.sourceOrganisationId),
      changedAt: row.createdAt,
      shownToFamily: isShownToFamily(row, chosenBy, { memberIds: ctx.memberIds, subjects: ctx.subjects }, ctx.today),
      agreed: agreement.agreed,
      caseDirectorAgreed: agreement.caseDirectorAgreed,
      waitingForMemberIds: agreement.waitingForMemberIds.filter(mayKnow),
    };
  }

  /** A version as served; `named`: whether the caller may be told who made it (they may read its item). */
  private versionView(v: FamilyPlanVersionEntity, number: number, ctx: PlanContext, named: boolean): PlanVersion {
    const o = !named || v.authorOrganisationId === null ? undefined : ctx.organisations.get(v.authorOrganisationId);
    return { version: number, at: v.createdAt, change: v.change, itemId: v.itemId, byMemberId: named ? v.authorMemberId : null, byOrganisation: o === undefined ? null : organisationModel(o) };
  }

  /** Agreements as served: the case director named (staff data, decrypted with their organisation's key); `numbered` gives the version in the caller's count (a member's own, docs/family-plan.md). */
  private async agreementViews(
    manager: EntityManager,
    rows: readonly { memberId: string | null; professionalId: string | null; version: number; agreedAt: Date; withdrawnAt: Date | null }[],
    numbered: (familyVersion: number) => number,
  ): Promise<PlanAgreement[]> {
    const professionalIds = [...new Set(rows.map((r) => r.professionalId).filter((id): id is string => id !== null))];
    const professionals = professionalIds.length === 0 ? [] : await manager.find(ProfessionalEntity, { where: { id: In(professionalIds) } });
    const organisations = professionals.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In([...new Set(professionals.map((p) => p.organisationId))]) } });
    const names = this.directory.professionalNames(organisations, professionals);
    return rows.map((r) => ({
      memberId: r.memberId,
      caseDirectorName: r.professionalId === null ? null : (names.get(r.professionalId) ?? null),
      version: numbered(r.version),
      agreedAt: r.agreedAt,
      withdrawnAt: r.withdrawnAt,
    }));
  }
}

async function loadPlanRows(manager: EntityManager, familyId: string): Promise<PlanRows> {
  const [items, versions, agreements, showings] = await Promise.all([
    manager.find(FamilyPlanItemEntity, { where: { familyId }, order: { fromVersion: 'ASC', id: 'ASC' } }),
    manager.find(FamilyPlanVersionEntity, { where: { familyId }, order: { version: 'ASC' } }),
    manager.find(FamilyPlanAgreementEntity, { where: { familyId }, order: { agreedAt: 'ASC', id: 'ASC' } }),
    manager.find(FamilyPlanItemShowingEntity, { where: { familyId } }),
  ]);
  return { items, versions, agreements, showings };
}

async function organisationsById(manager: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, OrganisationEntity>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = wanted.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In(wanted) } });
  return new Map(found.map((o) => [o.id, o]));
}

function latestVersionOf(plan: PlanRows): number {
  return plan.versions.at(-1)?.version ?? 0;
}

/** The version asked for, 1 to the latest; the latest when none is asked (0 for an empty plan). */
function requireVersion(requested: number | null, latest: number): number {
  if (requested === null) return latest;
  if (!Number.isInteger(requested) || requested < 1 || requested > latest) throw badInput('version', `must be a version of this plan: 1 to ${latest}`);
  return requested;
}

/** Words first, then goals, actions and the review date; within a kind, in the order the items were first written. */
function ordered(rows: readonly FamilyPlanItemEntity[], all: readonly FamilyPlanItemEntity[]): FamilyPlanItemEntity[] {
  const first = new Map<string, number>();
  for (const r of all) first.set(r.itemId, Math.min(first.get(r.itemId) ?? Infinity, r.fromVersion));
  const rank = (r: FamilyPlanItemEntity) => PLAN_ITEM_KINDS.indexOf(r.kind);
  return [...rows].sort((a, b) => rank(a) - rank(b) || (first.get(a.itemId) as number) - (first.get(b.itemId) as number));
}

/** The member's view of the plan: their reach, and the rule deciding each item (with the shieldings and the family's choices). */
function memberViewOf(
  memberId: string,
  ctx: PlanContext,
  plan: PlanRows,
  involvements: readonly Pick<InvolvementEntity, 'id' | 'organisationId'>[],
  shieldings: readonly { readonly involvementId: string; readonly memberId: string }[],
) {
  const reach = membersInReach(memberId, ctx.subjects.values(), ctx.today);
  const viewer = { memberId, reach, shieldedOrganisationIds: shieldedOrganisationsFor(memberId, involvements, shieldings) };
  const decide = (row: FamilyPlanItemEntity): AccessDecision => {
    const chosenBy = new Set(plan.showings.filter((s) => s.itemId === row.itemId).map((s) => s.memberId));
    return decideMemberPlanAccess(viewer, row, isShownToFamily(row, chosenBy, { memberIds: ctx.memberIds, subjects: ctx.subjects }, ctx.today));
  };
  return { reach, decide };
}

/**
 * The context as a member may know it: when the involvement that holds case direction is
 * shielded from them, nobody holds it in their view (no name, no agreement, no item agreed by
 * the case director), as their circle tells them nobody (docs/circle.md).
 */
function asKnownTo(
  memberId: string,
  ctx: PlanContext,
  involvements: readonly Pick<InvolvementEntity, 'id' | 'organisationId' | 'caseDirection' | 'startsOn' | 'endsOn'>[],
  shieldings: readonly { readonly involvementId: string; readonly memberId: string }[],
): PlanContext {
  // The member's circle decides, as it does for myCircle: no directing involvement in it, no case director.
  const directs = circleOf({ kind: 'member', memberId }, involvements, shieldings, ctx.today).some((i) => i.caseDirection);
  return directs ? ctx : { ...ctx, caseDirectorId: null };
}

function target(row: FamilyPlanItemEntity, decision: AccessDecision): DecidedTarget {
  return { targetKind: 'PLAN_ITEM', targetId: row.itemId, category: decision.category, subjectIds: row.subjectMemberIds, sourceOrganisationId: row.sourceOrganisationId, decision, fields: [...ITEM_FIELDS] };
}

/** A read of a plan with nothing in the caller's view: one entry, naming the family. */
function emptyRead(purpose: string | null, familyId: string, subjectMemberIds: readonly string[], basis: 'OWN_RECORD' | 'DATA_SUBJECT'): EntryDraft[] {
  return operationEntries({
    activity: 'READ_FAMILY_PLAN',
    purpose,
    familyId,
    subjectMemberIds,
    decisions: [decisionOf({ targetKind: 'FAMILY', targetIds: [familyId], category: DataCategory.SHARED_PLAN, basis: purpose === null ? basis : null })],
  });
}

/** A plan shown is agreed when it has items, none withheld, and every one is agreed. */
function isAgreed(items: readonly PlanItem[], redactions: readonly PlanRedaction[]): boolean {
  return items.length > 0 && redactions.length === 0 && items.every((i) => i.agreed);
}

/** An agreement or its withdrawal, logged about the member who gave it, or (the case director's) about every member. */
function agreementEntries(
  activity: 'AGREE_TO_PLAN' | 'WITHDRAW_PLAN_AGREEMENT',
  principal: Principal,
  state: { family: FamilyEntity; memberIds: string[] },
  row: FamilyPlanAgreementEntity,
): EntryDraft[] {
  return changeEntries({
    activity,
    familyId: state.family.id,
    subjectMemberIds: principal.kind === 'citizen' ? [principal.memberId] : state.memberIds,
    targetKind: 'FAMILY',
    targetIds: [state.family.id],
    fields: [`version:${row.version}`],
    category: DataCategory.SHARED_PLAN,
    sourceOrganisationId: principal.kind === 'professional' ? principal.organisationId : null,
    basis: principal.kind === 'citizen' ? 'DATA_SUBJECT' : 'OWN_RECORD',
    basisRefs: [row.id],
  });
}

/**
 * Whether a member may be named to a member who reads an item as one whose agreement is still
 * awaited: one in the reader's reach, a subject of the item (named on it already), or a parent
 * with authority over a subject (whose say counts for that subject, as the reader knows). No one
 * else: the list never tells of a member outside the reader's view.
 */
function mayBeNamedTo(readerReach: ReadonlySet<string>, row: FamilyPlanItemEntity, ctx: PlanContext, memberId: string): boolean {
  if (readerReach.has(memberId) || row.subjectMemberIds.includes(memberId)) return true;
  return row.subjectMemberIds.some((id) => ctx.subjects.get(id)?.authorityHolders.has(memberId) === true);
}

/** The versions in a member's own count: those that added or changed an item they may read, oldest first. */
function ownVersions(plan: PlanRows, view: { decide: (row: FamilyPlanItemEntity) => AccessDecision }): FamilyPlanVersionEntity[] {
  return plan.versions.filter((v) => {
    const row = plan.items.find((r) => r.itemId === v.itemId && r.fromVersion === v.version);
    return row !== undefined && view.decide(row).allowed;
  });
}

/** The family's version `familyVersion` as the member counts it: how many of their own versions it includes. */
function ownNumber(own: readonly FamilyPlanVersionEntity[], familyVersion: number): number {
  return own.filter((v) => v.version <= familyVersion).length;
}
