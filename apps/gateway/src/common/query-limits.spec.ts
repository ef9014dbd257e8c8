import { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { createErrorFormatter } from './graphql-error.formatter';
import { countTokens, documentRefusal, QUERY_LIMITS, queryLimitRules, type QueryLimits } from './query-limits';

const typeDefs = `
  type Query { families: Int family(id: ID): Family a: A c: C node: Node x: T y: T z: T }
  type Family { id: ID name: String members: [Member] }
  type Member { name: String birthDate: String records: [Record] }
  type Record { id: ID }
  type A { b: Int }
  type C { d: D }
  type D { e: Int }
  type Node { id: ID parent: Node }
  type T { leaf: Int }
`;

interface Refusal {
  code: unknown;
  limit: unknown;
}

/** The errors Apollo answers with the gateway's limit options and error formatter (parse, validate, execute). */
async function refusalsOf(query: string, limits: Partial<QueryLimits> = {}, operationName?: string): Promise<Refusal[]> {
  const configured = { ...QUERY_LIMITS, ...limits };
  const server = new ApolloServer({
    typeDefs,
    maxRecursiveSelections: configured.maxSelections,
    validationRules: queryLimitRules(configured),
    formatError: createErrorFormatter(pino({ level: 'silent' })),
  });
  try {
    const response = await server.executeOperation({ query, ...(operationName === undefined ? {} : { operationName }) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return (response.body.singleResult.errors ?? []).map((error) => ({ code: error.extensions?.['code'], limit: error.extensions?.['limit'] }));
  } finally {
    await server.stop();
  }
}

interface Measured {
  depth: number;
  aliases: number;
  /** Fields, fragment spreads and inline fragments, each fragment counted wherever it is spread. */
  selections: number;
}

/**
 * The cases of the walk this replaced (`measure`), now held against the limits as the gateway
 * configures them: a document is accepted at exactly its measure and refused one below it. Two
 * things changed on purpose: a fragment spread and an inline fragment count as selections
 * (Apollo's `maxRecursiveSelections`), and each operation of a document is measured on its own.
 */
describe('the query limits, at their edges', () => {
  it.each<[string, string, Measured, string | undefined]>([
    ['one field', '{ families }', { depth: 1, aliases: 0, selections: 1 }, undefined],
    ['nested fields', '{ family(id: "f") { members { name birthDate } } }', { depth: 3, aliases: 0, selections: 4 }, undefined],
    ['aliases', '{ a: family(id: "1") { id } b: family(id: "2") { id } }', { depth: 2, aliases: 2, selections: 4 }, undefined],
    [
      'a named fragment, expanded at the depth of its spread',
      'query { family(id: "f") { ...F } } fragment F on Family { id members { name } }',
      { depth: 3, aliases: 0, selections: 5 },
      undefined,
    ],
    [
      'an inline fragment, which adds a selection but no depth',
      '{ family(id: "f") { ... on Family { id members { name } } } }',
      { depth: 3, aliases: 0, selections: 5 },
      undefined,
    ],
    [
      'a fragment used twice, which counts twice',
      '{ a: family(id: "1") { ...F } b: family(id: "2") { ...F } } fragment F on Family { x: id name }',
      { depth: 2, aliases: 4, selections: 8 },
      undefined,
    ],
    [
      'fragments nested in fragments',
      '{ family(id: "f") { ...A } } fragment A on Family { members { ...B } } fragment B on Member { name records { id } }',
      { depth: 4, aliases: 0, selections: 7 },
      undefined,
    ],
    ['each operation of a document on its own (here the larger one)', 'query One { a { b } } query Two { c { d { e } } }', { depth: 3, aliases: 0, selections: 3 }, 'One'],
  ])('%s', async (_case, query, measured, operationName) => {
    expect(await refusalsOf(query, { maxDepth: measured.depth, maxAliases: measured.aliases, maxSelections: measured.selections }, operationName)).toEqual([]);

    expect(await refusalsOf(query, { maxDepth: measured.depth - 1 }, operationName)).toEqual([{ code: 'BAD_USER_INPUT', limit: 'maxDepth' }]);
    expect(await refusalsOf(query, { maxSelections: measured.selections - 1 }, operationName)).toEqual([{ code: 'BAD_USER_INPUT', limit: 'maxSelections' }]);
    if (measured.aliases > 0) {
      expect(await refusalsOf(query, { maxAliases: measured.aliases - 1 }, operationName)).toEqual([{ code: 'BAD_USER_INPUT', limit: 'maxAliases' }]);
    }
  });

  it('fragments multiply: three spreads of a fragment that spreads another twice count six times, computed once', async () => {
    const query = '{ x { ...A } y { ...A } z { ...A } } fragment A on T { ...B ...B } fragment B on T { leaf }';
    // x, y, z and their three spreads of A; each A is two spreads of B and two leaves.
    const selections = 6 + 3 * 4;

    expect(await refusalsOf(query, { maxSelections: selections })).toEqual([]);
    expect(await refusalsOf(query, { maxSelections: selections - 1 })).toEqual([{ code: 'BAD_USER_INPUT', limit: 'maxSelections' }]);
  });

  it('directives count wherever they stand', async () => {
    const query = '{ families @include(if: true) family(id: "f") @skip(if: false) { id @include(if: true) } }';

    expect(await refusalsOf(query, { maxDirectives: 3 })).toEqual([]);
    expect(await refusalsOf(query, { maxDirectives: 2 })).toEqual([{ code: 'BAD_USER_INPUT', limit: 'maxDirectives' }]);
  });

  it('a fragment spread inside itself is refused by GraphQL validation, and counting it does not loop', async () => {
    expect(await refusalsOf('{ node { ...F } } fragment F on Node { id parent { ...F } }')).toEqual([{ code: 'GRAPHQL_VALIDATION_FAILED', limit: undefined }]);
  });

  it('a fragment that is defined but never spread is refused by GraphQL validation (it was counted as nothing before)', async () => {
    expect(await refusalsOf('{ families } fragment F on Query { a { b } }')).toEqual([{ code: 'GRAPHQL_VALIDATION_FAILED', limit: undefined }]);
  });
});

describe('the document limits, checked before parsing', () => {
  it('bytes, not characters: 20,000 bytes pass, one more is refused', () => {
    const at = `{ families } #${'é'.repeat((20_000 - 14) / 2)}`;
    expect(Buffer.byteLength(at)).toBe(20_000);

    expect(documentRefusal(at)).toBeNull();
    expect(documentRefusal(`${at} `)?.details).toEqual({ limit: 'maxDocumentBytes', maximum: 20_000 });
  });

  it('tokens: 1,000 pass, one more is refused; comments are not tokens', () => {
    const tokens = (n: number) => `{${' a'.repeat(n - 2)} }`;

    expect(countTokens(tokens(1_000), 5_000)).toBe(1_000);
    expect(documentRefusal(`${tokens(1_000)} # a comment of many words`)).toBeNull();
    expect(documentRefusal(`${tokens(1_001)}`)?.details).toEqual({ limit: 'maxTokens', maximum: 1_000 });
  });

  it('counting stops one past the limit, however long the document', () => {
    expect(countTokens(`{${' a'.repeat(100_000)} }`, 10)).toBe(11);
  });

  it('a syntax error ends the count and is left to the parser to report', () => {
    expect(countTokens('{ a "unterminated', 1_000)).toBe(2);
    expect(documentRefusal('{ a "unterminated')).toBeNull();
  });
});
