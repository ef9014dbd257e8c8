import type { Sodium } from '@kring/crypto';

/** A signed statement: "chain `chainKey` had `sequence` entries, the last with hash `entryHash`". */
export interface Checkpoint {
  readonly chainKey: string;
  readonly sequence: number;
  readonly entryHash: Uint8Array;
  readonly signedAt: Date;
  readonly keyId: string;
  readonly signature: Uint8Array;
}

function checkpointMessage(chainKey: string, sequence: number, entryHash: Uint8Array, signedAt: Date): Uint8Array {
  return new TextEncoder().encode(['kring-checkpoint-v1', chainKey, String(sequence), Buffer.from(entryHash).toString('hex'), signedAt.toISOString()].join('|'));
}

/** Signs chain heads with Ed25519; the public key is published so anyone can check a checkpoint. */
export class CheckpointSigner {
  readonly publicKey: Uint8Array;
  readonly keyId: string;
  private readonly secretKey: Uint8Array;

  /** `seed`: 32 bytes of key material from configuration. */
  constructor(
    private readonly sodium: Sodium,
    seed: Uint8Array,
  ) {
    const pair = sodium.crypto_sign_seed_keypair(seed);
    this.publicKey = pair.publicKey;
    this.secretKey = pair.privateKey;
    this.keyId = Buffer.from(sodium.crypto_generichash(8, pair.publicKey, null)).toString('hex');
  }

  sign(chainKey: string, sequence: number, entryHash: Uint8Array, signedAt: Date): Checkpoint {
    const signature = this.sodium.crypto_sign_detached(checkpointMessage(chainKey, sequence, entryHash, signedAt), this.secretKey);
    return { chainKey, sequence, entryHash, signedAt, keyId: this.keyId, signature };
  }
}

/** Whether a checkpoint's signature is valid under `publicKey`. */
export function checkpointIsAuthentic(sodium: Sodium, checkpoint: Checkpoint, publicKey: Uint8Array): boolean {
  try {
    return sodium.crypto_sign_verify_detached(checkpoint.signature, checkpointMessage(checkpoint.chainKey, checkpoint.sequence, checkpoint.entryHash, checkpoint.signedAt), publicKey);
  } catch {
    return false;
  }
}
