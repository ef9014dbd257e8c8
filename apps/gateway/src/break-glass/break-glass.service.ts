import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { ageOn, dutchDate, loadSubjectFacts } from '@kring/consent';
import { type DataKey, KringCrypto, openSealed, type SealedField } from '@kring/crypto';
import {
  BREAK_GLASS_PURPOSE,
  breakGlassState,
  deferNotice,
  isReviewOverdue,
  judgeConsultedColleague,
  noticeState,
  openBreakGlass,
  overdueIfOpenedBy,
  reviewBreakGlass,
  type ConsultedProfessional,
  type ReviewStanding,
} from '@kring/break-glass';
import { BREAK_GLASS_SEALED_FIELDS, BreakGlassGrantEntity, FamilyEntity, InvolvementEntity, isInvolvedOn, loadFamilyKey, shieldingInForceSql, unwrapFamilyKey } from '@kring/family-file';
import { DirectoryWriter, Domain, OrganisationEntity, ProfessionalEntity, ProfessionalRole, type CitizenPrincipal, type ProfessionalPrincipal } from '@kring/identity';
import { about, actorOf, BREAK_GLASS_GRANT_COLUMNS, membersInReach, permissionsFor, permittedWhere, PurposeCatalogue, resolvePurpose } from '@kring/policy';
import { AuditService, changeEntries, decisionOf, operationEntries, type EntryDraft } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { namedParameters } from '../common/permitted-sql';
import { concernedMembersRefused, consultedColleagueRefused, deferRefused, openRefused, reviewRefused } from '../common/refusal-errors';
import { organisationModel } from '../directory/organisation.model';
import { BreakGlassNoticeState, BreakGlassStatus, type ConsultableColleague, type BreakGlassGrant, type BreakGlassInput, type BreakGlassNotice, type BreakGlassUse, type BreakGlassVerdict } from './break-glass.model';

/** The activities of a grant's own life (opening, review, deferral): not uses of it. */
const NOT_A_USE = ['BREAK_GLASS_OPENED', 'BREAK_GLASS_REVIEWED', 'DEFER_BREAK_GLASS_NOTICE'];
/** At most this many uses of one grant are listed for its review. */
const MAX_USES = 200;

/** Emergency access (DESIGN.md §3): opened by a professional, used through the access rule, reviewed by a privacy officer. */
@Injectable()
export class BreakGlassService {
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
   * Whom a professional may name as consulted without reading anything of a family: the active
   * colleagues of their own organisation and the Veilig Thuis advisors (organisations of domain
   * CHILD_SAFETY), not themselves. Directory data only, so not logged (as `organisations`); the
   * contacts of the other organisations involved come from the family's circle, which applies
   * the access rule and is logged. Sorted by organisation, then name.
   */
  async consultableColleagues(principal: ProfessionalPrincipal): Promise<ConsultableColleague[]> {
    const manager = this.dataSource.manager;
    const organisations = await manager.find(OrganisationEntity, { where: [{ id: principal.organisationId }, { domain: Domain.CHILD_SAFETY }] });
    if (organisations.length === 0) return [];
    const professionals = (await manager.find(ProfessionalEntity, { where: { organisationId: In(organisations.map((o) => o.id)), deactivatedAt: IsNull() } })).filter((p) => p.id !== principal.professionalId);
    const names = this.directory.professionalNames(organisations, professionals);
    const own = (organisationId: string) => (organisationId === principal.organisationId ? 0 : 1);
    return professionals
      .map((p) => ({ id: p.id, name: names.get(p.id) as string, organisation: organisationModel(organisations.find((o) => o.id === p.organisationId) as OrganisationEntity) }))
      .sort((a, b) => own(a.organisation.id) - own(b.organisation.id) || a.organisation.name.localeCompare(b.organisation.name, 'nl') || a.name.localeCompare(b.name, 'nl'));
  }

