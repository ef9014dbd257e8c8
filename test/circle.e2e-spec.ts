import { randomUUID } from 'node:crypto';
import { Domain, ProfessionalRole as R } from '@kring/identity';
import { addDays, circleHousehold, householdOfFive, newWorld, partnerWithContact, type MadeFamily, type MadeMember, type MadeProfessional, type Partner, type World } from './support/factories';
import { asking } from './support/asking';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const PROFESSIONAL = `id name roles organisation { id name domain } contact`;
const CIRCLE = `familyId involvements { id organisation { id name domain } since caseDirection contact { ${PROFESSIONAL} } } caseDirector { ${PROFESSIONAL} }`;
const MY_CIRCLE = `{ myCircle { ${CIRCLE} } }`;
const THEIR_CIRCLE = `query($familyId: ID!) { circle(familyId: $familyId) { ${CIRCLE} } }`;
const SHIELD = `mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id familyId involvementId organisation { id } memberId shieldedByProfessionalId reason shieldedAt } }`;
const SHIELDINGS = `{ involvementShieldings { id familyId involvementId organisation { id } memberId reason } }`;
const MY_LOG = `{ accessLog(first: 100) { edges { node { activity actor { organisation { id } } decisions { sourceOrganisation { id } targetIds } } } } }`;
const MY_FAMILY = `{ myFamily { involvements { id organisation { id } caseDirection } } }`;
const REGISTER_INVOLVEMENT = `mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) { id } }`;
const READ_FILE = `query($id: ID!) { family(id: $id, purpose: "DEBT_RESOLUTION") { id } }`;
const LOG_PAGE = `query($filter: AccessLogFilter) { accessLog(first: 100, filter: $filter) { edges { node { activity decision actor { organisation { id } } decisions { outcome sourceOrganisation { id } targetIds } } } } }`;
const LIFT = `mutation($input: LiftShieldingInput!) { liftShielding(input: $input) { id memberId reason liftedAt liftedByProfessionalId liftReason } }`;
const ALL_SHIELDINGS = `{ involvementShieldings { id involvementId memberId reason shieldedAt liftedAt liftedByProfessionalId liftReason } }`;
const SHIELDINGS_IN_CIRCLE = `query($familyId: ID!) { circle(familyId: $familyId) { involvements { id shieldings { id memberId shieldedAt } } } }`;
const LOG_DAYS = `query($filter: AccessLogFilter) { accessLogDays(filter: $filter) { allowed denied breakGlass integrityAlarms } }`;

interface Professional {
  id: string;
  name: string;
  roles: string[];
  organisation: { id: string; name: string; domain: string };
  contact: string | null;
}
interface CircleAnswer {
  familyId: string;
  involvements: { id: string; organisation: { id: string; name: string; domain: string }; since: string; caseDirection: boolean; contact: Professional | null }[];
  caseDirector: Professional | null;
}

/**
 * The circle (DESIGN.md §9, wie helpen er; docs/circle.md): a member sees the organisations
 * involved with their family today, since when, for what, and whom to reach there, with the
 * case director by name; a professional of an involved organisation sees every involvement and
 * its contact. An organisation with a statutory task shields its involvement from named
 * members: it then does not exist in their view, not even as a count, nor in their access log.
 */
