import fc from 'fast-check';
import { ManualClock } from '@kring/config';
import { Domain, ProfessionalRole } from '@kring/identity';
import { asking } from './support/asking';
import { familyWithTeen, newWorld, type MadeProfessional, type Partner, type World } from './support/factories';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from './support/test-gateway';

const SERVICE = `id name description domain organisation { id name } ageFrom ageTo problems municipalities { code name } accessRoute waitingWeeks waitingTimeStatedOn waitingTimeStale contact { phone email website address }`;
const SEARCH = `query($search: ServiceSearch, $first: Int, $after: String) { services(search: $search, first: $first, after: $after) { edges { cursor node { ${SERVICE} } } pageInfo { hasNextPage endCursor } } }`;
const ONE = `query($id: ID!) { service(id: $id) { ${SERVICE} } }`;
const PUBLISH = `mutation($input: PublishServiceInput!) { publishService(input: $input) { ${SERVICE} } }`;
const UPDATE = `mutation($id: ID!, $input: ServiceInput!) { updateService(id: $id, input: $input) { ${SERVICE} } }`;
const WAITING = `mutation($id: ID!, $weeks: Int!) { setWaitingTime(serviceId: $id, weeks: $weeks) { ${SERVICE} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawService(id: $id) }`;

interface Service {
  id: string;
  name: string;
  description: string;
  domain: string;
  organisation: { id: string; name: string };
  ageFrom: number | null;
  ageTo: number | null;
  problems: string[];
  municipalities: { code: string; name: string }[];
  accessRoute: string;
  waitingWeeks: number | null;
  waitingTimeStatedOn: string | null;
  waitingTimeStale: boolean;
  contact: { phone: string | null; email: string | null; website: string | null; address: string | null };
}
type Page = { services: { edges: { cursor: string; node: Service }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const HEERENVEEN = 'GM0074';
const LEEUWARDEN = 'GM0080';
const DAY = 24 * 3600 * 1000;

/** A service as a professional writes it; the test overrides what it is about. */
const input = (over: Record<string, unknown>) => ({
  description: 'Hulp voor inwoners van Heerenveen, gratis en dichtbij.',
  domain: 'DEBT_ASSISTANCE',
  problems: ['SCHULDEN'],
  municipalityCodes: [HEERENVEEN],
  accessRoute: 'WALK_IN',
  phone: '0513 61 7700',
  ...over,
});

/**
 * The social map (DESIGN.md §9, sociale kaart; docs/social-map.md): services an organisation
 * publishes, read by anyone without signing in, searched in Dutch with PostgreSQL full-text
 * search (exact name first, then by rank), with filters and cursor pages; kept up to date by
 * the organisation's own professionals, every change in the access log.
 */
describe('the social map (sociale kaart)', () => {
  const start = new Date('2026-12-07T10:00:00Z');
  const clock = new ManualClock(start);
  let sut: TestGateway;
  let world: World;
  let debt: Partner;
  let debtLead: MadeProfessional;
  let debtOfficer: MadeProfessional;
  let youth: Partner;
  let ask: ReturnType<typeof asking>['ask'];
  let ok: ReturnType<typeof asking>['ok'];
  let codeOf: ReturnType<typeof asking>['codeOf'];
  const made: Record<string, Service> = {};

  /** Anyone, without a token. */
  const anonymous = <T>(query: string, variables: Record<string, unknown> = {}) => sut.graphql<T>(query, { variables });
  const search = async (searchInput: Record<string, unknown>, first = 50, after?: string) => {
    const answer = await anonymous<Page>(SEARCH, { search: searchInput, first, ...(after === undefined ? {} : { after }) });
    expect(answer.errors).toBeUndefined();
    return (answer.data as Page).services;
  };
  const names = async (searchInput: Record<string, unknown>) => (await search(searchInput)).edges.map((e) => e.node.name);
  const publish = async (by: Partner | MadeProfessional, over: Record<string, unknown>) => (await ok<{ publishService: Service }>(by, PUBLISH, { input: input(over) })).publishService;
  const fieldOf = (answer: GraphQLAnswer<unknown>) => answer.errors?.[0]?.extensions?.['field'];
  const logged = (activity: string, serviceId: string) =>
    sut.dataSource.query<{ family_id: string | null; subjects: string[]; outcome: string; reason: string | null; target_kind: string; source_organisation_id: string | null; fields: string[]; actor_id: string }[]>(
      `SELECT family_id, subject_member_ids::text[] AS subjects, outcome, reason, target_kind, source_organisation_id, fields, actor_id FROM access_log_decision WHERE activity = $1 AND $2 = ANY(target_ids::text[])`,
      [activity, serviceId],
    );
  const logCount = async () => Number((await sut.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM access_log_entry'))[0]?.n);

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'social_map', seedDemoWorld: false, clock });
    world = newWorld(sut);
    ({ ask, ok, codeOf } = asking(sut, world));
    debt = await world.partner(Domain.DEBT_ASSISTANCE, { organisationName: 'Schuldhulp Zuid-Friesland' });
    debtLead = await world.professional(debt.organisation, { roles: [ProfessionalRole.TEAM_LEAD] });
    debtOfficer = await world.professional(debt.organisation, { roles: [ProfessionalRole.PRIVACY_OFFICER] });
    youth = await world.partner(Domain.YOUTH_CARE, { organisationName: 'Jeugdteam Zuid-Friesland' });

    // The exact name, with the word once in its name only...
    made['exact'] = await publish(debt, { name: 'Schuldhulpverlening', description: 'Hulp bij betalingsachterstanden en een plan om eruit te komen.', accessRoute: 'REFERRAL', waitingWeeks: 6 });
    // ...and one that says it far more often, in its name and its description: by rank alone it would come first.
    made['volunteers'] = await publish(debtLead, {
      name: 'Vrijwillige schuldhulpverlening (maatjes)',
      description: 'Schuldhulpverlening door vrijwilligers: een maatje helpt naast de schuldhulpverlening van de gemeente. Na de schuldhulpverlening blijft het maatje nog een half jaar. Vrijwillige schuldhulpverlening is gratis.',
      waitingWeeks: 2,
    });
    made['early'] = await publish(debt, { name: 'Vroeg eropaf bij schulden', description: 'Wie huur of energie niet betaalt, krijgt binnen een week bezoek. Samen kijken we naar de schulden.', waitingWeeks: 0 });
    made['leeuwarden'] = await publish(debt, { name: 'Schuldhulp Leeuwarden', description: 'Schuldhulp voor inwoners van Leeuwarden, met spreekuur in de bibliotheek.', municipalityCodes: [LEEUWARDEN], waitingWeeks: 12 });
    made['coaching'] = await publish(debt, { name: 'Budgetcoaching', description: 'Een coach leert u rondkomen en het overzicht houden over geld, zodat schulden niet terugkomen.', problems: ['GELDZAKEN', 'SCHULDEN'], accessRoute: 'DECISION', waitingWeeks: 14 });
    made['parenting'] = await publish(youth, { name: 'Opvoedondersteuning', description: 'Praten over opvoeden en opgroeien, thuis of op het consultatiebureau.', domain: 'YOUTH_CARE', problems: ['OPVOEDING'], ageFrom: 0, ageTo: 18, accessRoute: 'WALK_IN', waitingWeeks: 3 });
    made['youthWork'] = await publish(youth, { name: 'Jongerenwerk', description: 'Jongerenwerkers in de wijk: voor jongeren van 12 tot 23 jaar met vragen over school, geld of thuis.', domain: 'YOUTH_CARE', problems: ['SCHOOL', 'GELDZAKEN'], ageFrom: 12, ageTo: 23 });
  });
  beforeEach(() => clock.set(start));
  afterAll(async () => {
    await sut?.close();
  });

  it('a visitor who has not signed in searches "schuldhulp" in Heerenveen and finds the debt services with their waiting times; the read writes no access-log entry', async () => {
    const before = await logCount();
    const found = await search({ text: 'schuldhulp', municipality: HEERENVEEN });

    expect(found.edges.map((e) => e.node.name).sort()).toEqual(['Schuldhulpverlening', 'Vrijwillige schuldhulpverlening (maatjes)']);
    for (const { node } of found.edges) {
      expect(node).toMatchObject({ domain: 'DEBT_ASSISTANCE', organisation: { id: debt.id, name: 'Schuldhulp Zuid-Friesland' }, municipalities: [{ code: HEERENVEEN, name: 'Heerenveen' }], waitingTimeStatedOn: '2026-12-07', waitingTimeStale: false });
      expect(node.waitingWeeks).not.toBeNull();
    }
    expect(await logCount()).toBe(before);
  });

  it('Dutch stems and compounds: "schulden" finds every service about schuld… (schuldhulpverlening too), "opvoeden" Opvoedondersteuning; the Leeuwarden one only without the Heerenveen filter', async () => {
    const debts = ['Budgetcoaching', 'Schuldhulp Leeuwarden', 'Schuldhulpverlening', 'Vrijwillige schuldhulpverlening (maatjes)', 'Vroeg eropaf bij schulden'];
    expect((await names({ text: 'schulden' })).sort()).toEqual(debts);
    expect((await names({ text: 'schulden', municipality: HEERENVEEN })).sort()).toEqual(debts.filter((n) => n !== 'Schuldhulp Leeuwarden'));
    expect(await names({ text: 'opvoeden' })).toEqual(['Opvoedondersteuning']);
    expect(await names({ text: 'wachtlijst' })).toEqual([]);
  });

  it('an exact name match ranks first, even above a service that says the word far more often; the rest by rank', async () => {
    const order = await names({ text: 'schuldhulpverlening' });

    expect(order).toEqual(['Schuldhulpverlening', 'Vrijwillige schuldhulpverlening (maatjes)']);
    // Case and spaces do not matter to the exact name.
    expect((await names({ text: '  SCHULDHULPVERLENING ' }))[0]).toBe('Schuldhulpverlening');
  });

  it('filters: domain, problem, municipality, age, access route and a maximum waiting time, each alone and together', async () => {
    expect((await names({ domain: 'YOUTH_CARE' })).sort()).toEqual(['Jongerenwerk', 'Opvoedondersteuning']);
    expect((await names({ problem: 'GELDZAKEN' })).sort()).toEqual(['Budgetcoaching', 'Jongerenwerk']);
    expect(await names({ municipality: LEEUWARDEN })).toEqual(['Schuldhulp Leeuwarden']);
    // 20: not for Opvoedondersteuning (to 18); 10: not for Jongerenwerk (from 12); services without ages are for everyone.
    expect(await names({ age: 20, domain: 'YOUTH_CARE' })).toEqual(['Jongerenwerk']);
    expect(await names({ age: 10, domain: 'YOUTH_CARE' })).toEqual(['Opvoedondersteuning']);
    expect(await names({ accessRoute: 'DECISION' })).toEqual(['Budgetcoaching']);
    expect(await names({ accessRoute: 'REFERRAL' })).toEqual(['Schuldhulpverlening']);
    // At most 3 weeks: a service without a stated waiting time (Jongerenwerk) is left out.
    expect((await names({ maxWaitingWeeks: 3 })).sort()).toEqual(['Opvoedondersteuning', 'Vrijwillige schuldhulpverlening (maatjes)', 'Vroeg eropaf bij schulden']);
    expect((await names({ text: 'schuld', maxWaitingWeeks: 3, municipality: HEERENVEEN, accessRoute: 'WALK_IN' })).sort()).toEqual(['Vrijwillige schuldhulpverlening (maatjes)', 'Vroeg eropaf bij schulden']);
    expect(await names({ text: 'schuld', maxWaitingWeeks: 1, municipality: HEERENVEEN, accessRoute: 'WALK_IN', domain: 'DEBT_ASSISTANCE', problem: 'SCHULDEN', age: 40 })).toEqual(['Vroeg eropaf bij schulden']);
  });

  it('cursor pages: walking a search two at a time gives the whole list once, in order; without text the map by name', async () => {
    for (const searchInput of [{ text: 'schuld' }, {}]) {
      const whole = (await search(searchInput)).edges.map((e) => e.node.id);
      const walked: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page++) {
        const found = await search(searchInput, 2, after);
        walked.push(...found.edges.map((e) => e.node.id));
        expect(found.edges.length).toBeLessThanOrEqual(2);
        if (!found.pageInfo.hasNextPage) break;
        after = found.pageInfo.endCursor ?? undefined;
      }
      expect(whole.length).toBeGreaterThan(2);
      expect(walked).toEqual(whole);
    }
    expect(await names({})).toEqual([...(await names({}))].sort());
  });

  it('a cursor is opaque and bound to its search: another search\'s cursor, or one made up, is BAD_USER_INPUT on `after`; a page is 1 to 50', async () => {
    const cursor = (await search({ text: 'schuld' }, 1)).pageInfo.endCursor as string;
    expect(Buffer.from(cursor, 'base64url').toString('utf8')).not.toContain('schuld');
    for (const after of [cursor, 'bm9uc2Vuc2U', Buffer.from('{"kind":"RANKED"}').toString('base64url'), '']) {
      const answer = await anonymous(SEARCH, { search: { text: 'geld' }, first: 5, after });
      expect({ after, code: codeOf(answer), field: fieldOf(answer) }).toEqual({ after, code: 'BAD_USER_INPUT', field: 'after' });
    }
    for (const first of [0, -1, 51]) {
      const answer = await anonymous(SEARCH, { search: {}, first });
      expect({ first, code: codeOf(answer), field: fieldOf(answer) }).toEqual({ first, code: 'BAD_USER_INPUT', field: 'first' });
    }
    expect((await search({}, 50)).edges.length).toBe(7);
  });

  it('any search text searches or answers BAD_USER_INPUT, never an error 500: quotes, operators, SQL, 1,000 characters; NUL and 1,001 characters are refused', async () => {
    const searchable = ['"schuld', 'schuld"en"', "'; DROP TABLE service; --", 'schuld & | ! <-> :* ( )', '-schuld', 'or', 'schuld OR geld -jongeren', '\\', '%_*', '😀 schuld', 'de het een', 'x'.repeat(1000), 'ë'.repeat(1000), '𝒜'.repeat(1000)];
    for (const text of searchable) {
      const answer = await anonymous<Page>(SEARCH, { search: { text } });
      expect({ text: text.slice(0, 20), errors: answer.errors }).toEqual({ text: text.slice(0, 20), errors: undefined });
    }
    expect(await names({ text: "'; DROP TABLE service; --" })).toEqual([]);
    expect((await names({ text: '"schulden" -budgetcoaching' })).sort()).toEqual(['Schuldhulp Leeuwarden', 'Schuldhulpverlening', 'Vrijwillige schuldhulpverlening (maatjes)', 'Vroeg eropaf bij schulden']);
    for (const text of ['x'.repeat(1001), '𝒜'.repeat(1001), 'schuld\u0000', '\ud800schuld']) {
      const answer = await anonymous(SEARCH, { search: { text } });
      expect({ length: text.length, code: codeOf(answer), field: fieldOf(answer) }).toEqual({ length: text.length, code: 'BAD_USER_INPUT', field: 'search.text' });
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 1100 }), async (text) => {
        const answer = await anonymous<Page>(SEARCH, { search: { text }, first: 3 });
        const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
        expect(codes.every((code) => code === 'BAD_USER_INPUT')).toBe(true);
        expect(answer.status).toBe(200);
      }),
      { numRuns: 60 },
    );
  });

  it('other bad filters are BAD_USER_INPUT naming the argument: an unknown municipality, an age or waiting time out of range', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ municipality: 'Heerenveen' }, 'search.municipality'],
      [{ municipality: 'GM9999' }, 'search.municipality'],
      [{ age: -1 }, 'search.age'],
      [{ age: 121 }, 'search.age'],
      [{ maxWaitingWeeks: 105 }, 'search.maxWaitingWeeks'],
    ];
    for (const [searchInput, field] of cases) {
      const answer = await anonymous(SEARCH, { search: searchInput });
      expect({ searchInput, code: codeOf(answer), field: fieldOf(answer) }).toEqual({ searchInput, code: 'BAD_USER_INPUT', field });
    }
    // A code in lower case is the same municipality.
    expect(await names({ municipality: 'gm0080' })).toEqual(['Schuldhulp Leeuwarden']);
  });

  it('service(id): anyone reads one; an unknown id, or not an id at all, is NOT_FOUND', async () => {
    const answer = await anonymous<{ service: Service }>(ONE, { id: made['coaching']?.id });
    expect(answer.data?.service).toEqual(made['coaching']);
    for (const id of ['0b6f3c1e-0000-4c8a-9a51-000000000000', 'not-an-id']) {
      expect(codeOf(await anonymous(ONE, { id }))).toBe('NOT_FOUND');
    }
  });

  it('a waiting time stated more than 90 days ago is stale; on the 90th day it is not; stating it again makes it current, dated today', async () => {
    clock.set(new Date(start.getTime() - 91 * DAY));
    const old = await publish(debt, { name: 'Schuldhulp voor ondernemers', description: 'Voor zzp\'ers en ondernemers met zakelijke en privéschulden.', waitingWeeks: 10 });
    clock.set(new Date(start.getTime() - 90 * DAY));
    const recent = await publish(debt, { name: 'Schuldhulp voor boeren', description: 'Voor agrarische ondernemers met schulden op het bedrijf.', waitingWeeks: 5 });
    clock.set(start);

    expect((await anonymous<{ service: Service }>(ONE, { id: old.id })).data?.service).toMatchObject({ waitingWeeks: 10, waitingTimeStatedOn: '2026-09-07', waitingTimeStale: true });
    expect((await anonymous<{ service: Service }>(ONE, { id: recent.id })).data?.service).toMatchObject({ waitingWeeks: 5, waitingTimeStatedOn: '2026-09-08', waitingTimeStale: false });
    const restated = (await ok<{ setWaitingTime: Service }>(debt, WAITING, { id: old.id, weeks: 10 })).setWaitingTime;
    expect(restated).toMatchObject({ waitingWeeks: 10, waitingTimeStatedOn: '2026-12-07', waitingTimeStale: false });
    await ok(debt, WITHDRAW, { id: old.id });
    await ok(debt, WITHDRAW, { id: recent.id });
  });

  it('the organisation\'s professional and team lead publish, change, date and withdraw its services; the map shows each change at once; a withdrawn service is NOT_FOUND and leaves the search', async () => {
    const service = await publish(debt, { name: 'Thuisadministratie', description: 'Vrijwilligers helpen thuis met post en papieren, één keer per week.', problems: ['ADMINISTRATIE'] });
    expect(service).toMatchObject({ waitingWeeks: null, waitingTimeStatedOn: null, waitingTimeStale: false, problems: ['ADMINISTRATIE'] });

    const changed = (await ok<{ updateService: Service }>(debtLead, UPDATE, { id: service.id, input: input({ name: 'Hulp bij de thuisadministratie', description: 'Vrijwilligers helpen thuis met post, papieren en formulieren.', problems: ['ADMINISTRATIE', 'GELDZAKEN'], municipalityCodes: [HEERENVEEN, LEEUWARDEN], email: 'administratie@schuldhulp.example', website: 'https://schuldhulp.example/administratie' }) })).updateService;
    expect(changed).toMatchObject({ name: 'Hulp bij de thuisadministratie', problems: ['ADMINISTRATIE', 'GELDZAKEN'], municipalities: [{ code: HEERENVEEN }, { code: LEEUWARDEN }], contact: { email: 'administratie@schuldhulp.example', website: 'https://schuldhulp.example/administratie' } });
    // The generated search document follows the change.
    expect(await names({ text: 'formulieren' })).toEqual(['Hulp bij de thuisadministratie']);
    expect(await names({ text: 'thuisadministratie', municipality: LEEUWARDEN })).toEqual(['Hulp bij de thuisadministratie']);

    expect((await ok<{ setWaitingTime: Service }>(debtLead, WAITING, { id: service.id, weeks: 4 })).setWaitingTime).toMatchObject({ waitingWeeks: 4, waitingTimeStatedOn: '2026-12-07' });
    expect(await ok(debt, WITHDRAW, { id: service.id })).toEqual({ withdrawService: service.id });
    expect(codeOf(await anonymous(ONE, { id: service.id }))).toBe('NOT_FOUND');
    expect(await names({ text: 'formulieren' })).toEqual([]);
    // Withdrawn is final: no change, no second withdrawal.
    for (const [query, variables] of [[WITHDRAW, { id: service.id }], [WAITING, { id: service.id, weeks: 1 }]] as const) {
      const answer = await ask(debt, query, variables);
      expect({ code: codeOf(answer), field: fieldOf(answer) }).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    }
  });

  it('another organisation\'s professional may not change, date or withdraw a service: FORBIDDEN, logged DENIED (NOT_OWN_SERVICE), nothing changed', async () => {
    const service = made['early'] as Service;
    const attempts: [string, Record<string, unknown>, string][] = [
      [UPDATE, { id: service.id, input: input({ name: 'Overgenomen', description: 'Dit aanbod is nu van een andere organisatie.' }) }, 'UPDATE_SERVICE'],
      [WAITING, { id: service.id, weeks: 52 }, 'SET_WAITING_TIME'],
      [WITHDRAW, { id: service.id }, 'WITHDRAW_SERVICE'],
    ];
    for (const [query, variables, activity] of attempts) {
      expect(codeOf(await ask(youth, query, variables))).toBe('FORBIDDEN');
      expect(await logged(activity, service.id)).toEqual([
        expect.objectContaining({ family_id: null, subjects: [], outcome: 'DENIED', reason: 'NOT_OWN_SERVICE', target_kind: 'SERVICE', actor_id: youth.professional.id }),
      ]);
    }
    expect((await anonymous<{ service: Service }>(ONE, { id: service.id })).data?.service).toEqual(service);
  });

  it('only professionals and team leads publish: a privacy officer, a family member and a visitor without a token are refused', async () => {
    const family = await familyWithTeen(world, debt);
    const attempt = input({ name: 'Niet toegestaan', description: 'Dit aanbod mag deze persoon niet publiceren.' });
    expect(codeOf(await ask(debtOfficer, PUBLISH, { input: attempt }))).toBe('FORBIDDEN');
    expect(codeOf(await ask(family.member('teen'), PUBLISH, { input: attempt }))).toBe('FORBIDDEN');
    expect(codeOf(await anonymous(PUBLISH, { input: attempt }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await anonymous(WITHDRAW, { id: made['early']?.id }))).toBe('UNAUTHENTICATED');
    expect(await names({ text: 'toegestaan' })).toEqual([]);
  });

  it('what a professional writes is checked: each refusal is BAD_USER_INPUT naming its field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'ab' }, 'name'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ description: 'Te kort.' }, 'description'],
      [{ ageFrom: -1 }, 'ageFrom'],
      [{ ageTo: 121 }, 'ageTo'],
      [{ ageFrom: 18, ageTo: 12 }, 'ageTo'],
      [{ problems: [] }, 'problems'],
      [{ municipalityCodes: [] }, 'municipalityCodes'],
      [{ municipalityCodes: ['Heerenveen'] }, 'municipalityCodes'],
      [{ phone: null }, 'contact'],
      [{ phone: 'bel mij' }, 'phone'],
      [{ email: 'geen-adres' }, 'email'],
      [{ website: 'javascript:alert(1)' }, 'website'],
      [{ website: 'ftp://schuldhulp.example' }, 'website'],
      [{ address: 'x'.repeat(201) }, 'address'],
      [{ waitingWeeks: 105 }, 'waitingWeeks'],
      [{ waitingWeeks: -1 }, 'waitingWeeks'],
    ];
    for (const [over, field] of cases) {
      const answer = await ask(debt, PUBLISH, { input: input({ name: 'Een aanbod', description: 'Een beschrijving die lang genoeg is.', ...over }) });
      expect({ over, code: codeOf(answer), field: fieldOf(answer) }).toEqual({ over, code: 'BAD_USER_INPUT', field });
    }
    const weeks = await ask(debt, WAITING, { id: made['early']?.id, weeks: 200 });
    expect({ code: codeOf(weeks), field: fieldOf(weeks) }).toEqual({ code: 'BAD_USER_INPUT', field: 'weeks' });
    const name = await ask(debt, UPDATE, { id: made['early']?.id, input: input({ name: ' ', description: 'Een beschrijving die lang genoeg is.' }) });
    expect({ code: codeOf(name), field: fieldOf(name) }).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(codeOf(await ask(debt, WAITING, { id: '0b6f3c1e-0000-4c8a-9a51-000000000000', weeks: 1 }))).toBe('NOT_FOUND');
  });

  it('every change is in the access log: who, the service and its organisation, the fields changed, no family, no member and none of the texts', async () => {
    const service = await publish(debtLead, { name: 'Inloopspreekuur geldzaken', description: 'Elke dinsdagochtend in het wijkcentrum, zonder afspraak.', problems: ['GELDZAKEN'], waitingWeeks: 0 });
    await ok(debtLead, UPDATE, { id: service.id, input: input({ name: 'Inloopspreekuur geld', description: 'Elke dinsdagochtend in het wijkcentrum, zonder afspraak.', problems: ['GELDZAKEN'] }) });
    await ok(debtLead, WAITING, { id: service.id, weeks: 1 });
    await ok(debtLead, WITHDRAW, { id: service.id });

    const base = { family_id: null, subjects: [], outcome: 'ALLOWED', reason: null, target_kind: 'SERVICE', source_organisation_id: debt.id, actor_id: debtLead.id };
    expect(await logged('PUBLISH_SERVICE', service.id)).toEqual([
      { ...base, fields: ['accessRoute', 'address', 'ageFrom', 'ageTo', 'description', 'domain', 'email', 'municipalityCodes', 'name', 'phone', 'problems', 'waitingTimeStatedOn', 'waitingWeeks', 'website'] },
    ]);
    expect(await logged('UPDATE_SERVICE', service.id)).toEqual([{ ...base, fields: ['name'] }]);
    expect(await logged('SET_WAITING_TIME', service.id)).toEqual([{ ...base, fields: ['waitingTimeStatedOn', 'waitingWeeks'] }]);
    expect(await logged('WITHDRAW_SERVICE', service.id)).toEqual([{ ...base, fields: ['withdrawnAt'] }]);
    const rows = await sut.dataSource.query<{ json: string }[]>(`SELECT row_to_json(e)::text AS json FROM access_log_entry e WHERE decisions::text LIKE '%' || $1 || '%'`, [service.id]);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.json).join('\n')).not.toMatch(/Inloopspreekuur|dinsdagochtend|0513/);
  });
});
