import { parse } from 'graphql';
import { measure } from './limits.plugin';

describe('measure', () => {
  it.each([
    ['one field', '{ families }', { depth: 1, aliases: 0, fields: 1 }],
    ['nested fields', '{ family(id: "f") { members { name birthDate } } }', { depth: 3, aliases: 0, fields: 4 }],
    ['aliases', '{ a: family(id: "1") { id } b: family(id: "2") { id } }', { depth: 2, aliases: 2, fields: 4 }],
    [
      'a named fragment, expanded at the depth of its spread',
      'query { family(id: "f") { ...F } } fragment F on Family { id members { name } }',
      { depth: 3, aliases: 0, fields: 4 },
    ],
    [
      'an inline fragment, which adds fields but no depth',
      '{ family(id: "f") { ... on Family { id members { name } } } }',
      { depth: 3, aliases: 0, fields: 4 },
    ],
    [
      'a fragment used twice, which counts twice',
      '{ a: family(id: "1") { ...F } b: family(id: "2") { ...F } } fragment F on Family { x: id name }',
      { depth: 2, aliases: 4, fields: 6 },
    ],
    [
      'fragments nested in fragments',
      '{ family(id: "f") { ...A } } fragment A on Family { members { ...B } } fragment B on Member { name records { id } }',
      { depth: 4, aliases: 0, fields: 5 },
    ],
    [
      'every operation of the document',
      'query One { a { b } } query Two { c { d { e } } }',
      { depth: 3, aliases: 0, fields: 5 },
    ],
    ['a fragment that is defined but never spread, which counts nothing', '{ a } fragment F on Query { b c d }', { depth: 1, aliases: 0, fields: 1 }],
  ])('counts %s', (_case, query, expected) => {
    expect(measure(parse(query))).toEqual(expected);
  });

  it('a fragment spread inside itself is not expanded again, so a cycle cannot loop forever', () => {
    expect(measure(parse('{ node { ...F } } fragment F on Node { id parent { ...F } }'))).toEqual({ depth: 2, aliases: 0, fields: 3 });
  });

  it('fragments multiply: three spreads of a fragment that spreads another twice count six times', () => {
    const query = '{ x { ...A } y { ...A } z { ...A } } fragment A on T { ...B ...B } fragment B on T { leaf }';

    expect(measure(parse(query)).fields).toBe(3 + 3 * 2);
  });
});
