import pg from 'pg';
import { chainKeyOf, entryHash, StoredChain, storedEntryOf, type AccessLogFacts, type StoredEntryRow } from '@kring/audit';
import { readEntryFacts } from '../../libs/audit/src/read-entry.fixture';
import { circleOfCare, newWorld, type Circle, type World } from '../support/factories';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * The chain must hash exactly what PostgreSQL stores. Every odd string we could think of
 * goes through every text the access-log writer stores, straight into the writer and,
 * where a caller's string reaches the log, through the API; the chain must then verify
 * intact, and every stored row, read back, must hash to its stored entry_hash.
 */
const ODD_STRINGS: Readonly<Record<string, string>> = {
  'lone high surrogate': '\ud800x',
  'lone low surrogate': 'x\udc00',
  'lone high surrogate at the end': 'abc\ud83d',
  'surrogates in the wrong order': '\ude00\ud83d',
  'a pair cut at 64 UTF-16 units': `${'a'.repeat(63)}😀b`,
  'emoji ZWJ sequence': '👨‍👩‍👧‍👦 and 🏳️‍🌈',
  'regional indicators': '🇳🇱🇧🇪',
  'combining marks': 'e\u0301 Z\u0351\u0352\u0353\u0354',
  'NUL alone': '\u0000',
  'NUL inside': 'a\u0000b\u0000',
  'other C0 controls': '\u0001\u0007\b\t\n\v\f\r\u001b\u001f',
  'DEL and C1 controls': '\u007f\u0080\u0085\u009f',
  'noncharacters U+FFFE, U+FFFF': '\ufffe\uffff',
  'BOM and replacement character': '\ufeff\ufffd',
  'RTL override and marks': '\u202eevil\u202c \u200f\u200e',
  'Arabic and Hebrew': 'مرحبا שלום',
  'line and paragraph separators': 'a\u2028b\u2029c',
  'backslashes': '\\ \\\\ \\" \\x00 \\u0000 \\\\\\',
  'quotes': `"'""''\``,
  'braces and commas': '{},{"a","b"},{NULL}',
  'array literal punctuation': '{"\\"}',
  'the word NULL': 'NULL',
  'null in lower case, padded': ' null ',
  'empty': '',
  'only spaces': '   ',
  'non-BMP letters': '𝕂𝕣𝕚𝕟𝕘 𠀀 \u{10FFFF} \u{E0001}',
  'very long': 'x'.repeat(100_000),
  'very long, non-BMP': '😀'.repeat(20_000),
  'everything at once': 'a\u0000\ud800"\\{},NULL\u202e😀\u0301',
};

/** The text columns the writer stores, one scalar or one list each. */
const SCALAR_FIELDS = ['traceId', 'actorKind', 'actorRole', 'activity', 'purpose'] as const;
/** The texts of a decision, kept in the entry's jsonb `decisions` (encoding v3). */
const DECISION_FIELDS = ['targetKind', 'category', 'outcome', 'basis', 'reason'] as const;
const LIST_FIELDS = ['fields', 'basisRefs'] as const;

const FAMILY = '0b6f3c1e-00aa-4c8a-9a51-0000000000aa';
const OTHER_FAMILY = '0b6f3c1e-00ac-4c8a-9a51-0000000000ac';
const SPOT_FAMILY = '0b6f3c1e-00ad-4c8a-9a51-0000000000ad';

const VERIFY = `query($familyId: ID) { verifyAccessLog(familyId: $familyId) { intact entriesChecked firstBroken { chainKey sequence entryId problem } } }`;

/** An ordinary entry, to be given one odd value. */
const plain = () => readEntryFacts(1, FAMILY);
const firstDecision = () => plain().decisions[0] as AccessLogFacts['decisions'][number];

