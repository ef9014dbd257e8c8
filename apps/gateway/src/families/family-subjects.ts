import { In, type EntityManager } from 'typeorm';
import type { SubjectFacts } from '@kring/consent';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { FamilyEntity, FamilyMemberEntity, InvolvementEntity, loadFamilyKey, ParentalAuthorityEntity } from '@kring/family-file';
import { isInvolved } from '@kring/policy';
import { notFound } from '../common/kring-error';
import { subjectFactsOf } from './family-snapshot';

/**
 * A family's members as the capacity and reach rules see them, and the family's data key,
 * unwrapped once for the request (birth dates are decrypted for the decision only).
 */
export async function loadFamilySubjects(manager: EntityManager, crypto: KringCrypto, familyId: string): Promise<{ subjects: Map<string, SubjectFacts>; key: DataKey }> {
  const members = await manager.find(FamilyMemberEntity, { where: { familyId }, select: { id: true, birthDateCiphertext: true } });
  const authority = members.length === 0 ? [] : await manager.find(ParentalAuthorityEntity, { where: { adultMemberId: In(members.map((m) => m.id)) } });
  const key = await loadFamilyKey(manager, crypto, familyId);
  return { subjects: subjectFactsOf(crypto, key, members, authority), key };
}

/** Refuses, exactly like a missing family, when the organisation is not involved with the family today, or the family was erased. */
export async function requireInvolvedToday(manager: EntityManager, organisationId: string, familyId: string, today: string): Promise<void> {
  const involvements = await manager
    .createQueryBuilder(InvolvementEntity, 'i')
    .innerJoin(FamilyEntity, 'f', 'f.id = i.family_id AND f.erased_at IS NULL')
    .select(['i.organisationId', 'i.startsOn', 'i.endsOn'])
    .where('i.family_id = :familyId', { familyId })
    .getMany();
  if (!isInvolved({ involvements }, organisationId, today)) throw notFound('family');
}

/** The ids of a family's members: whom a family-level change or entry is about. */
export async function memberIdsOf(manager: EntityManager, familyId: string): Promise<string[]> {
  return (await manager.find(FamilyMemberEntity, { where: { familyId }, select: { id: true } })).map((m) => m.id);
}
