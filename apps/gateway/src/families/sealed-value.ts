import { CryptoError, CryptoErrorCode, type DataKey, type KringCrypto, type SealedPlace } from '@kring/crypto';

/**
 * One stored value decrypted, or null when it fails its integrity check (changed, moved to
 * another row or field, or sealed under another key): never a wrong value, and one damaged
 * value does not stop the rest of the file. The caller withholds it as DATA_INTEGRITY and
 * logs that. Anything else (an unknown key version, a destroyed key) still throws.
 */
export function openSealed(crypto: KringCrypto, key: DataKey, place: SealedPlace, sealed: Uint8Array): string | null {
  try {
    return crypto.cipher.decrypt(key, place, sealed);
  } catch (error) {
    if (error instanceof CryptoError && error.code === CryptoErrorCode.DECRYPTION_FAILED) return null;
    throw error;
  }
}
