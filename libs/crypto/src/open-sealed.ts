import { CryptoError, CryptoErrorCode } from './crypto.error';
import type { DataKey } from './field-cipher';
import type { FieldContext } from './field-context';
import type { KringCrypto } from './crypto.service';

/**
 * One stored value decrypted, or null when it fails its integrity check (changed, moved to
 * another row or field, or sealed under another key): never a wrong value, and one damaged
 * value does not stop the rest of the file. The caller withholds it as DATA_INTEGRITY and
 * logs that. Anything else (an unknown key version, a destroyed key) still throws.
 */
export function openSealed(crypto: KringCrypto, key: DataKey, context: Omit<FieldContext, 'keyOwner' | 'dataKeyVersion'>, sealed: Uint8Array): string | null {
  try {
    return crypto.cipher.decrypt(key, context, sealed);
  } catch (error) {
    if (error instanceof CryptoError && error.code === CryptoErrorCode.DECRYPTION_FAILED) return null;
    throw error;
  }
}
