import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CASE_DIRECTOR_REQUEST_SEALED_FIELDS, FamilyEntity, unwrapFamilyKey } from '@kring/family-file';
import { Domain, ProfessionalRole as R } from '@kring/identity';
import { circleHousehold, newWorld, partnerWithContact, type MadeMember, type MadeProfessional, type Partner, type World } from './support/factories';
import { asking } from './support/asking';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from './support/test-gateway';

const TRANSFER = `mutation($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id familyId from { id } to { id name organisation { id } contact } note handedOverAt } }`;
const CIRCLE = `caseDirector { id name roles organisation { id name } contact } handover { from { id } note handedOverAt } involvements { id caseDirection contact { id } }`;
const MY_CIRCLE = `{ myCircle { ${CIRCLE} } }`;
const THEIR_CIRCLE = `query($familyId: ID!) { circle(familyId: $familyId) { ${CIRCLE} } }`;
const REQUEST = `mutation($reason: String!) { requestOtherCaseDirector(reason: $reason) { id familyId memberId reason } }`;
const REQUESTS = `{ caseDirectorRequests { id familyId memberId reason } }`;

interface CircleAnswer {
  caseDirector: { id: string; name: string; roles: string[]; organisation: { id: string; name: string }; contact: string | null } | null;
  handover: { from: { id: string }; note: string | null; handedOverAt: string } | null;
  involvements: { id: string; caseDirection: boolean; contact: { id: string } | null }[];
}

/**
 * Case direction (casusregie, DESIGN.md §9; docs/circle.md): every member sees who holds it; the
 * case director or a team lead of their organisation hands it over to a professional of another
 * involved organisation with a note for the new director and the family; a member asks for
 * another case director, and the team leads of the involved organisations read the request.
 */
