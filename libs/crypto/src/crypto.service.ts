import { BlindIndex } from './blind-index';
import { FieldCipher } from './field-cipher';
import { KeyRing } from './key-ring';
import { ReceiptSigner } from './receipt-signer';
import type { KeyMaterial } from './key-material';
import type { Sodium } from './sodium';

/** Everything cryptographic a Kring process needs, built once at start from its key material. */
export class KringCrypto {
  readonly keyRing: KeyRing;
  readonly cipher: FieldCipher;
  readonly blindIndex: BlindIndex;
  /** Signs consent receipts (docs/consent-receipts.md). */
  readonly receiptSigner: ReceiptSigner;

  constructor(readonly sodium: Sodium, material: KeyMaterial) {
    this.keyRing = new KeyRing(sodium, material.keyEncryptionKeys);
    this.cipher = new FieldCipher(sodium);
    this.blindIndex = new BlindIndex(sodium, material.blindIndexKey);
    this.receiptSigner = new ReceiptSigner(sodium, material.receiptSigningKeys);
  }
}
