import { randomUUID } from 'node:crypto';
import { DEMO_FAMILY_ID, DEMO_MEMBERS, DEMO_ORGANISATIONS, DEMO_PROFESSIONALS, loadDemoWorld } from '@kring/demo-world';
import { FamilyEntity, FamilyMemberEntity, MEMBER_SEALED_FIELDS, unwrapFamilyKey } from '@kring/family-file';
import { startTestGateway, type TestGateway } from './support/test-gateway';

/** Values of the demo world that must never be stored in plaintext. */
const PERSONAL_VALUES = ['Marieke', 'Johan', 'Sanne', 'Daan', 'Lotte', 'de Vries', 'Femke Bakker', 'Pieter de Jong', 'Noor Hendriks', 'Marloes Dijkstra', '123451000', '234561002', '456781006', 'ADHD', 'Methylfenidaat', '23400', 'Kerkstraat', '06-12345678', 'Werkfit', 'rustig kan slapen', 'zorg en welzijn', 'Oma Riek', 'Leeuwarden', 'woningcorporatie', 'budgetplan', 'huishoudboekje', 'energieleverancier', 'ander gezin', 'budgetcoaching', 'thuisadministratie', 'Zijn mentor weet ervan'];

const OUR_PLAN = `{ ourPlan { version latestVersion agreed items { id kind text subjectMemberIds shownToFamily agreed waitingForMemberIds actor { kind name organisation { name } } } } }`;
type DemoPlan = { version: number; latestVersion: number; agreed: boolean; items: { id: string; kind: string; text: string; subjectMemberIds: string[]; shownToFamily: boolean; agreed: boolean; waitingForMemberIds: string[]; actor: { kind: string; name: string | null; organisation: { name: string } | null } | null }[] };