describe('odd strings in the access log: the chain hashes exactly what PostgreSQL stores', () => {
  let sut: TestGateway;
  let world: World;
  let c: Circle;
  let superuser: pg.Client;

  const verify = async (familyId: string | null) => {
    const answer = await sut.graphql<{ verifyAccessLog: { intact: boolean; entriesChecked: number; firstBroken: unknown } }>(VERIFY, { token: await world.tokenFor(c.chainOfficer), variables: { familyId } });
    expect(answer.errors).toBeUndefined();
    return answer.data?.verifyAccessLog;
  };
  const append = (entries: readonly AccessLogFacts[]) => sut.dataSource.transaction((manager) => sut.accessLog.append(manager, entries));

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'log_odd_strings', seedDemoWorld: false });
    world = newWorld(sut);
    c = await circleOfCare(world);
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  /** Every odd string in every text column of its own entry, and one entry with all of them, on the family's chain. */
  const writeOddEntries = async (familyId: string): Promise<number> => {
    const entries: AccessLogFacts[] = [];
    const on = (facts: Partial<AccessLogFacts>) => entries.push({ ...plain(), familyId, ...facts });
    const decided = (facts: Record<string, unknown>) => on({ decisions: [{ ...firstDecision(), ...facts }, ...plain().decisions.slice(1)] });
    const all = Object.values(ODD_STRINGS);
    for (const odd of all) {
      for (const field of SCALAR_FIELDS) on({ [field]: odd });
      for (const field of DECISION_FIELDS) decided({ [field]: odd });
      for (const field of LIST_FIELDS) decided({ [field]: [odd, 'plain', odd] });
    }
    on({
      ...Object.fromEntries(SCALAR_FIELDS.map((field, i) => [field, all[i % all.length]])),
      decisions: [{ ...firstDecision(), ...Object.fromEntries(DECISION_FIELDS.map((field, i) => [field, all[(i + 3) % all.length]])), fields: all, basisRefs: all }],
    });
    // In appends of 50, as many requests would write them.
    for (let start = 0; start < entries.length; start += 50) await append(entries.slice(start, start + 50));
    return entries.length;
  };

  it('every odd string in every text column, written by the writer itself, leaves the chain intact', async () => {
    const written = await writeOddEntries(FAMILY);
    expect(await verify(FAMILY)).toEqual({ intact: true, entriesChecked: written, firstBroken: null });
  });

  it('a stored row, read back, hashes to its stored entry_hash', async () => {
    const written = await writeOddEntries(OTHER_FAMILY);
    const { rows } = await superuser.query<StoredEntryRow>(`SELECT * FROM access_log_entry WHERE chain_key = $1 ORDER BY sequence`, [chainKeyOf(OTHER_FAMILY)]);
    expect(rows).toHaveLength(written);
    const mismatched = rows.filter((row) => Buffer.compare(Buffer.from(entryHash(sut.crypto.sodium, row.previous_hash, row.chain_key, storedEntryOf(row))), row.entry_hash) !== 0);
    expect(mismatched.map((row) => ({ sequence: row.sequence, purpose: row.purpose?.slice(0, 80), activity: row.activity.slice(0, 80) }))).toEqual([]);
    // Verification reads the list columns (facets among them, which hold the odd categories and reasons) as array text and
    // splits the plain ones itself: it must read every row as pg's own parsing of `SELECT *` does.
    const chain = new StoredChain(async (sql, parameters) => (await superuser.query(sql, parameters)).rows, chainKeyOf(OTHER_FAMILY), written);
    expect(await chain.answer({ kind: 'entries', after: null })).toEqual(rows.map(storedEntryOf));
  });

  it('stores well-formed text: a lone surrogate and a NUL become U+FFFD, a purpose is cut by code point, never inside a pair', async () => {
    const stored = async (facts: AccessLogFacts) => {
      await append([{ ...facts, familyId: SPOT_FAMILY }]);
      const { rows } = await superuser.query<StoredEntryRow>(`SELECT * FROM access_log_entry WHERE chain_key = $1 ORDER BY sequence DESC LIMIT 1`, [chainKeyOf(SPOT_FAMILY)]);
      return rows[0] as StoredEntryRow;
    };
    expect((await stored({ ...plain(), purpose: '\ud800x' })).purpose).toBe('\ufffdx');
    expect((await stored({ ...plain(), decisions: [{ ...firstDecision(), reason: 'a\u0000b' }] })).decisions?.[0]?.reason).toBe('a\ufffdb');
    expect((await stored({ ...plain(), decisions: [{ ...firstDecision(), fields: ['x\udc00', '\u0000'] }] })).decisions?.[0]?.fields).toEqual(['x\ufffd', '\ufffd']);
    // 63 letters and an emoji are 64 code points (65 UTF-16 units): the emoji stays whole.
    expect((await stored({ ...plain(), purpose: `${'a'.repeat(63)}😀b` })).purpose).toBe(`${'a'.repeat(63)}😀`);
    expect((await stored({ ...plain(), purpose: `${'a'.repeat(64)}😀` })).purpose).toBe('a'.repeat(64));
    expect(await verify(SPOT_FAMILY)).toMatchObject({ intact: true, firstBroken: null });
  });

  it('odd purposes through the API: each refused read is logged, and the chains stay intact', async () => {
    const token = await world.tokenFor(c.wmo);
    const count = async () => (await superuser.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log_entry`)).rows[0]?.n ?? 0;
    const before = await count();
    const purposes = Object.entries(ODD_STRINGS).filter(([name]) => !name.startsWith('very long'));
    for (const [name, purpose] of purposes) {
      for (const id of [c.family.id, '0b6f3c1e-00ff-4c8a-9a51-0000000000ff']) {
        const answer = await sut.graphql(`query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { id } }`, { token, variables: { id, purpose } });
        // Refused, and never because the log could not be written (UNKNOWN_PURPOSE, or BAD_USER_INPUT at the boundary).
        expect({ name, code: answer.errors?.[0]?.extensions?.code }).toEqual({ name, code: expect.stringMatching(/^(UNKNOWN_PURPOSE|BAD_USER_INPUT|PURPOSE_REQUIRED)$/) });
      }
    }
    expect(await count()).toBeGreaterThanOrEqual(before + purposes.length * 2);
    expect(await verify(c.family.id)).toMatchObject({ intact: true, firstBroken: null });
    expect(await verify(null)).toMatchObject({ intact: true, firstBroken: null });
  });
});
