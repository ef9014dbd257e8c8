import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * The data of a database as a dump holds it: `pg_dump --data-only` where the installed
 * pg_dump can read the server (it cannot read a newer major version), otherwise every row of
 * every table in its text form, which is how COPY (and so pg_dump) writes it: bytea as hex.
 * Says which it used.
 */
export async function dumpDatabase(url: string): Promise<{ text: string; method: 'pg_dump' | 'copy' }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const serverMajor = Number((await client.query<{ v: string }>('SHOW server_version_num')).rows[0]?.v) / 10000;
    const dumpMajor = await pgDumpMajor();
    if (dumpMajor !== null && dumpMajor >= Math.floor(serverMajor)) {
      const { stdout } = await run('pg_dump', ['--data-only', '--dbname', url], { maxBuffer: 256 * 1024 * 1024 });
      return { text: stdout, method: 'pg_dump' };
    }
    const tables = await client.query<{ name: string }>(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    const parts: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await client.query<{ line: string }>(`SELECT t::text AS line FROM ${name} t`);
      parts.push(`-- ${name}`, ...rows.rows.map((r) => r.line));
    }
    return { text: parts.join('\n'), method: 'copy' };
  } finally {
    await client.end();
  }
}

async function pgDumpMajor(): Promise<number | null> {
  try {
    const { stdout } = await run('pg_dump', ['--version']);
    const match = /(\d+)\.\d+/.exec(stdout);
    return match === null ? null : Number(match[1]);
  } catch {
    return null;
  }
}
