import { BlindIndex, isValidBsn } from './blind-index';
import { loadSodium, type Sodium } from './sodium';

describe('BlindIndex', () => {
  let sodium: Sodium;
  let sut: BlindIndex;

  beforeAll(async () => {
    sodium = await loadSodium();
  });
  beforeEach(() => {
    sut = new BlindIndex(sodium, sodium.randombytes_buf(32));
  });

  it('the same BSN always gives the same 32-byte index', () => {
    expect(sut.bsn('123451000')).toHaveLength(32);
    expect(sut.bsn('123451000').equals(sut.bsn('123451000'))).toBe(true);
  });

  it.each(['1234 51 000', '1234.51.000', '123-451-000', ' 123451000 '])('BSN written as "%s" gives the same index as 123451000', (written) => {
    expect(sut.bsn(written).equals(sut.bsn('123451000'))).toBe(true);
  });

  it('different BSNs give different indexes', () => {
    expect(sut.bsn('123451000').equals(sut.bsn('234561002'))).toBe(false);
  });

  it('the same BSN under another blind-index key gives another index', () => {
    const other = new BlindIndex(sodium, sodium.randombytes_buf(32));

    expect(other.bsn('123451000').equals(sut.bsn('123451000'))).toBe(false);
  });

  it('the index is not a plain (unkeyed) hash of the BSN', () => {
    expect(sut.bsn('123451000').equals(Buffer.from(sodium.crypto_generichash(32, '123451000', null)))).toBe(false);
  });
});

describe('isValidBsn', () => {
  it.each(['123451000', '234561002', '345671004', '456781006', '567891008', '1234.51.000', '1234 51 000'])('%s passes the elfproef', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each([
    ['a wrong checksum', '123451001'],
    ['8 digits', '12345100'],
    ['10 digits', '1234510000'],
    ['letters', '12345100a'],
    ['all zeros', '000000000'],
    ['the empty string', ''],
  ])('a BSN with %s (%s) is invalid', (_case, bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });
});