  async open(principal: ProfessionalPrincipal, input: BreakGlassInput, traceId: string): Promise<BreakGlassGrant> {
    const openedAt = this.clock.now();
    const decision = openBreakGlass(input, { mayDeclarePurpose: resolvePurpose(this.catalogue, principal.domain, BREAK_GLASS_PURPOSE).ok }, openedAt);
    if (!decision.ok) throw openRefused(decision.refusal, principal.domain);
    const { grant } = decision;
    if (!isUuid(input.familyId)) throw notFound('family');
    const today = dutchDate(openedAt);
    return this.dataSource.transaction(async (manager) => {
      const involved = await involvedToday(manager, input.familyId, today);
      if (!involved.includes(principal.organisationId)) throw notFound('family');
      // The colleague consulted (the meldcode): judged after involvement, so one not involved learns nothing of the family.
      const named = input.consultedProfessionalId ?? null;
      const colleague = named !== null && isUuid(named.trim()) ? await consultedProfessional(manager, named.trim()) : null;
      const refusal = judgeConsultedColleague(named, principal.professionalId, colleague, involved);
      if (refusal !== null) throw consultedColleagueRefused(refusal);
      const consulted = colleague as ConsultedProfessional;
      const { subjects } = await loadSubjectFacts(manager, this.crypto, input.familyId);
      const concerned = concernedMembers(input.memberIds, [...subjects.values()], today);
      if (concerned === null) throw concernedMembersRefused();
      const id = randomUUID();
      const key = await loadFamilyKey(manager, this.crypto, input.familyId);
      await manager.insert(BreakGlassGrantEntity, {
        id,
        familyId: input.familyId,
        professionalId: principal.professionalId,
        organisationId: principal.organisationId,
        justificationCiphertext: this.crypto.cipher.encrypt(key, { field: BREAK_GLASS_SEALED_FIELDS.justification, rowId: id }, grant.justification),
        purpose: grant.purpose,
        categories: [...grant.categories],
        openedAt,
        expiresAt: grant.expiresAt,
        reviewVerdict: null,
        reviewNoteCiphertext: null,
        reviewedByProfessionalId: null,
        reviewedAt: null,
        consultedProfessionalId: consulted.professionalId,
        concernedMemberIds: concerned,
        noticeDeferredUntil: null,
        noticeDeferralReasonCiphertext: null,
        noticeDeferredByProfessionalId: null,
        noticeDeferredAt: null,
      });
      // One entry per member the grant concerns; the consulted colleague by id, as a decision of its own (never a name).
      await this.audit.record(
        manager,
        { principal, traceId, at: openedAt },
        operationEntries({
          activity: 'BREAK_GLASS_OPENED',
          purpose: grant.purpose,
          familyId: input.familyId,
          subjectMemberIds: concerned,
          breakGlass: true,
          decisions: [
            decisionOf({ targetKind: 'BREAK_GLASS', targetIds: [id], fields: [...grant.categories], sourceOrganisationId: principal.organisationId, basis: 'OWN_RECORD', basisRefs: [id] }),
            decisionOf({ targetKind: 'PROFESSIONAL', targetIds: [consulted.professionalId], fields: ['consultedColleague'], sourceOrganisationId: principal.organisationId, basis: 'OWN_RECORD', basisRefs: [id] }),
          ],
        }),
      );
      return (await this.present(manager, principal, [id]))[0] as BreakGlassGrant;
    });
  }

