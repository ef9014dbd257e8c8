import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AccessLogWriter } from '@kring/audit';
import type { KringCrypto } from '@kring/crypto';
import { familyKeyOwner } from '@kring/family-file';
import { organisationKeyOwner } from '@kring/identity';

const BATCH = 500;

export interface RewrapReport {
  readonly kekVersion: number;
  readonly families: number;
  readonly organisations: number;
}

/**
 * Rotates the key-encryption key: rewraps every data key still wrapped by an older
 * KEK version with the current (highest) one. No ciphertext changes, and rows are
 * rewrapped in small transactions, so gateways keep serving throughout: while both
 * versions are configured, a row is readable whichever version it carries. Afterwards
 * the old version can be removed from the configuration.
 */
export async function rewrapDataKeys(dataSource: DataSource, crypto: KringCrypto, accessLog: AccessLogWriter, options: { at?: Date } = {}): Promise<RewrapReport> {
  const at = options.at ?? new Date();
  const current = crypto.keyRing.currentKekVersion;
  const families = await rewrapTable(dataSource, crypto, 'family', current, (row) => familyKeyOwner(row.id), (row) => row.data_key_version ?? 1);
  const organisations = await rewrapTable(dataSource, crypto, 'organisation', current, (row) => organisationKeyOwner(row.id), () => 1);
  // A key operation is an entry too, on the chain of entries without a family.
  await dataSource.transaction((manager) =>
    accessLog.append(manager, [
      {
        occurredAt: at,
        traceId: randomBytes(16).toString('hex'),
        actorKind: 'SYSTEM',
        actorId: null,
        actorOrganisationId: null,
        actorRole: 'KEY_ROTATION',
        activity: 'ROTATE_KEY_ENCRYPTION_KEY',
        purpose: null,
        familyId: null,
        subjectMemberIds: [],
        targetKind: null,
        targetIds: [],
        sourceOrganisationId: null,
        category: null,
        fields: [`kekVersion=${current}`, `families=${families}`, `organisations=${organisations}`],
        decision: 'ALLOWED',
        basis: null,
        basisRefs: [],
        reason: null,
        breakGlass: false,
      },
    ]),
  );
  return { kekVersion: current, families, organisations };
}

interface KeyRow {
  id: string;
  wrapped_data_key: Buffer | null;
  kek_version: number;
  data_key_version?: number;
}

async function rewrapTable(
  dataSource: DataSource,
  crypto: KringCrypto,
  table: 'family' | 'organisation',
  current: number,
  ownerOf: (row: KeyRow) => string,
  versionOf: (row: KeyRow) => number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await dataSource.transaction(async (manager) => {
      // SKIP LOCKED lets several rotations (or a rotation and erasures) proceed without waiting on each other.
      const rows = await manager.query<KeyRow[]>(
        `SELECT * FROM ${table} WHERE kek_version < $1 AND wrapped_data_key IS NOT NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [current],
      );
      for (const row of rows) {
        const key = crypto.keyRing.unwrap(ownerOf(row), versionOf(row), { wrapped: row.wrapped_data_key, kekVersion: row.kek_version });
        const rewrapped = crypto.keyRing.wrap(key);
        await manager.query(`UPDATE ${table} SET wrapped_data_key = $2, kek_version = $3 WHERE id = $1`, [row.id, rewrapped.wrapped, rewrapped.kekVersion]);
      }
      return rows.length;
    });
    total += done;
    if (done < BATCH) return total;
  }
}
