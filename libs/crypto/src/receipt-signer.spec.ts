import { canonicalJson } from './canonical-json';
import { ReceiptSigner, verifyReceipt } from './receipt-signer';
import { loadSodium, type Sodium } from './sodium';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts members by UTF-16 code units, writes no whitespace, and numbers and strings as ECMAScript does', () => {
    // RFC 8785 §3.2.2 and §3.2.3's examples.
    expect(canonicalJson({ numbers: [Number('333333333.33333329'), 1e30, 4.5, 2e-3, 0.000000000000000000000000001], string: '\u20ac$\u000f\u000aA\'\u0042\u0022\u005c\\"/', literals: [null, true, false] })).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
    expect(canonicalJson({ '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' })).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('refuses what JSON cannot hold rather than dropping it', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson([undefined])).toThrow();
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('receipt signing', () => {
  let sodium: Sodium;
  const seed = (byte: number) => new Uint8Array(32).fill(byte);
  beforeAll(async () => {
    sodium = await loadSodium();
  });

  it('signs with the highest version and verifies with the published key only; the member order of the receipt does not matter', () => {
    const signer = new ReceiptSigner(sodium, new Map([[1, seed(1)], [2, seed(2)]]));
    const keys = signer.publicKeys();
    expect(keys.map((k) => [k.kid.startsWith('receipt-v2-'), k.status])).toEqual([[true, 'current'], [false, 'previous']]);
    const signed = signer.sign({ b: 1, a: ['x'] });
    expect(signed.signature.kid).toBe(keys[0]!.kid);
    expect(verifyReceipt(sodium, JSON.parse(JSON.stringify({ signature: signed.signature, receipt: { a: ['x'], b: 1 } })), keys)).toBe(true);
    expect(verifyReceipt(sodium, { ...signed, receipt: { b: 2, a: ['x'] } }, keys)).toBe(false);
    expect(verifyReceipt(sodium, { ...signed, signature: { ...signed.signature, kid: keys[1]!.kid } }, keys)).toBe(false);
    expect(verifyReceipt(sodium, { ...signed, signature: { ...signed.signature, value: 'not base64url!' } }, keys)).toBe(false);
  });

  it('after a rotation the previous key is still published, and a receipt it signed still verifies', () => {
    const before = new ReceiptSigner(sodium, new Map([[1, seed(1)]]));
    const old = before.sign({ recordId: 'r' });
    const after = new ReceiptSigner(sodium, new Map([[1, seed(1)], [2, seed(2)]]));
    expect(after.publicKeys()[1]).toEqual({ ...before.publicKeys()[0], status: 'previous' });
    expect(verifyReceipt(sodium, old, after.publicKeys())).toBe(true);
    // Once the old key is dropped from the set, its receipts no longer verify.
    expect(verifyReceipt(sodium, old, new ReceiptSigner(sodium, new Map([[2, seed(2)]])).publicKeys())).toBe(false);
  });
});
