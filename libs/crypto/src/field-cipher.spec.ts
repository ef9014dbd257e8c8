import { CryptoError, CryptoErrorCode } from './crypto.error';
import { FieldCipher, type DataKey } from './field-cipher';
import type { SealedPlace } from './field-context';
import { declareSealedFields } from './sealed-field';
import { loadSodium, type Sodium } from './sodium';

const RECORD = declareSealedFields('record', { arrangement: 'FINANCES', totalDebt: 'FINANCES' });
const MEMBER = declareSealedFields('member', { arrangement: null });

const PLAINTEXT = 'Schuldregeling via Kredietbank, 12 schuldeisers';
const CONTEXT: SealedPlace = { field: RECORD.arrangement, rowId: 'record-1' };

/** The CryptoError that `decrypt` throws; fails the test when it returns a value instead. */
function decryptionError(decrypt: () => string): CryptoError {
  try {
    decrypt();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoError);
    return error as CryptoError;
  }
  throw new Error('expected decryption to fail');
}

describe('FieldCipher', () => {
  let sodium: Sodium;
  let sut: FieldCipher;
  let key: DataKey;

  beforeAll(async () => {
    sodium = await loadSodium();
  });
  beforeEach(() => {
    sut = new FieldCipher(sodium);
    key = { owner: 'family:f-1', version: 1, bytes: sodium.crypto_aead_xchacha20poly1305_ietf_keygen() };
  });

  it('a value decrypts to itself in the context it was encrypted for', () => {
    const sealed = sut.encrypt(key, CONTEXT, PLAINTEXT);

    expect(sut.decrypt(key, CONTEXT, sealed)).toBe(PLAINTEXT);
  });

  it('the empty string and non-ASCII text round-trip too', () => {
    for (const value of ['', 'Zoë de Vries-Öztürk 🏠']) {
      expect(sut.decrypt(key, CONTEXT, sut.encrypt(key, CONTEXT, value))).toBe(value);
    }
  });

  it('the same value encrypts differently each time (random nonce) and never contains the plaintext', () => {
    const first = sut.encrypt(key, CONTEXT, PLAINTEXT);
    const second = sut.encrypt(key, CONTEXT, PLAINTEXT);

    expect(first.equals(second)).toBe(false);
    expect(first.subarray(0, 24).equals(second.subarray(0, 24))).toBe(false);
    expect(first.includes(Buffer.from(PLAINTEXT))).toBe(false);
  });

  it.each<[string, Partial<SealedPlace>]>([
    ['another row', { rowId: 'record-2' }],
    ['another kind of row', { field: MEMBER.arrangement }],
    ['another field', { field: RECORD.totalDebt }],
  ])('a ciphertext moved to %s fails to decrypt', (_case, change) => {
    const sealed = sut.encrypt(key, CONTEXT, PLAINTEXT);

    const error = decryptionError(() => sut.decrypt(key, { ...CONTEXT, ...change }, sealed));

    expect(error.code).toBe(CryptoErrorCode.DECRYPTION_FAILED);
    expect(error.message).not.toContain(PLAINTEXT);
  });

  it('only a declared sealed field makes a context: a row kind and field name written by hand do not compile', () => {
    // @ts-expect-error: an object with a row kind and a name is not a SealedField; only declareSealedFields makes one
    const handWritten: SealedPlace = { field: { rowKind: 'record', name: 'arrangement', category: null }, rowId: 'record-1' };

    expect(handWritten.field.name).toBe(RECORD.arrangement.name);
  });

  it('a ciphertext moved to another family (same key bytes, other owner) fails to decrypt', () => {
    const sealed = sut.encrypt(key, CONTEXT, PLAINTEXT);

    const error = decryptionError(() => sut.decrypt({ ...key, owner: 'family:f-2' }, CONTEXT, sealed));

    expect(error.code).toBe(CryptoErrorCode.DECRYPTION_FAILED);
  });

  it('a ciphertext read under another data-key version (same key bytes) fails to decrypt', () => {
    const sealed = sut.encrypt(key, CONTEXT, PLAINTEXT);

    const error = decryptionError(() => sut.decrypt({ ...key, version: 2 }, CONTEXT, sealed));

    expect(error.code).toBe(CryptoErrorCode.DECRYPTION_FAILED);
  });

  it('a ciphertext read with another family\'s data key fails to decrypt', () => {
    const sealed = sut.encrypt(key, CONTEXT, PLAINTEXT);
    const other: DataKey = { ...key, bytes: sodium.crypto_aead_xchacha20poly1305_ietf_keygen() };

    expect(decryptionError(() => sut.decrypt(other, CONTEXT, sealed)).code).toBe(CryptoErrorCode.DECRYPTION_FAILED);
  });

  it.each([
    ['the first nonce byte', 0],
    ['the last nonce byte', 23],
    ['the first ciphertext byte', 24],
    ['a ciphertext byte', 40],
    ['the last tag byte', -1],
  ])('a ciphertext with %s flipped fails to decrypt', (_byte, index) => {
    const sealed = sut.encrypt(key, CONTEXT, PLAINTEXT);
    const at = index < 0 ? sealed.length + index : index;
    sealed[at] = sealed[at]! ^ 0x01;

    const error = decryptionError(() => sut.decrypt(key, CONTEXT, sealed));

    expect(error.code).toBe(CryptoErrorCode.DECRYPTION_FAILED);
    expect(error.message).not.toContain(PLAINTEXT);
  });

  it.each([0, 24, 39])('a value of %i bytes is too short to be a ciphertext and fails to decrypt', (length) => {
    const error = decryptionError(() => sut.decrypt(key, CONTEXT, new Uint8Array(length)));

    expect(error.code).toBe(CryptoErrorCode.DECRYPTION_FAILED);
  });

  it('a truncated ciphertext fails to decrypt', () => {
    const sealed = sut.encrypt(key, CONTEXT, PLAINTEXT);

    expect(decryptionError(() => sut.decrypt(key, CONTEXT, sealed.subarray(0, sealed.length - 1))).code).toBe(
      CryptoErrorCode.DECRYPTION_FAILED,
    );
  });
});
