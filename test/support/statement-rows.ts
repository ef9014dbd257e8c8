import type { DataSource } from 'typeorm';

/** One statement the gateway sent while observed: its text and how many rows came back. */
export interface ObservedStatement {
  readonly text: string;
  readonly rows: number;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Runs `work` and records every statement the data source's pg clients send meanwhile, with
 * the number of rows each answered: a look at what crosses the wire to the gateway's real
 * PostgreSQL (nothing is mocked or changed). For proving bounds structurally: no statement
 * of a verification may hand over more than a batch of rows, whatever the chain's length.
 */
export async function observeStatements<T>(dataSource: DataSource, work: () => Promise<T>): Promise<{ result: T; statements: ObservedStatement[] }> {
  const client = (dataSource.driver as unknown as { postgres: { Client: { prototype: { query: Query } } } }).postgres.Client.prototype;
  const original = client.query;
  const statements: ObservedStatement[] = [];
  client.query = function observed(this: unknown, ...args: unknown[]) {
    const answer = original.apply(this, args);
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
    if (answer instanceof Promise) {
      answer.then(
        (result: unknown) => statements.push({ text, rows: rowsOf(result) }),
        () => undefined,
      );
    }
    return answer;
  };
  try {
    const result = await work();
    return { result, statements };
  } finally {
    client.query = original;
  }
}

function rowsOf(result: unknown): number {
  const results = Array.isArray(result) ? result : [result];
  return results.reduce<number>((sum, r) => sum + ((r as { rows?: unknown[] } | undefined)?.rows?.length ?? 0), 0);
}
