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
