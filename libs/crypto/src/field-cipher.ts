import { randomFillSync } from 'node:crypto';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { associatedData, type SealedPlace } from './field-context';
import type { Sodium } from './sodium';

// One encoder and decoder for the process: constructing them costs more than the decryption of a short value.
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** An unwrapped data key, held only in memory for the span of one request or job. */
export interface DataKey {
  readonly owner: string;
  readonly version: number;
  readonly bytes: Uint8Array;
}

/**
 * Encrypts single values with XChaCha20-Poly1305 (IETF). Output layout: 24-byte
 * random nonce followed by the ciphertext and its 16-byte tag.
 */
export class FieldCipher {
  constructor(private readonly sodium: Sodium) {}

  /** Encrypts one value bound to its place (a declared sealed field of one row) and the key. */
  encrypt(key: DataKey, place: SealedPlace, plaintext: string): Buffer {
    const full = { field: place.field, rowId: place.rowId, keyOwner: key.owner, dataKeyVersion: key.version };
    // Node's CSPRNG: libsodium-wrappers draws its random bytes from WebCrypto four bytes at a
    // time, which made a nonce cost ten times the encryption itself (measured in docs/performance.md).
    const nonce = randomFillSync(new Uint8Array(this.sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES));
    const ciphertext = this.sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      utf8Encoder.encode(plaintext),
      associatedData(full),
      null,
      nonce,
      key.bytes,
    );
    return Buffer.concat([nonce, ciphertext]);
  }

  /** Decrypts one value; throws CryptoError when it does not authenticate in this exact context. */
  decrypt(key: DataKey, place: SealedPlace, sealed: Uint8Array): string {
    const nonceBytes = this.sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    const full = { field: place.field, rowId: place.rowId, keyOwner: key.owner, dataKeyVersion: key.version };
    if (sealed.length < nonceBytes + this.sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES) {
      throw new CryptoError(CryptoErrorCode.DECRYPTION_FAILED, `value of ${place.field.rowKind}.${place.field.name} is too short to be a ciphertext`);
    }
    try {
      const plaintext = this.sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        sealed.subarray(nonceBytes),
        associatedData(full),
        sealed.subarray(0, nonceBytes),
        key.bytes,
      );
      return utf8Decoder.decode(plaintext);
    } catch {
      throw new CryptoError(CryptoErrorCode.DECRYPTION_FAILED, `value of ${place.field.rowKind}.${place.field.name} failed to authenticate`);
    }
  }
}
