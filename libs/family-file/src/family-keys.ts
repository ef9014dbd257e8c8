import type { EntityManager } from 'typeorm';
import type { DataKey, KringCrypto } from '@kring/crypto';
import { FamilyEntity } from './family.entity';

/** The key owner string bound into every ciphertext of a family. */
export function familyKeyOwner(familyId: string): string {
  return `family:${familyId}`;
}

/** Unwraps a family's data key; throws CryptoError(KEY_DESTROYED) for an erased family. */
export function unwrapFamilyKey(crypto: KringCrypto, family: Pick<FamilyEntity, 'id' | 'wrappedDataKey' | 'kekVersion' | 'dataKeyVersion'>): DataKey {
  return crypto.keyRing.unwrap(familyKeyOwner(family.id), family.dataKeyVersion, { wrapped: family.wrappedDataKey, kekVersion: family.kekVersion });
}

/** Loads and unwraps a family's data key in one step. */
export async function loadFamilyKey(manager: EntityManager, crypto: KringCrypto, familyId: string): Promise<DataKey> {
  const family = await manager.findOneByOrFail(FamilyEntity, { id: familyId });
  return unwrapFamilyKey(crypto, family);
}
