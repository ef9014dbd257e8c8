import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { type DataKey, KringCrypto, type SealedField } from '@kring/crypto';
import { BREAK_GLASS_SEALED_FIELDS, BreakGlassGrantEntity, DataCategory, FamilyEntity, loadFamilyKey, unwrapFamilyKey } from '@kring/family-file';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, ProfessionalRole, type ProfessionalPrincipal } from '@kring/identity';
import { about, actorOf, BREAK_GLASS_GRANT_COLUMNS, permissionsFor, permittedWhere, PurposeCatalogue } from '@kring/policy';
import { AuditService, changeEntry } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { badInput, forbidden, notFound } from '../common/kring-error';
import { memberIdsOf, requireInvolvedToday } from '../families/family-subjects';
import { BreakGlassStatus, type BreakGlassGrant, type BreakGlassInput, type BreakGlassVerdict } from './break-glass.model';

const PURPOSE = 'CHILD_PROTECTION';
const ALLOWED_CATEGORIES: readonly DataCategory[] = [DataCategory.CONTACT, DataCategory.HOUSEHOLD, DataCategory.SAFETY];
const MIN_JUSTIFICATION = 30;
const MAX_MINUTES = 240;
const OVERDUE_AFTER_MS = 72 * 3600 * 1000;

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
    const justification = input.justification.trim();
    if (justification.length < MIN_JUSTIFICATION) throw badInput('justification', `must explain in at least ${MIN_JUSTIFICATION} characters why you fear for a child's safety and cannot ask`);
    if (justification.length > 4000) throw badInput('justification', 'must be at most 4000 characters');
    if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > MAX_MINUTES) throw badInput('durationMinutes', `must be between 1 and ${MAX_MINUTES}`);
    const categories = [...new Set(input.categories ?? ALLOWED_CATEGORIES)];
    if (categories.length === 0 || !categories.every((c) => ALLOWED_CATEGORIES.includes(c))) throw badInput('categories', 'must be CONTACT, HOUSEHOLD and/or SAFETY');
    if (this.catalogue.find(PURPOSE)?.domains.includes(principal.domain) !== true) throw forbidden(`Organisations of domain ${principal.domain} may not use purpose ${PURPOSE}.`);
    if (!isUuid(input.familyId)) throw notFound('family');
    const openedAt = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await requireInvolvedToday(manager, principal.organisationId, input.familyId, dutchDate(openedAt));
      const id = randomUUID();
      const key = await loadFamilyKey(manager, this.crypto, input.familyId);
      await manager.insert(BreakGlassGrantEntity, {
        id,
        familyId: input.familyId,
        professionalId: principal.professionalId,
        organisationId: principal.organisationId,
        justificationCiphertext: this.crypto.cipher.encrypt(key, { field: BREAK_GLASS_SEALED_FIELDS.justification, rowId: id }, justification),
        purpose: PURPOSE,
        categories,
        openedAt,
        expiresAt: new Date(openedAt.getTime() + input.durationMinutes * 60_000),
        reviewVerdict: null,
        reviewNoteCiphertext: null,
        reviewedByProfessionalId: null,
        reviewedAt: null,
      });
      const members = await memberIdsOf(manager, input.familyId);
      await this.audit.record(manager, { principal, traceId, at: openedAt }, [
        { ...changeEntry({ activity: 'BREAK_GLASS_OPENED', familyId: input.familyId, subjectMemberIds: members, targetKind: 'BREAK_GLASS', targetIds: [id], fields: categories, sourceOrganisationId: principal.organisationId, basis: 'OWN_RECORD', basisRefs: [id] }), purpose: PURPOSE, breakGlass: true },
      ]);
      return (await this.present(manager, principal, [id]))[0] as BreakGlassGrant;
    });
  }

  async review(principal: ProfessionalPrincipal, id: string, verdict: BreakGlassVerdict, note: string, traceId: string): Promise<BreakGlassGrant> {
    const text = note.trim();
    if (text.length === 0 || text.length > 2000) throw badInput('note', 'must be 1 to 2000 characters');
    if (!isUuid(id)) throw notFound('break-glass grant');
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const grant = await manager.findOne(BreakGlassGrantEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (grant === null) throw notFound('break-glass grant');
      // The permission table decides: out of the officer's scope answers like a grant that does
      // not exist; their own grant is refused with the table's reason (four eyes).
      const rule = permissionsFor(actorOf(principal)).relevantRuleFor('review', about('BreakGlassGrant', { organisationId: grant.organisationId, professionalId: grant.professionalId, involvedOrganisationIds: [] }));
      if (rule?.inverted === true) throw forbidden(rule.reason ?? 'You may not review this emergency access.');
      if (rule === null) throw notFound('break-glass grant');
      if (grant.reviewVerdict !== null) throw badInput('id', 'names a grant that has been reviewed already');
      const key = await loadFamilyKey(manager, this.crypto, grant.familyId);
      await manager.update(BreakGlassGrantEntity, { id }, {
        reviewVerdict: verdict,
        reviewNoteCiphertext: this.crypto.cipher.encrypt(key, { field: BREAK_GLASS_SEALED_FIELDS.reviewNote, rowId: id }, text),
        reviewedByProfessionalId: principal.professionalId,
        reviewedAt: at,
      });
      await this.audit.record(manager, { principal, traceId, at }, [
        { ...changeEntry({ activity: 'BREAK_GLASS_REVIEWED', familyId: grant.familyId, subjectMemberIds: [], targetKind: 'BREAK_GLASS', targetIds: [id], fields: [verdict], sourceOrganisationId: grant.organisationId, basis: 'OWN_RECORD', basisRefs: [id] }), breakGlass: true },
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
    const permitted = permittedWhere(permissionsFor(actorOf(principal)), 'read', 'BreakGlassGrant', BREAK_GLASS_GRANT_COLUMNS, (value) => {
      const name = `permitted${Object.keys(scope).length}`;
      scope[name] = value;
      return `:${name}`;
    });
    query.where(permitted, scope);
    const overdueBefore = new Date(now.getTime() - OVERDUE_AFTER_MS);
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
      const overdue = g.reviewVerdict === null && now.getTime() - g.openedAt.getTime() >= OVERDUE_AFTER_MS;
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
        status:
          g.reviewVerdict !== null
            ? BreakGlassStatus.REVIEWED
            : overdue
              ? BreakGlassStatus.OVERDUE
              : g.expiresAt.getTime() > now.getTime()
                ? BreakGlassStatus.ACTIVE
                : BreakGlassStatus.AWAITING_REVIEW,
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

