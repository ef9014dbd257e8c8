import { ManualClock } from '@kring/config';
import { addWorkingDays } from '@kring/escalation';
import { DataCategory } from '@kring/family-file';
import { ProfessionalRole } from '@kring/identity';
import { circleHousehold, circlePartners, newWorld, type MadeFamily, type MadeMember, type MadeProfessional, type Partner, type World } from './support/factories';
import { asking } from './support/asking';
import { dumpDatabase } from './support/database-dump';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const ESCALATION = `id familyId kind subjectMemberIds category purpose blockingKind blockingOrganisation { id name } blocks tried closed { category reason }
  raisedBy { kind memberId professional { id name organisation { id } } } raisedAt ageInDays status dueOn overdue
  takenOnBy { id name organisation { id } } takenOnAt decision { decision setAside authority budgetCents decidedAt decidedBy { id } } decisionClosed { category reason }`;
const RAISE = `mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { ${ESCALATION} } }`;
const QUEUE = `{ escalationQueue { ${ESCALATION} } }`;
const OURS = `{ ourEscalations { ${ESCALATION} } }`;
const FAMILY = `query($familyId: ID!) { familyEscalations(familyId: $familyId) { ${ESCALATION} } }`;
const ONE = `query($id: ID!) { escalation(id: $id) { ${ESCALATION} } }`;
const TAKE_ON = `mutation($id: ID!) { takeOnEscalation(id: $id) { ${ESCALATION} } }`;
const DECIDE = `mutation($input: DecideEscalationInput!) { decideEscalation(input: $input) { ${ESCALATION} } }`;
const FIGURES = `query($from: String!, $to: String!) { escalationFigures(from: $from, to: $to) { organisation { id } raised open takenOn decided takenOnByThisOrganisation overdue decidedLate medianDaysToDecision p90DaysToDecision } }`;

interface Escalation {
  id: string;
  familyId: string;
  kind: string;
  subjectMemberIds: string[];
  category: string;
  purpose: string;
  blocks: string | null;
  tried: string | null;
  closed: { category: string; reason: string } | null;
  raisedBy: { kind: string; memberId: string | null; professional: { id: string; name: string } | null };
  status: string;
  dueOn: string;
  overdue: boolean;
  ageInDays: number;
  takenOnBy: { id: string; organisation: { id: string } } | null;
  decision: { decision: string | null; setAside: string | null; authority: string | null; budgetCents: number | null; decidedBy: { id: string } } | null;
  decisionClosed: { category: string; reason: string } | null;
}
interface Figures {
  organisation: { id: string };
  raised: number;
  open: number;
  takenOn: number;
  decided: number;
  takenOnByThisOrganisation: number;
  overdue: number;
  decidedLate: number;
  medianDaysToDecision: number | null;
  p90DaysToDecision: number | null;
}
type Answer = { errors?: { extensions?: Record<string, unknown> }[] };

const WAITING_LIST = 'De wachtlijst voor budgetcoaching is 14 weken.';
const TRIED = 'Twee keer gebeld en om voorrang gevraagd; geen plek.';
const DECIDED = 'Budgetcoaching start volgende week bij het sociaal team.';

/**
 * Escalation (DESIGN.md §9, doorbraak; docs/escalation.md): a professional or a member says the
 * situation is stuck; the team leads of the involved organisations see it in their queue, one
 * takes it on, and they decide within 10 working days. Its texts are sealed and read through the
 * one access rule; a member sees the escalations about their reach and nothing else; every read
 * and change is logged about its subjects; erasure destroys its texts.
 */
