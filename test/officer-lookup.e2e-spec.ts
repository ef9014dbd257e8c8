import pg from 'pg';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS as P } from '@kring/demo-world';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from './support/test-gateway';

const BY_BSN = `query($bsn: String!) { lookUpMemberByBsn(bsn: $bsn) { members { id familyId name } more } }`;
const BY_NAME = `query($name: String!) { lookUpMembersByName(name: $name) { members { id familyId name } more } }`;
const PROFESSIONALS = `query($name: String!) { lookUpProfessionals(name: $name) { professionals { id name organisation { id name } } more } }`;

/** Daan's BSN in the demo world (libs/demo-world/src/demo-world.ts). */
const DAAN_BSN = '456781006';
/** A family only Jeugdhulp Friesland is involved with: Team Toegang's privacy officer has no entry about it. */
const OTHER = { parent: { name: 'Kees Bakker', bsn: '111222333' }, child: { name: 'Noor Bakker', bsn: '123456782' } };

/**
 * The privacy officer's lookups (issue 19, item 3; docs/access-log.md): a member by BSN or by
 * name, a professional by name, within the officer's scope, each logged without the BSN or the
 * name typed; bad input refused as BAD_USER_INPUT with its refusal.
 */
describe("the privacy officer's lookups", () => {
  let sut: TestGateway;
  let database: pg.Client;
  let other: { familyId: string; parent: string; child: string };

  const as = async <T = Record<string, unknown>>(persona: string, query: string, variables: Record<string, unknown>) => sut.graphql<T>(query, { token: await sut.tokenFor(persona), variables });
  const ok = async <T>(persona: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const answer = await as<T>(persona, query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  };
  const refusal = (answer: GraphQLAnswer) => [answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.extensions?.['refusal'], answer.errors?.[0]?.extensions?.['field']];
  const lookups = async (actor: string) =>
    (
      await database.query<{ activity: string; family_id: string | null; subject_member_ids: string[]; decisions: unknown; row: string }>(
        `SELECT activity, family_id, subject_member_ids, decisions, row_to_json(e)::text AS row FROM access_log_entry e WHERE actor_id = $1 AND activity LIKE 'LOOK_UP_%' ORDER BY occurred_at, sequence`,
        [actor],
      )
    ).rows;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'officer_lookup' });
    database = new pg.Client({ connectionString: sut.database.url });
    await database.connect();
    // Team Toegang reads the demo family (entries about each member, by Team Toegang); Jeugdhulp registers a family of its own.
    await ok('wmo', `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { id } }`, { id: DEMO_FAMILY_ID });
    const registered = await ok<{ registerFamily: { id: string; memberIds: [string, string] } }>('jeugdhulp', `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { id memberIds } }`, {
      input: {
        members: [
          { ...OTHER.parent, birthDate: '1980-03-03', relation: 'PARENT' },
          { ...OTHER.child, birthDate: `${new Date().getUTCFullYear() - 10}-06-01`, relation: 'CHILD' },
        ],
        authority: [{ adult: 0, child: 1 }],
      },
    });
    other = { familyId: registered.registerFamily.id, parent: registered.registerFamily.memberIds[0], child: registered.registerFamily.memberIds[1] };
  });
  afterAll(async () => {
    await database.end();
    await sut.close();
  });

  it('the chain privacy officer finds Daan by his BSN, written with spaces or dots too, and anyone in the chain by name', async () => {
    for (const bsn of [DAAN_BSN, '4567 81 006', '4567.81.006']) {
      const { lookUpMemberByBsn } = await ok<{ lookUpMemberByBsn: { members: unknown[]; more: boolean } }>('keten-fg', BY_BSN, { bsn });
      expect(lookUpMemberByBsn).toEqual({ members: [{ id: M.daan, familyId: DEMO_FAMILY_ID, name: 'Daan de Vries' }], more: false });
    }
    const { lookUpMembersByName } = await ok<{ lookUpMembersByName: { members: { id: string; name: string }[] } }>('keten-fg', BY_NAME, { name: 'bakker' });
    expect(lookUpMembersByName.members.map((m) => m.name)).toEqual(['Kees Bakker', 'Noor Bakker']);
    const { lookUpMembersByName: vries } = await ok<{ lookUpMembersByName: { members: { name: string }[] } }>('keten-fg', BY_NAME, { name: 'VRIES daan' });
    expect(vries.members.map((m) => m.name)).toEqual(['Daan de Vries']);
  });

  it("an organisation's privacy officer finds the members their organisation's log entries are about, and nothing of a family outside that: not in the raw answer", async () => {
    const daan = await as('fg-gemeente', BY_BSN, { bsn: DAAN_BSN });
    expect(JSON.stringify(daan.data)).toContain(M.daan);

    for (const answer of [await as('fg-gemeente', BY_BSN, { bsn: OTHER.parent.bsn }), await as('fg-gemeente', BY_NAME, { name: 'Bakker' }), await as('fg-gemeente', BY_NAME, { name: 'Noor' })]) {
      expect(answer.errors).toBeUndefined();
      const raw = JSON.stringify(answer);
      expect(raw).not.toContain(other.familyId);
      expect(raw).not.toContain(other.parent);
      expect(raw).not.toContain(other.child);
      expect(raw).not.toContain('Bakker');
      expect(answer.data).toEqual(expect.objectContaining({ [Object.keys(answer.data ?? {})[0] as string]: { members: [], more: false } }));
    }
    // Jeugdhulp's own entries (the registration) are about that family: the chain privacy officer finds it by BSN too.
    expect(JSON.stringify((await as('keten-fg', BY_BSN, { bsn: OTHER.child.bsn })).data)).toContain(other.child);
  });

  it("professionals by name: an organisation's privacy officer their own organisation's, the chain privacy officer anyone's", async () => {
    const own = await ok<{ lookUpProfessionals: { professionals: { id: string; name: string; organisation: { id: string } }[] } }>('fg-gemeente', PROFESSIONALS, { name: 'pieter' });
    expect(own.lookUpProfessionals.professionals).toEqual([{ id: P.wmo, name: 'Pieter de Jong', organisation: { id: O.teamToegang, name: 'Gemeente Heerenveen Team Toegang' } }]);
    const outside = await as('fg-gemeente', PROFESSIONALS, { name: 'Femke' });
    expect(JSON.stringify(outside)).not.toContain(P.jeugdhulp);
    expect(outside.data).toEqual({ lookUpProfessionals: { professionals: [], more: false } });
    const chain = await ok<{ lookUpProfessionals: { professionals: { id: string }[] } }>('keten-fg', PROFESSIONALS, { name: 'Femke Bakker' });
    expect(chain.lookUpProfessionals.professionals.map((p) => p.id)).toEqual([P.jeugdhulp]);
  });

  it('every lookup is logged, naming who was found, and never holding the BSN or the name typed; the family sees it in its own log', async () => {
    const before = (await lookups(P.fgGemeente)).length;
    await ok('fg-gemeente', BY_BSN, { bsn: DAAN_BSN });
    await ok('fg-gemeente', BY_NAME, { name: 'Lotte' });
    await ok('fg-gemeente', BY_NAME, { name: 'Zzyzx' });
    const logged = (await lookups(P.fgGemeente)).slice(before);

    expect(logged.map((e) => [e.activity, e.family_id, e.subject_member_ids])).toEqual([
      ['LOOK_UP_MEMBER_BY_BSN', DEMO_FAMILY_ID, [M.daan]],
      ['LOOK_UP_MEMBERS_BY_NAME', DEMO_FAMILY_ID, [M.lotte]],
      ['LOOK_UP_MEMBERS_BY_NAME', null, []],
    ]);
    expect(logged[0]?.decisions).toEqual([
      expect.objectContaining({ targetKind: 'MEMBER', targetIds: [M.daan], category: 'NATIONAL_ID', fields: ['bsn'], outcome: 'ALLOWED', basis: 'OVERSIGHT' }),
      expect.objectContaining({ targetKind: 'MEMBER', targetIds: [M.daan], category: 'PERSONAL_IDENTITY', fields: ['name'], outcome: 'ALLOWED', basis: 'OVERSIGHT' }),
    ]);
    const everything = (await database.query<{ row: string }>(`SELECT row_to_json(e)::text AS row FROM access_log_entry e`)).rows.map((r) => r.row).join('\n');
    for (const typed of [DAAN_BSN, 'Lotte', 'Zzyzx', 'Bakker', 'pieter']) expect(everything).not.toContain(typed);
    // Transparency: Daan's mother reads in her log that the privacy officer looked Daan up.
    const mine = await ok<{ accessLog: { edges: { node: { activity: string; subjectMemberIds: string[] } }[] } }>('marieke', `query($f: AccessLogFilter) { accessLog(filter: $f) { edges { node { activity subjectMemberIds } } } }`, {
      f: { activity: 'LOOK_UP_MEMBER_BY_BSN' },
    });
    expect(mine.accessLog.edges.map((e) => e.node.subjectMemberIds)).toContainEqual([M.daan]);
  });

  it('the officer filters the log on whom they found: every entry about Daan, the lookup among them', async () => {
    const { lookUpMemberByBsn } = await ok<{ lookUpMemberByBsn: { members: { id: string }[] } }>('fg-gemeente', BY_BSN, { bsn: DAAN_BSN });
    const page = await ok<{ accessLog: { edges: { node: { subjectMemberIds: string[]; activity: string } }[] } }>('fg-gemeente', `query($f: AccessLogFilter) { accessLog(filter: $f, first: 200) { edges { node { subjectMemberIds activity } } } }`, {
      f: { memberId: lookUpMemberByBsn.members[0]?.id },
    });
    expect(page.accessLog.edges.length).toBeGreaterThan(0);
    expect(page.accessLog.edges.every((e) => e.node.subjectMemberIds.includes(M.daan))).toBe(true);
    expect(page.accessLog.edges.map((e) => e.node.activity)).toEqual(expect.arrayContaining(['READ_FAMILY_FILE', 'LOOK_UP_MEMBER_BY_BSN']));
  });

  it('never finds a member of an erased family: its blind index and key are gone', async () => {
    const registered = await ok<{ registerFamily: { id: string; memberIds: [string] } }>('jeugdhulp', `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { id memberIds } }`, {
      input: { members: [{ name: 'Wim Erasmus', bsn: '222333406', birthDate: '1970-01-01', relation: 'PARENT' }], authority: [] },
    });
    const [wim] = registered.registerFamily.memberIds;
    expect(JSON.stringify((await as('keten-fg', BY_BSN, { bsn: '222333406' })).data)).toContain(wim);
    await ok('keten-fg', `mutation($id: ID!, $reason: String!) { eraseFamily(id: $id, reason: $reason) { familyId } }`, { id: registered.registerFamily.id, reason: 'Verzoek AVG-2026-0200, art. 17' });

    for (const answer of [await as('keten-fg', BY_BSN, { bsn: '222333406' }), await as('keten-fg', BY_NAME, { name: 'Erasmus' })]) {
      expect(answer.errors).toBeUndefined();
      expect(JSON.stringify(answer)).not.toContain(wim);
      expect(JSON.stringify(answer)).not.toContain('Erasmus');
    }
  });

  it.each([
    ['a BSN failing the elfproef', BY_BSN, { bsn: '123456789' }, ['BAD_USER_INPUT', 'BSN_INVALID', 'bsn']],
    ['a BSN of 8 digits', BY_BSN, { bsn: '45678100' }, ['BAD_USER_INPUT', 'BSN_INVALID', 'bsn']],
    ['letters for a BSN', BY_BSN, { bsn: 'Daan de Vries' }, ['BAD_USER_INPUT', 'BSN_INVALID', 'bsn']],
    ['the BSN 000000000', BY_BSN, { bsn: '000000000' }, ['BAD_USER_INPUT', 'BSN_INVALID', 'bsn']],
    ['a name of one letter', BY_NAME, { name: 'D' }, ['BAD_USER_INPUT', 'NAME_LENGTH', 'name']],
    ['a name without a letter', BY_NAME, { name: '1234' }, ['BAD_USER_INPUT', 'NAME_LENGTH', 'name']],
    ['a name of 101 characters', BY_NAME, { name: 'a'.repeat(101) }, ['BAD_USER_INPUT', 'NAME_LENGTH', 'name']],
    ['a professional name of spaces', PROFESSIONALS, { name: '    ' }, ['BAD_USER_INPUT', 'NAME_LENGTH', 'name']],
    // Refused at the input boundary (input-boundary.guard.ts), before the lookup: no refusal of its own.
    ['a name with a NUL character', BY_NAME, { name: 'Da\u0000an' }, ['BAD_USER_INPUT', undefined, 'name']],
    ['a BSN with a lone surrogate', BY_BSN, { bsn: '45678\ud800' }, ['BAD_USER_INPUT', undefined, 'bsn']],
  ])('refuses %s as BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async (_what, query, variables, expected) => {
    const answer = await as('keten-fg', query, variables);
    expect(refusal(answer)).toEqual(expected);
    expect(JSON.stringify(answer)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('is for privacy officers only: a professional, an administrator and a family member are refused', async () => {
    for (const persona of ['wmo', 'admin', 'marieke']) {
      for (const [query, variables] of [
        [BY_BSN, { bsn: DAAN_BSN }],
        [BY_NAME, { name: 'Daan' }],
        [PROFESSIONALS, { name: 'Femke' }],
      ] as const) {
        const answer = await as(persona, query, variables);
        expect([persona, answer.errors?.[0]?.extensions?.code]).toEqual([persona, 'FORBIDDEN']);
        expect(JSON.stringify(answer)).not.toContain(M.daan);
      }
    }
  });
});
