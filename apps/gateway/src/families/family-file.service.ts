import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dutchDate } from '@kring/consent';
import { isValidBsn } from '@kring/crypto';
import { FamilyMemberEntity, InvolvementEntity } from '@kring/family-file';
import type { CitizenPrincipal, ProfessionalPrincipal } from '@kring/identity';
import { buildFieldAbility, decideCitizenAccess, decideFieldAccess, isInvolved, type FieldFacts } from '@kring/policy';
import { isUuid } from '../common/ids';
import { badInput, notFound } from '../common/kring-error';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';
import { assembleFamilyFile, RequestDecisions } from './family-file.assembler';
import type { FamilyFile } from './family-file.model';
import type { FamilyConnection } from './families-connection.model';
import { loadFamilySnapshot } from './family-snapshot';
import { requirePurpose } from './purpose-guard';

/** Reading the family file: the professional's view for a declared purpose, and a member's own view. */
@Injectable()
export class FamilyFileService {
  constructor(@Inject(KRING_RUNTIME) private readonly runtime: KringRuntime) {}

  /** A professional's view. A family their organisation is not involved with today answers exactly like one that does not exist. */
  async readForProfessional(principal: ProfessionalPrincipal, familyId: string, purposeCode: string): Promise<FamilyFile> {
    const purpose = requirePurpose(this.runtime.catalogue, principal, purposeCode);
    if (!isUuid(familyId)) throw notFound('family');
    return this.inSnapshot(async (manager) => {
      const at = this.runtime.clock.now();
      const today = dutchDate(at);
      const snapshot = await loadFamilySnapshot(manager, this.runtime.crypto, familyId);
      if (snapshot === null || !isInvolved(snapshot.facts, principal.organisationId, today)) throw notFound('family');
      const rule = (field: FieldFacts) => decideFieldAccess({ caller: principal, purpose, family: snapshot.facts, field, at, today });
      return assembleFamilyFile(snapshot, this.runtime.crypto, new RequestDecisions(rule, buildFieldAbility(rule)), purpose.code);
    });
  }

  /** Finds the family through the BSN's blind index; only families the caller's organisation is involved with count. */
  async readByBsn(principal: ProfessionalPrincipal, bsn: string, purposeCode: string): Promise<FamilyFile> {
    requirePurpose(this.runtime.catalogue, principal, purposeCode);
    if (!isValidBsn(bsn)) throw badInput('bsn', 'is not a valid BSN (9 digits passing the elfproef)');
    const index = this.runtime.crypto.blindIndex.bsn(bsn);
    const today = dutchDate(this.runtime.clock.now());
    const familyIds = await this.runtime.dataSource
      .createQueryBuilder(FamilyMemberEntity, 'm')
      .select('DISTINCT m.family_id', 'familyId')
      .innerJoin(InvolvementEntity, 'i', 'i.family_id = m.family_id AND i.organisation_id = :org AND i.starts_on <= :today AND (i.ends_on IS NULL OR i.ends_on > :today)', {
        org: principal.organisationId,
        today,
      })
      .where('m.bsn_blind_index = :index', { index })
      .getRawMany<{ familyId: string }>();
    const first = familyIds[0];
    if (first === undefined) throw notFound('family');
    return this.readForProfessional(principal, first.familyId, purposeCode);
  }

  /** A member's own view: their data, and that of children under 16 over whom they hold authority. */
  async readForCitizen(principal: CitizenPrincipal): Promise<FamilyFile> {
    return this.inSnapshot(async (manager) => {
      const at = this.runtime.clock.now();
      const today = dutchDate(at);
      const snapshot = await loadFamilySnapshot(manager, this.runtime.crypto, principal.familyId);
      if (snapshot === null) throw notFound('family');
      const rule = (field: FieldFacts) => decideCitizenAccess({ memberId: principal.memberId, subjects: snapshot.facts.subjects, field, today });
      return assembleFamilyFile(snapshot, this.runtime.crypto, new RequestDecisions(rule, buildFieldAbility(rule)), null);
    });
  }

  /** The families the caller's organisation is involved with today, by family id (keyset pagination). */
  async families(principal: ProfessionalPrincipal, first: number, after: string | null): Promise<FamilyConnection> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    const afterId = after === null ? null : decodeCursor(after);
    const today = dutchDate(this.runtime.clock.now());
    const query = this.runtime.dataSource
      .getRepository(InvolvementEntity)
      .createQueryBuilder('i')
      .where('i.organisation_id = :org AND i.starts_on <= :today AND (i.ends_on IS NULL OR i.ends_on > :today)', { org: principal.organisationId, today })
      .orderBy('i.family_id', 'ASC')
      .take(first + 1);
    if (afterId !== null) query.andWhere('i.family_id > :afterId', { afterId });
    const rows = await query.getMany();
    const page = rows.slice(0, first);
    const edges = page.map((i) => ({
      cursor: encodeCursor(i.familyId),
      node: { id: i.familyId, involvementId: i.id, startsOn: i.startsOn, endsOn: i.endsOn, caseDirection: i.caseDirection },
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** One consistent view of the family for the whole request. */
  private inSnapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.runtime.dataSource.transaction('REPEATABLE READ', work);
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
