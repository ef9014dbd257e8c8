import { DataSource } from 'typeorm';
import { KRING_ENTITIES } from './entities';
import { KRING_MIGRATIONS } from './migrations';

export interface DataSourceOptions {
  readonly url: string;
  /** Connections in the pool of this process. */
  readonly poolSize?: number;
  readonly applicationName?: string;
  /**
   * A database role every statement of this pool runs as (`SET ROLE` at connect). The
   * gateway runs as `kring_app`, which may only insert and select on the access log.
   */
  readonly role?: string;
}

/** The role the gateway's statements run as; created by the migrations. */
export const APPLICATION_ROLE = 'kring_app';

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
    ...(options.role === undefined ? {} : { extra: { options: `-c role=${options.role}` } }),
  });
}

/** Advisory-lock key that serialises migrations across processes. */
const MIGRATION_LOCK = 7234000;

/**
 * Brings the schema up to date with the login role, then opens the pool the gateway
 * serves from, running as the application role; what `npm start` does before serving.
 */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  await migrateDatabase({ ...options, role: undefined, poolSize: 2 });
  const dataSource = createDataSource({ ...options, role: options.role ?? APPLICATION_ROLE });
  await dataSource.initialize();
  return dataSource;
}

/** Applies pending migrations, one process at a time. */
export async function migrateDatabase(options: DataSourceOptions): Promise<void> {
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
  } finally {
    await dataSource.destroy();
  }
}

/** The SQL that would bring the database in line with the entities; empty when migrations and entities agree. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
}
