import { readFileSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createDataSource, pendingSchemaChanges, SEALED_FIELD_CATALOGUE } from '@kring/database';
import { SCHEMA_FILE } from '../apps/gateway/src/gateway.module';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { startTestGateway } from './support/test-gateway';

describe('the schema comes from reviewed migrations, and matches the code', () => {
  // A fresh database for each test: the first asks that migrations run on an empty one.
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase('schema');
  });
  afterEach(async () => {
    await database.drop();
  });

  it('after every migration has run, the entities need no further change', async () => {
    const sut = createDataSource({ url: database.url });
    await sut.initialize();
    try {
      const ran = await sut.runMigrations({ transaction: 'each' });
      expect(ran.length).toBeGreaterThan(0);
      expect(await pendingSchemaChanges(sut)).toEqual({ up: [], down: [] });
    } finally {
      await sut.destroy();
    }
  });

  it('every migration reverts cleanly and applies again', async () => {
    const sut = createDataSource({ url: database.url });
    await sut.initialize();
    try {
      await sut.runMigrations({ transaction: 'each' });
      while (await sut.query(`SELECT 1 FROM schema_migration LIMIT 1`).then((rows: unknown[]) => rows.length > 0)) {
        await sut.undoLastMigration({ transaction: 'each' });
      }
      // TypeORM's own tables stay: the migration list, and the expressions of generated columns (its runner makes that one while entities have such a column).
      const tables = await sut.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('schema_migration', 'typeorm_metadata')`);
      expect(tables).toEqual([]);
      await sut.runMigrations({ transaction: 'each' });
      expect(await pendingSchemaChanges(sut)).toEqual({ up: [], down: [] });
    } finally {
      await sut.destroy();
    }
  });

  it('docs/data-inventory.md lists every table and column of the schema', async () => {
    const sut = createDataSource({ url: database.url });
    await sut.initialize();
    try {
      await sut.runMigrations({ transaction: 'each' });
      const columns = await sut.query<{ table_name: string; column_name: string }[]>(
        // A partition has its parent's columns; the inventory describes the partitions under their parent.
        `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace
         WHERE c.table_schema = 'public' AND NOT t.relispartition ORDER BY c.table_name, c.ordinal_position`,
      );
      const inventory = readFileSync('docs/data-inventory.md', 'utf8');
      const sections = new Map(inventory.split(/^## /m).slice(1).map((part) => [part.split(/\s/)[0] as string, part]));
      const missing = columns.filter((c) => !(sections.get(c.table_name) ?? '').match(new RegExp(`\\b${c.column_name}\\b`))).map((c) => `${c.table_name}.${c.column_name}`);
      expect(missing).toEqual([]);
      // And a partitioned table's section says how it is partitioned.
      const partitioned = await sut.query<{ table_name: string }[]>(`SELECT c.relname AS table_name FROM pg_class c WHERE c.relkind = 'p' AND c.relnamespace = 'public'::regnamespace`);
      expect(partitioned.filter((t) => !/\*\*Partitions\.\*\*/.test(sections.get(t.table_name) ?? '')).map((t) => t.table_name)).toEqual([]);
    } finally {
      await sut.destroy();
    }
  });

  it('the sealed-field catalogue lists every encrypted column of every entity, and each catalogued field has its column', async () => {
    const sut = createDataSource({ url: database.url });
    await sut.initialize();
    try {
      // Binary and JSON columns that hold no sealed value, each with why; any other one must be in the catalogue.
      const notSealed = new Map([
        ['organisation.wrapped_data_key', 'a data key, wrapped by the key-encryption key'],
        ['family.wrapped_data_key', 'a data key, wrapped by the key-encryption key'],
        ['family_member.bsn_blind_index', 'a keyed hash, for lookup only'],
        ['access_log_entry.previous_hash', 'the chain'],
        ['access_log_entry.entry_hash', 'the chain'],
        ['access_log_chain_head.entry_hash', 'the chain'],
        ['access_log_checkpoint.entry_hash', 'the chain'],
        ['access_log_checkpoint.signature', 'an Ed25519 signature'],
        ['access_log_verified_checkpoint.entry_hash', 'the chain'],
        ['access_log_entry.decisions', "the log's decisions: codes, field names and pseudonymous ids, never a value"],
      ]);
      const storedAsBytesOrJson = sut.entityMetadatas.flatMap((m) =>
        m.columns.filter((c) => ['bytea', 'jsonb'].includes(String(c.type))).map((c) => `${m.tableName}.${c.databaseName}`),
      );
      const catalogued = SEALED_FIELD_CATALOGUE.flatMap((table) => {
        const metadata = sut.getMetadata(table.entity);
        return table.fields.map((field) => {
          const column = metadata.findColumnWithPropertyName(table.allInColumn ?? `${field.name}Ciphertext`);
          return column === undefined ? `${metadata.tableName}: no column for ${field.rowKind}.${field.name}` : `${metadata.tableName}.${column.databaseName}`;
        });
      });

      expect([...new Set(catalogued)].sort()).toEqual(storedAsBytesOrJson.filter((c) => !notSealed.has(c)).sort());
      expect(storedAsBytesOrJson.filter((c) => notSealed.has(c)).sort()).toEqual([...notSealed.keys()].sort());
    } finally {
      await sut.destroy();
    }
  });

  it('the committed apps/gateway/schema.gql is the schema the code generates (KRING_WRITE_SCHEMA=1 rewrites it)', async () => {
    const gateway = await startTestGateway({ label: 'schema_gql', seedDemoWorld: false });
    try {
      const generated = printSchema(gateway.app.get(GraphQLSchemaHost).schema);
      const header = readFileSync(SCHEMA_FILE, 'utf8').split('\n').filter((line) => line.startsWith('#')).join('\n');
      if (process.env['KRING_WRITE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, `${header}\n\n${generated}`);
      const committed = readFileSync(SCHEMA_FILE, 'utf8');
      // The committed file carries a generated header comment; compare the definitions.
      const definitions = (sdl: string) => sdl.replace(/^#.*$/gm, '').trim();
      expect(definitions(committed)).toBe(definitions(generated));
    } finally {
      await gateway.close();
    }
  });
});
