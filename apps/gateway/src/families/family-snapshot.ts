import type { EntityManager } from 'typeorm';
import { In, MoreThan } from 'typeorm';
import { ConsentEntity, ConsentSignatureEntity, type SubjectFacts } from '@kring/consent';
import type { DataKey, KringCrypto } from '@kring/crypto';
import {
  BreakGlassGrantEntity,
  FamilyEntity,
  FamilyMemberEntity,
  InvolvementEntity,
  ParentalAuthorityEntity,
  RecordEntity,
  RecordSubjectEntity,
  unwrapFamilyKey,
} from '@kring/family-file';
import { OrganisationEntity } from '@kring/identity';
import type { ConsentGrant, FamilyFacts } from '@kring/policy';

/** Everything stored about one family, loaded in a fixed number of queries whatever its size. */
export interface FamilySnapshot {
  readonly family: FamilyEntity;
  /** Unwrapped once for the whole request. */
  readonly key: DataKey;
  readonly members: readonly FamilyMemberEntity[];
  readonly authority: readonly ParentalAuthorityEntity[];
  readonly involvements: readonly InvolvementEntity[];
  readonly records: readonly RecordEntity[];
  /** Subjects of each record, sorted by member id so decisions are deterministic. */
  readonly subjectsByRecord: ReadonlyMap<string, readonly string[]>;
  readonly consents: readonly ConsentEntity[];
  readonly signatures: readonly ConsentSignatureEntity[];
  readonly organisations: ReadonlyMap<string, OrganisationEntity>;
  /** What the access rule decides on. */
  readonly facts: FamilyFacts;
}

/**
 * Loads a family for one request, or null when there is no such (unerased) family.
 * Birth dates are decrypted here for the capacity rule only; they are served, like
 * any other value, only where the rule allows.
 */
export async function loadFamilySnapshot(manager: EntityManager, crypto: KringCrypto, familyId: string, at: Date): Promise<FamilySnapshot | null> {
  const family = await manager.findOneBy(FamilyEntity, { id: familyId });
  if (family === null || family.erasedAt !== null) return null;
  const key = unwrapFamilyKey(crypto, family);
  const [members, involvements, records, consents, grants] = await Promise.all([
    manager.find(FamilyMemberEntity, { where: { familyId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    manager.find(InvolvementEntity, { where: { familyId }, order: { startsOn: 'ASC', id: 'ASC' } }),
    manager.find(RecordEntity, { where: { familyId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    manager.find(ConsentEntity, { where: { familyId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    manager.find(BreakGlassGrantEntity, { where: { familyId, expiresAt: MoreThan(at) }, select: { id: true, professionalId: true, purpose: true, categories: true, expiresAt: true } }),
  ]);
  const memberIds = members.map((m) => m.id);
  const [authority, recordSubjects, signatures, organisations] = await Promise.all([
    memberIds.length === 0 ? [] : manager.find(ParentalAuthorityEntity, { where: { childMemberId: In(memberIds) } }),
    records.length === 0 ? [] : manager.find(RecordSubjectEntity, { where: { recordId: In(records.map((r) => r.id)) } }),
    consents.length === 0 ? [] : manager.find(ConsentSignatureEntity, { where: { consentId: In(consents.map((c) => c.id)) } }),
    manager.find(OrganisationEntity, {
      where: { id: In([...new Set([family.registeredByOrganisationId, ...involvements.map((i) => i.organisationId), ...records.map((r) => r.sourceOrganisationId)])]) },
      select: { id: true, name: true, domain: true },
    }),
  ]);

  const subjectsByRecord = new Map<string, string[]>();
  for (const rs of recordSubjects) subjectsByRecord.set(rs.recordId, [...(subjectsByRecord.get(rs.recordId) ?? []), rs.memberId]);
  for (const list of subjectsByRecord.values()) list.sort();

  const subjects = subjectFactsOf(crypto, key, members, authority);
  const signaturesOf = (consentId: string) => signatures.filter((s) => s.consentId === consentId).map((s) => ({ memberId: s.memberId, signedAt: s.signedAt }));
  const consentGrants: ConsentGrant[] = consents.map((c) => ({
    id: c.id,
    subjectMemberId: c.subjectMemberId,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    revokedAt: c.revokedAt,
    signatures: signaturesOf(c.id),
    recipientOrganisationId: c.recipientOrganisationId,
    recipientDomain: c.recipientDomain,
    categories: c.categories,
    purposes: c.purposes,
  }));
  return {
    family,
    key,
    members,
    authority,
    involvements,
    records,
    subjectsByRecord,
    consents,
    signatures,
    organisations: new Map(organisations.map((o) => [o.id, o])),
    facts: {
      familyId,
      involvements: involvements.map((i) => ({ organisationId: i.organisationId, startsOn: i.startsOn, endsOn: i.endsOn })),
      subjects,
      consents: consentGrants,
      breakGlassGrants: grants.map((g) => ({ id: g.id, professionalId: g.professionalId, purpose: g.purpose, categories: g.categories, expiresAt: g.expiresAt })),
    },
  };
}

/** What the capacity and citizen rules need of each member: birth date (decrypted for the decision only) and who holds authority. */
export function subjectFactsOf(
  crypto: KringCrypto,
  key: DataKey,
  members: readonly Pick<FamilyMemberEntity, 'id' | 'birthDateCiphertext'>[],
  authority: readonly ParentalAuthorityEntity[],
): Map<string, SubjectFacts> {
  const subjects = new Map<string, SubjectFacts>();
  for (const member of members) {
    subjects.set(member.id, {
      memberId: member.id,
      birthDate: crypto.cipher.decrypt(key, { rowKind: 'member', rowId: member.id, field: 'birthDate' }, member.birthDateCiphertext),
      authorityHolders: new Set(authority.filter((a) => a.childMemberId === member.id).map((a) => a.adultMemberId)),
    });
  }
  return subjects;
}
