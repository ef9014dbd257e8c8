import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { cutToCodePoints, LOGGED_PURPOSE_MAX_CODE_POINTS } from '@kring/audit';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { isValidBsn, KringCrypto } from '@kring/crypto';
import { currentVersions, FamilyMemberEntity, involvedOnSql, InvolvementEntity } from '@kring/family-file';
import type { CitizenPrincipal, ProfessionalPrincipal } from '@kring/identity';
import {
  actorOf,
  decideCitizenAccess,
  decideFieldAccess,
  DenyReason,
  familyFileColumns,
  type FieldFacts,
  isInvolved,
  permissionsFor,
  permittedWhere,
  type Purpose,
  PurposeCatalogue,
  purposeDenyReason,
  resolvePurpose,
} from '@kring/policy';
import { AuditService, refusalEntry, type AuditContext, type EntryDraft } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { requirePageSize } from '../common/keyset-page';
import { badInput, notFound, type KringError } from '../common/kring-error';
import { assembleFamilyFile, RequestDecisions } from './family-file.assembler';
import type { FamilyFile } from './family-file.model';
import type { FamilyConnection } from './families-connection.model';
import { familySnapshot, loadFamilyRows, loadFamilyRowsForOrganisation } from './family-snapshot';
import { memberView } from './member-view';
import { purposeRefusalError } from '../common/refusal-errors';
import { readEntries } from './read-entries';

