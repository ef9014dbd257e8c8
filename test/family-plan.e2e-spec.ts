import { DataCategory } from '@kring/family-file';
import { circleHousehold, circlePartners, newWorld, type MadeFamily, type MadeMember, type Partner, type World } from './support/factories';
import { asking } from './support/asking';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const ITEM = `id kind subjectMemberIds category text status dueOn actor { kind organisation { id } memberId name } source { id } shownToFamily agreed caseDirectorAgreed waitingForMemberIds`;
const PLAN = `familyId version latestVersion items { ${ITEM} } redactions { itemId kind category reason subjectMemberIds } versions { version change itemId byMemberId byOrganisation { id } } agreed agreements { memberId caseDirectorName version withdrawnAt }`;
const OUR_PLAN = `query($version: Int) { ourPlan(version: $version) { ${PLAN} } }`;
const FAMILY_PLAN = `query($familyId: ID!, $purpose: String!, $version: Int) { familyPlan(familyId: $familyId, purpose: $purpose, version: $version) { ${PLAN} } }`;
const WRITE = `mutation($input: WritePlanItemInput!) { writePlanItem(input: $input) { ${ITEM} } }`;
const AGREE = `mutation($familyId: ID) { agreeToPlan(familyId: $familyId) { memberId caseDirectorName version withdrawnAt } }`;
const WITHDRAW = `mutation($familyId: ID) { withdrawPlanAgreement(familyId: $familyId) { memberId version withdrawnAt } }`;
const SHOW = `mutation($itemId: ID!, $shown: Boolean!) { showPlanItemToFamily(itemId: $itemId, shown: $shown) { ${ITEM} } }`;

interface Item {
  id: string;
  kind: string;
  subjectMemberIds: string[];
  category: string;
  text: string;
  status: string | null;
  dueOn: string | null;
  actor: { kind: string; organisation: { id: string } | null; memberId: string | null; name: string | null } | null;
  source: { id: string } | null;
  shownToFamily: boolean;
  agreed: boolean;
  caseDirectorAgreed: boolean;
  waitingForMemberIds: string[];
}
interface Plan {
  familyId: string;
  version: number;
  latestVersion: number;
  items: Item[];
  redactions: { itemId: string; kind: string; category: string; reason: string; subjectMemberIds: string[] }[];
  versions: { version: number; change: string; itemId: string; byMemberId: string | null; byOrganisation: { id: string } | null }[];
  agreed: boolean;
  agreements: { memberId: string | null; caseDirectorName: string | null; version: number; withdrawnAt: string | null }[];
}

/**
 * The family plan (DESIGN.md §9, gezinsplan; docs/family-plan.md): one plan per family, every
 * change a version; the family writes its words, goals and actions about its reach,
 * professionals their organisation's actions and proposed goals, the case director the review
 * date; agreement by capacity; professionals read item by item through the rule of §4, members
 * their reach's items and what the family chose to show everyone, and nothing else exists for them.
 */
