import type { EntityManager } from 'typeorm';
import type { NamedStatement } from '@kring/audit';

export type { NamedStatement };

/**
 * Runs a named (prepared) statement on the transaction's connection, or on a pooled one
 * outside a transaction. For the statements every request runs; the rest goes through
 * TypeORM as usual. The access-log writer is given this one (it cannot import it).
 */
export async function namedQuery<T>(manager: EntityManager, statement: NamedStatement, values: unknown[]): Promise<T[]> {
  const ownRunner = manager.queryRunner === undefined || manager.queryRunner.isReleased ? manager.connection.createQueryRunner() : null;
  const runner = ownRunner ?? (manager.queryRunner as NonNullable<EntityManager['queryRunner']>);
  try {
    const client = (await runner.connect()) as { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
    return (await client.query({ name: statement.name, text: statement.text, values })).rows;
  } finally {
    await ownRunner?.release();
  }
}
