import { createLogger, loadConfig } from '@kring/config';
import { loadDemoWorld } from '@kring/demo-world';
import { closeOnEveryWayOut } from '../infrastructure/close-on-every-way-out';
import { resolveDatabase } from '../infrastructure/database';
import { startInfrastructure } from '../infrastructure/start-infrastructure';

/**
 * `npm run seed`: reloads the demo world into a fresh database. With the embedded
 * PostgreSQL it drops and recreates the `kring` database; with DATABASE_URL it only
 * loads into an empty database and refuses otherwise, so it never wipes a real one.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mode === 'production') throw new Error('npm run seed loads demo data and is refused in production mode');
  const logger = createLogger('warn');
  // What a signal must close: the embedded PostgreSQL while the database is recreated, then the infrastructure.
  let closeOpen = () => Promise.resolve();
  closeOnEveryWayOut({ logger, signalMeans: 'interrupted', close: () => closeOpen() });
  if (config.databaseUrl === null) {
    const { embedded } = await resolveDatabase(config);
    if (embedded !== null) closeOpen = () => embedded.stop();
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: embedded?.adminUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS kring WITH (FORCE)');
    await admin.query('CREATE DATABASE kring');
    await admin.end();
    await embedded?.stop();
  }
  const infrastructure = await startInfrastructure(config, logger, { seedDemoWorld: false });
  closeOpen = () => infrastructure.close();
  try {
    const { dataSource, crypto, catalogue } = infrastructure;
    const loaded = await loadDemoWorld(dataSource, crypto, catalogue.version);
    process.stdout.write(loaded ? 'Loaded the demo world.\n' : 'The database already holds the demo world; nothing was changed.\n');
  } finally {
    await infrastructure.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
