import { DataSource } from 'typeorm';
import { KRING_ENTITIES } from './entities';
import { KRING_MIGRATIONS } from './migrations';

export interface DataSourceOptions {
  readonly url: string;
  /** Connections in the pool of this process. */
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/** A TypeORM data source over Kring's entities and migrations. The schema comes from migrations only. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: KRING_ENTITIES,
    migrations: KRING_MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'kring',
  });
}

/** Advisory-lock key that serialises migrations across processes. */
const MIGRATION_LOCK = 7234000;

/** Connects and brings the schema up to date; what `npm start` does before serving. */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  try {
    // Replicas that start together would otherwise race to apply the same migration: the
    // first holds a session lock on a connection of its own while it migrates; the others wait.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** The SQL that would bring the database in line with the entities; empty when migrations and entities agree. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
}
