import type { AddParameter } from '@kring/policy';

/**
 * Parameters for a condition from the permission table (`permittedWhere`) in a TypeORM query
 * builder, which names its parameters (`:permitted0`) where raw SQL numbers them (`$1`). The
 * values land in `into`, given to `where` with the condition.
 */
export function namedParameters(into: Record<string, unknown>): AddParameter {
  let next = 0;
  return (value) => {
    const name = `permitted${next++}`;
    into[name] = value;
    return `:${name}`;
  };
}
