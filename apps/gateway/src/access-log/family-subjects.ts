import { In } from 'typeorm';
import type { SubjectFacts } from '@kring/consent';
import { FamilyMemberEntity, loadFamilyKey, ParentalAuthorityEntity } from '@kring/family-file';
import { subjectFactsOf } from '../families/family-snapshot';
import type { KringRuntime } from '../runtime/kring-runtime';

/** A family's members as the capacity and reach rules see them (birth dates decrypted for the decision only). */
export async function loadFamilySubjects(runtime: KringRuntime, familyId: string): Promise<Map<string, SubjectFacts>> {
  const manager = runtime.dataSource.manager;
  const members = await manager.find(FamilyMemberEntity, { where: { familyId }, select: { id: true, birthDateCiphertext: true } });
  const authority = members.length === 0 ? [] : await manager.find(ParentalAuthorityEntity, { where: { childMemberId: In(members.map((m) => m.id)) } });
  return subjectFactsOf(runtime.crypto, await loadFamilyKey(manager, runtime.crypto, familyId), members, authority);
}
