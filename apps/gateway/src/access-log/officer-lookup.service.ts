import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { type Activity } from '@kring/audit';
import { Clock } from '@kring/config';
import { isValidBsn, KringCrypto, openSealed } from '@kring/crypto';
import { DataCategory, FamilyEntity, FamilyMemberEntity, MEMBER_SEALED_FIELDS, unwrapFamilyKey } from '@kring/family-file';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity, type ProfessionalPrincipal } from '@kring/identity';
import { actorOf, familyMemberColumns, permissionsFor, permittedWhere, professionalColumns } from '@kring/policy';
import { ErrorCode, KringError } from '../common/kring-error';
import { AuditService, decisionOf, type EntryDraft, operationEntries } from './audit.service';
import { MAX_LOOKUP_RESULTS, MAX_NAME_CANDIDATES, NAME_QUERY_LENGTH, nameMatches, nameQuery } from './name-match';
import type { FoundMember, FoundMembers, FoundProfessional, FoundProfessionals } from './officer-lookup.model';

/** Why a lookup was refused (BAD_USER_INPUT, with `refusal` and `field`). */
export type LookupRefusal = 'BSN_INVALID' | 'NAME_LENGTH' | 'TOO_MANY_CANDIDATES';

function refused(refusal: LookupRefusal, field: 'bsn' | 'name'): KringError {
  const message: Record<LookupRefusal, string> = {
    BSN_INVALID: 'bsn is not a valid BSN (9 digits passing the elfproef).',
    NAME_LENGTH: `name must be ${NAME_QUERY_LENGTH.min} to ${NAME_QUERY_LENGTH.max} characters, with a letter.`,
    TOO_MANY_CANDIDATES: 'Too many people are within your scope to search by name: use the BSN.',
  };
  return new KringError(ErrorCode.BAD_USER_INPUT, message[refusal], { field, refusal });
}

/**
 * The privacy officer's lookups, so they filter the access log on a person without typing an
 * id (issue 19, docs/access-log.md): a member by BSN (through its keyed blind index) or by name,
 * and a professional by name. Scope: the permission table's `lookUp` rows, as SQL (a chain
 * privacy officer: everyone; an organisation's: the members whose log entries they may read,
 * and their own organisation's professionals). Names are sealed, so a name is matched in
 * memory over the decrypted candidates in scope (name-match.ts), at most MAX_NAME_CANDIDATES.
 * Every lookup is logged, naming who was found (never the BSN or the typed name). An erased
 * family is never found: its blind index and its key are gone.
 */
