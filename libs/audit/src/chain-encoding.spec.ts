import { loadSodium, type Sodium } from '@kring/crypto';
import { storedFactsOf, type AccessLogFacts, type StoredDecision, type StoredFacts } from './access-log-entry';
import { canonicalEncoding, entryHash } from './chain';
import { readEntryFacts } from './read-entry.fixture';

/**
 * The bytes every stored hash was computed over, pinned: the hashes below were taken from
 * the encoding as it stood before issue 15 made it faster (v1 and v2 at ca45376, v3 on
 * log-shape, whose v3 bytes chain.spec.ts spells out), so any change to its output (an
 * element's order, a list sorted differently, an escape) fails here, whatever the change
 * was meant to do. Old entries must keep verifying. Facets are not hashed.
 */
const CHAIN = 'family:0b6f3c1e-0001-4c8a-9a51-000000000001';
const PREVIOUS = new Uint8Array(32).map((_, i) => i);

/** Who read which family for what: the fixture's ordinary read (spelled out in the v2 entry at the end). */
const { actorKind, actorId, actorOrganisationId, actorRole, activity, purpose, familyId } = readEntryFacts();

/** A decision: target ids in the order written, fields and references unsorted (with a duplicate and a capital: sorted by UTF-16 code unit, duplicates kept). */
const DECISION: StoredDecision = {
  targetKind: 'RECORD',
  targetIds: ['0b6f3c1e-0009-4c8a-9a51-000000000003', '0b6f3c1e-0009-4c8a-9a51-000000000001'],
  sourceOrganisationId: '0b6f3c1e-0002-4c8a-9a51-000000000003',
  category: 'FINANCES',
  fields: ['income', 'debts', 'Debts', 'debts'],
  outcome: 'ALLOWED',
  basis: 'CONSENT',
  basisRefs: ['c-2', 'c-10', 'c-1'],
  reason: null,
};

/** A v2 entry: that decision in the scalar columns, decisions null; the v1 case is made from it. */
const { outcome: _outcome, ...group } = DECISION;
const BASE: StoredFacts = {
  occurredAt: new Date('2026-03-01T09:30:00.123Z'),
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  actorKind,
  actorId,
  actorOrganisationId,
  actorRole,
  activity,
  purpose,
  familyId,
  subjectMemberIds: ['0b6f3c1e-0003-4c8a-9a51-000000000002', '0b6f3c1e-0003-4c8a-9a51-000000000001'],
  ...group,
  targetId: null,
  decision: 'ALLOWED',
  breakGlass: false,
  decisions: null,
  facets: [],
};

/**
 * A v3 row as the writer stores it (`storedFactsOf`: the scalar decision columns of v1 and
 * v2 empty, the outcome derived), one member. A decision's texts here are what a row may
 * hold, wider than the writer's types.
 */
const v3 = (decisions: readonly StoredDecision[], over: Partial<StoredFacts> = {}): StoredFacts => ({
  ...storedFactsOf({ ...BASE, subjectMemberIds: ['0b6f3c1e-0003-4c8a-9a51-000000000001'], decisions } as unknown as AccessLogFacts),
  ...over,
});

/** The v3 entry chain.spec.ts spells out byte for byte (its `v3()`); its hash here is of those bytes, after PREVIOUS. */
const [T1, T2, T3] = ['0b6f3c1e-0009-4c8a-9a51-000000000001', '0b6f3c1e-0009-4c8a-9a51-000000000002', '0b6f3c1e-0009-4c8a-9a51-000000000003'];
const SPELLED_OUT_V3 = v3(
  [
    { targetKind: 'RECORD', targetIds: [T3, T1], sourceOrganisationId: '0b6f3c1e-0002-4c8a-9a51-000000000003', category: 'FINANCES', fields: ['income', 'debts'], outcome: 'ALLOWED', basis: 'CONSENT', basisRefs: ['c-2', 'c-1'], reason: null },
    { targetKind: 'RECORD', targetIds: [T2], sourceOrganisationId: '0b6f3c1e-0002-4c8a-9a51-000000000001', category: 'HEALTH', fields: ['diagnosis'], outcome: 'DENIED', basis: null, basisRefs: [], reason: 'NO_CONSENT' },
  ],
  { occurredAt: new Date('2026-03-01T09:30:00.000Z'), subjectMemberIds: ['m-1'], decision: 'PARTLY_ALLOWED' },
);

