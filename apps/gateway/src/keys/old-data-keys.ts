import type { DataSource } from 'typeorm';

/** Data keys still wrapped with a key-encryption key older than the current one. */
export interface OldDataKeys {
  readonly families: number;
  readonly organisations: number;
}

/**
 * Counts what still needs the older versions. An erased family's key is destroyed (null) and
 * needs no version; a row written meanwhile by a gateway that has the current version already
 * carries it. One written by a gateway that lacks it counts here, as it should.
 */
export async function countOldDataKeys(dataSource: DataSource, currentKekVersion: number): Promise<OldDataKeys> {
  const [row] = await dataSource.query<{ families: string; organisations: string }[]>(
    `SELECT (SELECT count(*) FROM family WHERE kek_version < $1 AND wrapped_data_key IS NOT NULL) AS families,
            (SELECT count(*) FROM organisation WHERE kek_version < $1 AND wrapped_data_key IS NOT NULL) AS organisations`,
    [currentKekVersion],
  );
  // Never read a missing answer as zero: zero is what lets the operator retire a key.
  if (row === undefined) throw new Error('the count of data keys on older key-encryption key versions gave no answer');
  return { families: Number(row.families), organisations: Number(row.organisations) };
}
