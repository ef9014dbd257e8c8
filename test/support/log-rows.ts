import type pg from 'pg';

/**
 * Puts saved access-log rows back (after a test tampered with the log behind the
 * application's back), every stored column (a generated column, should one be added, is
 * left for PostgreSQL to compute: it refuses a value for one).
 */
export async function putBackLogRows(client: pg.Client, savedTable: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(column_name) AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'access_log_entry' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  const columns = rows.map((r) => r.name).join(', ');
  await client.query(`INSERT INTO access_log_entry (${columns}) SELECT ${columns} FROM ${savedTable}`);
}

/**
 * Writes chained entries straight into the log, the way a writer of an earlier shape did,
 * for the tests of the change of shape: each entry's facts go to the columns of the same
 * name (`targetIds` to target_ids), hashed over `encode(facts)` as that writer's encoding
 * was, each linked to the one before, and the chain head set to the last. Starts a chain:
 * the first entry follows the genesis hash. The encodings are the tests' own, frozen on
 * purpose, so a change to libs/audit's cannot make old entries verify by accident.
 */
export async function writeOldEntries<Facts extends object>(
  client: pg.Client,
  sodium: { crypto_generichash(length: number, message: Uint8Array, key: null): Uint8Array },
  chainKey: string,
  entries: readonly Facts[],
  encode: (facts: Facts) => string,
): Promise<string[]> {
  const ids: string[] = [];
  let previous: Uint8Array = new Uint8Array(32);
  for (const [i, facts] of entries.entries()) {
    const hash = sodium.crypto_generichash(32, Buffer.concat([previous, Buffer.from(encode(facts), 'utf8')]), null);
    const values: Record<string, unknown> = { chain_key: chainKey, sequence: i + 1, previous_hash: Buffer.from(previous), entry_hash: Buffer.from(hash) };
    for (const [key, value] of Object.entries(facts)) values[key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)] = value;
    const columns = Object.keys(values);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO access_log_entry (id, ${columns.join(', ')}) VALUES (gen_random_uuid(), ${columns.map((_, n) => `$${n + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    ids.push(rows[0]?.id as string);
    previous = hash;
  }
  await client.query(`INSERT INTO access_log_chain_head (chain_key, sequence, entry_hash) VALUES ($1, $2, $3)`, [chainKey, entries.length, Buffer.from(previous)]);
  return ids;
}

/**
 * Runs the statements on one chain with triggers off (as a superuser behind the
 * application's back), asks `check` what it finds, and puts the chain's rows back as they
 * were, whatever happened. For tests of tamper detection that share one chain. Meanwhile
 * the rows as they were are in the table `saved_chain`, for statements that copy one.
 */
export async function withChainTampered<T>(client: pg.Client, chainKey: string, statements: readonly string[], check: () => Promise<T>): Promise<T> {
  await client.query(`DROP TABLE IF EXISTS saved_chain`);
  await client.query(`CREATE TABLE saved_chain AS SELECT * FROM access_log_entry WHERE chain_key = $1`, [chainKey]);
  await client.query(`SET session_replication_role = replica`);
  try {
    for (const statement of statements) await client.query(statement);
    return await check();
  } finally {
    await client.query(`DELETE FROM access_log_entry WHERE chain_key = $1`, [chainKey]);
    await putBackLogRows(client, 'saved_chain');
    await client.query(`SET session_replication_role = origin`);
  }
}
