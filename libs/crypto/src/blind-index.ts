import type { Sodium } from './sodium';

/** Subkey id and context for deriving the BSN index key; changing either re-keys every index. */
const BSN_SUBKEY_ID = 1;
const BSN_CONTEXT = 'bsnindex';

/**
 * Equality lookups on a value that is stored only encrypted: a keyed BLAKE2b hash
 * (32 bytes) with a key derived for this one purpose from the blind-index key.
 * Without the key, the index cannot be brute-forced over the 9-digit BSN space.
 */
export class BlindIndex {
  private readonly bsnKey: Uint8Array;

  constructor(
    private readonly sodium: Sodium,
    blindIndexKey: Uint8Array,
  ) {
    this.bsnKey = sodium.crypto_kdf_derive_from_key(32, BSN_SUBKEY_ID, BSN_CONTEXT, blindIndexKey);
  }

  /** The index of a BSN, after normalising away spaces, dots and dashes. */
  bsn(bsn: string): Buffer {
    return Buffer.from(this.sodium.crypto_generichash(32, normaliseBsn(bsn), this.bsnKey));
  }
}

export function normaliseBsn(bsn: string): string {
  return bsn.replace(/[\s.-]/g, '');
}

/** The Dutch "elfproef": a BSN has 9 digits whose weighted sum (9..2, -1) is divisible by 11. */
export function isValidBsn(bsn: string): boolean {
  const digits = normaliseBsn(bsn);
  if (!/^\d{9}$/.test(digits)) return false;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return sum % 11 === 0 && digits !== '000000000';
}