const CASES: readonly (readonly [string, StoredFacts, string])[] = [
  ['v2, lists unsorted', BASE, '6fc449bc57c43676ade7c4749afd3fccd0af61ac6a5c31344f8a2967467bdf3b'],
  [
    'v2, lists already sorted or empty',
    { ...BASE, subjectMemberIds: ['0b6f3c1e-0003-4c8a-9a51-000000000001'], fields: ['debts', 'income'], basisRefs: [] },
    '2a1200fb3e4efd8ca4b3e53d03ad7d119621166597bac300785ee48acfb12f71',
  ],
  [
    'v2, a refusal: nulls and empty lists',
    {
      ...BASE,
      actorId: null,
      actorOrganisationId: null,
      actorRole: null,
      purpose: null,
      targetKind: null,
      targetIds: [],
      sourceOrganisationId: null,
      category: null,
      fields: [],
      decision: 'DENIED',
      basis: null,
      basisRefs: [],
      reason: 'NO_CONSENT',
      breakGlass: true,
    },
    '34b9edb812ffa2822f989e0d5c98acb22e6f7e25276d9f81f6b1708ec47624c4',
  ],
  [
    'v2, texts that JSON escapes, and lists beyond ASCII (a surrogate pair sorts by its units)',
    {
      ...BASE,
      purpose: 'Zorg \u201cthuis\u201d \u00e9\u00e9n \ud83d\ude00 \\ "q" \n\t\u0001\u2028\ufffd',
      fields: ['\u00e9', 'z', 'Z', 'a"b', 'a\\b', '\ud83d\ude00', '\uff21'],
      basisRefs: ['b', 'a', 'b'],
    },
    '74ff2acfe07ec7a61e579d8b4a274d195e1bab43c20bae725f281815b5ddd1eb',
  ],
  [
    // PostgreSQL lets a changed row hold a NULL element in a text[]; it sorts as the text "null" and encodes as null.
    'v2, a list holding null elements',
    { ...BASE, fields: ['zeta', null, 'alpha', 'nul', 'numb'] as unknown as string[], basisRefs: [null] as unknown as string[] },
    '392f0040f6c81f9d2a788e45e16d40c54bd47373f5a7843bd721043b93562d1e',
  ],
  ['v1, one target id', { ...BASE, targetIds: null, targetId: '0b6f3c1e-0009-4c8a-9a51-000000000001' }, '744f09fe7137f3f034d82e85c60af9cf23ae2363cdb4cdee66555e0ee50a1ae3'],
  ['v3, the entry chain.spec.ts spells out', SPELLED_OUT_V3, '9784df4850e0c0b018c2a3b91cfac1e758e8623a1363ce4044f42182532a00e2'],
  ['v3, lists unsorted, two members', v3([DECISION], { subjectMemberIds: BASE.subjectMemberIds }), '17419a6f0965d2eb84698610f58585d6e4e63a026942b7c6c861c25de8dc17bc'],
  [
    'v3, lists already sorted or empty, no member',
    v3([{ ...DECISION, fields: ['debts', 'income'], basisRefs: [] }, { ...DECISION, targetIds: [], fields: [], basisRefs: ['c-1', 'c-2'] }], { subjectMemberIds: [] }),
    '3481db787825201f939ef41f2c32ee7a9086f1306057ed5f408f06d9f78b39cb',
  ],
  [
    'v3, a refusal under break-glass: nulls in the decision',
    v3([{ ...DECISION, targetKind: null, targetIds: [], sourceOrganisationId: null, category: null, fields: [], outcome: 'DENIED', basis: null, basisRefs: [], reason: 'NO_CONSENT' }], {
      actorId: null,
      actorOrganisationId: null,
      actorRole: null,
      purpose: null,
      decision: 'DENIED',
      breakGlass: true,
    }),
    'a6a3def0cc43644d2e09a3d6601e59b92b5cb420d4017f49bbd2e5b923ef762f',
  ],
  [
    'v3, texts that JSON escapes, and lists beyond ASCII (a surrogate pair sorts by its units)',
    v3([{ ...DECISION, category: 'a"b\\c\u2028', fields: ['\u00e9', 'z', 'Z', 'a"b', 'a\\b', '\ud83d\ude00', '\uff21'], basisRefs: ['b', 'a', 'b'], reason: '\n\t\u0001' }], {
      purpose: 'Zorg \u201cthuis\u201d \u00e9\u00e9n \ud83d\ude00 \\ "q" \n\t\u0001\u2028\ufffd',
    }),
    'a9e3c3945223c31c621e5fdcdeae7689fda7140070cd8683fc9b5a8fb7c384d5',
  ],
  [
    // Not a row the walk hashes (v3RowIsWellFormed refuses it first), but the encoding of it is defined all the same.
    'v3, a decision list holding null elements',
    v3([{ ...DECISION, fields: ['zeta', null, 'alpha', 'nul', 'numb'] as unknown as string[], basisRefs: [null] as unknown as string[] }]),
    '062204925596675a4ab7e9ffe8927df13a5019c6ef7b091e12929e055dd3a7d2',
  ],
  [
    // jsonb may hold a text where a list belongs: refused by the walk before hashing too, and encoded as it always was.
    'v3, a decision holding a text where a list belongs',
    v3([{ ...DECISION, fields: 'ab' as unknown as string[], basisRefs: 'x' as unknown as string[] }]),
    'a1b2953129d84447ecf452c85379a8c6367e034798de4cd0fb0e6dfc6f6b6580',
  ],
];