describe('escalation (doorbraak)', () => {
  // A Monday without holidays in the fortnight after it: the deadline is the Monday two weeks on.
  const start = new Date('2026-11-30T09:00:00Z');
  const clock = new ManualClock(start);
  let sut: TestGateway;
  let world: World;
  let wmo: Partner;
  let youthCare: Partner;
  let childSafety: Partner;
  let debt: Partner;
  let wmoLead: MadeProfessional;
  let youthLead: MadeProfessional;
  let youthLead2: MadeProfessional;
  let debtLead: MadeProfessional;
  let officer: MadeProfessional;
  let chainOfficer: MadeProfessional;
  let ask: ReturnType<typeof asking>['ask'];
  let ok: ReturnType<typeof asking>['ok'];
  let codeOf: ReturnType<typeof asking>['codeOf'];

  const refusalOf = (answer: Answer) => answer.errors?.[0]?.extensions?.['refusal'];
  const household = () => circleHousehold(world, { wmo, youthCare, childSafety, debt });
  const raise = (by: Partner | MadeMember | MadeProfessional, input: Record<string, unknown>) => ask<{ raiseEscalation: Escalation }>(by, RAISE, { input });
  const raised = async (by: Partner | MadeMember | MadeProfessional, input: Record<string, unknown>) => (await ok<{ raiseEscalation: Escalation }>(by, RAISE, { input })).raiseEscalation;
  /** WMO's case director says Marieke's debt help is stuck on a waiting list. */
  const byWmo = (family: MadeFamily, subject: MadeMember, extra: Record<string, unknown> = {}) =>
    raised(wmo, { familyId: family.id, subjectMemberIds: [subject.id], blockingKind: 'SCHEME', blocks: WAITING_LIST, tried: TRIED, category: 'FINANCES', purpose: 'CASE_COORDINATION', ...extra });
  const queue = async (lead: MadeProfessional) => (await ok<{ escalationQueue: Escalation[] }>(lead, QUEUE)).escalationQueue;
  const ours = async (member: MadeMember) => (await ok<{ ourEscalations: Escalation[] }>(member, OURS)).ourEscalations;
  const takeOn = async (lead: MadeProfessional, id: string) => (await ok<{ takeOnEscalation: Escalation }>(lead, TAKE_ON, { id })).takeOnEscalation;
  const decide = (lead: MadeProfessional, escalationId: string, extra: Record<string, unknown> = {}) =>
    ask<{ decideEscalation: Escalation }>(lead, DECIDE, { input: { escalationId, decision: DECIDED, setAside: 'De volgorde van de wachtlijst.', authority: 'Teamleider Wmo, doorbraakmandaat.', budgetCents: 150_000, ...extra } });
  const logged = (familyId: string, activity: string) =>
    sut.dataSource.query<{ subjects: string[]; outcome: string; basis: string | null; reason: string | null; target_kind: string; target_ids: string[]; purpose: string | null; actor_organisation_id: string | null }[]>(
      `SELECT subject_member_ids::text[] AS subjects, outcome, basis, reason, target_kind, target_ids::text[] AS target_ids, purpose, actor_organisation_id FROM access_log_decision WHERE family_id = $1 AND activity = $2`,
      [familyId, activity],
    );

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'escalation', seedDemoWorld: false, clock });
    world = newWorld(sut);
    ({ ask, ok, codeOf } = asking(sut, world));
    ({ wmo, youthCare, childSafety, debt } = await circlePartners(world));
    wmoLead = await world.professional(wmo.organisation, { roles: [ProfessionalRole.TEAM_LEAD] });
    youthLead = await world.professional(youthCare.organisation, { roles: [ProfessionalRole.TEAM_LEAD] });
    youthLead2 = await world.professional(youthCare.organisation, { roles: [ProfessionalRole.TEAM_LEAD] });
    debtLead = await world.professional(debt.organisation, { roles: [ProfessionalRole.TEAM_LEAD] });
    officer = await world.professional(youthCare.organisation, { roles: [ProfessionalRole.PRIVACY_OFFICER] });
    chainOfficer = await world.professional(wmo.organisation, { roles: [ProfessionalRole.CHAIN_PRIVACY_OFFICER] });
  });
  beforeEach(() => clock.set(start));
  afterAll(async () => {
    await sut?.close();
  });

  it('a professional raises an escalation: open, due 10 working days after today, its texts sealed in the database', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const escalation = await byWmo(made, mother);

    expect(escalation).toMatchObject({ kind: 'STUCK', subjectMemberIds: [mother.id], category: 'FINANCES', purpose: 'CASE_COORDINATION', blocks: WAITING_LIST, tried: TRIED, closed: null, status: 'OPEN', overdue: false, ageInDays: 0, takenOnBy: null, decision: null });
    expect(escalation.raisedBy).toMatchObject({ kind: 'PROFESSIONAL', memberId: null, professional: { id: wmo.professional.id, name: wmo.professional.name } });
    expect(escalation.dueOn).toBe('2026-12-14');
    expect(escalation.dueOn).toBe(addWorkingDays('2026-11-30', 10));
    const rows = await sut.dataSource.query<{ text: string }[]>(`SELECT encode(blocks_ciphertext, 'escape') || encode(tried_ciphertext, 'escape') AS text FROM escalation WHERE id = $1`, [escalation.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).not.toMatch(/wachtlijst|voorrang/);
  });

  it('the queue: team leads of every involved organisation, oldest first; the raiser\'s own organisation reads it, another only through the rule (closed with the reason until the family consents)', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const first = await byWmo(made, mother);
    clock.set(new Date(start.getTime() + 3600_000));
    const second = await byWmo(made, mother, { blocks: 'Het UWV rekent de toeslag anders dan de gemeente.', blockingKind: 'RULE' });

    const own = (await queue(wmoLead)).filter((e) => e.familyId === made.id);
    expect(own.map((e) => [e.id, e.blocks])).toEqual([
      [first.id, WAITING_LIST],
      [second.id, 'Het UWV rekent de toeslag anders dan de gemeente.'],
    ]);
    const answer = await ask<{ escalationQueue: Escalation[] }>(youthLead, QUEUE);
    const theirs = (answer.data?.escalationQueue ?? []).filter((e) => e.familyId === made.id);
    expect(theirs.map((e) => [e.id, e.blocks, e.tried, e.closed, e.status, e.dueOn])).toEqual([
      [first.id, null, null, { category: 'FINANCES', reason: 'NO_CONSENT' }, 'OPEN', '2026-12-14'],
      [second.id, null, null, { category: 'FINANCES', reason: 'NO_CONSENT' }, 'OPEN', '2026-12-14'],
    ]);
    expect(JSON.stringify(theirs)).not.toMatch(/wachtlijst|UWV|voorrang/);
    const denied = await logged(made.id, 'READ_ESCALATIONS');
    expect(denied).toEqual(expect.arrayContaining([expect.objectContaining({ subjects: [mother.id], outcome: 'DENIED', reason: 'NO_CONSENT', target_kind: 'ESCALATION', actor_organisation_id: youthCare.id })]));

    await world.consent(made, { subject: mother, recipient: youthCare, categories: [DataCategory.FINANCES], purposes: ['CASE_COORDINATION'] });
    const opened = (await queue(youthLead)).find((e) => e.id === first.id);
    expect(opened).toMatchObject({ blocks: WAITING_LIST, closed: null });
    // An organisation whose involvement ended, and a professional who is not a team lead, have no queue of this family.
    expect((await queue(debtLead)).filter((e) => e.familyId === made.id)).toEqual([]);
    expect(codeOf(await ask(youthCare, QUEUE))).toBe('FORBIDDEN');
    // Not involved today: the escalation answers like one that does not exist, and the attempt is logged.
    for (const query of [ONE, TAKE_ON]) expect(codeOf(await ask(debtLead, query, { id: first.id }))).toBe('NOT_FOUND');
    expect(codeOf(await ask(debtLead, FAMILY, { familyId: made.id }))).toBe('NOT_FOUND');
    expect((await logged(made.id, 'TAKE_ON_ESCALATION')).map((d) => [d.outcome, d.reason, d.actor_organisation_id, d.target_ids])).toEqual([['DENIED', 'NOT_INVOLVED', debt.id, [first.id]]]);
  });

  it('taking on and deciding: any team lead of an involved organisation takes it on once; they or a colleague of their organisation decide, once; the raiser reads the decision only through the rule', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const escalation = await byWmo(made, mother);
    expect(codeOf(await ask(youthCare, TAKE_ON, { id: escalation.id }))).toBe('FORBIDDEN');

    const taken = await takeOn(youthLead, escalation.id);
    expect(taken).toMatchObject({ status: 'TAKEN_ON', takenOnBy: { id: youthLead.id, organisation: { id: youthCare.id } }, closed: { reason: 'NO_CONSENT' } });
    const again = await ask(wmoLead, TAKE_ON, { id: escalation.id });
    expect([codeOf(again), refusalOf(again)]).toEqual(['BAD_USER_INPUT', 'ALREADY_TAKEN_ON']);
    const notTheirs = await decide(wmoLead, escalation.id);
    expect([codeOf(notTheirs), refusalOf(notTheirs)]).toEqual(['FORBIDDEN', 'NOT_YOURS']);

    const decided = await decide(youthLead2, escalation.id);
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideEscalation).toMatchObject({
      status: 'DECIDED',
      overdue: false,
      decision: { decision: DECIDED, setAside: 'De volgorde van de wachtlijst.', authority: 'Teamleider Wmo, doorbraakmandaat.', budgetCents: 150_000, decidedBy: { id: youthLead2.id } },
      decisionClosed: null,
    });
    const twice = await decide(youthLead, escalation.id);
    expect([codeOf(twice), refusalOf(twice)]).toEqual(['BAD_USER_INPUT', 'ALREADY_DECIDED']);

    // The raiser's organisation reads what it wrote, not the other organisation's decision (no consent); the member reads both.
    const raisers = (await ok<{ familyEscalations: Escalation[] }>(wmo, FAMILY, { familyId: made.id })).familyEscalations;
    expect(raisers.map((e) => [e.blocks, e.decision?.decision ?? null, e.decision?.budgetCents ?? null, e.decisionClosed?.reason])).toEqual([[WAITING_LIST, null, null, 'NO_CONSENT']]);
    expect((await ours(mother)).map((e) => [e.blocks, e.decision?.decision, e.decision?.budgetCents, e.status])).toEqual([[WAITING_LIST, DECIDED, 150_000, 'DECIDED']]);

    const sealed = await sut.dataSource.query<{ text: string }[]>(`SELECT encode(decision_ciphertext, 'escape') || encode(budget_ciphertext, 'escape') AS text FROM escalation WHERE id = $1`, [escalation.id]);
    expect(sealed[0]?.text).not.toMatch(/Budgetcoaching|150000/);
    // A decision is final, also for the application's own role: the trigger refuses an edit.
    await expect(sut.dataSource.query(`UPDATE escalation SET decision_ciphertext = '\\x00' WHERE id = $1`, [escalation.id])).rejects.toThrow(/never edited/);
    await expect(sut.dataSource.query(`UPDATE escalation SET taken_on_by_professional_id = $2 WHERE id = $1`, [escalation.id, wmoLead.id])).rejects.toThrow(/never edited/);
  });

  it('a member raises one about their reach, in their own words: the team leads read it, other professionals only with consent, and for a member outside their reach it does not exist', async () => {
    const { made } = await household();
    const [mother, father, older, young] = ['mother', 'father', 'older', 'young'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember, MadeMember];
    const outside = await raise(mother, { subjectMemberIds: [father.id], blockingKind: 'OTHER', blocks: WAITING_LIST, tried: TRIED });
    expect([codeOf(outside), refusalOf(outside)]).toEqual(['BAD_USER_INPUT', 'NOT_IN_REACH']);
    const escalation = await raised(mother, { subjectMemberIds: [mother.id, young.id], blockingKind: 'ORGANISATION', blockingOrganisationId: debt.id, blocks: 'De schuldhulp neemt de telefoon niet op.', tried: TRIED });
    expect(escalation).toMatchObject({ category: 'OWN_WORDS', purpose: 'CASE_COORDINATION', raisedBy: { kind: 'MEMBER', memberId: mother.id, professional: null }, subjectMemberIds: [mother.id, young.id].sort() });

    expect((await queue(youthLead)).find((e) => e.id === escalation.id)).toMatchObject({ blocks: 'De schuldhulp neemt de telefoon niet op.', closed: null });
    expect((await ok<{ familyEscalations: Escalation[] }>(youthCare, FAMILY, { familyId: made.id })).familyEscalations.find((e) => e.id === escalation.id)).toMatchObject({ blocks: null, closed: { category: 'OWN_WORDS', reason: 'NO_CONSENT' } });
    expect((await ours(mother)).map((e) => e.id)).toEqual([escalation.id]);

    // The father has the child in reach but not the mother; the 17-year-old has neither: it does not exist for them, not even as a count.
    for (const member of [father, older]) {
      const raw = await ask<{ ourEscalations: Escalation[] }>(member, OURS);
      expect(raw.data).toEqual({ ourEscalations: [] });
      const answer = JSON.stringify(raw);
      for (const hidden of [escalation.id, 'schuldhulp', debt.id]) expect(answer).not.toContain(hidden);
      expect(codeOf(await ask(member, ONE, { id: escalation.id }))).toBe('NOT_FOUND');
    }
    expect(await logged(made.id, 'RAISE_ESCALATION')).toEqual(
      expect.arrayContaining([expect.objectContaining({ subjects: [mother.id], basis: 'DATA_SUBJECT', target_kind: 'ESCALATION', target_ids: [escalation.id], purpose: null })]),
    );
  });

  it('shielding: an escalation an organisation shielded from a member raised does not exist in that member\'s view', async () => {
    const { made, involvements } = await household();
    const [mother, father, young] = ['mother', 'father', 'young'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember];
    await ok(childSafety, `mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id } }`, {
      input: { involvementId: involvements.childSafety, memberIds: [father.id], reason: 'Onderzoek naar een melding loopt; vader weet het nog niet.' },
    });
    const shielded = await raised(childSafety, { familyId: made.id, subjectMemberIds: [young.id], blockingKind: 'RULE', blocks: 'Een beschermingsmaatregel wacht op de rechtbank.', tried: TRIED, category: 'SAFETY', purpose: 'CHILD_PROTECTION' });
    const naming = await raised(mother, { subjectMemberIds: [young.id], blockingKind: 'ORGANISATION', blockingOrganisationId: childSafety.id, blocks: 'Veilig Thuis reageert niet op mijn vragen.', tried: TRIED });
    const plain = await raised(mother, { subjectMemberIds: [young.id], blockingKind: 'OTHER', blocks: 'De school en de jeugdhulp spreken elkaar tegen.', tried: TRIED });

    expect((await ours(mother)).map((e) => e.id).sort()).toEqual([shielded.id, naming.id, plain.id].sort());
    const fathers = JSON.stringify(await ask(father, OURS));
    for (const hidden of [shielded.id, naming.id, childSafety.id, 'beschermingsmaatregel', 'Veilig Thuis']) expect(fathers).not.toContain(hidden);
    expect((await ours(father)).map((e) => e.id)).toEqual([plain.id]);

    // The father may name Veilig Thuis himself (organisations are public): his own escalation stays his, and says nothing back.
    const his = await raised(father, { subjectMemberIds: [father.id], blockingKind: 'ORGANISATION', blockingOrganisationId: childSafety.id, blocks: 'Ik hoor niets terug van Veilig Thuis.', tried: TRIED });
    expect((await ours(father)).map((e) => e.id).sort()).toEqual([plain.id, his.id].sort());
    // A team lead of the organisation shielded from him does not take it on (it would leave his view); another organisation's does.
    const childSafetyLead = await world.professional(childSafety.organisation, { roles: [ProfessionalRole.TEAM_LEAD] });
    const shieldedLead = await ask(childSafetyLead, TAKE_ON, { id: his.id });
    expect([codeOf(shieldedLead), refusalOf(shieldedLead)]).toEqual(['FORBIDDEN', 'SHIELDED_FROM_RAISER']);
    await takeOn(wmoLead, his.id);
    expect((await ours(father)).find((e) => e.id === his.id)).toMatchObject({ status: 'TAKEN_ON', takenOnBy: { id: wmoLead.id } });
  });

  it('overdue: not decided after its last working day; the queue flags it, a late decision is counted late', async () => {
    const { made } = await household();
    const escalation = await byWmo(made, made.member('mother'));
    clock.set(new Date('2026-12-14T20:00:00Z'));
    expect((await queue(wmoLead)).find((e) => e.id === escalation.id)).toMatchObject({ overdue: false, ageInDays: 14 });
    clock.set(new Date('2026-12-15T08:00:00Z'));
    expect((await queue(wmoLead)).find((e) => e.id === escalation.id)).toMatchObject({ overdue: true, status: 'OPEN' });
    await takeOn(wmoLead, escalation.id);
    const decided = await decide(wmoLead, escalation.id, { setAside: null, budgetCents: null });
    expect(decided.data?.decideEscalation).toMatchObject({ overdue: false, status: 'DECIDED', decision: { setAside: null, budgetCents: null } });
    expect((await queue(wmoLead)).find((e) => e.id === escalation.id)).toBeUndefined();
  });

  it('figures: a privacy officer sees their organisation\'s counts, the chain privacy officer every organisation\'s; no personal data, and nobody else asks', async () => {
    // A day of its own (Monday 5 October 2026), so the counts are this test's alone.
    clock.set(new Date('2026-10-05T09:00:00Z'));
    const { made } = await household();
    const late = await byWmo(made, made.member('mother'));
    const open = await byWmo(made, made.member('father'));
    clock.set(new Date('2026-10-21T09:00:00Z'));
    await takeOn(youthLead, late.id);
    expect((await decide(youthLead, late.id)).errors).toBeUndefined();
    const period = { from: '2026-10-05', to: '2026-10-05' };

    const chain = (await ok<{ escalationFigures: Figures[] }>(chainOfficer, FIGURES, period)).escalationFigures;
    expect(chain.map((f) => f.organisation.id).sort()).toEqual([wmo.id, youthCare.id, childSafety.id].sort());
    // Debt assistance's involvement ended the day before: the escalations were not about a family it was involved with.
    expect(chain.map((f) => f.organisation.id)).not.toContain(debt.id);
    const theirs = (await ok<{ escalationFigures: Figures[] }>(officer, FIGURES, period)).escalationFigures;
    expect(theirs).toEqual([
      { organisation: { id: youthCare.id }, raised: 2, open: 1, takenOn: 0, decided: 1, takenOnByThisOrganisation: 1, overdue: 1, decidedLate: 1, medianDaysToDecision: 16, p90DaysToDecision: 16 },
    ]);
    expect(chain.find((f) => f.organisation.id === wmo.id)).toMatchObject({ raised: 2, takenOnByThisOrganisation: 0 });
    expect(JSON.stringify(chain)).not.toMatch(new RegExp([open.id, late.id, made.id].join('|')));
    expect((await ok<{ escalationFigures: Figures[] }>(officer, FIGURES, { from: '2026-10-06', to: '2026-10-31' })).escalationFigures).toEqual([]);
    for (const bearer of [wmoLead, wmo, made.member('mother')] as const) expect(codeOf(await ask(bearer, FIGURES, period))).toBe('FORBIDDEN');
    expect(codeOf(await ask(chainOfficer, FIGURES, { from: '2026-12-01', to: '2026-11-01' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(chainOfficer, FIGURES, { from: '1 december', to: '2026-11-01' }))).toBe('BAD_USER_INPUT');
  });

  it('a member\'s request for another case director arrives in the team leads\' queue as an escalation, and in the old list', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const request = await ok<{ requestOtherCaseDirector: { id: string; reason: string } }>(mother, `mutation { requestOtherCaseDirector(reason: "Wij willen graag iemand van de jeugdhulp.") { id reason } }`);
    const inQueue = (await queue(youthLead)).find((e) => e.id === request.requestOtherCaseDirector.id);
    expect(inQueue).toMatchObject({ kind: 'OTHER_CASE_DIRECTOR', blocks: 'Wij willen graag iemand van de jeugdhulp.', tried: null, status: 'OPEN', raisedBy: { kind: 'MEMBER', memberId: mother.id } });
    const listed = await ok<{ caseDirectorRequests: { id: string; reason: string }[] }>(youthLead, `{ caseDirectorRequests { id reason } }`);
    expect(listed.caseDirectorRequests).toEqual(expect.arrayContaining([{ id: request.requestOtherCaseDirector.id, reason: 'Wij willen graag iemand van de jeugdhulp.' }]));
    expect((await ours(mother)).map((e) => e.kind)).toEqual(['OTHER_CASE_DIRECTOR']);
    expect((await logged(made.id, 'REQUEST_OTHER_CASE_DIRECTOR')).map((d) => [d.subjects, d.target_kind, d.basis])).toEqual([[[mother.id], 'ESCALATION', 'DATA_SUBJECT']]);
  });

  it('every change is in the access log about the escalation\'s members, never its texts', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const escalation = await byWmo(made, mother);
    await takeOn(wmoLead, escalation.id);
    await decide(wmoLead, escalation.id);
    const of = async (activity: string) => (await logged(made.id, activity)).map((d) => [d.subjects, d.outcome, d.basis, d.target_kind, d.target_ids, d.purpose]);
    expect(await of('RAISE_ESCALATION')).toEqual([[[mother.id], 'ALLOWED', 'OWN_RECORD', 'ESCALATION', [escalation.id], 'CASE_COORDINATION']]);
    expect(await of('TAKE_ON_ESCALATION')).toEqual([[[mother.id], 'ALLOWED', 'INVOLVED_ORGANISATION', 'ESCALATION', [escalation.id], null]]);
    expect(await of('DECIDE_ESCALATION')).toEqual([[[mother.id], 'ALLOWED', 'OWN_RECORD', 'ESCALATION', [escalation.id], 'CASE_COORDINATION']]);
    const text = await sut.dataSource.query<{ t: string }[]>(`SELECT string_agg(e::text, ' ') AS t FROM access_log_entry e WHERE family_id = $1`, [made.id]);
    expect(text[0]?.t).not.toMatch(/wachtlijst|Budgetcoaching|doorbraakmandaat/);
  });

  it('erasure destroys every text of the family\'s escalations: gone from the table and the dump', async () => {
    const { made } = await household();
    const escalation = await byWmo(made, made.member('mother'));
    await takeOn(wmoLead, escalation.id);
    await decide(wmoLead, escalation.id);
    const [before] = await sut.dataSource.query<{ hex: string }[]>(`SELECT encode(blocks_ciphertext, 'hex') AS hex FROM escalation WHERE id = $1`, [escalation.id]);
    await ok(chainOfficer, `mutation($id: ID!, $reason: String!) { eraseFamily(id: $id, reason: $reason) { familyId } }`, { id: made.id, reason: 'Verzoek AVG-2026-0301, art. 17 lid 1 sub a' });

    const left = await sut.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM escalation WHERE family_id = $1 AND (blocks_ciphertext IS NOT NULL OR tried_ciphertext IS NOT NULL OR decision_ciphertext IS NOT NULL OR set_aside_ciphertext IS NOT NULL OR authority_ciphertext IS NOT NULL OR budget_ciphertext IS NOT NULL)`,
      [made.id],
    );
    expect(Number(left[0]?.n)).toBe(0);
    expect((await dumpDatabase(sut.database.url)).text).not.toContain(before?.hex as string);
    expect((await queue(wmoLead)).find((e) => e.id === escalation.id)).toBeUndefined();
    expect(codeOf(await ask(wmo, FAMILY, { familyId: made.id }))).toBe('NOT_FOUND');
  });

  it('bad input is refused with its code, never an internal error, and nothing is stored', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    const base = { familyId: made.id, subjectMemberIds: [mother.id], blockingKind: 'SCHEME', blocks: WAITING_LIST, tried: TRIED, category: 'FINANCES', purpose: 'CASE_COORDINATION' };
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ blocks: 'te kort' }, 'BAD_USER_INPUT', 'BLOCKS_LENGTH'],
      [{ tried: 'x'.repeat(2001) }, 'BAD_USER_INPUT', 'TRIED_LENGTH'],
      [{ category: 'NATIONAL_ID' }, 'BAD_USER_INPUT', 'CATEGORY_NOT_FOR_ESCALATION'],
      [{ category: null }, 'BAD_USER_INPUT', 'CATEGORY_NOT_FOR_ESCALATION'],
      [{ blockingKind: 'ORGANISATION' }, 'BAD_USER_INPUT', 'BLOCKING_ORGANISATION'],
      [{ blockingKind: 'ORGANISATION', blockingOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'BAD_USER_INPUT', 'BLOCKING_ORGANISATION'],
      [{ subjectMemberIds: [] }, 'BAD_USER_INPUT', 'NO_SUBJECTS'],
      [{ category: 'HEALTH' }, 'FORBIDDEN', 'CLOSED_TO_RAISER'],
      [{ purpose: 'NO_SUCH_PURPOSE' }, 'UNKNOWN_PURPOSE', undefined],
      [{ familyId: null }, 'BAD_USER_INPUT', undefined],
      [{ familyId: 'not-an-id' }, 'NOT_FOUND', undefined],
      [{ familyId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', undefined],
    ];
    for (const [change, code, refusal] of cases) {
      const answer = await raise(wmo, { ...base, ...change });
      expect([JSON.stringify(change), codeOf(answer), refusalOf(answer)]).toEqual([JSON.stringify(change), code, refusal]);
    }
    const escalation = await byWmo(made, mother);
    await takeOn(wmoLead, escalation.id);
    for (const [change, refusal] of [
      [{ budgetCents: -1 }, 'BUDGET_RANGE'],
      [{ budgetCents: 100_000_001 }, 'BUDGET_RANGE'],
      [{ decision: 'kort' }, 'DECISION_LENGTH'],
      [{ authority: '' }, 'AUTHORITY_LENGTH'],
    ] as const) {
      const answer = await decide(wmoLead, escalation.id, change);
      expect([codeOf(answer), refusalOf(answer)]).toEqual(['BAD_USER_INPUT', refusal]);
    }
    for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000']) {
      expect(codeOf(await ask(wmoLead, TAKE_ON, { id }))).toBe('NOT_FOUND');
      expect(codeOf(await ask(mother, ONE, { id }))).toBe('NOT_FOUND');
      expect(codeOf(await decide(wmoLead, id))).toBe('NOT_FOUND');
    }
    expect(Number((await sut.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM escalation WHERE family_id = $1`, [made.id]))[0]?.n)).toBe(1);
    // Officers and administrators do not raise or read escalations; a member may not choose a category.
    expect(codeOf(await raise(officer, base))).toBe('FORBIDDEN');
    expect(codeOf(await raise(mother, { subjectMemberIds: [mother.id], blockingKind: 'OTHER', blocks: WAITING_LIST, tried: TRIED, category: 'FINANCES' }))).toBe('BAD_USER_INPUT');
  });
});