/** Reading the family file: the professional's view for a declared purpose, and a member's own view. */
@Injectable()
export class FamilyFileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** A professional's view. A family their organisation is not involved with today answers exactly like one that does not exist. */
  async readForProfessional(principal: ProfessionalPrincipal, familyId: string, purposeCode: string, traceId: string): Promise<FamilyFile> {
    const at = this.clock.now();
    const context: AuditContext = { principal, traceId, at };
    const refuse = async (reason: DenyReason, error: KringError, knownFamilyId: string | null): Promise<never> => {
      await this.audit.recordRefusal(context, refusal(purposeCode, knownFamilyId, familyId, reason));
      throw error;
    };
    const purpose = await this.declaredPurpose(principal, purposeCode, context, familyId);
    if (!isUuid(familyId)) return refuse(DenyReason.NOT_INVOLVED, notFound('family'), null);
    const today = dutchDate(at);
    // One statement decides involvement and, only then, reads the family; one appends the log
    // (AuditService.recordRead): no transaction around them. Not involved, or no such family:
    // the same statement, nothing read or decrypted, the same answer.
    const found = await loadFamilyRowsForOrganisation(this.dataSource.manager, familyId, at, principal.organisationId, today);
    if (found.kind === 'closed') return refuse(DenyReason.NOT_INVOLVED, notFound('family'), found.familyExists ? familyId : null);
    // The rule's own test of involvement (rule 2 of §4) agrees with the statement's verdict; checked before any key is unwrapped.
    if (!isInvolved(found.rows, principal.organisationId, today)) return refuse(DenyReason.NOT_INVOLVED, notFound('family'), familyId);
    const snapshot = familySnapshot(this.crypto, found.rows);
    const rule = (field: FieldFacts) => decideFieldAccess({ caller: principal, purpose, family: snapshot.facts, field, at, today });
    // A professional reads the current version of a story: the words a member replaced are not in their view (neither decided nor logged).
    const { file, decided } = assembleFamilyFile({ ...snapshot, records: currentVersions(snapshot.records) }, this.crypto, new RequestDecisions(rule), purpose.code);
    await this.audit.recordRead(context, readEntries('READ_FAMILY_FILE', purpose.code, familyId, decided), snapshot.logHead);
    return file;
  }

  /** Finds the family through the BSN's blind index; only families the caller's organisation is involved with count. */
  async readByBsn(principal: ProfessionalPrincipal, bsn: string, purposeCode: string, traceId: string): Promise<FamilyFile> {
    await this.declaredPurpose(principal, purposeCode, { principal, traceId, at: this.clock.now() }, null);
    if (!isValidBsn(bsn)) throw badInput('bsn', 'is not a valid BSN (9 digits passing the elfproef)');
    const index = this.crypto.blindIndex.bsn(bsn);
    const today = dutchDate(this.clock.now());
    const familyIds = await this.dataSource
      .createQueryBuilder(FamilyMemberEntity, 'm')
      .select('DISTINCT m.family_id', 'familyId')
      .innerJoin(InvolvementEntity, 'i', `i.family_id = m.family_id AND i.organisation_id = :org AND ${involvedOnSql('i', ':today')}`, {
        org: principal.organisationId,
        today,
      })
      .where('m.bsn_blind_index = :index', { index })
      .getRawMany<{ familyId: string }>();
    const first = familyIds[0];
    if (first === undefined) {
      await this.audit.recordRefusal({ principal, traceId, at: this.clock.now() }, refusal(purposeCode, null, null, DenyReason.NOT_INVOLVED));
      throw notFound('family');
    }
    return this.readForProfessional(principal, first.familyId, purposeCode, traceId);
  }

  /** The declared purpose, or a logged refusal: PURPOSE_REQUIRED, UNKNOWN_PURPOSE, or FORBIDDEN for the caller's domain. */
  private async declaredPurpose(principal: ProfessionalPrincipal, purposeCode: string, context: AuditContext, requestedFamilyId: string | null): Promise<Purpose> {
    const resolved = resolvePurpose(this.catalogue, principal.domain, purposeCode);
    if (resolved.ok) return resolved.purpose;
    await this.audit.recordRefusal(context, refusal(purposeCode, null, requestedFamilyId, purposeDenyReason(resolved.refusal)));
    throw purposeRefusalError(resolved.refusal, { code: purposeCode, domain: principal.domain });
  }

  /**
   * A member's own view: their data, and that of children under 16 over whom they hold
   * authority. Scoped to that reach before anything is decided or decrypted (member-view.ts):
   * what is about anyone else is absent, and so not logged either.
   */
  async readForCitizen(principal: CitizenPrincipal, traceId: string): Promise<FamilyFile> {
    const at = this.clock.now();
    const rows = await loadFamilyRows(this.dataSource.manager, principal.familyId, at);
    if (rows === null) throw notFound('family');
    const view = memberView(this.crypto, rows, principal.memberId, dutchDate(at));
    const rule = (field: FieldFacts) => decideCitizenAccess({ reach: view.reach, field });
    const { file, decided } = assembleFamilyFile(view, this.crypto, new RequestDecisions(rule), null);
    await this.audit.recordRead({ principal, traceId, at }, readEntries('READ_OWN_FILE', null, principal.familyId, decided), rows.logHead);
    return file;
  }

  /** The families the caller's organisation is involved with today, by family id (keyset pagination). */
  async families(principal: ProfessionalPrincipal, first: number, after: string | null): Promise<FamilyConnection> {
    requirePageSize(first, 100);
    const afterId = after === null ? null : decodeCursor(after);
    const today = dutchDate(this.clock.now());
    const params: unknown[] = [today, principal.organisationId];
    const p = (value: unknown) => `$${params.push(value)}`;
    // Which families: the permission table's rule for reading a file (docs/permissions.md), as SQL,
    // so the list holds exactly the families a single read would open. Which involvement each row
    // shows: the caller's organisation's own that runs today (the earliest, should there be two).
    const permitted = permittedWhere(permissionsFor(actorOf(principal)), 'read', 'FamilyFile', familyFileColumns('f', '$1::date'), p);
    const rows = await this.dataSource.query<{ family_id: string; id: string; starts_on: string; ends_on: string | null; case_direction: boolean }[]>(
      `SELECT f.id AS family_id, own.id, own.starts_on::text AS starts_on, own.ends_on::text AS ends_on, own.case_direction
         FROM family f
         JOIN LATERAL (SELECT i.id, i.starts_on, i.ends_on, i.case_direction FROM involvement i
                        WHERE i.family_id = f.id AND i.organisation_id = $2 AND ${involvedOnSql('i', '$1::date')}
                        ORDER BY i.starts_on, i.id LIMIT 1) own ON true
        -- An erased family is gone from every view, like one that never existed.
        WHERE f.erased_at IS NULL AND ${permitted}${afterId === null ? '' : ` AND f.id > ${p(afterId)}`}
        ORDER BY f.id
        LIMIT ${p(first + 1)}`,
      params,
    );
    const page = rows.slice(0, first);
    const edges = page.map((i) => ({
      cursor: encodeCursor(i.family_id),
      node: { id: i.family_id, involvementId: i.id, startsOn: i.starts_on, endsOn: i.ends_on, caseDirection: i.case_direction },
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

}

function encodeCursor(familyId: string): string {
  return Buffer.from(`family:${familyId}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^family:([0-9a-f-]{36})$/i.exec(text);
  if (match === null) throw badInput('after', 'is not a cursor this API gave out');
  return match[1] as string;
}

/** A read refused before any field was decided: one entry, on the family's chain when the family exists. */
function refusal(purpose: string, knownFamilyId: string | null, requestedId: string | null, reason: DenyReason): EntryDraft {
  return refusalEntry('READ_FAMILY_FILE', reason, {
    purpose: purpose.trim() === '' ? null : cutToCodePoints(purpose.trim(), LOGGED_PURPOSE_MAX_CODE_POINTS),
    familyId: knownFamilyId,
    targetKind: 'FAMILY',
    targetIds: requestedId !== null && isUuid(requestedId) ? [requestedId] : [],
  });
}