  async review(principal: ProfessionalPrincipal, id: string, verdict: BreakGlassVerdict, note: string, traceId: string): Promise<BreakGlassGrant> {
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const grant = isUuid(id) ? await manager.findOne(BreakGlassGrantEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      const decision = reviewBreakGlass({ professionalId: principal.professionalId, standing: grant === null ? 'NOT_OVERSEEN' : standingOn('review', principal, grant) }, grant, verdict, note, at);
      if (!decision.ok) throw reviewRefused(decision.refusal);
      const { review } = decision;
      // reviewBreakGlass refuses a missing grant, so here there is one.
      const { familyId, organisationId } = grant as BreakGlassGrantEntity;
      const key = await loadFamilyKey(manager, this.crypto, familyId);
      await manager.update(BreakGlassGrantEntity, { id }, {
        reviewVerdict: review.verdict,
        reviewNoteCiphertext: this.crypto.cipher.encrypt(key, { field: BREAK_GLASS_SEALED_FIELDS.reviewNote, rowId: id }, review.note),
        reviewedByProfessionalId: review.reviewedByProfessionalId,
        reviewedAt: review.reviewedAt,
      });
      await this.audit.record(manager, { principal, traceId, at }, [
        ...changeEntries({ activity: 'BREAK_GLASS_REVIEWED', familyId, subjectMemberIds: [], targetKind: 'BREAK_GLASS', targetIds: [id], fields: [verdict], sourceOrganisationId: organisationId, basis: 'OWN_RECORD', basisRefs: [id], breakGlass: true }),
      ]);
      return (await this.present(manager, principal, [id]))[0] as BreakGlassGrant;
    });
  }

  /**
   * Defers the family's notice of a grant until `until`, with a reason (docs/break-glass.md):
   * an officer who oversees the grant, never its opener; before or after the review. A later
   * deferral replaces the earlier one; each is an entry in the log.
   */
  async defer(principal: ProfessionalPrincipal, id: string, until: Date, reason: string, traceId: string): Promise<BreakGlassGrant> {
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const grant = isUuid(id) ? await manager.findOne(BreakGlassGrantEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      const decision = deferNotice(grant === null ? 'NOT_OVERSEEN' : standingOn('defer', principal, grant), grant !== null, until, reason, at);
      if (!decision.ok) throw deferRefused(decision.refusal);
      const { familyId, organisationId } = grant as BreakGlassGrantEntity;
      const key = await loadFamilyKey(manager, this.crypto, familyId);
      await manager.update(BreakGlassGrantEntity, { id }, {
        noticeDeferredUntil: decision.deferral.until,
        noticeDeferralReasonCiphertext: this.crypto.cipher.encrypt(key, { field: BREAK_GLASS_SEALED_FIELDS.noticeDeferralReason, rowId: id }, decision.deferral.reason),
        noticeDeferredByProfessionalId: principal.professionalId,
        noticeDeferredAt: decision.deferral.deferredAt,
      });
      await this.audit.record(manager, { principal, traceId, at }, [
        ...changeEntries({ activity: 'DEFER_BREAK_GLASS_NOTICE', familyId, subjectMemberIds: [], targetKind: 'BREAK_GLASS', targetIds: [id], fields: ['noticeDeferredUntil', 'noticeDeferralReason'], sourceOrganisationId: organisationId, basis: 'OWN_RECORD', basisRefs: [id], breakGlass: true }),
      ]);
      return (await this.present(manager, principal, [id]))[0] as BreakGlassGrant;
    });
  }

  /**
   * A member's notices (docs/break-glass.md): the grants on their family that a privacy officer
   * reviewed and whose notice is not deferred, concerning a member of their reach (one named when
   * it was opened, or whose data was read under it), not opened by an organisation shielded from
   * them; with the justification, decrypted for them only, and each notice read logged. Before
   * that, nothing of a grant reaches them.
   */
  async notices(principal: CitizenPrincipal, traceId: string): Promise<BreakGlassNotice[]> {
    const at = this.clock.now();
    const manager = this.dataSource.manager;
    const family = await manager.findOne(FamilyEntity, { where: { id: principal.familyId }, select: { id: true, erasedAt: true } });
    if (family === null || family.erasedAt !== null) throw notFound('family');
    const { subjects, key } = await loadSubjectFacts(manager, this.crypto, family.id);
    const reach = membersInReach(principal.memberId, subjects.values(), dutchDate(at));
    const ability = permissionsFor(actorOf(principal, [...reach]));
    const reviewed = (await manager.find(BreakGlassGrantEntity, { where: { familyId: family.id }, order: { openedAt: 'DESC' } })).filter((g) => noticeState(g, at) === 'GIVEN');
    if (reviewed.length === 0) return [];
    const shielded = new Set(
      (await manager.query<{ organisation_id: string }[]>(`SELECT DISTINCT organisation_id FROM involvement_shielding s WHERE s.member_id = $1 AND ${shieldingInForceSql('s')}`, [principal.memberId])).map((r) => r.organisation_id),
    );
    const visible = reviewed.filter((g) => !shielded.has(g.organisationId));
    const uses = await usesOf(manager, visible);
    const organisations = await manager.find(OrganisationEntity, { where: { id: In([...new Set(visible.map((g) => g.organisationId))]) } });
    const notices: BreakGlassNotice[] = [];
    const drafts: EntryDraft[] = [];
    for (const g of visible) {
      const read = uses.get(g.id) ?? [];
      const concerned = [...new Set([...g.concernedMemberIds, ...read.flatMap((u) => u.subjectMemberIds)])];
      if (!ability.can('read', about('BreakGlassNotice', { familyId: g.familyId, concernedMemberIds: concerned }))) continue;
      const inReach = concerned.filter((m) => reach.has(m)).sort();
      const justification = openSealed(this.crypto, key, { field: BREAK_GLASS_SEALED_FIELDS.justification, rowId: g.id }, g.justificationCiphertext);
      const organisation = organisations.find((o) => o.id === g.organisationId) as OrganisationEntity;
      notices.push({
        grantId: g.id,
        organisation: organisationModel(organisation),
        openedAt: g.openedAt,
        expiresAt: g.expiresAt,
        categories: g.categories,
        justification,
        verdict: g.reviewVerdict as BreakGlassVerdict,
        reviewedAt: g.reviewedAt as Date,
        memberIds: inReach,
        reads: read.filter((u) => u.subjectMemberIds.some((m) => reach.has(m))).length,
      });
      drafts.push(
        ...operationEntries({
          activity: 'READ_BREAK_GLASS_NOTICE',
          familyId: g.familyId,
          subjectMemberIds: inReach,
          breakGlass: false,
          decisions: [
            decisionOf({
              targetKind: 'BREAK_GLASS',
              targetIds: [g.id],
              sourceOrganisationId: g.organisationId,
              fields: justification === null ? [] : ['justification'],
              basis: 'DATA_SUBJECT',
              basisRefs: [g.id],
            }),
          ],
        }),
      );
    }
    await this.audit.recordRefusal({ principal, traceId, at }, ...drafts);
    return notices;
  }

  /** Grants in the caller's view: a chain privacy officer all, a privacy officer their organisation's, a professional their own. */
  async list(principal: ProfessionalPrincipal, status: BreakGlassStatus | null): Promise<BreakGlassGrant[]> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const query = manager.getRepository(BreakGlassGrantEntity).createQueryBuilder('g').select('g.id', 'id').orderBy('g.opened_at', 'DESC').limit(500);
    // The caller's view, from the permission table: a chain privacy officer all, a privacy
    // officer their organisation's, every professional their own.
    const scope: Record<string, unknown> = {};
    query.where(permittedWhere(permissionsFor(actorOf(principal)), 'read', 'BreakGlassGrant', BREAK_GLASS_GRANT_COLUMNS, namedParameters(scope)), scope);
    const overdueBefore = overdueIfOpenedBy(now);
    switch (status) {
      case null:
        break;
      case BreakGlassStatus.ACTIVE:
        query.andWhere('g.review_verdict IS NULL AND g.expires_at > :now', { now });
        break;
      case BreakGlassStatus.AWAITING_REVIEW:
        query.andWhere('g.review_verdict IS NULL AND g.expires_at <= :now AND g.opened_at > :overdueBefore', { now, overdueBefore });
        break;
      case BreakGlassStatus.OVERDUE:
        query.andWhere('g.review_verdict IS NULL AND g.opened_at <= :overdueBefore', { overdueBefore });
        break;
      case BreakGlassStatus.REVIEWED:
        query.andWhere('g.review_verdict IS NOT NULL');
        break;
    }
    const ids = (await query.getRawMany<{ id: string }>()).map((r) => r.id);
    return this.present(manager, principal, ids);
  }

  private async present(manager: EntityManager, principal: ProfessionalPrincipal, ids: string[]): Promise<BreakGlassGrant[]> {
    if (ids.length === 0) return [];
    const now = this.clock.now();
    const grants = await manager.find(BreakGlassGrantEntity, { where: { id: In(ids) } });
    const organisations = await manager.find(OrganisationEntity, { where: { id: In([...new Set(grants.map((g) => g.organisationId))]) } });
    const officer = principal.roles.includes(ProfessionalRole.PRIVACY_OFFICER) || principal.roles.includes(ProfessionalRole.CHAIN_PRIVACY_OFFICER);
    // Professionals' names are for privacy officers only: one query, each organisation key unwrapped once.
    const names = officer
      ? this.directory.professionalNames(organisations, await manager.find(ProfessionalEntity, { where: { id: In([...new Set(grants.map((g) => g.professionalId))]) } }))
      : new Map<string, string>();
    // An erased family's key is gone (null): its grants stay listed, their texts unreadable.
    const keys = new Map<string, DataKey | null>();
    const keyOf = async (familyId: string): Promise<DataKey | null> => {
      const known = keys.get(familyId);
      if (known !== undefined) return known;
      const family = await manager.findOneByOrFail(FamilyEntity, { id: familyId });
      const key = family.erasedAt === null ? unwrapFamilyKey(this.crypto, family) : null;
      keys.set(familyId, key);
      return key;
    };
    const byId = new Map(grants.map((g) => [g.id, g]));
    // The consulted colleagues, named for officers only; what was read under each grant, for officers only.
    const consultedIds = [...new Set(grants.map((g) => g.consultedProfessionalId).filter((v): v is string => v !== null))];
    const consulted = consultedIds.length === 0 ? [] : await manager.find(ProfessionalEntity, { where: { id: In(consultedIds) } });
    const consultedOrganisations = consulted.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In([...new Set(consulted.map((p) => p.organisationId))]) } });
    const consultedNames = officer ? this.directory.professionalNames(consultedOrganisations, consulted) : new Map<string, string>();
    const uses = officer ? await usesOf(manager, grants) : new Map<string, BreakGlassUse[]>();
    const result: BreakGlassGrant[] = [];
    for (const id of ids) {
      const g = byId.get(id) as BreakGlassGrantEntity;
      const organisation = organisations.find((o) => o.id === g.organisationId) as OrganisationEntity;
      const own = g.professionalId === principal.professionalId;
      const decrypt = async (field: SealedField, sealed: Buffer) => {
        const key = await keyOf(g.familyId);
        return key === null ? null : this.crypto.cipher.decrypt(key, { field, rowId: g.id }, sealed);
      };
      const overdue = isReviewOverdue(g, now);
      result.push({
        id: g.id,
        familyId: g.familyId,
        organisation: { id: organisation.id, name: organisation.name, domain: organisation.domain },
        professionalId: officer || own ? g.professionalId : null,
        professionalName: names.get(g.professionalId) ?? null,
        justification: officer || own ? await decrypt(BREAK_GLASS_SEALED_FIELDS.justification, g.justificationCiphertext) : null,
        purpose: g.purpose,
        categories: g.categories,
        openedAt: g.openedAt,
        expiresAt: g.expiresAt,
        status: BreakGlassStatus[breakGlassState(g, now)],
        overdue,
        review:
          g.reviewVerdict === null || g.reviewedAt === null
            ? null
            : {
                verdict: g.reviewVerdict as BreakGlassVerdict,
                note: officer && g.reviewNoteCiphertext !== null ? await decrypt(BREAK_GLASS_SEALED_FIELDS.reviewNote, g.reviewNoteCiphertext) : null,
                reviewedAt: g.reviewedAt,
                reviewerId: officer ? g.reviewedByProfessionalId : null,
              },
        consultedColleague: (() => {
          const colleague = consulted.find((p) => p.id === g.consultedProfessionalId);
          const at = consultedOrganisations.find((o) => o.id === colleague?.organisationId);
          if (!(officer || own) || colleague === undefined || at === undefined) return null;
          return { id: colleague.id, name: consultedNames.get(colleague.id) ?? null, organisation: organisationModel(at) };
        })(),
        concernedMemberIds: officer || own ? g.concernedMemberIds : null,
        notice: officer
          ? {
              state: BreakGlassNoticeState[noticeState(g, now)],
              deferredUntil: g.noticeDeferredUntil,
              deferralReason: g.noticeDeferralReasonCiphertext === null ? null : await decrypt(BREAK_GLASS_SEALED_FIELDS.noticeDeferralReason, g.noticeDeferralReasonCiphertext),
              deferredAt: g.noticeDeferredAt,
            }
          : null,
        uses: officer ? (uses.get(g.id) ?? []) : null,
      });
    }
    return result;
  }
}



