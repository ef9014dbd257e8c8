import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '@kring/database';
import { DEMO_ORGANISATIONS } from '@kring/demo-world';
import type { BenchWorld } from './world';

/** A database for a benchmark run: DATABASE_URL's server, or an embedded PostgreSQL in .kring/bench. */
export async function benchDatabase(name: string, reuse = false): Promise<{ url: string; stop: () => Promise<void>; server: string; postmasterPid: number | null }> {
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
    // The first line of postmaster.pid; its children are the backends and background processes.
    postmasterPid: embedded === null ? null : Number(readFileSync(join(process.cwd(), '.kring', 'bench', 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]),
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
    KRING_RECEIPT_SIGNING_KEYS: `1:${randomBytes(32).toString('base64')}`,
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

/**
 * Synthetic access-log entries in bulk, with realistic spreads over organisations, 1,000
 * synthetic families, purposes, decisions and a year of time. They are not hash-chained
 * (their chains are of families that do not exist): they give the log its size, so index
 * maintenance on insert and the officers' reads cost what they would at that size. They
 * have the shape entries are written in now (DESIGN.md §10: one member per entry, four
 * decisions of about two organisations' records, three target ids each; 30% of entries with
 * a denial). The monthly partitions of the year are made first, as a gateway running that
 * year would have made them.
 */
export async function fillAccessLog(run: (sql: string, params: unknown[]) => Promise<unknown>, total: number, log: (line: string) => void): Promise<void> {
  const organisations = Object.values(DEMO_ORGANISATIONS);
  const batch = 250_000;
  await run(`SELECT kring_log_ensure_partitions(now() - interval '13 months', now())`, []);
  for (let start = 0; start < total; start += batch) {
    const count = Math.min(batch, total - start);
    await run(
      `INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
         subject_member_ids, decision, break_glass, decisions, facets, fields, basis_refs, previous_hash, entry_hash)
       SELECT e.id, e.chain_key, e.sequence, e.occurred_at, e.trace_id, 'PROFESSIONAL', e.actor_id, e.actor_organisation_id, 'PROFESSIONAL', 'READ_FAMILY_FILE', e.purpose, e.family_id,
              e.subject_member_ids, e.decision, e.break_glass, e.decisions, kring_log_facets(e.decisions, NULL, NULL, NULL, NULL, NULL), '{}', '{}', e.previous_hash, e.entry_hash
       FROM (
         SELECT gen_random_uuid() AS id, 'family:' || f.id AS chain_key, $1 + g AS sequence, now() - (random() * interval '365 days') AS occurred_at,
              md5(g::text) || md5((g + 1)::text) AS trace_id, ('00000000-0000-4000-8000-' || lpad((g % 500)::text, 12, '0'))::uuid AS actor_id,
              ($2::uuid[])[1 + (g % $3)] AS actor_organisation_id,
              (ARRAY['CASE_COORDINATION','SUPPORT_PLANNING','DEBT_RESOLUTION','REINTEGRATION','ELIGIBILITY_ASSESSMENT'])[1 + (g % 5)] AS purpose, f.id AS family_id,
              ARRAY[f.member] AS subject_member_ids, CASE WHEN g % 10 < 3 THEN 'PARTLY_ALLOWED' ELSE 'ALLOWED' END AS decision, g % 1000 = 0 AS break_glass,
              (SELECT jsonb_agg(jsonb_build_object(
                  'targetKind', 'RECORD', 'targetIds', jsonb_build_array(gen_random_uuid(), gen_random_uuid(), gen_random_uuid()),
                  'sourceOrganisationId', ($2::uuid[])[1 + ((g / 7 + k / 2) % $3)],
                  'category', (ARRAY['CONTACT','FINANCES','HEALTH','CARE_TRAJECTORY','PERSONAL_IDENTITY'])[1 + ((g + k) % 5)], 'fields', jsonb_build_array('field'),
                  'outcome', CASE WHEN g % 10 < 3 AND k = 3 THEN 'DENIED' ELSE 'ALLOWED' END, 'basis', CASE WHEN g % 10 < 3 AND k = 3 THEN NULL ELSE 'CONSENT' END,
                  'basisRefs', '[]'::jsonb, 'reason', CASE WHEN g % 10 < 3 AND k = 3 THEN 'NO_CONSENT' ELSE NULL END) ORDER BY k)
                 FROM generate_series(0, 3) AS k) AS decisions,
              decode(md5(g::text), 'hex') AS previous_hash, decode(md5((g + 7)::text), 'hex') AS entry_hash
         FROM generate_series(1, $4) AS g,
              LATERAL (SELECT ('10000000-0000-4000-8000-' || lpad((g % 1000)::text, 12, '0'))::uuid AS id,
                              ('20000000-0000-4000-8000-' || lpad((g % 5000)::text, 12, '0'))::uuid AS member) f
       ) AS e`,
      [start, organisations, organisations.length, count],
    );
    log(`  ${(start + count).toLocaleString('en')} / ${total.toLocaleString('en')} log entries`);
  }
  await run('ANALYZE access_log_entry', []);
}

/**
 * CPU seconds (user + system, all threads) a process has used, and with `children`, also
 * the processes whose parent it is (PostgreSQL's backends), from /proc. Null where /proc
 * is not there. A process that ended between two readings drops out of the second one, so
 * compare readings only over a span in which the processes live (a pool's connections).
 */
export function cpuSeconds(pid: number, children = false): number | null {
  const ticksPerSecond = 100; // USER_HZ, the unit of /proc/<pid>/stat on Linux
  const of = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  };
  try {
    let ticks = of(readFileSync(`/proc/${pid}/stat`, 'utf8')).ticks;
    if (children) {
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const stat = of(readFileSync(`/proc/${entry}/stat`, 'utf8'));
          if (stat.parent === pid) ticks += stat.ticks;
        } catch {
          // ended while we looked
        }
      }
    }
    return ticks / ticksPerSecond;
  } catch {
    return null;
  }
}

