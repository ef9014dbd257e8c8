/** Why a cryptographic operation refused to produce a value. */
export enum CryptoErrorCode {
  /** The ciphertext did not authenticate: changed, moved to another row or field, or the wrong key. */
  DECRYPTION_FAILED = 'DECRYPTION_FAILED',
  UNKNOWN_KEY_VERSION = 'UNKNOWN_KEY_VERSION',
  /** The data key was destroyed (crypto-shredding); the data is gone for good. */
  KEY_DESTROYED = 'KEY_DESTROYED',
}

/** Raised instead of ever returning a wrong or unauthenticated value. Carries no key or value material. */
export class CryptoError extends Error {
  constructor(readonly code: CryptoErrorCode, message: string) {
    super(message);
    this.name = 'CryptoError';
  }
}
