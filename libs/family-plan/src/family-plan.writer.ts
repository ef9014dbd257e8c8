import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { FamilyPlanAgreementEntity } from './plan-agreement.entity';
import { FamilyPlanItemShowingEntity } from './plan-item-showing.entity';
import { FamilyPlanItemEntity } from './plan-item.entity';
import { FamilyPlanVersionEntity } from './plan-version.entity';
import { PLAN_ITEM_SEALED_FIELDS } from './sealed-fields';
import type { PlanItemDraft } from './write-plan-item';

/** Who changes the plan: a member of the family, or a professional on behalf of their organisation. */
export type PlanAuthor = { readonly memberId: string } | { readonly professionalId: string; readonly organisationId: string };

export interface PlanItemWrite {
  readonly familyId: string;
  /** The family's data key: the item's content is sealed with it, bound to the new row. */
  readonly key: DataKey;
  /** The plan's latest version before this write (0 for an empty plan). */
  readonly latestVersion: number;
  /** The item's current row when this is a change; null for a new item. */
  readonly current: Pick<FamilyPlanItemEntity, 'id' | 'itemId'> | null;
  /** What `writePlanItem` decided may be written. */
  readonly draft: PlanItemDraft;
  readonly author: PlanAuthor;
  readonly at: Date;
}

/**
 * Stores the family plan's changes (docs/family-plan.md). It decides nothing: what may be
 * written is `writePlanItem`'s and the permission table's, and the caller holds the family's
 * lock so two writers cannot take the same version. The gateway and the demo world both write
 * through it, so the demo's plan is stored exactly as a user's would be.
 */
export class FamilyPlanWriter {
  constructor(private readonly crypto: KringCrypto) {}

  /** One new version of the plan: the item's new row (sealed), the previous row closed, the version's who and what. */
  async writeItem(manager: EntityManager, write: PlanItemWrite): Promise<FamilyPlanItemEntity> {
    const { draft, author, current } = write;
    const version = write.latestVersion + 1;
    const rowId = randomUUID();
    const itemId = current?.itemId ?? randomUUID();
    if (current !== null) await manager.update(FamilyPlanItemEntity, { id: current.id }, { untilVersion: version });
    const byMember = 'memberId' in author ? author.memberId : null;
    const byProfessional = 'professionalId' in author ? author : null;
    const row = manager.create(FamilyPlanItemEntity, {
      id: rowId,
      itemId,
      familyId: write.familyId,
      kind: draft.kind,
      fromVersion: version,
      untilVersion: null,
      subjectMemberIds: [...draft.subjectMemberIds],
      category: draft.category,
      sourceOrganisationId: draft.sourceOrganisationId,
      authorMemberId: byMember,
      authorProfessionalId: byProfessional?.professionalId ?? null,
      actorKind: draft.actor?.kind ?? null,
      actorOrganisationId: draft.actor?.organisationId ?? null,
      actorMemberId: draft.actor?.memberId ?? null,
      contentCiphertext: this.crypto.cipher.encrypt(write.key, { field: PLAN_ITEM_SEALED_FIELDS.content, rowId }, JSON.stringify(draft.content)),
      createdAt: write.at,
    });
    await manager.insert(FamilyPlanItemEntity, row);
    await manager.insert(FamilyPlanVersionEntity, {
      familyId: write.familyId,
      version,
      change: current === null ? 'ITEM_ADDED' : 'ITEM_CHANGED',
      itemId,
      authorMemberId: byMember,
      authorProfessionalId: byProfessional?.professionalId ?? null,
      authorOrganisationId: byProfessional?.organisationId ?? null,
      createdAt: write.at,
    });
    return row;
  }

  /** An agreement with the plan as it stands at `version`, by a member or by the case director. */
  async agree(manager: EntityManager, familyId: string, version: number, by: { readonly memberId: string } | { readonly professionalId: string }, at: Date): Promise<FamilyPlanAgreementEntity> {
    const row: FamilyPlanAgreementEntity = {
      id: randomUUID(),
      familyId,
      version,
      memberId: 'memberId' in by ? by.memberId : null,
      professionalId: 'professionalId' in by ? by.professionalId : null,
      agreedAt: at,
      withdrawnAt: null,
    };
    await manager.insert(FamilyPlanAgreementEntity, row);
    return row;
  }

  /**
   * A member's choice to show an item to the whole family, or to take it back. Choosing again
   * keeps the first choice's time: the row is the fact "chosen since", never updated.
   */
  async chooseShown(manager: EntityManager, familyId: string, itemId: string, memberId: string, shown: boolean, at: Date): Promise<void> {
    if (shown) await manager.createQueryBuilder().insert().into(FamilyPlanItemShowingEntity).values({ itemId, memberId, familyId, chosenAt: at }).orIgnore().execute();
    else await manager.delete(FamilyPlanItemShowingEntity, { itemId, memberId });
  }
}
