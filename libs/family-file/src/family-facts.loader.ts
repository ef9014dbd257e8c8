import type { EntityManager } from 'typeorm';
import { FamilyEntity } from './family.entity';
import { FamilyMemberEntity } from './family-member.entity';
import { isInvolvedOn } from './involved-on';
import { InvolvementEntity } from './involvement.entity';

/** Whether the organisation is involved with the family on `today`; false for an erased or unknown family. */
export async function isInvolvedToday(manager: EntityManager, organisationId: string, familyId: string, today: string): Promise<boolean> {
  const involvements = await manager
    .createQueryBuilder(InvolvementEntity, 'i')
    .innerJoin(FamilyEntity, 'f', 'f.id = i.family_id AND f.erased_at IS NULL')
    .select(['i.organisationId', 'i.startsOn', 'i.endsOn'])
    .where('i.family_id = :familyId', { familyId })
    .getMany();
  return involvements.some((i) => i.organisationId === organisationId && isInvolvedOn(i, today));
}

/** The ids of a family's members: whom a family-level change or entry is about. */
export async function memberIdsOf(manager: EntityManager, familyId: string): Promise<string[]> {
  return (await manager.find(FamilyMemberEntity, { where: { familyId }, select: { id: true } })).map((m) => m.id);
}