describe('the family plan', () => {
  let sut: TestGateway;
  let world: World;
  let wmo: Partner;
  let youthCare: Partner;
  let childSafety: Partner;
  let debt: Partner;
  let ask: ReturnType<typeof asking>['ask'];
  let ok: ReturnType<typeof asking>['ok'];
  let codeOf: ReturnType<typeof asking>['codeOf'];

  const household = () => circleHousehold(world, { wmo, youthCare, childSafety, debt });
  const ourPlan = async (member: MadeMember, version?: number) => (await ok<{ ourPlan: Plan }>(member, OUR_PLAN, { version: version ?? null })).ourPlan;
  const theirPlan = async (by: Partner, family: MadeFamily, purpose = 'CASE_COORDINATION', version?: number) =>
    (await ok<{ familyPlan: Plan }>(by, FAMILY_PLAN, { familyId: family.id, purpose, version: version ?? null })).familyPlan;
  const write = (by: Partner | MadeMember, input: Record<string, unknown>) => ask<{ writePlanItem: Item }>(by, WRITE, { input });
  const written = async (by: Partner | MadeMember, input: Record<string, unknown>) => {
    const answer = await write(by, input);
    expect(answer.errors).toBeUndefined();
    return (answer.data as { writePlanItem: Item }).writePlanItem;
  };
  const goal = (subjects: readonly MadeMember[], text: string, extra: Record<string, unknown> = {}) => ({ kind: 'GOAL', subjectMemberIds: subjects.map((m) => m.id), text, ...extra });
  const refusalOf = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.['refusal'];
  const sharePlan = (family: MadeFamily, subject: MadeMember, to: Partner, categories: DataCategory[] = [DataCategory.SHARED_PLAN], signedBy?: MadeMember[]) =>
    world.consent(family, { subject, recipient: to, categories, purposes: ['CASE_COORDINATION'], ...(signedBy === undefined ? {} : { signedBy }) });
  const logged = (familyId: string, activity: string) =>
    sut.dataSource.query<{ subjects: string[]; outcome: string; basis: string | null; reason: string | null; target_ids: string[]; category: string | null }[]>(
      `SELECT subject_member_ids::text[] AS subjects, outcome, basis, reason, target_ids::text[] AS target_ids, category FROM access_log_decision WHERE family_id = $1 AND activity = $2`,
      [familyId, activity],
    );

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'family_plan', seedDemoWorld: false });
    world = newWorld(sut);
    ({ ask, ok, codeOf } = asking(sut, world));
    ({ wmo, youthCare, childSafety, debt } = await circlePartners(world));
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('a member writes the family\'s words and goals about their reach, and reads them back as the newest version', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const teen = made.member('teen');
    const young = made.member('young');
    const words = await written(mother, { kind: 'WORDS', subjectMemberIds: [mother.id, young.id], text: 'Wij willen weer rust in huis en geen post meer die we niet durven open te maken.' });
    expect(words).toMatchObject({ kind: 'WORDS', category: 'SHARED_PLAN', status: null, source: null, subjectMemberIds: [mother.id, young.id].sort() });
    const debtGoal = await written(mother, goal([mother], 'Over een jaar geen achterstand meer bij de woningcorporatie.', { category: 'FINANCES' }));
    expect(debtGoal).toMatchObject({ kind: 'GOAL', category: 'FINANCES', status: 'OPEN' });
    await written(mother, goal([teen], 'Daan gaat weer elke dag naar school.'));

    const plan = await ourPlan(mother);
    expect(plan).toMatchObject({ familyId: made.id, version: 3, latestVersion: 3, redactions: [], agreed: false });
    expect(plan.items.map((i) => i.kind)).toEqual(['WORDS', 'GOAL', 'GOAL']);
    expect(plan.items.map((i) => i.text)).toContain('Daan gaat weer elke dag naar school.');
    expect(plan.versions.map((v) => [v.version, v.change, v.byMemberId])).toEqual([
      [3, 'ITEM_ADDED', mother.id],
      [2, 'ITEM_ADDED', mother.id],
      [1, 'ITEM_ADDED', mother.id],
    ]);
    // Stored sealed: no word of it in the row.
    const stored = await sut.dataSource.query<{ dump: string }[]>(`SELECT encode(content_ciphertext, 'escape') AS dump FROM family_plan_item WHERE family_id = $1`, [made.id]);
    expect(stored.map((s) => s.dump).join('\n')).not.toMatch(/school|woningcorporatie|rust in huis/);
  });

  it('a change is a new version; earlier versions stay readable as they were', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const first = await written(mother, goal([mother], 'Elke week de post samen openmaken.'));
    const changed = await written(mother, { ...goal([mother], 'Elke week de post samen openmaken, met de budgetcoach.'), itemId: first.id, status: 'REACHED' });
    expect(changed).toMatchObject({ id: first.id, status: 'REACHED' });
    const now = await ourPlan(mother);
    expect(now.items).toHaveLength(1);
    expect(now.items[0]).toMatchObject({ id: first.id, status: 'REACHED', text: 'Elke week de post samen openmaken, met de budgetcoach.' });
    expect(now.versions.map((v) => v.change)).toEqual(['ITEM_CHANGED', 'ITEM_ADDED']);
    const then = await ourPlan(mother, 1);
    expect(then).toMatchObject({ version: 1, latestVersion: 2 });
    expect(then.items[0]).toMatchObject({ id: first.id, status: 'OPEN', text: 'Elke week de post samen openmaken.' });
    expect(codeOf(await ask(mother, OUR_PLAN, { version: 3 }))).toBe('BAD_USER_INPUT');
  });

  it('capacity: a child of 14 writes his own goal; a parent cannot write about a child of 17, nor about the other parent; the 17-year-old\'s item stays hers', async () => {
    const { made } = await household();
    const [mother, father, older, teen] = ['mother', 'father', 'older', 'teen'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember, MadeMember];
    const own = await written(teen, goal([teen], 'Ik wil op voetbal blijven.'));
    expect(own.subjectMemberIds).toEqual([teen.id]);
    const aboutOlder = await write(mother, goal([older], 'Sanne maakt haar school af.'));
    expect(codeOf(aboutOlder)).toBe('FORBIDDEN');
    expect(refusalOf(aboutOlder)).toBe('OUTSIDE_REACH');
    expect(refusalOf(await write(mother, goal([mother, father], 'Samen naar de schuldhulp.')))).toBe('OUTSIDE_REACH');
    expect(refusalOf(await write(teen, goal([teen, made.member('young')], 'Samen naar opa.')))).toBe('OUTSIDE_REACH');

    const before = await ourPlan(mother);
    const privateItem = await written(older, goal([older], 'Ik wil op kamers, dat weten mijn ouders nog niet.'));
    // Absent for her parents: not the item, not a version, not a count.
    const after = await ourPlan(mother);
    expect(after.latestVersion).toBe(before.latestVersion);
    expect(JSON.stringify(after)).not.toContain(privateItem.id);
    expect(JSON.stringify(after)).not.toContain(older.id);
    expect((await ourPlan(father)).items.map((i) => i.id)).not.toContain(privateItem.id);
    // A parent cannot change it or show it either: it does not exist for them.
    expect(refusalOf(await write(mother, { ...goal([mother], 'overschreven'), itemId: privateItem.id }))).toBe('UNKNOWN_ITEM');
    expect(codeOf(await ask(mother, SHOW, { itemId: privateItem.id, shown: true }))).toBe('NOT_FOUND');
    expect((await ourPlan(older)).items.map((i) => i.id)).toEqual([privateItem.id]);
    // An item that comes into her view by a change starts there: its first version she sees is ITEM_ADDED, not a change of something she never saw.
    const joint = await written(youthCare, { familyId: made.id, kind: 'ACTION', subjectMemberIds: [teen.id, older.id], text: 'Samen met de mentor naar school.', actor: { kind: 'ORGANISATION' } });
    await written(youthCare, { familyId: made.id, kind: 'ACTION', itemId: joint.id, subjectMemberIds: [teen.id], text: 'Met de mentor naar school.', actor: { kind: 'ORGANISATION' } });
    expect((await ourPlan(mother)).versions.filter((v) => v.itemId === joint.id).map((v) => v.change)).toEqual(['ITEM_ADDED']);
    // Agreements are numbered in her own count too: her agreement does not tell her of versions she cannot see.
    const agreed = (await ok<{ agreeToPlan: { version: number } }>(mother, AGREE)).agreeToPlan;
    const mine = await ourPlan(mother);
    expect(agreed.version).toBe(mine.latestVersion);
    expect(mine.agreements.every((a) => a.version <= mine.latestVersion)).toBe(true);
  });

  it('showing to the family: an item is family-wide once every subject chose so by capacity; about every member it is from the start', async () => {
    const { made } = await household();
    const [mother, father, older, teen] = ['mother', 'father', 'older', 'teen'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember, MadeMember];
    const hers = await written(older, goal([older], 'Ik haal mijn rijbewijs.'));
    expect(hers.shownToFamily).toBe(false);
    const shown = (await ok<{ showPlanItemToFamily: Item }>(older, SHOW, { itemId: hers.id, shown: true })).showPlanItemToFamily;
    expect(shown.shownToFamily).toBe(true);
    expect((await ourPlan(father)).items.map((i) => i.id)).toContain(hers.id);
    const decisions = await logged(made.id, 'READ_FAMILY_PLAN');
    expect(decisions.some((d) => d.subjects.includes(older.id) && d.basis === 'SHOWN_TO_FAMILY')).toBe(true);
    await ok(older, SHOW, { itemId: hers.id, shown: false });
    expect((await ourPlan(father)).items.map((i) => i.id)).not.toContain(hers.id);

    // A child of 14: he and a parent both choose; a parent alone, or he alone, is not enough.
    const his = await written(mother, goal([teen], 'Daan krijgt bijles wiskunde.'));
    await ok(teen, SHOW, { itemId: his.id, shown: true });
    expect((await ourPlan(older)).items.map((i) => i.id)).not.toContain(his.id);
    await ok(father, SHOW, { itemId: his.id, shown: true });
    expect((await ourPlan(older)).items.map((i) => i.id)).toContain(his.id);
    // Whose say does not count may not choose: the 17-year-old about her brother.
    expect(refusalOf(await ask(older, SHOW, { itemId: his.id, shown: false }))).toBe('NOT_YOUR_CHOICE');

    // The review date is about every member: family-wide from the start.
    const review = await written(wmo, { familyId: made.id, kind: 'REVIEW', subjectMemberIds: [], text: 'Evaluatie met het hele gezin', dueOn: '2027-03-01' });
    expect(review.shownToFamily).toBe(true);
    expect((await ourPlan(older)).items.find((i) => i.id === review.id)).toMatchObject({ dueOn: '2027-03-01' });
  });

  it('professionals: their organisation\'s actions and proposed goals; the case director alone sets the review date; the family\'s words are the family\'s', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const action = await written(youthCare, { familyId: made.id, kind: 'ACTION', subjectMemberIds: [made.member('teen').id], text: 'Gesprek met de mentor over verzuim.', actor: { kind: 'ORGANISATION' }, dueOn: '2027-01-15' });
    expect(action).toMatchObject({ source: { id: youthCare.id }, actor: { kind: 'ORGANISATION', organisation: { id: youthCare.id } }, status: 'PLANNED', dueOn: '2027-01-15' });
    expect(refusalOf(await write(youthCare, { familyId: made.id, kind: 'WORDS', subjectMemberIds: [mother.id], text: 'Wat wij willen' }))).toBe('NOT_FOR_WRITER');
    expect(refusalOf(await write(youthCare, { familyId: made.id, kind: 'REVIEW', subjectMemberIds: [], text: '', dueOn: '2027-02-01' }))).toBe('NOT_CASE_DIRECTOR');
    expect(refusalOf(await write(youthCare, { familyId: made.id, kind: 'ACTION', subjectMemberIds: [mother.id], text: 'x', actor: { kind: 'ORGANISATION', organisationId: wmo.id } }))).toBe('ACTOR_NOT_ALLOWED');
    expect(refusalOf(await write(mother, { kind: 'ACTION', subjectMemberIds: [mother.id], text: 'x', actor: { kind: 'ORGANISATION', organisationId: wmo.id } }))).toBe('ACTOR_NOT_ALLOWED');
    // Another organisation's action is not theirs to change; an organisation not involved today does not find the family.
    expect(refusalOf(await write(wmo, { familyId: made.id, kind: 'ACTION', itemId: action.id, subjectMemberIds: [mother.id], text: 'overgenomen', actor: { kind: 'ORGANISATION' } }))).toBe('NOT_YOURS');
    expect(codeOf(await write(debt, { familyId: made.id, kind: 'GOAL', subjectMemberIds: [mother.id], text: 'x' }))).toBe('NOT_FOUND');
    // A member's action: by a member or someone of the network.
    const byGrandmother = await written(mother, { kind: 'ACTION', subjectMemberIds: [made.member('young').id], text: 'Lotte op woensdag ophalen van school.', actor: { kind: 'NETWORK', name: 'Oma Riek' } });
    expect(byGrandmother.actor).toEqual({ kind: 'NETWORK', organisation: null, memberId: null, name: 'Oma Riek' });
    // Bad input: clear codes, nothing stored.
    expect(codeOf(await write(mother, goal([mother], '   ')))).toBe('BAD_USER_INPUT');
    expect(codeOf(await write(mother, goal([mother], 'x', { category: 'NATIONAL_ID' })))).toBe('BAD_USER_INPUT');
    expect(codeOf(await write(mother, goal([mother], 'x', { status: 'DONE' })))).toBe('BAD_USER_INPUT');
    expect(codeOf(await write(mother, { ...goal([mother], 'x'), dueOn: '2027-02-30' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await write(mother, goal([], 'x')))).toBe('BAD_USER_INPUT');
    expect(codeOf(await write(mother, { ...goal([mother], 'x'), itemId: 'not-an-id' }))).toBe('NOT_FOUND');
    const versions = await sut.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM family_plan_version WHERE family_id = $1`, [made.id]);
    expect(Number(versions[0]?.n)).toBe(2);
  });

  it('a professional reads each item through the rule: their own actions; the family\'s items by consent for every subject and every category', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const teen = made.member('teen');
    const motherGoal = await written(mother, goal([mother], 'Een baan voor twintig uur.'));
    const debtGoal = await written(mother, goal([mother], 'Een schuldregeling.', { category: 'FINANCES' }));
    const teenGoal = await written(teen, goal([teen], 'Ik wil een bijbaan.'));
    const own = await written(wmo, { familyId: made.id, kind: 'ACTION', subjectMemberIds: [mother.id], text: 'Huishoudelijke hulp aanvragen.', actor: { kind: 'ORGANISATION' } });

    const without = await theirPlan(wmo, made);
    expect(without.items.map((i) => i.id)).toEqual([own.id]);
    expect(without.redactions.map((r) => [r.itemId, r.reason]).sort()).toEqual(
      [
        [motherGoal.id, 'NO_CONSENT'],
        [debtGoal.id, 'NO_CONSENT'],
        [teenGoal.id, 'NO_CONSENT'],
      ].sort(),
    );
    // The plan about the mother, not her finances: the debt goal stays withheld, for FINANCES.
    await sharePlan(made, mother, wmo);
    const planOnly = await theirPlan(wmo, made);
    expect(planOnly.items.map((i) => i.id).sort()).toEqual([motherGoal.id, own.id].sort());
    expect(planOnly.redactions.find((r) => r.itemId === debtGoal.id)).toMatchObject({ category: 'FINANCES', reason: 'NO_CONSENT' });
    await sharePlan(made, mother, wmo, [DataCategory.FINANCES]);
    expect((await theirPlan(wmo, made)).items.map((i) => i.id)).toContain(debtGoal.id);
    // A purpose that may not reach the plan: every family item withheld (PURPOSE_EXCLUDES_CATEGORY).
    const debtPurpose = await theirPlan(wmo, made, 'DEBT_RESOLUTION');
    expect(debtPurpose.redactions.find((r) => r.itemId === motherGoal.id)?.reason).toBe('PURPOSE_EXCLUDES_CATEGORY');
    // Not involved: like a family that does not exist, and logged.
    expect(codeOf(await ask(debt, FAMILY_PLAN, { familyId: made.id, purpose: 'CASE_COORDINATION' }))).toBe('NOT_FOUND');
    expect((await logged(made.id, 'READ_FAMILY_PLAN')).some((d) => d.outcome === 'DENIED' && d.reason === 'NOT_INVOLVED')).toBe(true);
    expect(codeOf(await ask(wmo, FAMILY_PLAN, { familyId: made.id, purpose: 'NOT_A_PURPOSE' }))).toBe('UNKNOWN_PURPOSE');
  });

  it('shielding: a member from whom the case director\'s involvement is shielded is told of no case director in the plan, as in the circle: no name, no agreement of theirs', async () => {
    const { made, involvements } = await household();
    const [mother, father, young] = ['mother', 'father', 'young'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember];
    await ok(wmo, `mutation($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id } }`, {
      input: { familyId: made.id, toProfessionalId: childSafety.professional.id, note: 'Veilig Thuis neemt de regie over tijdens het onderzoek.' },
    });
    await ok(childSafety, `mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id } }`, {
      input: { involvementId: involvements.childSafety, memberIds: [father.id], reason: 'Onderzoek naar een melding loopt; vader weet het nog niet.' },
    });
    const item = await written(mother, goal([young], 'Lotte gaat naar zwemles.'));
    await ok(childSafety, AGREE, { familyId: made.id });
    // The mother knows the case director, and that they agreed.
    const hers = await ourPlan(mother);
    expect(hers.items.find((i) => i.id === item.id)?.caseDirectorAgreed).toBe(true);
    expect(hers.agreements.map((a) => a.caseDirectorName)).toContain(childSafety.professional.name);
    // The father: the same item, as if nobody held case direction.
    const his = await ourPlan(father);
    expect(his.items.find((i) => i.id === item.id)).toMatchObject({ caseDirectorAgreed: false, agreed: false });
    expect(his.agreements).toEqual([]);
    expect(JSON.stringify(his)).not.toContain(childSafety.professional.name);
    expect((await ok<{ myCircle: { caseDirector: unknown } }>(father, `{ myCircle { caseDirector { id } } }`)).myCircle.caseDirector).toBeNull();
  });

  it('a professional is not told who wrote an item withheld from them: its versions name no member and no organisation until it is served', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const teen = made.member('teen');
    const debtGoal = await written(mother, goal([mother], 'Een schuldregeling.', { category: 'FINANCES' }));
    const action = await written(youthCare, { familyId: made.id, kind: 'ACTION', subjectMemberIds: [teen.id], text: 'Intake bij de jeugdpsychiater.', category: 'HEALTH', actor: { kind: 'ORGANISATION' } });
    const withheld = await theirPlan(wmo, made);
    expect(withheld.redactions.map((r) => r.itemId).sort()).toEqual([debtGoal.id, action.id].sort());
    // The versions still count and say which item changed when, but not by whom: that is the item's, as what it says is.
    expect(withheld.versions.map((v) => [v.version, v.itemId, v.byMemberId, v.byOrganisation])).toEqual([
      [2, action.id, null, null],
      [1, debtGoal.id, null, null],
    ]);
    expect(JSON.stringify(withheld)).not.toContain(youthCare.id);
    // Served, the item names who wrote it.
    await sharePlan(made, mother, wmo, [DataCategory.SHARED_PLAN, DataCategory.FINANCES]);
    expect((await theirPlan(wmo, made)).versions.find((v) => v.itemId === debtGoal.id)).toMatchObject({ byMemberId: mother.id, byOrganisation: null });
    expect((await theirPlan(youthCare, made, 'SUPPORT_PLANNING')).versions.find((v) => v.itemId === action.id)).toMatchObject({ byMemberId: null, byOrganisation: { id: youthCare.id } });
  });

  it('every read and write is in the access log about the members the items are about: the mother\'s item read by a professional is in her log, not in her son\'s', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const teen = made.member('teen');
    const item = await written(mother, goal([mother], 'Elke maand sparen.'));
    await sharePlan(made, mother, wmo);
    await theirPlan(wmo, made);
    const reads = (await logged(made.id, 'READ_FAMILY_PLAN')).filter((d) => d.target_ids.includes(item.id));
    expect(reads.map((d) => [d.subjects, d.outcome, d.basis])).toEqual([[[mother.id], 'ALLOWED', 'CONSENT']]);
    const writes = await logged(made.id, 'WRITE_PLAN_ITEM');
    expect(writes).toEqual([expect.objectContaining({ subjects: [mother.id], outcome: 'ALLOWED', basis: 'DATA_SUBJECT', target_ids: [item.id], category: 'SHARED_PLAN' })]);
    const MY_LOG = `{ accessLog(first: 50) { edges { node { activity decisions { targetIds } } } } }`;
    type Log = { accessLog: { edges: { node: { activity: string; decisions: { targetIds: string[] }[] } }[] } };
    const hers = (await ok<Log>(mother, MY_LOG)).accessLog.edges.map((e) => e.node);
    expect(hers.some((n) => n.activity === 'READ_FAMILY_PLAN' && n.decisions.some((d) => d.targetIds.includes(item.id)))).toBe(true);
    const his = (await ok<Log>(teen, MY_LOG)).accessLog.edges.map((e) => e.node);
    expect(JSON.stringify(his)).not.toContain(item.id);
  });

  it('agreement: the case director and each subject by capacity; a change asks again only whom it concerns; a withdrawal shows', async () => {
    const { made } = await household();
    const [mother, father, teen, young] = ['mother', 'father', 'teen', 'young'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember, MadeMember];
    const teenGoal = await written(teen, goal([teen], 'Ik wil mijn diploma halen.'));
    const youngGoal = await written(mother, goal([young], 'Lotte gaat naar zwemles.'));
    expect(codeOf(await ask(youthCare, AGREE, { familyId: made.id }))).toBe('FORBIDDEN');
    await ok(wmo, AGREE, { familyId: made.id });
    await ok(mother, AGREE);
    let plan = await ourPlan(mother);
    const find = (p: Plan, id: string) => p.items.find((i) => i.id === id) as Item;
    // Lotte (8): a parent suffices. Daan (14): he must agree too.
    expect(find(plan, youngGoal.id)).toMatchObject({ agreed: true, caseDirectorAgreed: true });
    expect(find(plan, teenGoal.id)).toMatchObject({ agreed: false, waitingForMemberIds: [teen.id] });
    expect(plan.agreed).toBe(false);
    await ok(teen, AGREE);
    plan = await ourPlan(mother);
    expect(find(plan, teenGoal.id).agreed).toBe(true);
    expect(plan.agreed).toBe(true);
    expect(plan.agreements.map((a) => a.caseDirectorName ?? a.memberId).sort()).toEqual([mother.id, teen.id, wmo.professional.name].sort());

    // A change to Daan's goal asks Daan, a parent and the case director again; Lotte's goal stays agreed.
    await written(teen, { ...goal([teen], 'Ik wil mijn diploma halen, met hulp bij plannen.'), itemId: teenGoal.id });
    plan = await ourPlan(mother);
    expect(find(plan, teenGoal.id)).toMatchObject({ agreed: false, caseDirectorAgreed: false });
    expect([...find(plan, teenGoal.id).waitingForMemberIds].sort()).toEqual([father.id, mother.id, teen.id].sort());
    await ok(wmo, AGREE, { familyId: made.id });
    expect(find(await ourPlan(mother), youngGoal.id).agreed).toBe(true);

    // The mother withdraws: Lotte's goal is no longer agreed, and the plan says so.
    const withdrawn = (await ok<{ withdrawPlanAgreement: { withdrawnAt: string | null } }>(mother, WITHDRAW)).withdrawPlanAgreement;
    expect(withdrawn.withdrawnAt).not.toBeNull();
    plan = await ourPlan(father);
    expect(find(plan, youngGoal.id).agreed).toBe(false);
    expect(plan.agreements.find((a) => a.memberId === mother.id)?.withdrawnAt).not.toBeNull();
    expect(refusalOf(await ask(mother, WITHDRAW))).toBe('NOTHING_TO_WITHDRAW');
    expect((await logged(made.id, 'WITHDRAW_PLAN_AGREEMENT')).map((d) => d.subjects)).toEqual([[mother.id]]);
  });

  it('shielding: what an organisation shielded from a member writes or carries out does not exist in that member\'s view', async () => {
    const { made, involvements } = await household();
    const mother = made.member('mother');
    const father = made.member('father');
    const young = made.member('young');
    const shielded = await ok<{ shieldInvolvement: { id: string }[] }>(childSafety, `mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id } }`, {
      input: { involvementId: involvements.childSafety, memberIds: [father.id], reason: 'Onderzoek naar een melding loopt; vader weet het nog niet.' },
    });
    const action = await written(childSafety, { familyId: made.id, kind: 'ACTION', subjectMemberIds: [young.id], text: 'Huisbezoek plannen.', actor: { kind: 'ORGANISATION' } });
    // Showing to the family is the family's choice, not a professional's.
    expect(codeOf(await ask(childSafety, SHOW, { itemId: action.id, shown: true }))).toBe('FORBIDDEN');
    expect((await ourPlan(mother)).items.map((i) => i.id)).toContain(action.id);
    const his = await ourPlan(father);
    expect(JSON.stringify(his)).not.toContain(action.id);
    expect(JSON.stringify(his)).not.toContain(childSafety.id);
    expect(his.latestVersion).toBe(0);

    // Lifted: the action is in his view again, everywhere he acts on the plan.
    const shieldingId = shielded.shieldInvolvement[0]?.id;
    await ok(childSafety, `mutation($input: LiftShieldingInput!) { liftShielding(input: $input) { id } }`, { input: { shieldingId, reason: 'Onderzoek afgerond; vader is ingelicht.' } });
    expect((await ourPlan(father)).items.map((i) => i.id)).toContain(action.id);
    expect((await ask(father, SHOW, { itemId: action.id, shown: true })).errors).toBeUndefined();
  });
});
