import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@kring/config';
import { createDataSource, pendingSchemaChanges } from '@kring/database';
import { closeOnEveryWayOut } from '../infrastructure/close-on-every-way-out';
import { resolveDatabase } from '../infrastructure/database';

/**
 * `npm run migration:<run|revert|show|generate> [-- Name]`. `generate` drafts a
 * migration from the difference between the entities and the database; the draft
 * is reviewed and added to libs/database/src/migrations/index.ts by hand.
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const { url, embedded } = await resolveDatabase(config);
  const dataSource = createDataSource({ url, applicationName: 'kring-migrate' });
  const close = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  };
  closeOnEveryWayOut({ logger: createLogger('warn'), signalMeans: 'interrupted', close });
  await dataSource.initialize();
  try {
    switch (command ?? '') {
      case 'run': {
        const ran = await dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write(ran.length === 0 ? 'No migrations to run.\n' : ran.map((m) => `ran ${m.name}\n`).join(''));
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write('Reverted the last migration.\n');
        break;
      case 'show': {
        const pending = await dataSource.showMigrations();
        process.stdout.write(pending ? 'There are migrations to run.\n' : 'The database is up to date.\n');
        break;
      }
      case 'generate': {
        if (name === undefined || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- VerbNoun');
        await dataSource.runMigrations({ transaction: 'each' });
        const changes = await pendingSchemaChanges(dataSource);
        if (changes.up.length === 0) {
          process.stdout.write('Entities and migrations agree; nothing to generate.\n');
          break;
        }
        const timestamp = Date.now();
        const file = join(process.cwd(), 'libs/database/src/migrations', `${timestamp}-${name}.ts`);
        writeFileSync(file, renderMigration(`${name}${timestamp}`, changes.up, changes.down.reverse()));
        process.stdout.write(`Wrote ${file}; review it and add it to migrations/index.ts.\n`);
        break;
      }
      default:
        throw new Error('usage: migrate <run|revert|show|generate> [Name]');
    }
  } finally {
    await close();
  }
}

function renderMigration(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