describe('the circle: who helps the family, and shielding', () => {
  let sut: TestGateway;
  let world: World;
  let wmo: Partner;
  let youthCare: Partner;
  let childSafety: Partner;
  let debt: Partner;
  let childSafetyOfficer: MadeProfessional;
  let wmoOfficer: MadeProfessional;
  let chainOfficer: MadeProfessional;

  const family = () => circleHousehold(world, { wmo, youthCare, childSafety, debt });
  let ask: ReturnType<typeof asking>['ask'];
  let ok: ReturnType<typeof asking>['ok'];
  let codeOf: ReturnType<typeof asking>['codeOf'];
  const myCircle = async (member: MadeMember) => (await ok<{ myCircle: CircleAnswer }>(member, MY_CIRCLE)).myCircle;
  const shield = (by: Partner | MadeProfessional, involvementId: string, members: readonly MadeMember[], reason = 'Melding van huiselijk geweld; onderzoek loopt, vader mag het nog niet weten.') =>
    ask<{ shieldInvolvement: { id: string; memberId: string; reason: string }[] }>(by, SHIELD, { input: { involvementId, memberIds: members.map((m) => m.id), reason } });
  const logEntries = (familyId: string, activity: string) =>
    sut.dataSource.query<{ subjects: string[]; outcome: string; basis: string | null; source: string | null; target_ids: string[]; reason: string | null }[]>(
      `SELECT subject_member_ids::text[] AS subjects, outcome, basis, source_organisation_id::text AS source, target_ids::text[] AS target_ids, reason
         FROM access_log_decision WHERE family_id = $1 AND activity = $2`,
      [familyId, activity],
    );

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'circle', seedDemoWorld: false });
    world = newWorld(sut);
    ({ ask, ok, codeOf } = asking(sut, world));
    wmo = await partnerWithContact(world, Domain.WMO, '0513 61 7600, casusregie@gemeente.example');
    youthCare = await partnerWithContact(world, Domain.YOUTH_CARE, '058 123 4501');
    childSafety = await partnerWithContact(world, Domain.CHILD_SAFETY, '0800 2000');
    debt = await world.partner(Domain.DEBT_ASSISTANCE);
    childSafetyOfficer = await world.professional(childSafety.organisation, { roles: [R.PRIVACY_OFFICER] });
    wmoOfficer = await world.professional(wmo.organisation, { roles: [R.PRIVACY_OFFICER] });
    chainOfficer = await world.professional(wmo.organisation, { roles: [R.CHAIN_PRIVACY_OFFICER] });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('a member sees the organisations involved today, since when, for what and whom to reach, and the case director by name, role, organisation and contact', async () => {
    const { made, involvements } = await family();
    const today = world.today();
    const card = (p: Partner, contact: string): Professional => ({
      id: p.professional.id,
      name: p.professional.name,
      roles: ['PROFESSIONAL'],
      organisation: { id: p.id, name: p.organisation.name, domain: p.domain },
      contact,
    });

    const circle = await myCircle(made.member('mother'));

    expect(circle).toEqual({
      familyId: made.id,
      involvements: [
        { id: involvements.wmo, organisation: card(wmo, '').organisation, since: addDays(today, -200), caseDirection: true, contact: card(wmo, '0513 61 7600, casusregie@gemeente.example') },
        { id: involvements.youthCare, organisation: card(youthCare, '').organisation, since: addDays(today, -150), caseDirection: false, contact: card(youthCare, '058 123 4501') },
        { id: involvements.childSafety, organisation: card(childSafety, '').organisation, since: addDays(today, -10), caseDirection: false, contact: card(childSafety, '0800 2000') },
      ],
      caseDirector: card(wmo, '0513 61 7600, casusregie@gemeente.example'),
    });
    // The involvement that ended yesterday is not in the circle.
    expect(JSON.stringify(circle)).not.toContain(debt.id);
  });

  it('a member\'s read of the circle is logged once for each member of their reach, on their own basis, naming the involvements shown', async () => {
    const { made, involvements } = await family();
    const mother = made.member('mother');

    await myCircle(mother);

    const entries = await logEntries(made.id, 'READ_CIRCLE');
    // The mother's reach: herself, the 14- and the 8-year-old (not the 17-year-old, not the father).
    expect([...new Set(entries.flatMap((e) => e.subjects))].sort()).toEqual([mother.id, made.member('teen').id, made.member('young').id].sort());
    expect(entries.every((e) => e.outcome === 'ALLOWED' && e.basis === 'DATA_SUBJECT')).toBe(true);
    expect([...new Set(entries.flatMap((e) => e.target_ids))].sort()).toEqual([involvements.wmo, involvements.youthCare, involvements.childSafety].sort());
  });

  it('a professional of an involved organisation sees every involvement and its contact (the Verwijsindex), shielded ones included', async () => {
    const { made, involvements } = await family();
    expect((await shield(childSafety, involvements.childSafety, [made.member('father')])).errors).toBeUndefined();

    const circle = (await ok<{ circle: CircleAnswer }>(youthCare, THEIR_CIRCLE, { familyId: made.id })).circle;

    expect(circle.involvements.map((i) => [i.id, i.contact?.name])).toEqual([
      [involvements.wmo, wmo.professional.name],
      [involvements.youthCare, youthCare.professional.name],
      [involvements.childSafety, childSafety.professional.name],
    ]);
    expect(circle.caseDirector?.name).toBe(wmo.professional.name);
    const bases = new Map((await logEntries(made.id, 'READ_CIRCLE')).map((e) => [e.source, e.basis]));
    expect(bases.get(youthCare.id)).toBe('OWN_RECORD');
    expect(bases.get(wmo.id)).toBe('INVOLVED_ORGANISATION');
  });

  it('an organisation not involved today is answered NOT_FOUND, exactly as for a family that does not exist, and the refusal is logged', async () => {
    const { made } = await family();

    const ended = await ask(debt, THEIR_CIRCLE, { familyId: made.id });
    const unknown = await ask(debt, THEIR_CIRCLE, { familyId: randomUUID() });

    expect(ended.data).toBeNull();
    expect(codeOf(ended)).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toBe(ended.errors?.[0]?.message);
    expect(await logEntries(made.id, 'READ_CIRCLE')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'NOT_INVOLVED', subjects: [] })]);
  });

  it('Veilig Thuis shields its involvement from the father: in his circle it does not exist (no item, date or count), the mother still sees it', async () => {
    const { made, involvements } = await family();
    const father = made.member('father');

    const shielded = await shield(childSafety, involvements.childSafety, [father]);

    expect(shielded.errors).toBeUndefined();
    const his = await myCircle(father);
    expect(his.involvements.map((i) => i.id)).toEqual([involvements.wmo, involvements.youthCare]);
    const text = JSON.stringify(his);
    expect(text).not.toContain(childSafety.id);
    expect(text).not.toContain(childSafety.organisation.name);
    expect(text).not.toContain(childSafety.professional.name);
    expect(text).not.toContain(addDays(world.today(), -10));
    expect((await myCircle(made.member('mother'))).involvements.map((i) => i.id)).toContain(involvements.childSafety);
    // His log of that read, and his own access log, name neither the involvement nor Veilig Thuis.
    const aboutHim = (await logEntries(made.id, 'READ_CIRCLE')).filter((e) => e.subjects.includes(father.id));
    expect(aboutHim.length).toBeGreaterThan(0);
    expect(aboutHim.flatMap((e) => [e.source, ...e.target_ids])).not.toContain(involvements.childSafety);
    expect(aboutHim.map((e) => e.source)).not.toContain(childSafety.id);
    const log = await ok<unknown>(father, MY_LOG);
    expect(JSON.stringify(log)).not.toContain(childSafety.id);
    expect(JSON.stringify(log)).not.toContain(involvements.childSafety);
  });

  it('an entry by another organisation whose every decision concerned the shielded organisation does not exist in the member\'s log; a mixed one shows only the rest, in its outcome, filters and day counts too', async () => {
    const made = await world.family({ registeredBy: wmo, members: [{ label: 'parent', age: 40 }, { label: 'other', age: 42 }] });
    await world.involve(made, wmo, { caseDirection: true });
    const [parent, other] = [made.member('parent'), made.member('other')];
    // The WMO team registers Veilig Thuis's involvement: an entry about every member, its one decision about Veilig Thuis's involvement.
    const registered = (await ok<{ registerInvolvement: { id: string } }>(wmo, REGISTER_INVOLVEMENT, { input: { familyId: made.id, organisationId: childSafety.id } })).registerInvolvement.id;
    await world.record(made, { source: childSafety, sectionType: 'SafetySignal', subjects: [parent], values: { signal: 'Zorgen over de veiligheid thuis', reporterRole: 'Leerkracht' } });
    await world.record(made, { source: wmo, sectionType: 'DebtSituation', subjects: [parent], values: { totalDebt: 1200, creditorCount: 2 } });
    expect((await shield(childSafety, registered, [parent])).errors).toBeUndefined();
    // The WMO team's read for debt resolution decides its own data (allowed) and Veilig Thuis's record (denied: SAFETY) in one entry about the parent;
    // the chain privacy officer's list of shieldings is an entry about the parent whose one decision is Veilig Thuis's.
    await ok(wmo, READ_FILE, { id: made.id });
    await ok(chainOfficer, SHIELDINGS);
    type Page = { accessLog: { edges: { node: { activity: string; decision: string; actor: { organisation: { id: string } | null }; decisions: { outcome: string; sourceOrganisation: { id: string } | null }[] } }[] } };
    const page = async (member: MadeMember, filter: Record<string, unknown> = {}) => (await ok<Page>(member, LOG_PAGE, { filter })).accessLog.edges.map((e) => e.node);
    type Days = { accessLogDays: { allowed: number; denied: number; breakGlass: number; integrityAlarms: number }[] };
    const days = async (member: MadeMember) => (await ok<Days>(member, LOG_DAYS)).accessLogDays;
    // The other member, from whom nothing is shielded, reads the registration (so it is there to hide).
    expect((await page(other)).map((e) => e.activity)).toContain('REGISTER_INVOLVEMENT');

    const his = await page(parent);

    expect(his.map((e) => e.activity)).toEqual(['READ_FAMILY_FILE']);
    expect(his[0]).toEqual(expect.objectContaining({ decision: 'ALLOWED', actor: { organisation: { id: wmo.id } } }));
    expect(his[0]?.decisions.map((d) => [d.outcome, d.sourceOrganisation?.id])).not.toContainEqual(['DENIED', childSafety.id]);
    expect(JSON.stringify(his)).not.toContain(childSafety.id);
    for (const filter of [{ decision: 'DENIED' }, { decision: 'PARTLY_ALLOWED' }, { sourceOrganisationId: childSafety.id }, { activity: 'READ_SHIELDINGS' }, { activity: 'REGISTER_INVOLVEMENT' }]) {
      expect([JSON.stringify(filter), await page(parent, filter)]).toEqual([JSON.stringify(filter), []]);
    }
    const counted = await days(parent);
    expect(counted.reduce((n, d) => n + d.allowed, 0)).toBe(1);
    expect(counted.reduce((n, d) => n + d.denied + d.breakGlass + d.integrityAlarms, 0)).toBe(0);
  });

  it('a shielded involvement is absent from myFamily too, where every member is in reach', async () => {
    const made = await world.family({ registeredBy: wmo, members: [{ label: 'parent', age: 30 }, { label: 'child', age: 6 }], authority: [['parent', 'child']] });
    await world.involve(made, wmo, { caseDirection: true });
    const childSafetyInvolvement = (await world.involve(made, childSafety)).id;
    const parent = made.member('parent');
    expect((await ok<{ myFamily: { involvements: { id: string }[] } }>(parent, MY_FAMILY)).myFamily.involvements.map((i) => i.id)).toContain(childSafetyInvolvement);

    expect((await shield(childSafety, childSafetyInvolvement, [parent])).errors).toBeUndefined();

    const file = await ok<{ myFamily: { involvements: { id: string; organisation: { id: string } | null }[] } }>(parent, MY_FAMILY);
    expect(file.myFamily.involvements).toHaveLength(1);
    expect(JSON.stringify(file)).not.toContain(childSafety.id);
    expect(JSON.stringify(file)).not.toContain(childSafetyInvolvement);
  });

  it('a member from whom the only involvement is shielded reads an empty circle, and the read is logged without naming it', async () => {
    const made = await world.family({ registeredBy: wmo, members: [{ label: 'parent', age: 30 }, { label: 'child', age: 6 }], authority: [['parent', 'child']] });
    const only = (await world.involve(made, childSafety, { caseDirection: true })).id;
    const parent = made.member('parent');
    expect((await shield(childSafety, only, [parent, made.member('child')])).errors).toBeUndefined();

    const circle = await myCircle(parent);

    expect(circle).toEqual({ familyId: made.id, involvements: [], caseDirector: null });
    const entries = await logEntries(made.id, 'READ_CIRCLE');
    expect(entries).toEqual([expect.objectContaining({ subjects: [], outcome: 'ALLOWED', target_ids: [made.id], source: null })]);
  });

  it('a case director whose involvement is shielded from a member is not named to them', async () => {
    const made: MadeFamily = await householdOfFive(world, wmo);
    await world.involve(made, wmo);
    const directing = (await world.involve(made, childSafety, { caseDirection: true })).id;
    const father = made.member('father');
    expect((await shield(childSafety, directing, [father])).errors).toBeUndefined();

    const his = await myCircle(father);

    expect(his.caseDirector).toBeNull();
    expect((await myCircle(made.member('mother'))).caseDirector?.id).toBe(childSafety.professional.id);
  });

  it('the reason is stored encrypted; the shielding is logged about the member it shields from, and listed for Veilig Thuis\'s privacy officer and the chain\'s, not another organisation\'s', async () => {
    const { made, involvements } = await family();
    const father = made.member('father');
    const reason = `Onderzoek naar aanleiding van een melding ${randomUUID()}`;

    const answer = await shield(childSafety, involvements.childSafety, [father], reason);

    expect(answer.data?.shieldInvolvement).toEqual([expect.objectContaining({ memberId: father.id, reason })]);
    const stored = await sut.dataSource.query<{ dump: string }[]>(`SELECT encode(reason_ciphertext, 'escape') AS dump FROM involvement_shielding WHERE involvement_id = $1`, [involvements.childSafety]);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.dump).not.toContain(reason.slice(-36));
    expect(await logEntries(made.id, 'SHIELD_INVOLVEMENT')).toEqual([expect.objectContaining({ subjects: [father.id], outcome: 'ALLOWED', source: childSafety.id, target_ids: [involvements.childSafety] })]);
    type Listed = { involvementShieldings: { involvementId: string; memberId: string; reason: string | null }[] };
    expect((await ok<Listed>(childSafetyOfficer, SHIELDINGS)).involvementShieldings).toContainEqual(expect.objectContaining({ involvementId: involvements.childSafety, memberId: father.id, reason }));
    expect((await ok<Listed>(chainOfficer, SHIELDINGS)).involvementShieldings).toContainEqual(expect.objectContaining({ involvementId: involvements.childSafety, reason }));
    expect((await ok<Listed>(wmoOfficer, SHIELDINGS)).involvementShieldings.map((s) => s.involvementId)).not.toContain(involvements.childSafety);
    expect(codeOf(await ask(childSafety, SHIELDINGS))).toBe('FORBIDDEN');
  });

  it('reading the shieldings is logged about each member shown: OWN_RECORD for the privacy officer of the shielding organisation, OVERSIGHT for the chain privacy officer of another', async () => {
    const { made, involvements } = await family();
    const father = made.member('father');
    const [shielding] = (await shield(childSafety, involvements.childSafety, [father])).data?.shieldInvolvement ?? [];
    const readBy = async (officer: MadeProfessional) => {
      await ok(officer, SHIELDINGS);
      return sut.dataSource.query<{ subjects: string[]; basis: string; source: string; refs: string[] }[]>(
        `SELECT subject_member_ids::text[] AS subjects, basis, source_organisation_id::text AS source, basis_refs::text[] AS refs
           FROM access_log_decision WHERE family_id = $1 AND activity = 'READ_SHIELDINGS' AND actor_id = $2`,
        [made.id, officer.id],
      );
    };

    expect(await readBy(childSafetyOfficer)).toEqual([{ subjects: [father.id], basis: 'OWN_RECORD', source: childSafety.id, refs: [shielding?.id] }]);
    expect(await readBy(chainOfficer)).toEqual([{ subjects: [father.id], basis: 'OVERSIGHT', source: childSafety.id, refs: [shielding?.id] }]);
  });

  it.each([
    ['an organisation without a statutory task, for its own involvement', 'wmo', 'wmo', 'FORBIDDEN'],
    ['Veilig Thuis, for another organisation\'s involvement', 'childSafety', 'wmo', 'FORBIDDEN'],
    ['an organisation no longer involved', 'debt', 'debt', 'NOT_FOUND'],
    ['Veilig Thuis\'s privacy officer (not casework)', 'childSafetyOfficer', 'childSafety', 'FORBIDDEN'],
  ] as const)('shielding is refused for %s', async (_case, who, whose, code) => {
    const { made, involvements } = await family();
    const bearer = { wmo, childSafety, debt, childSafetyOfficer }[who];

    const answer = await shield(bearer, involvements[whose], [made.member('father')]);

    expect(answer.data).toBeNull();
    expect(codeOf(answer)).toBe(code);
    expect(await sut.dataSource.query(`SELECT 1 FROM involvement_shielding WHERE family_id = $1`, [made.id])).toEqual([]);
  });

  it('shielding is refused with BAD_USER_INPUT for a short reason, no members, someone outside the family or not an id, and a member shielded from already', async () => {
    const { made, involvements } = await family();
    const other = await householdOfFive(world, wmo);
    const father = made.member('father');

    expect(codeOf(await shield(childSafety, involvements.childSafety, [father], 'te kort'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await shield(childSafety, involvements.childSafety, []))).toBe('BAD_USER_INPUT');
    expect(codeOf(await shield(childSafety, involvements.childSafety, [other.member('father')]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(childSafety, SHIELD, { input: { involvementId: involvements.childSafety, memberIds: ['vader'], reason: 'Onderzoek loopt nog steeds.' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(childSafety, SHIELD, { input: { involvementId: 'niet-een-id', memberIds: [father.id], reason: 'Onderzoek loopt nog steeds.' } }))).toBe('NOT_FOUND');
    expect((await shield(childSafety, involvements.childSafety, [father])).errors).toBeUndefined();
    expect(codeOf(await shield(childSafety, involvements.childSafety, [father]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await shield(childSafety, randomUUID(), [father]))).toBe('NOT_FOUND');
  });

  describe('lifting a shielding', () => {
    const LIFT_REASON = 'Het onderzoek is afgerond; vader is op de hoogte gebracht.';
    const lift = (by: Partner | MadeProfessional | MadeMember, shieldingId: string, reason = LIFT_REASON) =>
      ask<{ liftShielding: { id: string; memberId: string; reason: string; liftedAt: string | null; liftedByProfessionalId: string | null; liftReason: string | null } }>(by, LIFT, { input: { shieldingId, reason } });
    const shieldFather = async () => {
      const { made, involvements } = await family();
      const father = made.member('father');
      const [shielding] = (await shield(childSafety, involvements.childSafety, [father])).data?.shieldInvolvement ?? [];
      if (shielding === undefined) throw new Error('the shielding was refused');
      return { made, involvements, father, shieldingId: shielding.id };
    };

    it('Veilig Thuis lifts its shielding with a reason: the father sees the involvement again in his circle', async () => {
      const { made, involvements, father } = await shieldFather();
      const [shielding] = (await ok<{ circle: { involvements: { id: string; shieldings: { id: string }[] | null }[] } }>(childSafety, SHIELDINGS_IN_CIRCLE, { familyId: made.id })).circle.involvements
        .filter((i) => i.id === involvements.childSafety)
        .flatMap((i) => i.shieldings ?? []);
      expect((await myCircle(father)).involvements.map((i) => i.id)).not.toContain(involvements.childSafety);

      const answer = await lift(childSafety, shielding?.id ?? '');

      expect(answer.errors).toBeUndefined();
      expect(answer.data?.liftShielding).toEqual(expect.objectContaining({ memberId: father.id, liftedByProfessionalId: childSafety.professional.id, liftReason: LIFT_REASON }));
      expect((await myCircle(father)).involvements.map((i) => i.id)).toEqual([involvements.wmo, involvements.youthCare, involvements.childSafety]);
    });

    it('the shielding keeps its history: the lift reason sealed with the family key, the lift logged about the member, and the officers\' list shows it lifted', async () => {
      const { made, involvements, father, shieldingId } = await shieldFather();
      const reason = `Afgerond, kenmerk ${randomUUID()}`;

      expect((await lift(childSafety, shieldingId, reason)).errors).toBeUndefined();

      const [row] = await sut.dataSource.query<{ lifted_at: Date | null; lifted_by: string | null; dump: string }[]>(
        `SELECT lifted_at, lifted_by_professional_id::text AS lifted_by, encode(lift_reason_ciphertext, 'escape') AS dump FROM involvement_shielding WHERE id = $1`,
        [shieldingId],
      );
      expect(row?.lifted_at).not.toBeNull();
      expect(row?.lifted_by).toBe(childSafety.professional.id);
      expect(row?.dump).not.toContain(reason.slice(-36));
      expect(await logEntries(made.id, 'LIFT_SHIELDING')).toEqual([
        expect.objectContaining({ subjects: [father.id], outcome: 'ALLOWED', basis: 'OWN_RECORD', source: childSafety.id, target_ids: [involvements.childSafety] }),
      ]);
      type Listed = { involvementShieldings: { id: string; reason: string | null; liftedAt: string | null; liftedByProfessionalId: string | null; liftReason: string | null }[] };
      for (const officer of [childSafetyOfficer, chainOfficer]) {
        expect((await ok<Listed>(officer, ALL_SHIELDINGS)).involvementShieldings).toContainEqual(
          expect.objectContaining({ id: shieldingId, reason: expect.stringContaining('Melding'), liftedAt: expect.any(String), liftedByProfessionalId: childSafety.professional.id, liftReason: reason }),
        );
      }
      // A shielding in force is listed as such.
      const other = (await shield(childSafety, involvements.childSafety, [made.member('mother')])).data?.shieldInvolvement[0]?.id;
      expect((await ok<Listed>(childSafetyOfficer, ALL_SHIELDINGS)).involvementShieldings).toContainEqual(expect.objectContaining({ id: other, liftedAt: null, liftedByProfessionalId: null, liftReason: null }));
    });

    it('once lifted, the member reads in their log what the organisation did, the shielding and its lift (never a reason)', async () => {
      const { father, shieldingId } = await shieldFather();
      const activities = async () => (await ok<Page>(father, LOG_PAGE, { filter: {} })).accessLog.edges.map((e) => e.node.activity);
      type Page = { accessLog: { edges: { node: { activity: string } }[] } };
      expect(await activities()).not.toContain('SHIELD_INVOLVEMENT');

      expect((await lift(childSafety, shieldingId)).errors).toBeUndefined();

      expect(await activities()).toEqual(expect.arrayContaining(['SHIELD_INVOLVEMENT', 'LIFT_SHIELDING']));
      const log = JSON.stringify(await ok<unknown>(father, MY_LOG));
      expect(log).not.toContain('Melding');
      expect(log).not.toContain('afgerond');
    });

    it('the professionals who may shield see the shieldings in force of their own involvement; other organisations do not', async () => {
      const { made, involvements, father, shieldingId } = await shieldFather();
      type Answer = { circle: { involvements: { id: string; shieldings: { id: string; memberId: string }[] | null }[] } };
      const seenBy = async (who: Partner) => (await ok<Answer>(who, SHIELDINGS_IN_CIRCLE, { familyId: made.id })).circle.involvements.map((i) => [i.id, i.shieldings]);

      expect(await seenBy(childSafety)).toEqual([
        [involvements.wmo, null],
        [involvements.youthCare, null],
        [involvements.childSafety, [expect.objectContaining({ id: shieldingId, memberId: father.id })]],
      ]);
      expect((await seenBy(wmo)).every(([, shieldings]) => shieldings === null)).toBe(true);
      expect((await lift(childSafety, shieldingId)).errors).toBeUndefined();
      expect(await seenBy(childSafety)).toContainEqual([involvements.childSafety, []]);
    });

    it('after a lift the member may be shielded from the involvement again', async () => {
      const { involvements, father, shieldingId } = await shieldFather();
      expect((await lift(childSafety, shieldingId)).errors).toBeUndefined();

      const again = await shield(childSafety, involvements.childSafety, [father]);

      expect(again.errors).toBeUndefined();
      expect((await myCircle(father)).involvements.map((i) => i.id)).not.toContain(involvements.childSafety);
    });

    it('a lift is written once: lifting again is BAD_USER_INPUT, and the database refuses to change a lifted shielding', async () => {
      const { shieldingId } = await shieldFather();
      expect((await lift(childSafety, shieldingId)).errors).toBeUndefined();

      expect(codeOf(await lift(childSafety, shieldingId, 'Nog een keer opgeheven.'))).toBe('BAD_USER_INPUT');
      await expect(sut.dataSource.query('UPDATE involvement_shielding SET lifted_at = NULL, lifted_by_professional_id = NULL, lift_reason_ciphertext = NULL WHERE id = $1', [shieldingId])).rejects.toThrow(/a lifted shielding is not changed/);
      expect(await logEntries((await sut.dataSource.query<{ family_id: string }[]>('SELECT family_id FROM involvement_shielding WHERE id = $1', [shieldingId]))[0]?.family_id ?? '', 'LIFT_SHIELDING')).toHaveLength(1);
    });

    it.each([
      ['another organisation involved (not its own involvement)', 'wmo', 'FORBIDDEN'],
      ['an organisation no longer involved', 'debt', 'NOT_FOUND'],
      ['Veilig Thuis\'s privacy officer (not casework)', 'childSafetyOfficer', 'FORBIDDEN'],
      ['a family member', 'father', 'FORBIDDEN'],
    ] as const)('lifting is refused to %s, and the shielding stays in force', async (_case, who, code) => {
      const { made, involvements, father, shieldingId } = await shieldFather();
      const bearer = { wmo, debt, childSafetyOfficer, father }[who];

      const answer = await lift(bearer, shieldingId);

      expect(answer.data).toBeNull();
      expect(codeOf(answer)).toBe(code);
      expect(await sut.dataSource.query('SELECT 1 FROM involvement_shielding WHERE id = $1 AND lifted_at IS NULL', [shieldingId])).toHaveLength(1);
      expect((await myCircle(father)).involvements.map((i) => i.id)).not.toContain(involvements.childSafety);
      expect(await logEntries(made.id, 'LIFT_SHIELDING')).toEqual([]);
    });

    it('lifting is refused with BAD_USER_INPUT for a short reason, and NOT_FOUND for an unknown shielding or not an id', async () => {
      const { shieldingId } = await shieldFather();

      expect(codeOf(await lift(childSafety, shieldingId, 'klaar'))).toBe('BAD_USER_INPUT');
      expect(codeOf(await lift(childSafety, randomUUID()))).toBe('NOT_FOUND');
      expect(codeOf(await lift(childSafety, 'geen-id'))).toBe('NOT_FOUND');
      expect(await sut.dataSource.query('SELECT 1 FROM involvement_shielding WHERE id = $1 AND lifted_at IS NULL', [shieldingId])).toHaveLength(1);
    });
  });

  it('a family member may not shield, nor read another family\'s circle: myCircle is always their own', async () => {
    const { made, involvements } = await family();
    const mother = made.member('mother');

    expect(codeOf(await ask(mother, SHIELD, { input: { involvementId: involvements.wmo, memberIds: [mother.id], reason: 'Dat wil ik liever niet.' } }))).toBe('FORBIDDEN');
    expect(codeOf(await ask(mother, THEIR_CIRCLE, { familyId: made.id }))).toBe('FORBIDDEN');
    expect(codeOf(await ask(mother, SHIELDINGS))).toBe('FORBIDDEN');
  });
});
