import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyMaterialConfig } from '@kring/config';
import type { Sodium } from './sodium';

export interface KeyMaterial {
  readonly keyEncryptionKeys: ReadonlyMap<number, Uint8Array>;
  readonly blindIndexKey: Uint8Array;
  readonly auditSigningKey: Uint8Array;
  /** Ed25519 seeds that sign consent receipts, by version; the highest signs. */
  readonly receiptSigningKeys: ReadonlyMap<number, Uint8Array>;
}

interface StoredDevKeys {
  readonly note: string;
  readonly keyEncryptionKeys: Record<string, string>;
  readonly blindIndexKey: string;
  /** Added later than the others: generated into an existing file when missing. */
  auditSigningKey?: string;
  /** Added with consent receipts: generated into an existing file when missing. */
  receiptSigningKeys?: Record<string, string>;
}

/**
 * The key material of this process: from configuration where given (always so in
 * production, which the configuration enforces), otherwise generated once into
 * `<dataDir>/keys/dev-keys.json` so that a development database stays readable
 * across restarts. Never from code.
 */
export async function resolveKeyMaterial(sodium: Sodium, config: KeyMaterialConfig, dataDir: string): Promise<KeyMaterial> {
  if (config.keyEncryptionKeys !== null && config.blindIndexKey !== null && config.auditSigningKey !== null && config.receiptSigningKeys !== null) {
    return { keyEncryptionKeys: config.keyEncryptionKeys, blindIndexKey: config.blindIndexKey, auditSigningKey: config.auditSigningKey, receiptSigningKeys: config.receiptSigningKeys };
  }
  const dev = await loadOrCreateDevKeys(sodium, dataDir);
  return {
    keyEncryptionKeys: config.keyEncryptionKeys ?? dev.keyEncryptionKeys,
    blindIndexKey: config.blindIndexKey ?? dev.blindIndexKey,
    auditSigningKey: config.auditSigningKey ?? dev.auditSigningKey,
    receiptSigningKeys: config.receiptSigningKeys ?? dev.receiptSigningKeys,
  };
}

async function loadOrCreateDevKeys(sodium: Sodium, dataDir: string): Promise<KeyMaterial> {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'dev-keys.json');
  let stored: StoredDevKeys;
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as StoredDevKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    stored = {
      note: 'Development key material of Kring, generated on first start. Never use in production.',
      keyEncryptionKeys: { '1': Buffer.from(sodium.randombytes_buf(32)).toString('base64') },
      blindIndexKey: Buffer.from(sodium.randombytes_buf(32)).toString('base64'),
      auditSigningKey: Buffer.from(sodium.randombytes_buf(32)).toString('base64'),
      receiptSigningKeys: { '1': Buffer.from(sodium.randombytes_buf(32)).toString('base64') },
    };
    // The data folder itself stays traversable: the embedded PostgreSQL runs as another OS user under root.
    await mkdir(dataDir, { recursive: true });
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600, flag: 'wx' }).catch(async (writeError: NodeJS.ErrnoException) => {
      // Another process generated them first: use theirs.
      if (writeError.code !== 'EEXIST') throw writeError;
      stored = JSON.parse(await readFile(file, 'utf8')) as StoredDevKeys;
    });
    await chmod(file, 0o600);
  }
  if (stored.auditSigningKey === undefined || stored.receiptSigningKeys === undefined) {
    stored.auditSigningKey ??= Buffer.from(sodium.randombytes_buf(32)).toString('base64');
    stored.receiptSigningKeys ??= { '1': Buffer.from(sodium.randombytes_buf(32)).toString('base64') };
    await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const keyEncryptionKeys = new Map<number, Uint8Array>();
  for (const [version, key] of Object.entries(stored.keyEncryptionKeys)) {
    keyEncryptionKeys.set(Number(version), new Uint8Array(Buffer.from(key, 'base64')));
  }
  const receiptSigningKeys = new Map<number, Uint8Array>();
  for (const [version, key] of Object.entries(stored.receiptSigningKeys)) {
    receiptSigningKeys.set(Number(version), new Uint8Array(Buffer.from(key, 'base64')));
  }
  return {
    keyEncryptionKeys,
    blindIndexKey: new Uint8Array(Buffer.from(stored.blindIndexKey, 'base64')),
    auditSigningKey: new Uint8Array(Buffer.from(stored.auditSigningKey, 'base64')),
    receiptSigningKeys,
  };
}
