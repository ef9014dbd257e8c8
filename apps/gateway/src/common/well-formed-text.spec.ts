import { isWellFormedText, malformedTextIn } from './well-formed-text';

describe('well-formed text: what PostgreSQL stores and the access log hashes as it is', () => {
  it.each([
    ['a NUL character', 'a\u0000b'],
    ['a lone high surrogate', '\ud83d'],
    ['a lone high surrogate before a letter', '\ud83dx'],
    ['a lone low surrogate', '\ude00'],
    ['surrogates in the wrong order', '\ude00\ud83d'],
  ])('%s is not well formed', (_name, text) => {
    expect(isWellFormedText(text)).toBe(false);
  });

  it.each([
    ['an empty text', ''],
    ['an emoji (a surrogate pair)', '😀'],
    ['a family emoji with joiners', '👩‍👧‍👦'],
    ['a flag', '🇳🇱'],
    ['right-to-left script', 'مريم שָׁלוֹם'],
    ['combining marks', 'n\u0303a\u0301'],
    ['other control characters', 'a\tb\u0001c\u007f'],
  ])('%s is well formed', (_name, text) => {
    expect(isWellFormedText(text)).toBe(true);
  });

  it('names the first malformed text by its path through objects and lists', () => {
    const input = { familyId: 'f', members: [{ name: 'Zoë' }, { name: 'Daan\u0000', bsn: '\ud800' }] };
    expect(malformedTextIn(input, 'input')).toBe('input.members[1].name');
    expect(malformedTextIn(['ok', 'x\udfff'], 'ids')).toBe('ids[1]');
    expect(malformedTextIn('\u0000', 'purpose')).toBe('purpose');
  });

  it('a malformed key is refused too, named by its container so the bad text is not echoed', () => {
    expect(malformedTextIn({ 'pur\u0000pose': 'CASE_COORDINATION' }, 'filter')).toBe('filter');
  });

  it('values without text pass, and so does an object without a prototype (as graphql-js builds input objects)', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { from: new Date(0), first: 20, breakGlass: null, nested: { ok: true } });
    expect(malformedTextIn(bare, 'filter')).toBeNull();
    expect(malformedTextIn(undefined, 'after')).toBeNull();
  });
});
