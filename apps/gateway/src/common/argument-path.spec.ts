import { buildSchema, parse, validate, getVariableValues, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { refusedArgumentPath } from './argument-path';
import { DateTimeScalar } from './date-time.scalar';

const schema = buildSchema(`
  scalar DateTime
  input Filter { from: DateTime, to: DateTime, ranges: [Range!] }
  input Range { from: DateTime! }
  type Query { log(filter: Filter, at: DateTime, ats: [DateTime!]): Int }
`);
Object.assign(schema.getType('DateTime') as object, { parseValue: DateTimeScalar.parseValue, parseLiteral: DateTimeScalar.parseLiteral });

/** The one error GraphQL gives for a document (a literal) or its variables. */
function refusal(query: string, variables: Record<string, unknown> = {}): GraphQLError {
  const document = parse(query);
  const invalid = validate(schema, document);
  if (invalid.length > 0) return invalid[0] as GraphQLError;
  const operation = document.definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors === undefined) throw new Error('not refused');
  return coerced.errors[0] as GraphQLError;
}

describe('the argument a refused value was given for', () => {
  it.each([
    ['a literal argument', `{ log(at: "x") }`, 'at'],
    ['a literal in an input object', `{ log(filter: { to: "2026-01-01T00:00:00Z", from: "x" }) }`, 'filter.from'],
    ['a literal in a list', `{ log(ats: ["2026-01-01T00:00:00Z", "x"]) }`, 'ats[1]'],
    ['a literal in a list of input objects', `{ log(filter: { ranges: [{ from: "2026-01-01T00:00:00Z" }, { from: "x" }] }) }`, 'filter.ranges[1].from'],
    ['a literal in a fragment', `query { ...F } fragment F on Query { log(filter: { from: "x" }) }`, 'filter.from'],
    ['a variable default', `query($at: DateTime = "x") { log(at: $at) }`, '$at'],
  ])('%s', (_name, query, path) => {
    expect(refusedArgumentPath(refusal(query))).toBe(path);
  });

  it.each([
    ['a whole input object as the variable', `query($f: Filter) { log(filter: $f) }`, { f: { from: 'x' } }, 'filter.from'],
    ['a variable used inside an input object', `query($until: DateTime) { log(filter: { to: $until }) }`, { until: 'x' }, 'filter.to'],
    ['a list variable', `query($ats: [DateTime!]) { log(ats: $ats) }`, { ats: ['2026-01-01T00:00:00Z', 'x'] }, 'ats[1]'],
    ['a value with quotes and " at "x"; in it', `query($f: Filter) { log(filter: $f) }`, { f: { to: 'a" at "b.c"; ' } }, 'filter.to'],
  ])('%s', (_name, query, variables, path) => {
    expect(refusedArgumentPath(refusal(query, variables))).toBe(path);
  });
});