describe('the canonical encoding, pinned to the bytes old entries were hashed over', () => {
  let sodium: Sodium;
  beforeAll(async () => {
    sodium = await loadSodium();
  });

  it.each(CASES)('%s', (_name, facts, hash) => {
    expect(Buffer.from(entryHash(sodium, PREVIOUS, CHAIN, facts)).toString('hex')).toBe(hash);
    // The hash is of the previous hash and the encoding's UTF-8, nothing else.
    const message = Buffer.concat([PREVIOUS, Buffer.from(canonicalEncoding(CHAIN, facts), 'utf8')]);
    expect(Buffer.from(sodium.crypto_generichash(32, message, null)).toString('hex')).toBe(hash);
  });

  it('the encoding does not change the facts it is given (lists are sorted in a copy)', () => {
    const copy = (facts: StoredFacts): StoredFacts => ({
      ...facts,
      fields: [...facts.fields],
      basisRefs: [...facts.basisRefs],
      subjectMemberIds: [...facts.subjectMemberIds],
      decisions: facts.decisions?.map((d) => ({ ...d, fields: [...d.fields], basisRefs: [...d.basisRefs], targetIds: [...d.targetIds] })) ?? null,
    });
    for (const facts of [BASE, v3([DECISION], { subjectMemberIds: BASE.subjectMemberIds })]) {
      const given = copy(facts);
      canonicalEncoding(CHAIN, given);
      expect(given).toEqual(facts);
    }
  });

  it('spells a v2 entry out in full', () => {
    expect(canonicalEncoding(CHAIN, { ...BASE, fields: ['debts'], basisRefs: ['c-1'] })).toBe(
      `["kring-log-v2","${CHAIN}","2026-03-01T09:30:00.123Z","4bf92f3577b34da6a3ce929d0e0e4736","PROFESSIONAL","0b6f3c1e-0004-4c8a-9a51-000000000002",` +
        `"0b6f3c1e-0002-4c8a-9a51-000000000001","PROFESSIONAL","READ_FAMILY_FILE","CASE_COORDINATION","0b6f3c1e-0001-4c8a-9a51-000000000001",` +
        `["0b6f3c1e-0003-4c8a-9a51-000000000001","0b6f3c1e-0003-4c8a-9a51-000000000002"],"RECORD",` +
        `["0b6f3c1e-0009-4c8a-9a51-000000000003","0b6f3c1e-0009-4c8a-9a51-000000000001"],"0b6f3c1e-0002-4c8a-9a51-000000000003","FINANCES",` +
        `["debts"],"ALLOWED","CONSENT",["c-1"],null,false]`,
    );
  });
});
