import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { AccessLogWriter } from '@kring/audit';
import { CryptoError, type KringCrypto } from '@kring/crypto';
import { familyKeyOwner } from '@kring/family-file';
import { organisationKeyOwner } from '@kring/identity';
import { countOldDataKeys, type OldDataKeys } from './old-data-keys';

/** How long a rotation keeps coming back for rows other transactions hold locked. */
export const DEFAULT_PATIENCE_MS = 60_000;
const DEFAULT_BATCH = 500;
const FIRST_WAIT_MS = 100;
const LONGEST_WAIT_MS = 5_000;

export interface RewrapOptions {
  /** When the rotation's access-log entry says it happened. */
  readonly at?: Date;
  /** How long to keep coming back for locked rows before reporting what remains. */
  readonly patienceMs?: number;
  /** Rows per transaction: each one holds its rows' locks only this long. */
  readonly batchSize?: number;
}

export interface RewrapReport {
  readonly kekVersion: number;
  /** The configured versions below `kekVersion`: the ones this rotation is to make removable. */
  readonly olderKekVersions: readonly number[];
  /** Data keys this run rewrapped. */
  readonly families: number;
  readonly organisations: number;
  /** Counted after the last pass: data keys still wrapped with an older version. Both zero means done. */
  readonly remaining: OldDataKeys;
}

/**
 * Rotates the key-encryption key: rewraps every data key still wrapped by an older KEK
 * version with the current (highest) one, and ends only when a count finds none left, or
 * when its patience is used up, reporting what remains. No ciphertext changes, and rows
 * are rewrapped in small transactions, so gateways keep serving throughout: while both
 * versions are configured, a row is readable whichever version it carries. Only when
 * `remaining` is zero can the old versions be removed from the configuration.
 */
export async function rewrapDataKeys(dataSource: DataSource, crypto: KringCrypto, accessLog: AccessLogWriter, options: RewrapOptions = {}): Promise<RewrapReport> {
  const current = crypto.keyRing.currentKekVersion;
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const giveUpAt = Date.now() + (options.patienceMs ?? DEFAULT_PATIENCE_MS);
  const done = { families: 0, organisations: 0 };
  const at = options.at ?? new Date();
  let remaining: OldDataKeys;
  try {
    // A pass skips rows that other transactions hold; the next pass, after a growing wait, comes back for them.
    for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
      done.families += await rewrapTable(dataSource, crypto, 'family', current, batch);
      done.organisations += await rewrapTable(dataSource, crypto, 'organisation', current, batch);
      remaining = await countOldDataKeys(dataSource, current);
      const patienceLeft = giveUpAt - Date.now();
      if (remaining.families + remaining.organisations === 0 || patienceLeft <= 0) break;
      await sleep(Math.min(wait, patienceLeft));
    }
  } catch (error) {
    // What was rewrapped before the failure is logged too; the failure itself is what the caller hears.
    const left = await countOldDataKeys(dataSource, current).catch(() => null);
    await logRotation(dataSource, accessLog, at, current, done, left, error).catch(() => undefined);
    throw error;
  }
  await logRotation(dataSource, accessLog, at, current, done, remaining, null);
  return { kekVersion: current, olderKekVersions: crypto.keyRing.kekVersions.filter((v) => v < current), ...done, remaining };
}

interface KeyRow {
  id: string;
  wrapped_data_key: Buffer;
  kek_version: number;
  data_key_version?: number;
}

/** One pass over a table: batch after batch, until a batch finds fewer rows than it could take. */
async function rewrapTable(dataSource: DataSource, crypto: KringCrypto, table: 'family' | 'organisation', current: number, batch: number): Promise<number> {
  const ownerOf = table === 'family' ? familyKeyOwner : organisationKeyOwner;
  let total = 0;
  for (;;) {
    const rewrapped = await dataSource.transaction(async (manager) => {
      // NO KEY UPDATE, not UPDATE: the lock every insert of a record, involvement or consent takes on its
      // family row (the foreign-key check's KEY SHARE) does not conflict with it, so writes in flight neither
      // wait for the rotation nor make it skip the family. SKIP LOCKED passes over rows that an erasure or
      // another rotation holds, instead of holding this batch's locks while waiting; a later pass returns.
      const rows = await manager.query<KeyRow[]>(
        `SELECT * FROM ${table} WHERE kek_version < $1 AND wrapped_data_key IS NOT NULL ORDER BY id LIMIT ${batch} FOR NO KEY UPDATE SKIP LOCKED`,
        [current],
      );
      for (const row of rows) {
        const key = crypto.keyRing.unwrap(ownerOf(row.id), row.data_key_version ?? 1, { wrapped: row.wrapped_data_key, kekVersion: row.kek_version });
        const stored = crypto.keyRing.wrap(key);
        await manager.query(`UPDATE ${table} SET wrapped_data_key = $2, kek_version = $3 WHERE id = $1`, [row.id, stored.wrapped, stored.kekVersion]);
      }
      return rows.length;
    });
    total += rewrapped;
    if (rewrapped < batch) return total;
  }
}

/** A key operation is an entry too, on the chain of entries without a family; it says what is left, and why it stopped short. */
async function logRotation(
  dataSource: DataSource,
  accessLog: AccessLogWriter,
  at: Date,
  kekVersion: number,
  done: OldDataKeys,
  remaining: OldDataKeys | null,
  failure: unknown,
): Promise<void> {
  const fields = [`kekVersion=${kekVersion}`, `families=${done.families}`, `organisations=${done.organisations}`];
  if (remaining !== null) fields.push(`remainingFamilies=${remaining.families}`, `remainingOrganisations=${remaining.organisations}`);
  // The error's code only: a message could carry more than the log should hold.
  if (failure !== null) fields.push(`failed=${failure instanceof CryptoError ? failure.code : 'ERROR'}`);
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
        decisions: [{ targetKind: null, targetIds: [], sourceOrganisationId: null, category: null, fields, outcome: 'ALLOWED', basis: null, basisRefs: [], reason: null }],
        breakGlass: false,
      },
    ]),
  );
}
