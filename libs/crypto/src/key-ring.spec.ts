import { CryptoError, CryptoErrorCode } from './crypto.error';
import { FieldCipher } from './field-cipher';
import { KeyRing } from './key-ring';
import { declareSealedFields } from './sealed-field';
import { loadSodium, type Sodium } from './sodium';

const OWNER = 'family:f-1';

/** The CryptoError that `run` throws; fails the test when it does not throw one. */
function cryptoError(run: () => unknown): CryptoError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoError);
    return error as CryptoError;
  }
  throw new Error('expected a CryptoError');
}

describe('KeyRing', () => {
  let sodium: Sodium;
  let kek1: Uint8Array;
  let kek2: Uint8Array;

  beforeAll(async () => {
    sodium = await loadSodium();
  });
  beforeEach(() => {
    kek1 = sodium.randombytes_buf(32);
    kek2 = sodium.randombytes_buf(32);
  });

  it('needs at least one key-encryption key', () => {
    expect(() => new KeyRing(sodium, new Map())).toThrow('at least one key-encryption key');
  });

  it('a new data key unwraps to the same bytes, owner and version', () => {
    const sut = new KeyRing(sodium, new Map([[1, kek1]]));
    const { key, stored } = sut.newDataKey(OWNER, 3);

    expect(sut.unwrap(OWNER, 3, stored)).toEqual({ owner: OWNER, version: 3, bytes: key.bytes });
  });

  it('the wrapped data key does not contain the data key bytes', () => {
    const sut = new KeyRing(sodium, new Map([[1, kek1]]));
    const { key, stored } = sut.newDataKey(OWNER);

    expect(stored.wrapped.includes(Buffer.from(key.bytes))).toBe(false);
  });

  it('the highest key-encryption key version wraps new data keys, whatever the map order', () => {
    const sut = new KeyRing(sodium, new Map([[2, kek2], [3, sodium.randombytes_buf(32)], [1, kek1]]));

    expect(sut.currentKekVersion).toBe(3);
    expect(sut.kekVersions).toEqual([1, 2, 3]);
    expect(sut.newDataKey(OWNER).stored.kekVersion).toBe(3);
  });

  it('after adding KEK v2, a data key wrapped under v1 still unwraps', () => {
    const before = new KeyRing(sodium, new Map([[1, kek1]]));
    const { key, stored } = before.newDataKey(OWNER);
    const sut = new KeyRing(sodium, new Map([[1, kek1], [2, kek2]]));

    expect(stored.kekVersion).toBe(1);
    expect(sut.unwrap(OWNER, 1, stored).bytes).toEqual(key.bytes);
  });

  it('rotation rewraps a data key under KEK v2 with the same key bytes, and values encrypted before still decrypt', () => {
    const cipher = new FieldCipher(sodium);
    const context = { field: declareSealedFields('member', { name: null }).name, rowId: 'm-1' };
    const before = new KeyRing(sodium, new Map([[1, kek1]]));
    const { key, stored } = before.newDataKey(OWNER);
    const sealed = cipher.encrypt(key, context, 'Fatima El Amrani');
    const sut = new KeyRing(sodium, new Map([[1, kek1], [2, kek2]]));

    const rewrapped = sut.wrap(sut.unwrap(OWNER, 1, stored));

    expect(rewrapped.kekVersion).toBe(2);
    const unwrapped = sut.unwrap(OWNER, 1, rewrapped);
    expect(unwrapped.bytes).toEqual(key.bytes);
    expect(cipher.decrypt(unwrapped, context, sealed)).toBe('Fatima El Amrani');
  });

  it('after rotation, the rewrapped key no longer needs KEK v1', () => {
    const both = new KeyRing(sodium, new Map([[1, kek1], [2, kek2]]));
    const rewrapped = both.wrap(new KeyRing(sodium, new Map([[1, kek1]])).newDataKey(OWNER).key);
    const sut = new KeyRing(sodium, new Map([[2, kek2]]));

    expect(sut.unwrap(OWNER, 1, rewrapped).owner).toBe(OWNER);
  });

  it('a data key wrapped under a KEK version that is not configured fails with UNKNOWN_KEY_VERSION', () => {
    const { stored } = new KeyRing(sodium, new Map([[2, kek2]])).newDataKey(OWNER);
    const sut = new KeyRing(sodium, new Map([[1, kek1]]));

    expect(cryptoError(() => sut.unwrap(OWNER, 1, stored)).code).toBe(CryptoErrorCode.UNKNOWN_KEY_VERSION);
  });

  it('a destroyed data key (wrapped: null) fails with KEY_DESTROYED', () => {
    const sut = new KeyRing(sodium, new Map([[1, kek1]]));

    expect(cryptoError(() => sut.unwrap(OWNER, 1, { wrapped: null, kekVersion: 1 })).code).toBe(CryptoErrorCode.KEY_DESTROYED);
  });

  it.each([
    ['another owner', 'family:f-2', 1],
    ['another data-key version', OWNER, 2],
  ])('a wrapped data key unwrapped for %s fails with DECRYPTION_FAILED', (_case, owner, dataKeyVersion) => {
    const sut = new KeyRing(sodium, new Map([[1, kek1]]));
    const { stored } = sut.newDataKey(OWNER, 1);

    expect(cryptoError(() => sut.unwrap(owner, dataKeyVersion, stored)).code).toBe(CryptoErrorCode.DECRYPTION_FAILED);
  });

  it('a wrapped data key relabelled with another KEK version fails with DECRYPTION_FAILED', () => {
    const sut = new KeyRing(sodium, new Map([[1, kek1], [2, kek1]]));
    const { stored } = sut.newDataKey(OWNER);

    expect(cryptoError(() => sut.unwrap(OWNER, 1, { ...stored, kekVersion: 1 })).code).toBe(CryptoErrorCode.DECRYPTION_FAILED);
  });

  it('a wrapped data key with a flipped byte fails with DECRYPTION_FAILED', () => {
    const sut = new KeyRing(sodium, new Map([[1, kek1]]));
    const { stored } = sut.newDataKey(OWNER);
    const wrapped = Buffer.from(stored.wrapped);
    wrapped[30] = wrapped[30]! ^ 0x80;

    expect(cryptoError(() => sut.unwrap(OWNER, 1, { ...stored, wrapped })).code).toBe(CryptoErrorCode.DECRYPTION_FAILED);
  });
});
