import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '@kring/database';

/** A database for a benchmark run: DATABASE_URL's server, or an embedded PostgreSQL in .kring/bench. */
export async function benchDatabase(name: string, reuse = false): Promise<{ url: string; stop: () => Promise<void>; server: string }> {
  const base = process.env['DATABASE_URL'];
  let embedded: RunningPostgres | null = null;
  let adminUrl: string;
  if (base === undefined || base === '') {
    const dir = join(process.cwd(), '.kring', 'bench');
    mkdirSync(dir, { recursive: true });
    embedded = await startEmbeddedPostgres({ dir, port: null });
    adminUrl = embedded.adminUrl;
  } else {
    adminUrl = base;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  if (!reuse || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    server: embedded === null ? `PostgreSQL at ${url.host}` : `embedded PostgreSQL (${url.host})`,
    stop: async () => {
      await embedded?.stop();
    },
  };
}

/** Fresh key material for a benchmark gateway, as the environment would give it. */
export function benchKeys(): Record<string, string> {
  return {
    KRING_KEY_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`,
    KRING_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    KRING_AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
  };
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}