@Injectable()
export class OfficerLookupService {
  private readonly directory: DirectoryWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.directory = new DirectoryWriter(crypto);
  }

  async memberByBsn(principal: ProfessionalPrincipal, bsn: string, traceId: string): Promise<FoundMembers> {
    if (!isValidBsn(bsn)) throw refused('BSN_INVALID', 'bsn');
    const ids = await this.membersInScope(principal, { bsnIndex: this.crypto.blindIndex.bsn(bsn) }, MAX_LOOKUP_RESULTS + 1);
    const found = await this.named(ids);
    // Two decisions per member: their BSN was compared (through its index, never shown), their name shown.
    return this.logMembers(principal, traceId, 'LOOK_UP_MEMBER_BY_BSN', [
      { category: DataCategory.NATIONAL_ID, fields: ['bsn'] },
      { category: DataCategory.PERSONAL_IDENTITY, fields: ['name'] },
    ], found);
  }

  async membersByName(principal: ProfessionalPrincipal, name: string, traceId: string): Promise<FoundMembers> {
    const query = nameQuery(name);
    if (query === null) throw refused('NAME_LENGTH', 'name');
    const ids = await this.membersInScope(principal, {}, MAX_NAME_CANDIDATES + 1);
    if (ids.length > MAX_NAME_CANDIDATES) throw refused('TOO_MANY_CANDIDATES', 'name');
    const found = (await this.named(ids)).filter((m) => nameMatches(query, m.name));
    return this.logMembers(principal, traceId, 'LOOK_UP_MEMBERS_BY_NAME', [{ category: DataCategory.PERSONAL_IDENTITY, fields: ['name'] }], found);
  }

  async professionalsByName(principal: ProfessionalPrincipal, name: string, traceId: string): Promise<FoundProfessionals> {
    const query = nameQuery(name);
    if (query === null) throw refused('NAME_LENGTH', 'name');
    const params: unknown[] = [];
    const permitted = permittedWhere(permissionsFor(actorOf(principal)), 'lookUp', 'Professional', professionalColumns('p'), (v) => `$${params.push(v)}`);
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT p.id FROM professional p WHERE ${permitted} LIMIT ${MAX_NAME_CANDIDATES + 1}`, params);
    if (rows.length > MAX_NAME_CANDIDATES) throw refused('TOO_MANY_CANDIDATES', 'name');
    const manager = this.dataSource.manager;
    const professionals = rows.length === 0 ? [] : await manager.find(ProfessionalEntity, { where: { id: In(rows.map((r) => r.id)) } });
    const organisations = professionals.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In([...new Set(professionals.map((p) => p.organisationId))]) } });
    const names = this.directory.professionalNames(organisations, professionals);
    const matched = professionals
      .map((p): FoundProfessional => {
        const o = organisations.find((org) => org.id === p.organisationId) as OrganisationEntity;
        return { id: p.id, name: names.get(p.id) as string, organisation: { id: o.id, name: o.name, domain: o.domain } };
      })
      .filter((p) => nameMatches(query, p.name))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
    const listed = matched.slice(0, MAX_LOOKUP_RESULTS);
    // One decision per organisation whose staff were found: their own organisation's staff data, another's in oversight.
    const byOrganisation = [...new Set(listed.map((p) => p.organisation.id))].map((organisationId) =>
      decisionOf({
        targetKind: 'PROFESSIONAL',
        targetIds: listed.filter((p) => p.organisation.id === organisationId).map((p) => p.id),
        sourceOrganisationId: organisationId,
        fields: ['name'],
        basis: organisationId === principal.organisationId ? 'OWN_RECORD' : 'OVERSIGHT',
      }),
    );
    await this.audit.recordRead(
      this.context(principal, traceId),
      operationEntries({ activity: 'LOOK_UP_PROFESSIONALS', familyId: null, subjectMemberIds: [], decisions: byOrganisation.length > 0 ? byOrganisation : [decisionOf({ targetKind: 'PROFESSIONAL', basis: 'OVERSIGHT' })] }),
      null,
    );
    return { professionals: listed, more: matched.length > listed.length };
  }

  /** The ids of the members in the caller's lookup scope (of families not erased), optionally those with this BSN index only. */
  private async membersInScope(principal: ProfessionalPrincipal, where: { bsnIndex?: Buffer }, limit: number): Promise<{ id: string; familyId: string }[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const permitted = permittedWhere(permissionsFor(actorOf(principal)), 'lookUp', 'FamilyMember', familyMemberColumns('m'), p);
    const conditions = ['f.erased_at IS NULL', permitted];
    if (where.bsnIndex !== undefined) conditions.unshift(`m.bsn_blind_index = ${p(where.bsnIndex)}`);
    return this.dataSource.query<{ id: string; familyId: string }[]>(
      `SELECT m.id, m.family_id AS "familyId" FROM family_member m JOIN family f ON f.id = m.family_id WHERE ${conditions.join(' AND ')} ORDER BY m.family_id, m.id LIMIT ${limit}`,
      params,
    );
  }

  /** The members with their names decrypted, each family's key unwrapped once; a name that fails its integrity check is left out. */
  private async named(ids: readonly { id: string; familyId: string }[]): Promise<FoundMember[]> {
    if (ids.length === 0) return [];
    const manager = this.dataSource.manager;
    const familyIds = [...new Set(ids.map((m) => m.familyId))];
    const [families, members] = await Promise.all([
      manager.find(FamilyEntity, { where: { id: In(familyIds) } }),
      manager.find(FamilyMemberEntity, { where: { id: In(ids.map((m) => m.id)) }, select: { id: true, familyId: true, nameCiphertext: true } }),
    ]);
    const keys = new Map(families.filter((f) => f.erasedAt === null && f.wrappedDataKey !== null).map((f) => [f.id, unwrapFamilyKey(this.crypto, f)]));
    const found: FoundMember[] = [];
    for (const m of members) {
      const key = keys.get(m.familyId);
      if (key === undefined) continue;
      const name = openSealed(this.crypto, key, { field: MEMBER_SEALED_FIELDS.name, rowId: m.id }, m.nameCiphertext);
      if (name !== null) found.push({ id: m.id, familyId: m.familyId, name });
    }
    return found.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
  }

  /** Logs a member lookup: one entry per member found (their family's chain, so the family sees it too), or one about nobody. */
  private async logMembers(principal: ProfessionalPrincipal, traceId: string, activity: Activity, decided: readonly { category: DataCategory; fields: readonly string[] }[], matched: readonly FoundMember[]): Promise<FoundMembers> {
    const listed = matched.slice(0, MAX_LOOKUP_RESULTS);
    const drafts: EntryDraft[] =
      listed.length === 0
        ? operationEntries({ activity, familyId: null, subjectMemberIds: [], decisions: [decisionOf({ targetKind: 'MEMBER', basis: 'OVERSIGHT' })] })
        : listed.flatMap((m) =>
            operationEntries({
              activity,
              familyId: m.familyId,
              subjectMemberIds: [m.id],
              decisions: decided.map((d) => decisionOf({ targetKind: 'MEMBER', targetIds: [m.id], category: d.category, fields: [...d.fields], basis: 'OVERSIGHT' })),
            }),
          );
    await this.audit.recordRead(this.context(principal, traceId), drafts, null);
    return { members: listed, more: matched.length > listed.length };
  }

  private context(principal: ProfessionalPrincipal, traceId: string) {
    return { principal, traceId, at: this.clock.now() };
  }
}