/** The permission table's word on this officer, this action and this grant (docs/permissions.md): oversees it, their own, or not theirs. */
function standingOn(action: 'review' | 'defer', principal: ProfessionalPrincipal, grant: BreakGlassGrantEntity): ReviewStanding {
  const rule = permissionsFor(actorOf(principal)).relevantRuleFor(action, about('BreakGlassGrant', { organisationId: grant.organisationId, professionalId: grant.professionalId, involvedOrganisationIds: [] }));
  if (rule === null) return 'NOT_OVERSEEN';
  return rule.inverted ? 'OWN_GRANT' : 'OVERSEES';
}


/** The organisations involved with the family today; none for an erased or unknown family. */
async function involvedToday(manager: EntityManager, familyId: string, today: string): Promise<string[]> {
  const involvements = await manager
    .createQueryBuilder(InvolvementEntity, 'i')
    .innerJoin(FamilyEntity, 'f', 'f.id = i.family_id AND f.erased_at IS NULL')
    .select(['i.organisationId', 'i.startsOn', 'i.endsOn'])
    .where('i.family_id = :familyId', { familyId })
    .getMany();
  return [...new Set(involvements.filter((i) => isInvolvedOn(i, today)).map((i) => i.organisationId))];
}

/** The professional named as consulted colleague, as the colleague rule needs them; null when no professional has the id. */
async function consultedProfessional(manager: EntityManager, professionalId: string): Promise<ConsultedProfessional | null> {
  const professional = await manager.findOne(ProfessionalEntity, { where: { id: professionalId }, select: { id: true, organisationId: true, deactivatedAt: true } });
  if (professional === null) return null;
  const organisation = await manager.findOneOrFail(OrganisationEntity, { where: { id: professional.organisationId }, select: { id: true, domain: true } });
  return { professionalId: professional.id, organisationId: professional.organisationId, veiligThuis: organisation.domain === Domain.CHILD_SAFETY, deactivated: professional.deactivatedAt !== null };
}