describe('case direction: who holds it, handing it over, asking for another', () => {
  let sut: TestGateway;
  let world: World;
  let wmo: Partner;
  let youthCare: Partner;
  let debt: Partner;
  let childSafety: Partner;
  let wmoLead: MadeProfessional;
  let youthLead: MadeProfessional;
  let debtLead: MadeProfessional;
  let youthColleague: MadeProfessional;
  let youthOfficer: MadeProfessional;

  const family = () => circleHousehold(world, { wmo, youthCare, childSafety, debt });
  let ask: ReturnType<typeof asking>['ask'];
  let ok: ReturnType<typeof asking>['ok'];
  let codeOf: ReturnType<typeof asking>['codeOf'];
  const transfer = (by: Partner | MadeProfessional | MadeMember, familyId: string, to: string, note = 'Daan heeft nu vooral jeugdhulp nodig; moeder weet ervan en wil Femke graag als regisseur.') =>
    ask<{ transferCaseDirection: { id: string; note: string; to: { id: string; name: string } } }>(by, TRANSFER, { input: { familyId, toProfessionalId: to, note } });
  const refusalOf = (answer: GraphQLAnswer<unknown>) => answer.errors?.[0]?.extensions?.['refusal'];
  const myCircle = async (member: MadeMember) => (await ok<{ myCircle: CircleAnswer }>(member, MY_CIRCLE)).myCircle;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'case_direction', seedDemoWorld: false });
    world = newWorld(sut);
    ({ ask, ok, codeOf } = asking(sut, world));
    wmo = await partnerWithContact(world, Domain.WMO, '0513 61 7600');
    youthCare = await partnerWithContact(world, Domain.YOUTH_CARE, '058 123 4501, regie@jeugdhulp.example');
    debt = await partnerWithContact(world, Domain.DEBT_ASSISTANCE, '0513 61 7700');
    childSafety = await partnerWithContact(world, Domain.CHILD_SAFETY, '0800 2000');
    wmoLead = await world.professional(wmo.organisation, { roles: [R.TEAM_LEAD] });
    youthLead = await world.professional(youthCare.organisation, { roles: [R.TEAM_LEAD] });
    debtLead = await world.professional(debt.organisation, { roles: [R.TEAM_LEAD] });
    youthColleague = await world.professional(youthCare.organisation, { contact: '058 123 4599' });
    youthOfficer = await world.professional(youthCare.organisation, { roles: [R.PRIVACY_OFFICER] });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('every member sees who holds case direction: name, role, organisation and how to reach them', async () => {
    const { made } = await family();

    for (const label of ['mother', 'father', 'older', 'teen', 'young']) {
      const circle = await myCircle(made.member(label));
      expect(circle.caseDirector).toEqual({ id: wmo.professional.id, name: wmo.professional.name, roles: ['PROFESSIONAL'], organisation: { id: wmo.id, name: wmo.organisation.name }, contact: '0513 61 7600' });
      expect(circle.handover).toBeNull();
    }
  });

  it('the case director hands over to a professional of another involved organisation: the family sees the new case director by name, and reads the note', async () => {
    const { made, involvements } = await family();
    const note = `Warme overdracht ${randomUUID()}: Daan en Lotte staan nu centraal.`;

    const answer = await transfer(wmo, made.id, youthColleague.id, note);

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.transferCaseDirection).toEqual(expect.objectContaining({ note, to: expect.objectContaining({ id: youthColleague.id, name: youthColleague.name }) }));
    const mothers = await myCircle(made.member('mother'));
    expect(mothers.caseDirector).toEqual(expect.objectContaining({ id: youthColleague.id, name: youthColleague.name, organisation: { id: youthCare.id, name: youthCare.organisation.name }, contact: '058 123 4599' }));
    expect(mothers.handover).toEqual(expect.objectContaining({ from: { id: wmo.id }, note }));
    expect(mothers.involvements.filter((i) => i.caseDirection).map((i) => i.id)).toEqual([involvements.youthCare]);
    // The new case director reads the note; the rest of the circle sees that it was handed over, not the note.
    const theirs = async (who: Partner | MadeProfessional) => (await ok<{ circle: CircleAnswer }>(who, THEIR_CIRCLE, { familyId: made.id })).circle;
    expect((await theirs(youthColleague)).handover?.note).toBe(note);
    expect((await theirs(wmo)).handover).toEqual(expect.objectContaining({ from: { id: wmo.id }, note: null }));
    expect((await theirs(childSafety)).caseDirector?.id).toBe(youthColleague.id);
  });

  it('the note is stored encrypted, and the handover is logged about every member of the family', async () => {
    const { made, involvements } = await family();
    const marker = randomUUID();

    expect((await transfer(wmo, made.id, youthCare.professional.id, `Overdracht met kenmerk ${marker}`)).errors).toBeUndefined();

    const stored = await sut.dataSource.query<{ dump: string }[]>(`SELECT encode(note_ciphertext, 'escape') AS dump FROM case_direction_handover WHERE family_id = $1`, [made.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.dump).not.toContain(marker);
    const entries = await sut.dataSource.query<{ subjects: string[]; target_ids: string[]; basis: string }[]>(
      `SELECT subject_member_ids::text[] AS subjects, target_ids::text[] AS target_ids, basis FROM access_log_decision WHERE family_id = $1 AND activity = 'TRANSFER_CASE_DIRECTION'`,
      [made.id],
    );
    expect([...new Set(entries.flatMap((e) => e.subjects))].sort()).toEqual(made.members.map((m) => m.id).sort());
    expect([...new Set(entries.flatMap((e) => e.target_ids))].sort()).toEqual([involvements.wmo, involvements.youthCare].sort());
  });

  it('a team lead of the directing organisation may hand over; a team lead of another organisation may not', async () => {
    const { made } = await family();

    const other = await transfer(youthLead, made.id, youthCare.professional.id);
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(refusalOf(other)).toBe('NOT_CASE_DIRECTOR');

    expect((await transfer(wmoLead, made.id, youthCare.professional.id)).errors).toBeUndefined();
    expect((await myCircle(made.member('mother'))).caseDirector?.id).toBe(youthCare.professional.id);
  });

  it.each([
    ['a professional who is not the case director', 'youthCare', 'FORBIDDEN', 'NOT_CASE_DIRECTOR'],
    ['the former case director, after handing over', 'formerDirector', 'FORBIDDEN', 'NOT_CASE_DIRECTOR'],
  ] as const)('handing over is refused to %s', async (_case, who, code, refusal) => {
    const { made } = await family();
    if (who === 'formerDirector') expect((await transfer(wmo, made.id, youthCare.professional.id)).errors).toBeUndefined();
    const bearer = who === 'formerDirector' ? wmo : youthCare;

    const answer = await transfer(bearer, made.id, childSafety.professional.id);

    expect(answer.data).toBeNull();
    expect(codeOf(answer)).toBe(code);
    expect(refusalOf(answer)).toBe(refusal);
  });

  it('handing over is refused when the target is not a professional of another organisation involved today', async () => {
    const { made } = await family();
    const refused = async (to: string) => {
      const answer = await transfer(wmo, made.id, to);
      expect(answer.data).toBeNull();
      return [codeOf(answer), refusalOf(answer)];
    };

    // Its own organisation, an organisation whose involvement ended, a privacy officer, nobody.
    expect(await refused(wmoLead.id)).toEqual(['BAD_USER_INPUT', 'TARGET_NOT_INVOLVED']);
    expect(await refused(debt.professional.id)).toEqual(['BAD_USER_INPUT', 'TARGET_NOT_INVOLVED']);
    expect(await refused(youthOfficer.id)).toEqual(['BAD_USER_INPUT', 'TARGET_NOT_INVOLVED']);
    expect(await refused(randomUUID())).toEqual(['BAD_USER_INPUT', 'TARGET_NOT_INVOLVED']);
    expect((await myCircle(made.member('mother'))).caseDirector?.id).toBe(wmo.professional.id);
  });

  it('an organisation not involved today is answered NOT_FOUND, a short note BAD_USER_INPUT, a family member FORBIDDEN', async () => {
    const { made } = await family();

    expect(codeOf(await transfer(debt, made.id, youthCare.professional.id))).toBe('NOT_FOUND');
    expect(codeOf(await transfer(debt, randomUUID(), youthCare.professional.id))).toBe('NOT_FOUND');
    expect(codeOf(await transfer(wmo, made.id, youthCare.professional.id, 'kort'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await transfer(made.member('mother'), made.id, youthCare.professional.id))).toBe('FORBIDDEN');
  });

  it('a member from whom the new case director\'s involvement is shielded is told no case director and no handover', async () => {
    const { made, involvements } = await family();
    const father = made.member('father');
    const shielded = await ask(childSafety, `mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id } }`, {
      input: { involvementId: involvements.childSafety, memberIds: [father.id], reason: 'Onderzoek loopt; vader mag het nog niet weten.' },
    });
    expect(shielded.errors).toBeUndefined();

    expect((await transfer(wmo, made.id, childSafety.professional.id)).errors).toBeUndefined();

    const his = await myCircle(father);
    expect(his.caseDirector).toBeNull();
    expect(his.handover).toBeNull();
    expect(JSON.stringify(his)).not.toContain(childSafety.id);
    expect((await myCircle(made.member('mother'))).caseDirector?.id).toBe(childSafety.professional.id);
  });

  it('a member asks for another case director; the team leads of the involved organisations read it, others do not', async () => {
    const { made } = await family();
    const mother = made.member('mother');
    const reason = `Ik voel me niet gehoord door de regisseur (${randomUUID()}).`;

    const asked = await ask<{ requestOtherCaseDirector: { id: string; memberId: string; reason: string } }>(mother, REQUEST, { reason });

    expect(asked.errors).toBeUndefined();
    const id = asked.data?.requestOtherCaseDirector.id;
    type Listed = { caseDirectorRequests: { id: string; familyId: string; memberId: string; reason: string | null }[] };
    expect((await ok<Listed>(wmoLead, REQUESTS)).caseDirectorRequests).toContainEqual({ id, familyId: made.id, memberId: mother.id, reason });
    expect((await ok<Listed>(youthLead, REQUESTS)).caseDirectorRequests.map((r) => r.id)).toContain(id);
    // Debt assistance's involvement ended: its team lead no longer sees the family's requests.
    expect((await ok<Listed>(debtLead, REQUESTS)).caseDirectorRequests.map((r) => r.id)).not.toContain(id);
    expect(codeOf(await ask(wmo, REQUESTS))).toBe('FORBIDDEN');
    // Stored as an escalation of kind OTHER_CASE_DIRECTOR (docs/escalation.md), its reason sealed.
    const stored = await sut.dataSource.query<{ dump: string; kind: string }[]>(`SELECT encode(blocks_ciphertext, 'escape') AS dump, kind FROM escalation WHERE id = $1`, [id]);
    expect(stored[0]?.kind).toBe('OTHER_CASE_DIRECTOR');
    expect(stored[0]?.dump).not.toContain(reason.slice(-38));
    const logged = await sut.dataSource.query<{ subjects: string[]; basis: string }[]>(
      `SELECT subject_member_ids::text[] AS subjects, basis FROM access_log_decision WHERE family_id = $1 AND activity = 'REQUEST_OTHER_CASE_DIRECTOR'`,
      [made.id],
    );
    expect(logged).toEqual([{ subjects: [mother.id], basis: 'DATA_SUBJECT' }]);
  });

  it('a request made before escalations existed (the old table, read-only since) is still listed for the team leads', async () => {
    const { made } = await family();
    const mother = made.member('mother');
    const id = randomUUID();
    const row = await sut.dataSource.manager.findOneByOrFail(FamilyEntity, { id: made.id });
    const sealed = sut.crypto.cipher.encrypt(unwrapFamilyKey(sut.crypto, row), { field: CASE_DIRECTOR_REQUEST_SEALED_FIELDS.reason, rowId: id }, 'Een verzoek van voor de doorbraak.');
    const insert = `INSERT INTO case_director_request (id, family_id, member_id, reason_ciphertext, requested_at) VALUES ($1, $2, $3, $4, now() - interval '1 day')`;
    // The application's own role may no longer add one: new requests are escalations.
    await expect(sut.dataSource.query(insert, [id, made.id, mother.id, sealed])).rejects.toThrow(/permission denied/);
    const admin = new pg.Client({ connectionString: sut.database.url });
    await admin.connect();
    try {
      await admin.query(insert, [id, made.id, mother.id, sealed]);
    } finally {
      await admin.end();
    }

    type Listed = { caseDirectorRequests: { id: string; memberId: string; reason: string | null }[] };
    expect((await ok<Listed>(wmoLead, REQUESTS)).caseDirectorRequests).toContainEqual(expect.objectContaining({ id, memberId: mother.id, reason: 'Een verzoek van voor de doorbraak.' }));
    expect((await ok<Listed>(debtLead, REQUESTS)).caseDirectorRequests.map((r) => r.id)).not.toContain(id);
  });

  it('a request needs 10 to 2,000 characters, and only members ask', async () => {
    const { made } = await family();

    expect(codeOf(await ask(made.member('teen'), REQUEST, { reason: 'nee' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(made.member('teen'), REQUEST, { reason: 'x'.repeat(2001) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(wmo, REQUEST, { reason: 'Namens het gezin gevraagd.' }))).toBe('FORBIDDEN');
  });
});
