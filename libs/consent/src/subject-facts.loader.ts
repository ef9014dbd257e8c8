import { In, type EntityManager } from 'typeorm';
import { openSealed, type DataKey, type KringCrypto } from '@kring/crypto';
import { FamilyMemberEntity, loadFamilyKey, MEMBER_SEALED_FIELDS, ParentalAuthorityEntity } from '@kring/family-file';
import type { SubjectFacts } from './consent-capacity';

/**
 * What the capacity and reach rules need of each member: birth date (decrypted for the
 * decision only; null when it fails its integrity check) and who holds authority.
 */
export function subjectFactsOf(
  crypto: KringCrypto,
  key: DataKey,
  members: readonly Pick<FamilyMemberEntity, 'id' | 'birthDateCiphertext'>[],
  authority: readonly Pick<ParentalAuthorityEntity, 'adultMemberId' | 'childMemberId'>[],
): Map<string, SubjectFacts> {
  const subjects = new Map<string, SubjectFacts>();
  for (const member of members) {
    subjects.set(member.id, {
      memberId: member.id,
      birthDate: openSealed(crypto, key, { field: MEMBER_SEALED_FIELDS.birthDate, rowId: member.id }, member.birthDateCiphertext),
      authorityHolders: new Set(authority.filter((a) => a.childMemberId === member.id).map((a) => a.adultMemberId)),
    });
  }
  return subjects;
}

/**
 * A family's members as the capacity and reach rules see them, and the family's data key,
 * unwrapped once for the request: the one loader of these facts for consents, the access
 * log's member scope and whoever else decides by capacity or reach.
 */
export async function loadSubjectFacts(manager: EntityManager, crypto: KringCrypto, familyId: string): Promise<{ subjects: Map<string, SubjectFacts>; key: DataKey }> {
  const members = await manager.find(FamilyMemberEntity, { where: { familyId }, select: { id: true, birthDateCiphertext: true } });
  const authority = members.length === 0 ? [] : await manager.find(ParentalAuthorityEntity, { where: { adultMemberId: In(members.map((m) => m.id)) } });
  const key = await loadFamilyKey(manager, crypto, familyId);
  return { subjects: subjectFactsOf(crypto, key, members, authority), key };
}
