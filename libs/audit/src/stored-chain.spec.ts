import pg from 'pg';
import { listOf } from './stored-chain';

/** pg's own reading of a text[] or uuid[] value: what the walk was given before issue 15. */
const byPg = (text: string) => (pg.types.getTypeParser as (oid: number, format: 'text') => (value: string) => unknown)(1009, 'text')(text);

/** An array as PostgreSQL's array_out writes it: elements quoted when empty, NULL-like, or holding a special character or whitespace. */
function arrayText(elements: readonly (string | null)[]): string {
  const element = (e: string | null) => (e === null ? 'NULL' : e === '' || /^null$/i.test(e) || /[{}",\\\s]/.test(e) ? `"${e.replace(/[\\"]/g, (c) => `\\${c}`)}"` : e);
  return `{${elements.map(element).join(',')}}`;
}

describe('a list column read from its array text', () => {
  it('gives what pg gave, for the forms PostgreSQL writes', () => {
    const lists: (string | null)[][] = [
      [],
      ['0b6f3c1e-0003-4c8a-9a51-000000000001'],
      ['0b6f3c1e-0003-4c8a-9a51-000000000002', '0b6f3c1e-0003-4c8a-9a51-000000000001'],
      ['debts', 'income', 'debts'],
      // facets: the filters' words, a letter and a code or id.
      ['b:CONSENT', 'c:FINANCES', 'o:ALLOWED', 'r:NO_CONSENT', 's:0b6f3c1e-0002-4c8a-9a51-000000000003'],
      [null],
      ['a', null, 'b'],
      ['NULL', 'null', 'Null'],
      [''],
      ['a', '', 'b'],
      ['a b', ' lead', 'trail '],
      ['a,b', '{x}', 'q"uote', 'back\\slash', '\\"'],
      ['é', '😀', '\ufffd', 'Ａ', '\u2028'],
      ['tab\there', 'new\nline'],
    ];
    for (const list of lists) {
      const text = arrayText(list);
      expect({ text, list: listOf(text) }).toEqual({ text, list: byPg(text) });
      expect(byPg(text)).toEqual(list);
    }
  });

  it('gives what pg gave for forms only a changed row holds: nested, with bounds, empty elements', () => {
    for (const text of ['{{a,b},{c,d}}', '[0:1]={a,b}', '[2:2]={x}', '{a,,b}', '{,}', '{a,}', '{{}}', '{"a"}', '{NULL,NULL}', '{ a }']) {
      expect({ text, list: listOf(text) }).toEqual({ text, list: byPg(text) });
    }
  });

  it('gives what pg gave over random lists', () => {
    const alphabet = ['a', 'b', 'Z', '0', '-', ',', '"', '\\', '{', '}', ' ', 'N', 'U', 'L', 'é', '😀'];
    let seed = 15;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const list = Array.from({ length: random(5) }, () => (random(10) === 0 ? null : random(8) === 0 ? 'NULL' : Array.from({ length: random(6) }, () => alphabet[random(alphabet.length)]).join('')));
      const text = arrayText(list);
      expect({ text, list: listOf(text) }).toEqual({ text, list: byPg(text) });
    }
  });

  it('takes a list pg already parsed (SELECT *) as it is', () => {
    const list = ['b', 'a'];
    expect(listOf(list)).toBe(list);
  });
});
