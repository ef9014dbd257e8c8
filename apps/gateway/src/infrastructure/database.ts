import type { KringConfig } from '@kring/config';
import { startEmbeddedPostgres, type RunningPostgres } from '@kring/database';

/** The database a command works on: DATABASE_URL, or the embedded PostgreSQL in the data folder. */
export async function resolveDatabase(
  config: KringConfig,
  onLog?: (message: string) => void,
  onNotice?: (message: string) => void,
): Promise<{ url: string; embedded: RunningPostgres | null; description: string }> {
  if (config.databaseUrl !== null) {
    const parsed = new URL(config.databaseUrl);
    return { url: config.databaseUrl, embedded: null, description: `PostgreSQL at ${parsed.host}${parsed.pathname}` };
  }
  const embedded = await startEmbeddedPostgres({ dir: config.dataDir, port: config.embeddedPostgresPort, onLog, onNotice });
  await ensureDatabase(embedded.adminUrl, 'kring');
  const url = embedded.urlFor('kring');
  return { url, embedded, description: `embedded PostgreSQL on ${new URL(url).host} (data in ${config.dataDir})` };
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