describe('the demo world', () => {
  let sut: TestGateway;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'demo_world' });
  });
  afterAll(async () => {
    await sut.close();
  });

  async function counts(): Promise<Record<string, number>> {
    const tables = ['organisation', 'professional', 'family', 'family_member', 'parental_authority', 'involvement', 'record', 'record_subject', 'consent', 'consent_signature', 'family_plan_item', 'family_plan_version', 'family_plan_agreement', 'family_plan_item_showing', 'thread', 'thread_participant', 'thread_message', 'escalation', 'service', 'referral'];
    const result: Record<string, number> = {};
    for (const table of tables) {
      // A member's request for another case director, made by another test of this suite, is an escalation too: the demo world's own are the stuck ones.
      const where = table === 'escalation' ? ` WHERE kind = 'STUCK'` : '';
      const [row] = await sut.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}${where}`);
      result[table] = row?.n ?? -1;
    }
    return result;
  }

  it('holds the organisations, the De Vries family, involvements, records (Marieke\'s and Sanne\'s own stories among them) and consents of DESIGN.md §7', async () => {
    expect(await counts()).toEqual({
      organisation: 7,
      professional: 11,
      family: 1,
      family_member: 5,
      parental_authority: 6,
      involvement: 4,
      record: 8,
      record_subject: 9,
      consent: 10,
      consent_signature: 10,
      family_plan_item: 14,
      family_plan_version: 14,
      family_plan_agreement: 2,
      family_plan_item_showing: 3,
      thread: 1,
      thread_participant: 3,
      thread_message: 5,
      escalation: 1,
      service: 40,
      referral: 1,
    });
  });

  it('has Daan\'s pending referral to school social work: proposed by youth care, its consent waiting for Daan and a parent, the school social work reading nothing yet', async () => {
    const ask = async <T>(persona: string, query: string) => {
      const answer = await sut.graphql<T>(query, { token: await sut.tokenFor(persona), variables: { f: DEMO_FAMILY_ID } });
      expect(answer.errors).toBeUndefined();
      return answer.data as T;
    };
    const { ourReferrals } = await ask<{ ourReferrals: { subjectMemberId: string; status: string; service: { name: string }; referringOrganisation: { id: string }; consentStatus: string; awaitingSignatureFrom: string[]; waitingWeeks: number | null }[] }>(
      'daan',
      `{ ourReferrals { subjectMemberId status service { name } referringOrganisation { id } consentStatus awaitingSignatureFrom waitingWeeks } }`,
    );
    expect(ourReferrals).toEqual([
      {
        subjectMemberId: DEMO_MEMBERS.daan,
        status: 'PROPOSED',
        service: { name: 'Schoolmaatschappelijk werk' },
        referringOrganisation: { id: DEMO_ORGANISATIONS.jeugdhulp },
        consentStatus: 'PENDING',
        awaitingSignatureFrom: [DEMO_MEMBERS.daan, DEMO_MEMBERS.marieke, DEMO_MEMBERS.johan].sort((a, b) => (a === DEMO_MEMBERS.daan ? -1 : b === DEMO_MEMBERS.daan ? 1 : a.localeCompare(b))),
        waitingWeeks: 2,
      },
    ]);
    expect((await ask<{ ourReferrals: unknown[] }>('sanne', `{ ourReferrals { id } }`)).ourReferrals).toEqual([]);
    const { incomingReferrals } = await ask<{ incomingReferrals: { status: string; consentActive: boolean; member: unknown; note: string | null; familyId: string | null }[] }>('schoolmw', `{ incomingReferrals { status consentActive member { id } note familyId } }`);
    expect(incomingReferrals).toEqual([{ status: 'PROPOSED', consentActive: false, member: null, note: null, familyId: null }]);
    const file = await sut.graphql(`query($f: ID!) { family(id: $f, purpose: "SUPPORT_PLANNING") { id } }`, { token: await sut.tokenFor('schoolmw'), variables: { f: DEMO_FAMILY_ID } });
    expect(file.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('has a team lead persona: Marloes Dijkstra, TEAM_LEAD of Team Toegang, who reads the requests for another case director and hands case direction over for Team Toegang', async () => {
    const ask = async <T>(persona: string, query: string, variables: Record<string, unknown> = {}) => {
      const answer = await sut.graphql<T>(query, { token: await sut.tokenFor(persona), variables });
      expect(answer.errors).toBeUndefined();
      return answer.data as T;
    };
    const transfer = `mutation($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { to { id name } } }`;
    const me = await ask<{ me: { professional: { id: string; name: string; roles: string[]; organisation: { id: string } } } }>('teamleider', `{ me { professional { id name roles organisation { id } } } }`);
    expect(me.me.professional).toEqual({ id: DEMO_PROFESSIONALS.teamleider, name: 'Marloes Dijkstra', roles: ['TEAM_LEAD'], organisation: { id: DEMO_ORGANISATIONS.teamToegang } });
    const reason = `Wij willen iemand die Daan kent (${randomUUID()}).`;
    const asked = await ask<{ requestOtherCaseDirector: { id: string } }>('marieke', `mutation($reason: String!) { requestOtherCaseDirector(reason: $reason) { id } }`, { reason });
    const queue = await ask<{ escalationQueue: { id: string; kind: string; blocks: string | null }[] }>('teamleider', `{ escalationQueue { id kind blocks } }`);
    expect(queue.escalationQueue).toContainEqual({ id: asked.requestOtherCaseDirector.id, kind: 'OTHER_CASE_DIRECTOR', blocks: reason });

    const requests = await ask<{ caseDirectorRequests: { memberId: string; reason: string | null }[] }>('teamleider', `{ caseDirectorRequests { memberId reason } }`);
    expect(requests.caseDirectorRequests).toContainEqual({ memberId: DEMO_MEMBERS.marieke, reason });

    try {
      const handedOver = await ask<{ transferCaseDirection: { to: { id: string; name: string } } }>('teamleider', transfer, {
        input: { familyId: DEMO_FAMILY_ID, toProfessionalId: DEMO_PROFESSIONALS.jeugdhulp, note: 'Femke kent Daan goed; zij neemt de regie over.' },
      });
      expect(handedOver.transferCaseDirection.to).toEqual({ id: DEMO_PROFESSIONALS.jeugdhulp, name: 'Femke Bakker' });
    } finally {
      // Back to Team Toegang's case director, as the demo world has it.
      await ask('jeugdhulp', transfer, { input: { familyId: DEMO_FAMILY_ID, toProfessionalId: DEMO_PROFESSIONALS.wmo, note: 'Terug naar Team Toegang na de test.' } });
    }
  });

  it('loading it again changes nothing', async () => {
    const before = await counts();
    expect(await loadDemoWorld(sut.dataSource, sut.crypto, sut.catalogue.version)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('gives the members the ages of the design on the day it is loaded', async () => {
    const family = await sut.dataSource.manager.findOneByOrFail(FamilyEntity, { id: DEMO_FAMILY_ID });
    const key = unwrapFamilyKey(sut.crypto, family);
    const ageOf = async (memberId: string) => {
      const member = await sut.dataSource.manager.findOneByOrFail(FamilyMemberEntity, { id: memberId });
      const birth = new Date(sut.crypto.cipher.decrypt(key, { field: MEMBER_SEALED_FIELDS.birthDate, rowId: memberId }, member.birthDateCiphertext));
      const now = new Date();
      const hadBirthday = now.getUTCMonth() > birth.getUTCMonth() || (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() >= birth.getUTCDate());
      return now.getUTCFullYear() - birth.getUTCFullYear() - (hadBirthday ? 0 : 1);
    };
    expect(await Promise.all([DEMO_MEMBERS.marieke, DEMO_MEMBERS.johan, DEMO_MEMBERS.sanne, DEMO_MEMBERS.daan, DEMO_MEMBERS.lotte].map(ageOf))).toEqual([38, 41, 17, 14, 8]);
  });

  it('Team Toegang reads Marieke\'s story first, by her consent; Sanne\'s exists but is not shared; debt assistance reads neither', async () => {
    const read = async (persona: string) => {
      const answer = await sut.graphql<{ family: { records: { sectionType: string; authorMemberId: string | null; section: { text?: string | null } }[]; redactions: { recordId: string | null; field: string; reason: string }[] } }>(
        `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { records { sectionType authorMemberId section { ... on OurStory { text } } } redactions { recordId field reason } } }`,
        { token: await sut.tokenFor(persona), variables: { id: DEMO_FAMILY_ID } },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data?.family as NonNullable<typeof answer.data>['family'];
    };

    const wmo = await read('wmo');
    // The two stories come first (in the order they were stored: the same instant, so either way).
    const first = wmo.records.slice(0, 2).map((r) => [r.sectionType, r.authorMemberId, r.section.text?.slice(0, 15) ?? null]);
    expect(first).toHaveLength(2);
    expect(first).toEqual(
      expect.arrayContaining([
        ['OurStory', DEMO_MEMBERS.marieke, 'Ik ben Marieke.'],
        ['OurStory', null, null],
      ]),
    );
    expect(wmo.records.slice(2).map((r) => r.sectionType)).not.toContain('OurStory');
    const debt = await read('schuldhulp');
    expect(debt.records.filter((r) => r.sectionType === 'OurStory').map((r) => r.section.text)).toEqual([null, null]);
  });

  it('stores no name, BSN, diagnosis, address or debt amount in plaintext in any table', async () => {
    const tables = await sut.dataSource.query<{ table_name: string }[]>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.length).toBeGreaterThan(10);
    const everything: string[] = [];
    for (const { table_name } of tables) {
      const rows = await sut.dataSource.query<{ json: string }[]>(`SELECT row_to_json(t)::text AS json FROM "${table_name}" t`);
      everything.push(...rows.map((r) => r.json));
    }
    const dump = everything.join('\n');
    expect(dump).toContain(DEMO_FAMILY_ID); // the scan really read the rows
    // bytea columns render as hex, so a value stored unencrypted in one would show as its hex form.
    const hex = (value: string) => Buffer.from(value).toString('hex');
    // A value counts as found on its own, not inside a longer run of letters and digits: the
    // dump is mostly hex (ciphertext, hashes, ids), where a short number such as 23400 turns
    // up by chance (about once per million hex digits), and did.
    const standsAlone = (value: string) => new RegExp(`(?<![0-9A-Za-z])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z])`).test(dump);
    for (const value of PERSONAL_VALUES) {
      expect({ value, found: standsAlone(value) || dump.includes(hex(value)) }).toEqual({ value, found: false });
    }
  });

  it('has a family plan worth reading: the family\'s words, a goal per member, actions by three organisations, by Marieke and by grandmother; one goal Sanne keeps to herself', async () => {
    const planOf = async (persona: string) => {
      const answer = await sut.graphql<{ ourPlan: DemoPlan }>(OUR_PLAN, { token: await sut.tokenFor(persona) });
      expect(answer.errors).toBeUndefined();
      return (answer.data as { ourPlan: DemoPlan }).ourPlan;
    };
    const sanne = await planOf('sanne');
    const marieke = await planOf('marieke');
    const johan = await planOf('johan');
    const M = DEMO_MEMBERS;
    const goalsAbout = (plan: DemoPlan) => new Set(plan.items.filter((i) => i.kind === 'GOAL').flatMap((i) => i.subjectMemberIds));

    expect(marieke.items[0]).toMatchObject({ kind: 'WORDS', shownToFamily: true });
    expect(goalsAbout(marieke)).toEqual(new Set([M.marieke, M.daan, M.lotte, M.sanne]));
    // Johan: his own, the children in his care, and Sanne's diploma goal she showed; not Marieke's.
    expect(goalsAbout(johan)).toEqual(new Set([M.johan, M.daan, M.lotte, M.sanne]));
    const organisations = new Set(marieke.items.flatMap((i) => (i.actor?.kind === 'ORGANISATION' ? [i.actor.organisation?.name] : [])));
    expect(organisations.size).toBe(3);
    expect(marieke.items.some((i) => i.actor?.kind === 'MEMBER')).toBe(true);
    expect(marieke.items.find((i) => i.actor?.kind === 'NETWORK')?.actor?.name).toBe('Oma Riek');
    expect(marieke.items.some((i) => i.kind === 'REVIEW')).toBe(true);
    // Daan changed his goal after Marieke and the case director agreed: he and a parent are asked again.
    const daansGoal = marieke.items.find((i) => i.kind === 'GOAL' && i.subjectMemberIds.join() === M.daan);
    expect(daansGoal).toMatchObject({ agreed: false });
    expect(new Set(daansGoal?.waitingForMemberIds)).toEqual(new Set([M.daan, M.marieke, M.johan]));
    // Sanne's own goal: hers, and for nobody else in the family, not even as a count.
    const hers = sanne.items.find((i) => i.text.includes('op kamers'));
    expect(hers).toBeDefined();
    for (const other of [marieke, johan, await planOf('daan')]) {
      expect(JSON.stringify(other)).not.toContain(hers?.id);
      expect(other.items.some((i) => i.text.includes('op kamers'))).toBe(false);
    }
  });

  it('has a thread about Marieke\'s budget plan: Pieter de Jong, Anouk Visser and Marieke, a withdrawn message, one unread; youth care does not take part and finds nothing', async () => {
    const THREAD = `id topic subjectMemberIds participants { memberId professional { name } } joined unreadCount`;
    const as = async <T>(persona: string, query: string, variables: Record<string, unknown> = {}) => {
      const answer = await sut.graphql<T>(query, { token: await sut.tokenFor(persona), variables });
      expect(answer.errors).toBeUndefined();
      return answer.data as T;
    };
    type Thread = { id: string; topic: string; subjectMemberIds: string[]; participants: { memberId: string | null; professional: { name: string } | null }[]; joined: boolean; unreadCount: number | null };
    const [thread] = (await as<{ ourThreads: Thread[] }>('marieke', `{ ourThreads { ${THREAD} } }`)).ourThreads;
    expect(thread).toMatchObject({ topic: 'Het budgetplan van Marieke', subjectMemberIds: [DEMO_MEMBERS.marieke], joined: true, unreadCount: 1 });
    expect(thread?.participants.map((p) => p.professional?.name ?? p.memberId)).toEqual(['Pieter de Jong', 'Anouk Visser', DEMO_MEMBERS.marieke]);
    // Her children and Johan: the thread is about Marieke alone.
    for (const persona of ['johan', 'sanne', 'daan']) expect((await as<{ ourThreads: Thread[] }>(persona, `{ ourThreads { id } }`)).ourThreads).toEqual([]);
    const jeugdhulp = await sut.graphql(`query($id: ID!) { thread(id: $id) { topic } }`, { token: await sut.tokenFor('jeugdhulp'), variables: { id: thread?.id } });
    expect(jeugdhulp.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await as<{ familyThreads: Thread[] }>('jeugdhulp', `query($f: ID!) { familyThreads(familyId: $f) { id } }`, { f: DEMO_FAMILY_ID })).familyThreads).toEqual([]);
    // Open to both organisations taking part: Marieke consented to each for the shared plan.
    for (const persona of ['wmo', 'schuldhulp']) {
      const theirs = (await as<{ familyThreads: { id: string; closed: unknown }[] }>(persona, `query($f: ID!) { familyThreads(familyId: $f) { id closed { reason } } }`, { f: DEMO_FAMILY_ID })).familyThreads;
      expect(theirs).toEqual([{ id: thread?.id, closed: null }]);
    }

    type Page = { threadMessages: { edges: { node: { body: string | null; withdrawnAt: string | null; author: { kind: string } } }[] } };
    const page = await as<Page>('schuldhulp', `query($id: ID!) { threadMessages(threadId: $id) { edges { node { body withdrawnAt author { kind } } } } }`, { id: thread?.id });
    expect(page.threadMessages.edges.map((e) => [e.node.author.kind, e.node.body === null, e.node.withdrawnAt !== null])).toEqual([
      ['PROFESSIONAL', false, false],
      ['PROFESSIONAL', false, false],
      ['MEMBER', false, false],
      ['PROFESSIONAL', true, true],
      ['PROFESSIONAL', false, false],
    ]);
  });

  it('has an escalation about Marieke\'s budget coaching: raised by Pieter de Jong, taken on by Marloes Dijkstra, in her queue; Marieke sees it, Johan and the children do not; Jeugdhulp sees it closed', async () => {
    const ESCALATION = `id kind subjectMemberIds category blocks status overdue dueOn raisedBy { professional { name } } takenOnBy { name } closed { reason }`;
    type Escalation = { id: string; kind: string; subjectMemberIds: string[]; blocks: string | null; status: string; overdue: boolean; dueOn: string; raisedBy: { professional: { name: string } | null }; takenOnBy: { name: string } | null; closed: { reason: string } | null };
    const as = async <T>(persona: string, query: string, variables: Record<string, unknown> = {}) => {
      const answer = await sut.graphql<T>(query, { token: await sut.tokenFor(persona), variables });
      expect(answer.errors).toBeUndefined();
      return answer.data as T;
    };
    // Another test of this suite asks for another case director: that is an escalation too (OTHER_CASE_DIRECTOR).
    const stuck = (list: Escalation[]) => list.filter((e) => e.kind === 'STUCK');
    const [queued] = stuck((await as<{ escalationQueue: Escalation[] }>('teamleider', `{ escalationQueue { ${ESCALATION} } }`)).escalationQueue);
    expect(queued).toMatchObject({ kind: 'STUCK', subjectMemberIds: [DEMO_MEMBERS.marieke], status: 'TAKEN_ON', overdue: false, raisedBy: { professional: { name: 'Pieter de Jong' } }, takenOnBy: { name: 'Marloes Dijkstra' }, closed: null });
    expect(queued?.blocks).toMatch(/^De wachtlijst voor budgetcoaching is 14 weken/);
    expect(stuck((await as<{ ourEscalations: Escalation[] }>('marieke', `{ ourEscalations { ${ESCALATION} } }`)).ourEscalations).map((e) => [e.id, e.status])).toEqual([[queued?.id, 'TAKEN_ON']]);
    for (const persona of ['johan', 'sanne', 'daan']) {
      const raw = await sut.graphql(`{ ourEscalations { ${ESCALATION} } }`, { token: await sut.tokenFor(persona) });
      expect(raw.data).toEqual({ ourEscalations: [] });
      expect(JSON.stringify(raw)).not.toMatch(/wachtlijst|Marloes/);
    }
    // Debt assistance reads it through Marieke's consent to its domain for the shared plan; Jeugdhulp has none: closed, its text withheld.
    expect(stuck((await as<{ familyEscalations: Escalation[] }>('schuldhulp', `query($f: ID!) { familyEscalations(familyId: $f) { ${ESCALATION} } }`, { f: DEMO_FAMILY_ID })).familyEscalations).map((e) => e.closed)).toEqual([null]);
    const closed = stuck((await as<{ familyEscalations: Escalation[] }>('jeugdhulp', `query($f: ID!) { familyEscalations(familyId: $f) { ${ESCALATION} } }`, { f: DEMO_FAMILY_ID })).familyEscalations);
    expect(closed.map((e) => [e.blocks, e.closed?.reason, e.status])).toEqual([[null, 'NO_CONSENT', 'TAKEN_ON']]);
  });
  it('has a social map of Heerenveen and Friesland: a visitor without signing in finds "schuldhulp" services in Heerenveen with their waiting times; every domain of the five; some waiting times stale; each published by its organisation\'s professional', async () => {
    const SEARCH = `query($search: ServiceSearch, $first: Int) { services(search: $search, first: $first) { edges { node { name domain organisation { id } waitingWeeks waitingTimeStatedOn waitingTimeStale } } } }`;
    type Found = { services: { edges: { node: { name: string; domain: string; organisation: { id: string }; waitingWeeks: number | null; waitingTimeStatedOn: string | null; waitingTimeStale: boolean } }[] } };
    const found = await sut.graphql<Found>(SEARCH, { variables: { search: { text: 'schuldhulp', municipality: 'GM0074' } } });
    expect(found.errors).toBeUndefined();
    const debt = found.data?.services.edges.map((e) => e.node) ?? [];
    expect(debt.map((s) => s.name)).toEqual(expect.arrayContaining(['Schuldhulpverlening Heerenveen', 'Schuldhulpmaatje Heerenveen']));
    expect(debt.every((s) => s.domain === 'DEBT_ASSISTANCE' && ([DEMO_ORGANISATIONS.schuldhulp, DEMO_ORGANISATIONS.budgetcoaching] as string[]).includes(s.organisation.id) && s.waitingWeeks !== null)).toBe(true);
    // The budget coaching of Marieke's escalation: 14 weeks, stated this week.
    const coaching = await sut.graphql<Found>(SEARCH, { variables: { search: { text: 'Budgetcoaching' }, first: 1 } });
    expect(coaching.data?.services.edges[0]?.node).toMatchObject({ name: 'Budgetcoaching', waitingWeeks: 14, waitingTimeStale: false, organisation: { id: DEMO_ORGANISATIONS.budgetcoaching } });

    const all: Found['services']['edges'][number]['node'][] = [];
    for (const domain of ['YOUTH_CARE', 'WMO', 'DEBT_ASSISTANCE', 'PARTICIPATION', 'CHILD_SAFETY', 'EDUCATION']) {
      const page = await sut.graphql<Found>(SEARCH, { variables: { search: { domain }, first: 50 } });
      expect({ domain, errors: page.errors, some: (page.data?.services.edges.length ?? 0) > 0 }).toEqual({ domain, errors: undefined, some: true });
      all.push(...(page.data?.services.edges.map((e) => e.node) ?? []));
    }
    expect(all).toHaveLength(40);
    expect(all.filter((s) => s.waitingTimeStale).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((s) => s.waitingWeeks === null).length).toBeGreaterThanOrEqual(3);
    const publishers = await sut.dataSource.query<{ organisation_id: string; professional_organisation_id: string }[]>(
      `SELECT s.organisation_id, p.organisation_id AS professional_organisation_id FROM service s JOIN professional p ON p.id = s.published_by_professional_id`,
    );
    expect(publishers.filter((r) => r.organisation_id !== r.professional_organisation_id)).toEqual([]);
  });
});
