import fc from 'fast-check';
import type { AccessLogFacts } from './access-log-entry';
import { readEntryFacts } from './read-entry.fixture';
import { storedFormOf } from './stored-facts';
import { cutToCodePoints, storableText } from './stored-text';

describe('storableText: text as PostgreSQL stores it', () => {
  it.each([
    ['a lone high surrogate', '\ud800x', '\ufffdx'],
    ['a lone low surrogate', 'x\udc00', 'x\ufffd'],
    ['a high surrogate at the end', 'ab\ud83d', 'ab\ufffd'],
    ['a pair in the wrong order', '\ude00\ud83d', '\ufffd\ufffd'],
    ['two highs before a low: the first is alone', '\ud83d\ud83d\ude00', '\ufffd😀'],
    ['NUL', 'a\u0000b\u0000', 'a\ufffdb\ufffd'],
  ])('replaces %s with U+FFFD', (_, given, stored) => {
    expect(storableText(given)).toBe(stored);
    // What node-postgres would send for it, decoded as PostgreSQL stores it, apart from NUL.
    expect(Buffer.from(storableText(given), 'utf8').toString('utf8')).toBe(stored);
  });

  it.each([
    ['plain ASCII', 'CASE_COORDINATION'],
    ['emoji and ZWJ sequences', '👨‍👩‍👧‍👦 🏳️‍🌈 🇳🇱'],
    ['combining marks', 'e\u0301'],
    ['other controls, noncharacters, BOM', '\u0001\t\n\u001f\u007f\u0085\ufffe\uffff\ufeff'],
    ['RTL marks', '\u202eevil\u202c\u200f'],
    ['array and SQL punctuation', '{"a",b}\\NULL\'"'],
    ['non-BMP', '𝕂 \u{10FFFF} \u{E0001}'],
  ])('keeps %s as it is (the same string)', (_, text) => {
    expect(storableText(text)).toBe(text);
    // Well-formed text survives UTF-8 unchanged: what is stored is what was given.
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });
});

describe('storableText and cutToCodePoints over any UTF-16 string', () => {
  /** Any sequence of UTF-16 units, weighted towards surrogates, NUL and the characters that matter to array literals. */
  const units = fc.string({
    unit: fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.constantFrom(0, 0x22, 0x5c, 0x7b, 0x7d, 0x2c)).map((unit) => String.fromCharCode(unit)),
    maxLength: 80,
  });

  it('equals toWellFormed (Node.js) with NUL replaced too, and survives UTF-8 unchanged', () => {
    const toWellFormed = (text: string) => (text as unknown as { toWellFormed(): string }).toWellFormed();
    fc.assert(
      fc.property(units, (text) => {
        const stored = storableText(text);
        expect(stored).toBe(toWellFormed(text).replaceAll('\u0000', '\ufffd'));
        expect(Buffer.from(stored, 'utf8').toString('utf8')).toBe(stored);
        expect(stored.includes('\u0000')).toBe(false);
      }),
    );
  });

  it('cuts to a prefix of the storable text, of at most the bound in code points, never ending in half a pair', () => {
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 90 }), (text, max) => {
        const cut = cutToCodePoints(text, max);
        const stored = storableText(text);
        expect(stored.startsWith(cut)).toBe(true);
        expect([...cut].length).toBe(Math.min(max, [...stored].length));
        expect(storableText(cut)).toBe(cut);
      }),
    );
  });
});

describe('cutToCodePoints: a bound in code points, never inside a pair', () => {
  it('keeps a text within the bound whole', () => {
    expect(cutToCodePoints('😀'.repeat(64), 64)).toBe('😀'.repeat(64));
    expect(cutToCodePoints('', 64)).toBe('');
  });

  it('cuts after the 64th code point, keeping a pair that straddles 64 UTF-16 units', () => {
    const text = `${'a'.repeat(63)}😀b`;
    expect(text.slice(0, 64)).toBe(`${'a'.repeat(63)}\ud83d`); // what slice would have kept
    expect(cutToCodePoints(text, 64)).toBe(`${'a'.repeat(63)}😀`);
    expect(cutToCodePoints(`${'a'.repeat(64)}😀`, 64)).toBe('a'.repeat(64));
    expect([...cutToCodePoints('😀'.repeat(100), 64)]).toHaveLength(64);
  });

  it('makes the text storable first: a lone surrogate counts as one code point, U+FFFD', () => {
    expect(cutToCodePoints('\ud800\ud800x', 2)).toBe('\ufffd\ufffd');
    expect(cutToCodePoints('a\u0000b', 2)).toBe('a\ufffd');
  });

  it('may end inside a grapheme (a ZWJ sequence), but always as well-formed text', () => {
    const cut = cutToCodePoints('👨‍👩‍👧', 2);
    expect(cut).toBe('👨\u200d');
    expect(storableText(cut)).toBe(cut);
  });
});

describe('storedFormOf: an entry as the writer hashes and stores it', () => {
  const facts = readEntryFacts();

  it('returns facts already in stored form as the same object (the hot path copies nothing)', () => {
    expect(storedFormOf(facts)).toBe(facts);
  });

  it('makes every text storable, cuts the purpose, lower-cases ids, and leaves the given facts alone', () => {
    const [first, second] = facts.decisions as [AccessLogFacts['decisions'][number], AccessLogFacts['decisions'][number]];
    const given: AccessLogFacts = {
      ...facts,
      purpose: `${'p'.repeat(63)}😀x`,
      familyId: facts.familyId?.toUpperCase() ?? null,
      decisions: [{ ...first, reason: '\u0000', fields: ['ok', 'x\udc00'], sourceOrganisationId: first.sourceOrganisationId?.toUpperCase() ?? null }, second],
    };
    const stored = storedFormOf(given);
    expect(stored).toEqual({ ...facts, purpose: `${'p'.repeat(63)}😀`, decisions: [{ ...first, reason: '\ufffd', fields: ['ok', 'x\ufffd'] }, second] });
    expect(given.decisions[0]?.fields).toEqual(['ok', 'x\udc00']);
    // What needed nothing is kept, not copied.
    expect(stored.decisions[1]).toBe(second);
    expect(stored.decisions[0]?.basisRefs).toBe(first.basisRefs);
  });

  it('refuses an id PostgreSQL would store in another form than given (or not at all)', () => {
    const [first, second] = facts.decisions as [AccessLogFacts['decisions'][number], AccessLogFacts['decisions'][number]];
    expect(() => storedFormOf({ ...facts, actorId: `{${facts.actorId ?? ''}}` })).toThrow(/uuid/);
    expect(() => storedFormOf({ ...facts, decisions: [{ ...first, targetIds: ['0b6f3c1e00094c8a9a51000000000001'] }, second] })).toThrow(/uuid/);
    expect(() => storedFormOf({ ...facts, subjectMemberIds: ['not-a-uuid'] })).toThrow(/uuid/);
  });
});
