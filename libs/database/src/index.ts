export { APPLICATION_ROLE, createDataSource, migrateDatabase, openDatabase, pendingSchemaChanges } from './data-source';
export type { DataSourceOptions } from './data-source';
export { defaultSharedBuffersMb, startEmbeddedPostgres } from './embedded-postgres';
export type { RunningPostgres, EmbeddedPostgresOptions } from './embedded-postgres';
export { KRING_ENTITIES } from './entities';
export { SEALED_FIELD_CATALOGUE } from './sealed-fields';
export type { SealedTable } from './sealed-fields';