/**
 * The members a grant concerns: those named (every one a member of the family; null when one
 * is not), or by default every member under 18 today (a member whose birth date cannot be
 * read counts as one), or every member when the family has no minor.
 */
function concernedMembers(named: readonly string[] | null | undefined, members: readonly { memberId: string; birthDate: string | null }[], today: string): string[] | null {
  const ids = new Map(members.map((m) => [m.memberId.toLowerCase(), m.memberId]));
  if (named !== null && named !== undefined && named.length > 0) {
    const found = named.map((id) => ids.get(id.toLowerCase()));
    return found.every((id): id is string => id !== undefined) ? [...new Set(found)].sort() : null;
  }
  const minors = members.filter((m) => m.birthDate === null || ageOn(m.birthDate, today) < 18).map((m) => m.memberId);
  return (minors.length > 0 ? minors : members.map((m) => m.memberId)).sort();
}

/**
 * What was read under each grant, from the access log: the entries flagged break-glass on the
 * grants' families with a decision whose basis is BREAK_GLASS and whose references name the
 * grant (the log's present shape lists decisions; earlier shapes hold one in the entry's
 * columns). The opening, the review and a deferral are not uses. Newest first, at most 200 a grant.
 */
async function usesOf(manager: EntityManager, grants: readonly Pick<BreakGlassGrantEntity, 'id' | 'familyId'>[]): Promise<Map<string, BreakGlassUse[]>> {
  const uses = new Map<string, BreakGlassUse[]>();
  if (grants.length === 0) return uses;
  const ids = new Set(grants.map((g) => g.id.toLowerCase()));
  const rows = await manager.query<{ id: string; occurred_at: Date; activity: string; subject_member_ids: string[]; decisions: { basis: string | null; basisRefs: string[]; category: string | null; fields: string[] }[] | null; basis: string | null; basis_refs: string[] | null; category: string | null; fields: string[] | null }[]>(
    `SELECT id, occurred_at, activity, subject_member_ids, decisions, basis, basis_refs, category, fields FROM access_log_entry
      WHERE break_glass AND family_id = ANY($1::uuid[]) AND NOT activity = ANY($2::text[]) ORDER BY occurred_at DESC, id DESC`,
    [[...new Set(grants.map((g) => g.familyId))], NOT_A_USE],
  );
  for (const row of rows) {
    const decisions = row.decisions ?? [{ basis: row.basis, basisRefs: row.basis_refs ?? [], category: row.category, fields: row.fields ?? [] }];
    const byGrant = new Map<string, typeof decisions>();
    for (const d of decisions) {
      if (d.basis !== 'BREAK_GLASS') continue;
      for (const ref of d.basisRefs) if (ids.has(ref.toLowerCase())) byGrant.set(ref.toLowerCase(), [...(byGrant.get(ref.toLowerCase()) ?? []), d]);
    }
    for (const [grantId, under] of byGrant) {
      const list = uses.get(grantId) ?? [];
      if (list.length >= MAX_USES) continue;
      list.push({
        entryId: row.id,
        occurredAt: row.occurred_at,
        activity: row.activity,
        subjectMemberIds: pgArray(row.subject_member_ids),
        categories: [...new Set(under.map((d) => d.category).filter((c): c is string => c !== null))],
        fields: [...new Set(under.flatMap((d) => pgArray(d.fields)))],
      });
      uses.set(grantId, list);
    }
  }
  // Keyed as the grants are.
  return new Map(grants.map((g) => [g.id, uses.get(g.id.toLowerCase()) ?? []]));
}

/** A PostgreSQL array as node-postgres may give it (parsed, or as its text form for arrays of unknown type). */
function pgArray(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  return typeof value === 'string' ? value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : [];
}
