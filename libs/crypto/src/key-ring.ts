import { randomFillSync } from 'node:crypto';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import type { DataKey } from './field-cipher';
import type { Sodium } from './sodium';

/** A data key as stored: wrapped by the key-encryption key of `kekVersion`. */
export interface WrappedDataKey {
  readonly wrapped: Buffer;
  readonly kekVersion: number;
}

/**
 * Envelope encryption: each family (and each organisation's staff directory) has
 * its own data key; the ring's key-encryption keys (KEKs) only wrap those. Rotating
 * the KEK rewraps data keys and touches no ciphertext.
 */
export class KeyRing {
  private readonly currentVersion: number;

  constructor(
    private readonly sodium: Sodium,
    private readonly keyEncryptionKeys: ReadonlyMap<number, Uint8Array>,
  ) {
    const versions = [...keyEncryptionKeys.keys()];
    if (versions.length === 0) throw new Error('the key ring needs at least one key-encryption key');
    this.currentVersion = Math.max(...versions);
  }

  get currentKekVersion(): number {
    return this.currentVersion;
  }

  /** Every configured key-encryption key version, lowest first. */
  get kekVersions(): readonly number[] {
    return [...this.keyEncryptionKeys.keys()].sort((a, b) => a - b);
  }

  /** Makes a fresh random data key for `owner`, returned both usable and wrapped for storage. */
  newDataKey(owner: string, dataKeyVersion = 1): { key: DataKey; stored: WrappedDataKey } {
    const bytes = this.sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
    const key: DataKey = { owner, version: dataKeyVersion, bytes };
    return { key, stored: this.wrap(key) };
  }

  /** Wraps a data key with the current KEK, bound to its owner and version. */
  wrap(key: DataKey): WrappedDataKey {
    const kek = this.kek(this.currentVersion);
    // Node's CSPRNG: libsodium-wrappers draws its random bytes from WebCrypto four bytes at a
    // time, which made a nonce cost ten times the encryption itself (measured in docs/performance.md).
    const nonce = randomFillSync(new Uint8Array(this.sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES));
    const sealed = this.sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(key.bytes, this.wrapContext(key.owner, key.version, this.currentVersion), null, nonce, kek);
    return { wrapped: Buffer.concat([nonce, sealed]), kekVersion: this.currentVersion };
  }

  /** Unwraps a stored data key; throws when it was destroyed or does not authenticate. */
  unwrap(owner: string, dataKeyVersion: number, stored: { wrapped: Uint8Array | null; kekVersion: number }): DataKey {
    if (stored.wrapped === null) {
      throw new CryptoError(CryptoErrorCode.KEY_DESTROYED, 'the data key was destroyed');
    }
    const kek = this.kek(stored.kekVersion);
    const nonceBytes = this.sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    try {
      const bytes = this.sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        stored.wrapped.subarray(nonceBytes),
        this.wrapContext(owner, dataKeyVersion, stored.kekVersion),
        stored.wrapped.subarray(0, nonceBytes),
        kek,
      );
      return { owner, version: dataKeyVersion, bytes };
    } catch {
      throw new CryptoError(CryptoErrorCode.DECRYPTION_FAILED, 'a data key failed to unwrap');
    }
  }

  private kek(version: number): Uint8Array {
    const kek = this.keyEncryptionKeys.get(version);
    if (kek === undefined) {
      throw new CryptoError(CryptoErrorCode.UNKNOWN_KEY_VERSION, `no key-encryption key of version ${version} is configured`);
    }
    return kek;
  }

  private wrapContext(owner: string, dataKeyVersion: number, kekVersion: number): Uint8Array {
    return new TextEncoder().encode(`kring-data-key-v1|${owner}|dk${dataKeyVersion}|kek${kekVersion}`);
  }
}