/**
 * Loads the access log's indexes and then the family data (every other table with its
 * indexes) into PostgreSQL's buffer cache, as a server that has been answering for a while
 * holds them; the family data last, so that it stays when not all of it fits. The log's
 * own rows are left out: an append writes at the end of its table. A run reads random
 * families, and an append touches the log's indexes by family at random places: at 100,000
 * families a run of minutes would otherwise measure a cache that is still filling. Needs
 * the pg_prewarm extension (shipped with PostgreSQL, created here) and a superuser;
 * without them the run goes on cold, and says so.
 */
export async function prewarmFamilyData(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    const { rows } = await client.query<{ pages: string; cache: string }>(
      `SELECT coalesce(sum(pages), 0)::text AS pages, current_setting('shared_buffers') AS cache FROM (
         SELECT pg_prewarm(c.oid) AS pages FROM pg_class c LEFT JOIN pg_index x ON x.indexrelid = c.oid
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'i') AND c.oid <> 'access_log_entry'::regclass
          ORDER BY (x.indrelid = 'access_log_entry'::regclass) IS TRUE DESC) AS warmed`,
    );
    const megabytes = Math.round((Number(rows[0]?.pages ?? 0) * 8) / 1024);
    return `log indexes and family data in PostgreSQL's buffer cache (shared_buffers ${rows[0]?.cache ?? '?'}): ${megabytes.toLocaleString('en')} MB loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  } catch (error) {
    return `nothing loaded into the buffer cache (${error instanceof Error ? error.message : String(error)}): the cache starts cold`;
  } finally {
    await client.end();
  }
}

/** A seeded world as later runs find it (`--reuse`, `bench:read-path`): its keys and its ids. */
export interface SavedWorld {
  readonly keys: Record<string, string>;
  readonly world: BenchWorld;
}

/**
 * Where a seeded world is kept: keys and world belong to one database on one server (a world
 * seeded elsewhere has other keys), so the file is named after both. `server` is `embedded`
 * or the host of DATABASE_URL.
 */
export function savedWorldFile(database: string, server: string): string {
  return join(process.cwd(), '.kring', 'bench', `${database}-${server.replace(/[^a-z0-9]/gi, '_')}.json`);
}

export function readSavedWorld(file: string): SavedWorld | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SavedWorld) : null;
}

export function writeSavedWorld(file: string, saved: SavedWorld): void {
  writeFileSync(file, JSON.stringify(saved));
}

/** Linux: writing 5 to clear_refs resets the peak resident set size (VmHWM) of the process. */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak then covers the process's whole life
  }
}

export function peakRssMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? NaN : Math.round(Number(match[1]) / 1024);
  } catch {
    return NaN;
  }
}
