import { nameMatches, nameQuery, nameWords } from './name-match';

describe('matching a typed name against a decrypted one', () => {
  it('normalises case, accents and punctuation', () => {
    expect(nameWords("  Zoë O'Brien-de Vries ")).toEqual(['zoe', 'obrien', 'de', 'vries']);
  });

  it.each([
    ['daan', 'Daan de Vries', true],
    ['de vries', 'Daan de Vries', true],
    ['vries d', 'Daan de Vries', true],
    ['DAAN DE VRIES', 'Daan de Vries', true],
    ['zoe', 'Zoë Bakker', true],
    ['daan jansen', 'Daan de Vries', false],
    ['aan', 'Daan de Vries', false],
    ['de de', 'Daan de Vries', false],
    ['de de', 'Jan de Groot-de Wit', true],
  ])('%s finds %s: %s', (typed, name, found) => {
    expect(nameMatches(nameQuery(typed) as string[], name)).toBe(found);
  });

  it.each(['', ' ', 'a', '12', '--', 'x'.repeat(101)])('refuses the typed name %j', (typed) => {
    expect(nameQuery(typed)).toBeNull();
  });
});
