import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { Sodium } from './sodium';

/** One published receipt key: a JSON Web Key (RFC 8037, OKP/Ed25519) with Kring's status of it. */
export interface ReceiptPublicKey {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly alg: 'EdDSA';
  readonly use: 'sig';
  readonly kid: string;
  /** The public key, base64url without padding (RFC 8037). */
  readonly x: string;
  /** `current` signs new receipts; `previous` keys only verify receipts signed before a rotation. */
  readonly status: 'current' | 'previous';
}

/** The signature envelope of a receipt (docs/consent-receipts.md). */
export interface ReceiptSignature {
  readonly alg: 'EdDSA';
  readonly kid: string;
  /** What the signature covers: the RFC 8785 canonical form of `receipt`, as UTF-8. */
  readonly canonicalization: 'RFC8785';
  /** The detached Ed25519 signature, base64url without padding. */
  readonly value: string;
}

export interface SignedReceipt<T> {
  readonly receipt: T;
  readonly signature: ReceiptSignature;
}

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/**
 * Signs consent receipts with the gateway's Ed25519 receipt keys (crypto_sign_detached over the
 * canonical JSON of the receipt). The highest configured version signs; every version is
 * published, so a receipt signed before a rotation still verifies offline.
 */
export class ReceiptSigner {
  private readonly pairs: readonly { readonly version: number; readonly kid: string; readonly publicKey: Uint8Array; readonly secretKey: Uint8Array }[];

  constructor(
    private readonly sodium: Sodium,
    seeds: ReadonlyMap<number, Uint8Array>,
  ) {
    if (seeds.size === 0) throw new Error('receipts need at least one signing key');
    this.pairs = [...seeds.entries()]
      .sort(([a], [b]) => b - a)
      .map(([version, seed]) => {
        const pair = sodium.crypto_sign_seed_keypair(seed);
        return { version, kid: receiptKeyId(version, pair.publicKey), publicKey: pair.publicKey, secretKey: pair.privateKey };
      });
  }

  /** The published key set: the current key first, then the previous ones, newest first. */
  publicKeys(): ReceiptPublicKey[] {
    return this.pairs.map((pair, index) => ({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: pair.kid, x: base64url(pair.publicKey), status: index === 0 ? 'current' : 'previous' }));
  }

  sign<T>(receipt: T): SignedReceipt<T> {
    const current = this.pairs[0] as (typeof this.pairs)[number];
    const signature = this.sodium.crypto_sign_detached(new TextEncoder().encode(canonicalJson(receipt)), current.secretKey);
    return { receipt, signature: { alg: 'EdDSA', kid: current.kid, canonicalization: 'RFC8785', value: base64url(signature) } };
  }
}

/**
 * Verifies a signed receipt against a published key set, as anyone can offline: the key its
 * envelope names, over the canonical form of its receipt. False for anything that does not verify.
 */
export function verifyReceipt(sodium: Sodium, signed: { receipt: unknown; signature: { kid?: unknown; value?: unknown; alg?: unknown } }, keys: readonly { kid: string; x: string }[]): boolean {
  const key = keys.find((k) => k.kid === signed.signature.kid);
  if (key === undefined || signed.signature.alg !== 'EdDSA' || typeof signed.signature.value !== 'string') return false;
  try {
    return sodium.crypto_sign_verify_detached(Buffer.from(signed.signature.value, 'base64url'), new TextEncoder().encode(canonicalJson(signed.receipt)), Buffer.from(key.x, 'base64url'));
  } catch {
    return false;
  }
}

/** `receipt-v<version>-<first 8 bytes of SHA-256 of the public key, hex>`: stable, and different for every key. */
function receiptKeyId(version: number, publicKey: Uint8Array): string {
  return `receipt-v${version}-${createHash('sha256').update(publicKey).digest('hex').slice(0, 16)}`;
}
