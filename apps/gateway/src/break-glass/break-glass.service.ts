import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { type DataKey, KringCrypto, type SealedField } from '@kring/crypto';
import { BREAK_GLASS_PURPOSE, breakGlassState, isReviewOverdue, openBreakGlass, overdueIfOpenedBy, reviewBreakGlass, type ReviewStanding } from '@kring/break-glass';
import { BREAK_GLASS_SEALED_FIELDS, BreakGlassGrantEntity, FamilyEntity, isInvolvedToday, loadFamilyKey, memberIdsOf, unwrapFamilyKey } from '@kring/family-file';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, ProfessionalRole, type ProfessionalPrincipal } from '@kring/identity';
import { about, actorOf, BREAK_GLASS_GRANT_COLUMNS, permissionsFor, permittedWhere, PurposeCatalogue, resolvePurpose } from '@kring/policy';
import { AuditService, changeEntries } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { namedParameters } from '../common/permitted-sql';
import { openRefused, reviewRefused } from '../common/refusal-errors';
import { BreakGlassStatus, type BreakGlassGrant, type BreakGlassInput, type BreakGlassVerdict } from './break-glass.model';

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

  async open(principal: ProfessionalPrincipal, input: BreakGlassInput, traceId: string): Promise<BreakGlassGrant> {
    const openedAt = this.clock.now();
    const decision = openBreakGlass(input, { mayDeclarePurpose: resolvePurpose(this.catalogue, principal.domain, BREAK_GLASS_PURPOSE).ok }, openedAt);
    if (!decision.ok) throw openRefused(decision.refusal, principal.domain);
    const { grant } = decision;
    if (!isUuid(input.familyId)) throw notFound('family');
    return this.dataSource.transaction(async (manager) => {
      if (!(await isInvolvedToday(manager, principal.organisationId, input.familyId, dutchDate(openedAt)))) throw notFound('family');
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
      });
      const members = await memberIdsOf(manager, input.familyId);
      await this.audit.record(manager, { principal, traceId, at: openedAt }, [
        ...changeEntries({ activity: 'BREAK_GLASS_OPENED', familyId: input.familyId, subjectMemberIds: members, targetKind: 'BREAK_GLASS', targetIds: [id], fields: [...grant.categories], sourceOrganisationId: principal.organisationId, basis: 'OWN_RECORD', basisRefs: [id], purpose: grant.purpose, breakGlass: true }),
      ]);
      return (await this.present(manager, principal, [id]))[0] as BreakGlassGrant;
    });
  }

  async review(principal: ProfessionalPrincipal, id: string, verdict: BreakGlassVerdict, note: string, traceId: string): Promise<BreakGlassGrant> {
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const grant = isUuid(id) ? await manager.findOne(BreakGlassGrantEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      const decision = reviewBreakGlass({ professionalId: principal.professionalId, standing: grant === null ? 'NOT_OVERSEEN' : reviewStanding(principal, grant) }, grant, verdict, note, at);
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
      });
    }
    return result;
  }
}



/** The permission table's word on this reviewer and this grant (docs/permissions.md): oversees it, their own, or not theirs. */
function reviewStanding(principal: ProfessionalPrincipal, grant: BreakGlassGrantEntity): ReviewStanding {
  const rule = permissionsFor(actorOf(principal)).relevantRuleFor('review', about('BreakGlassGrant', { organisationId: grant.organisationId, professionalId: grant.professionalId, involvedOrganisationIds: [] }));
  if (rule === null) return 'NOT_OVERSEEN';
  return rule.inverted ? 'OWN_GRANT' : 'OVERSEES';
}

