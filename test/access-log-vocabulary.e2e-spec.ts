import pg from 'pg';
import request from 'supertest';
import { ACTIVITIES, ACTOR_KINDS, BASES, DECISIONS, ENTRY_OUTCOMES, TARGET_KINDS } from '@kring/audit';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS as P } from '@kring/demo-world';
import * as labels from '../apps/portal/src/i18n/common';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { id } }`;

/** Today plus some months, as the ISO instant a consent's validity takes. */
function monthsAhead(months: number): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
}

/**
 * The access log's vocabulary (libs/audit/src/access-log-vocabulary.ts) is the whole of what
 * the gateway writes: after the demo world and a request of every kind a person can make,
 * every activity, target kind, basis, actor kind, decision and entry outcome the database
 * holds is a word of it, and every activity a request writes is there. Entries of the
 * present shape (DESIGN.md §10) hold their decisions' words in `decisions`; older ones in
 * the scalar columns: both are read.
 */
describe('the access-log vocabulary covers what the gateway writes', () => {
  let sut: TestGateway;
  let database: pg.Client;

  const call = async <T = Record<string, unknown>>(persona: string | (() => Promise<string>), query: string, variables: Record<string, unknown> = {}) => {
    const token = typeof persona === 'string' ? await sut.tokenFor(persona) : await persona();
    const answer = await sut.graphql<T>(query, { token, variables });
    return answer;
  };
  const ok = async <T = Record<string, unknown>>(persona: string | (() => Promise<string>), query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await call<T>(persona, query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  };
  /** Where each word is stored: an entry column, or a key of every decision (the jsonb list of v3, the scalar columns of v1 and v2). */
  const WHERE: Record<'activity' | 'actor kind' | 'entry outcome' | 'target kind' | 'basis' | 'decision', string> = {
    activity: `SELECT activity FROM access_log_entry`,
    'actor kind': `SELECT actor_kind FROM access_log_entry`,
    'entry outcome': `SELECT decision FROM access_log_entry`,
    'target kind': `SELECT target_kind FROM access_log_entry WHERE decisions IS NULL UNION ALL SELECT d->>'targetKind' FROM access_log_entry, jsonb_array_elements(decisions) d`,
    basis: `SELECT basis FROM access_log_entry WHERE decisions IS NULL UNION ALL SELECT d->>'basis' FROM access_log_entry, jsonb_array_elements(decisions) d`,
    decision: `SELECT decision FROM access_log_entry WHERE decisions IS NULL UNION ALL SELECT d->>'outcome' FROM access_log_entry, jsonb_array_elements(decisions) d`,
  };
  const distinct = async (word: keyof typeof WHERE): Promise<(string | null)[]> =>
    (await database.query<{ value: string | null }>(`SELECT DISTINCT value FROM (${WHERE[word]}) AS words(value) ORDER BY 1`)).rows.map((r) => r.value);

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log_vocabulary' });
    database = new pg.Client({ connectionString: sut.database.url });
    await database.connect();

    // Reads: allowed, redacted and refused; a member's own view; the consents.
    for (const persona of ['jeugdhulp', 'wmo', 'schuldhulp', 'participatie']) await call(persona, READ, { id: DEMO_FAMILY_ID, purpose: 'CASE_COORDINATION' });
    await call('veiligthuis', READ, { id: DEMO_FAMILY_ID, purpose: 'CHILD_PROTECTION' });
    await call('wmo', READ, { id: DEMO_FAMILY_ID, purpose: 'NO_SUCH_PURPOSE' });
    await call('marieke', `{ myFamily { id } }`);
    await call('schuldhulp', `{ consents(familyId: "${DEMO_FAMILY_ID}") { id } }`);

    // Changes: a family registered, an organisation involved, a record, a consent granted, co-signed and revoked.
    const registered = await ok<{ registerFamily: { id: string; memberIds: [string, string] } }>('jeugdhulp', `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { id memberIds } }`, {
      input: {
        members: [
          { name: 'Ouder', birthDate: '1985-05-05', bsn: '111222333', relation: 'PARENT' },
          { name: 'Kind', birthDate: `${new Date().getUTCFullYear() - 14}-01-15`, bsn: '123456782', relation: 'CHILD' },
        ],
        authority: [{ adult: 0, child: 1 }],
      },
    });
    const familyId = registered.registerFamily.id;
    const [parent, child] = registered.registerFamily.memberIds;
    const asMember = (memberId: string) => () => sut.issuer.sign({ kind: 'citizen', memberId });
    const involved = new Map<string, string>();
    for (const organisationId of [O.schuldhulp, O.veiligThuis]) {
      const registeredInvolvement = await ok<{ registerInvolvement: { id: string } }>('jeugdhulp', `mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) { id } }`, { input: { familyId, organisationId, startsOn: '2026-01-01' } });
      involved.set(organisationId, registeredInvolvement.registerInvolvement.id);
    }
    // The circle: a member's and a professional's read (on every basis), a shielding, the officer's list (in oversight), a lift.
    const shielded = await ok<{ shieldInvolvement: { id: string }[] }>('veiligthuis', `mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id } }`, {
      input: { involvementId: involved.get(O.veiligThuis), memberIds: [parent], reason: 'Onderzoek loopt; ouder mag het nog niet weten.' },
    });
    await ok(asMember(parent), `{ myCircle { familyId } }`);
    await ok('schuldhulp', `query($familyId: ID!) { circle(familyId: $familyId) { familyId } }`, { familyId });
    await ok('keten-fg', `{ involvementShieldings { id } }`);
    await ok('veiligthuis', `mutation($input: LiftShieldingInput!) { liftShielding(input: $input) { id } }`, {
      input: { shieldingId: shielded.shieldInvolvement[0]?.id, reason: 'Onderzoek afgerond; ouder is ingelicht.' },
    });
    // Case direction: a member asks for another case director, a team lead reads it, the case director hands over.
    await ok('marieke', `mutation { requestOtherCaseDirector(reason: "Wij willen graag iemand van de jeugdhulp.") { id } }`);
    await ok('teamleider', `{ caseDirectorRequests { id } }`);
    // Escalation: a professional raises one, the team lead reads the queue, takes it on and decides.
    const escalation = await ok<{ raiseEscalation: { id: string } }>('wmo', `mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { id } }`, {
      input: { familyId: DEMO_FAMILY_ID, subjectMemberIds: [M.marieke], blockingKind: 'RULE', blocks: 'De toeslag wordt verrekend met de schuld.', tried: 'Bezwaar gemaakt, geen antwoord.', category: 'FINANCES', purpose: 'CASE_COORDINATION' },
    });
    await ok('teamleider', `{ escalationQueue { id } }`);
    await ok('teamleider', `mutation($id: ID!) { takeOnEscalation(id: $id) { id } }`, { id: escalation.raiseEscalation.id });
    await ok('teamleider', `mutation($input: DecideEscalationInput!) { decideEscalation(input: $input) { id } }`, {
      input: { escalationId: escalation.raiseEscalation.id, decision: 'De verrekening wordt drie maanden opgeschort.', authority: 'Teamleider Wmo, doorbraakmandaat.' },
    });
    // The social map: debt assistance publishes, changes, dates and withdraws a service; youth care's attempt to change it is refused (DENIED).
    const service = await ok<{ publishService: { id: string } }>('schuldhulp', `mutation($input: PublishServiceInput!) { publishService(input: $input) { id } }`, {
      input: { name: 'Spreekuur toeslagen', description: 'Vragen over toeslagen, elke donderdag zonder afspraak.', domain: 'DEBT_ASSISTANCE', problems: ['GELDZAKEN'], municipalityCodes: ['GM0074'], accessRoute: 'WALK_IN', phone: '0513 61 7703' },
    });
    const serviceInput = { name: 'Spreekuur toeslagen', description: 'Vragen over toeslagen, elke donderdagochtend zonder afspraak.', domain: 'DEBT_ASSISTANCE', problems: ['GELDZAKEN'], municipalityCodes: ['GM0074'], accessRoute: 'WALK_IN', phone: '0513 61 7703' };
    await ok('schuldhulp', `mutation($id: ID!, $input: ServiceInput!) { updateService(id: $id, input: $input) { id } }`, { id: service.publishService.id, input: serviceInput });
    await call('jeugdhulp', `mutation($id: ID!, $input: ServiceInput!) { updateService(id: $id, input: $input) { id } }`, { id: service.publishService.id, input: serviceInput });
    await ok('schuldhulp', `mutation($id: ID!) { setWaitingTime(serviceId: $id, weeks: 2) { id } }`, { id: service.publishService.id });
    await ok('schuldhulp', `mutation($id: ID!) { withdrawService(id: $id) }`, { id: service.publishService.id });
    // Referrals (docs/referral.md): the demo's pending one of Daan is read; Team Toegang refers Lotte to the same school social work
    // (declined, with a reason) and Sanne (withdrawn); Daan and Marieke sign Daan's, and the school social work accepts it.
    const { referrals } = await ok<{ referrals: { id: string; consentId: string; subjectMemberId: string; service: { id: string } }[] }>('wmo', `query($f: ID!) { referrals(familyId: $f) { id consentId subjectMemberId service { id } } }`, { f: DEMO_FAMILY_ID });
    const daans = referrals.find((r) => r.subjectMemberId === M.daan);
    await ok('marieke', `{ ourReferrals { id } }`);
    await ok('schoolmw', `{ incomingReferrals { id } }`);
    const refer = (memberId: string) =>
      ok<{ referToService: { id: string } }>('wmo', `mutation($input: ReferToServiceInput!) { referToService(input: $input) { id } }`, {
        input: { familyId: DEMO_FAMILY_ID, memberId, serviceId: daans?.service.id, purpose: 'SUPPORT_PLANNING', categories: ['CARE_TRAJECTORY'] },
      });
    const lotte = await refer(M.lotte);
    await ok('schoolmw', `mutation($id: ID!) { declineReferral(id: $id, reason: "Wij bellen eerst met school.") { status } }`, { id: lotte.referToService.id });
    const sanne = await refer(M.sanne);
    await ok('wmo', `mutation($id: ID!) { withdrawReferral(id: $id) { status } }`, { id: sanne.referToService.id });
    for (const persona of ['daan', 'marieke']) await ok(persona, `mutation($id: ID!) { signConsent(id: $id) { status } }`, { id: daans?.consentId });
    await ok('schoolmw', `mutation($id: ID!) { acceptReferral(id: $id) { status } }`, { id: daans?.id });
    // The family plan: a member writes, shows and agrees; the case director agrees; a professional and members read (one of them an item shown to the family).
    const goal = await ok<{ writePlanItem: { id: string } }>('marieke', `mutation($input: WritePlanItemInput!) { writePlanItem(input: $input) { id } }`, {
      input: { kind: 'GOAL', subjectMemberIds: [M.marieke], text: 'Elke maand iets opzij zetten.' },
    });
    await ok('marieke', `mutation($itemId: ID!) { showPlanItemToFamily(itemId: $itemId, shown: true) { id } }`, { itemId: goal.writePlanItem.id });
    await ok('marieke', `mutation { agreeToPlan { version } }`);
    await ok('marieke', `mutation { withdrawPlanAgreement { version } }`);
    await ok('wmo', `mutation($familyId: ID) { agreeToPlan(familyId: $familyId) { version } }`, { familyId: DEMO_FAMILY_ID });
    await ok('wmo', `query($familyId: ID!) { familyPlan(familyId: $familyId, purpose: "CASE_COORDINATION") { version } }`, { familyId: DEMO_FAMILY_ID });
    await ok('marieke', `{ ourPlan { version } }`);
    // Our story: a member writes it (it is read in the file above and below).
    await ok(asMember(parent), `mutation($input: WriteOurStoryInput!) { writeOurStory(input: $input) { id } }`, { input: { memberId: child, text: 'Hij wil zelf ook gehoord worden.' } });
    // Messages: a thread started with a colleague, joined, posted in, read (the lists and a page), a message withdrawn.
    const started = await ok<{ startThread: { id: string } }>('wmo', `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`, {
      input: { familyId: DEMO_FAMILY_ID, topic: 'Afspraak bij de budgetcoach', subjectMemberIds: [M.marieke], category: 'SHARED_PLAN', purpose: 'CASE_COORDINATION', participantProfessionalIds: [P.schuldhulp], firstMessage: 'Kan het dinsdag?' },
    });
    const threadId = started.startThread.id;
    await ok('marieke', `mutation($threadId: ID!) { joinThread(threadId: $threadId) { id } }`, { threadId });
    const posted = await ok<{ postMessage: { id: string } }>('marieke', `mutation($input: PostMessageInput!) { postMessage(input: $input) { id } }`, { input: { threadId, body: 'Dinsdag is goed.' } });
    await ok('marieke', `mutation($id: ID!) { withdrawMessage(id: $id) { id } }`, { id: posted.postMessage.id });
    await ok('schuldhulp', `query($threadId: ID!) { threadMessages(threadId: $threadId) { unreadCount } }`, { threadId });
    await ok('schuldhulp', `query($familyId: ID!) { familyThreads(familyId: $familyId) { id } }`, { familyId: DEMO_FAMILY_ID });
    await ok('marieke', `{ ourThreads { id } }`);
    await ok('wmo', `mutation($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id } }`, {
      input: { familyId: DEMO_FAMILY_ID, toProfessionalId: P.jeugdhulp, note: 'Daan heeft nu vooral jeugdhulp nodig; Femke neemt het over.' },
    });
    await ok('jeugdhulp', `mutation($input: AddRecordInput!) { addRecord(input: $input) { id } }`, {
      input: { familyId, subjectMemberIds: [child], careTrajectory: { provider: 'Jeugdhulp, weerbaarheidstraining' } },
    });
    const granted = await ok<{ grantConsent: { id: string } }>(asMember(parent), `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: { subjectMemberId: child, categories: ['CARE_TRAJECTORY'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: O.schuldhulp, validUntil: monthsAhead(6) },
    });
    await ok(asMember(child), `mutation($id: ID!) { signConsent(id: $id) { status } }`, { id: granted.grantConsent.id });
    await call('schuldhulp', READ, { id: familyId, purpose: 'CASE_COORDINATION' });
    await call('veiligthuis', READ, { id: familyId, purpose: 'CHILD_PROTECTION' });
    await ok(asMember(child), `mutation($id: ID!) { revokeConsent(id: $id, reason: "Liever niet meer") { status } }`, { id: granted.grantConsent.id });
    // Its signed receipts (ISO/IEC TS 27560) and the FHIR export (docs/consent-receipts.md): allowed for the member, refused for a caseworker.
    await ok(asMember(child), `query($id: ID!) { consentReceipts(consentId: $id) { receiptId } }`, { id: granted.grantConsent.id });
    expect((await request(sut.app.getHttpServer()).get(`/fhir/Consent?patient=${child}`).set('authorization', `Bearer ${await asMember(child)()}`)).status).toBe(200);
    expect((await request(sut.app.getHttpServer()).get(`/fhir/Consent?patient=${child}`).set('authorization', `Bearer ${await sut.tokenFor('schuldhulp')}`)).status).toBe(403);
    const families = await ok<{ families: { edges: { node: { id: string; involvementId: string } }[] } }>('schuldhulp', `{ families(first: 50) { edges { node { id involvementId } } } }`);
    const involvementId = families.families.edges.find((e) => e.node.id === familyId)?.node.involvementId;
    await ok('schuldhulp', `mutation($id: ID!) { endInvolvement(id: $id) { endsOn } }`, { id: involvementId });

    // Emergency access, its review, an export of the log, and an erasure.
    const opened = await ok<{ breakGlass: { id: string } }>('wmo', `mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id } }`, {
      input: { familyId: DEMO_FAMILY_ID, justification: 'Daan belde in paniek: er wordt thuis geslagen en moeder neemt niet op.', consultedProfessionalId: P.jeugdhulp },
    });
    await call('wmo', READ, { id: DEMO_FAMILY_ID, purpose: 'CHILD_PROTECTION' });
    await ok('fg-gemeente', `mutation($id: ID!) { reviewBreakGlass(id: $id, verdict: JUSTIFIED, note: "Terecht: dezelfde dag opgepakt.") { id } }`, { id: opened.breakGlass.id });
    // The family is told once it is reviewed (Marieke reads the notice); an officer defers a notice.
    expect((await ok<{ myBreakGlassNotices: unknown[] }>('marieke', `{ myBreakGlassNotices { grantId } }`)).myBreakGlassNotices).toHaveLength(1);
    await ok('keten-fg', `mutation($id: ID!, $until: DateTime!) { deferBreakGlassNotice(id: $id, until: $until, reason: "Onderzoek Veilig Thuis loopt nog.") { id } }`, {
      id: opened.breakGlass.id,
      until: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    });
    const exported = await request(sut.app.getHttpServer()).get('/access-log/export?format=csv').set('authorization', `Bearer ${await sut.tokenFor('keten-fg')}`);
    expect(exported.status).toBe(200);
    // Administration of the directory (docs/administration.md): registering, roles, deactivation, the directory read.
    const newcomer = await ok<{ registerProfessional: { id: string } }>('admin', `mutation($input: RegisterProfessionalInput!) { registerProfessional(input: $input) { id } }`, {
      input: { organisationId: O.participatie, name: 'Jelle Zijlstra', roles: ['PROFESSIONAL'] },
    });
    await ok('admin', `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`, { input: { name: 'Buurtteam Oost', domain: 'WMO', kvkNumber: '61234567' } });
    await ok('admin', `mutation($id: ID!) { changeProfessionalRoles(professionalId: $id, roles: [TEAM_LEAD]) { id } }`, { id: newcomer.registerProfessional.id });
    await ok('admin', `mutation($id: ID!) { deactivateProfessional(professionalId: $id) { id } }`, { id: newcomer.registerProfessional.id });
    await ok('admin', `{ directoryProfessionals { id } }`);
    // The privacy officers' lookups (docs/access-log.md): a member by BSN and by name, a professional by name.
    await ok('keten-fg', `{ lookUpMemberByBsn(bsn: "456781006") { members { id } } }`);
    await ok('fg-gemeente', `{ lookUpMembersByName(name: "Daan") { members { id } } }`);
    await ok('keten-fg', `{ lookUpProfessionals(name: "Femke") { professionals { id } } }`);
    await ok('keten-fg', `mutation($id: ID!, $reason: String!) { eraseFamily(id: $id, reason: $reason) { familyId } }`, {
      id: familyId,
      reason: 'Verzoek AVG-2026-0117, art. 17 lid 1 sub b',
    });
  });
  afterAll(async () => {
    await database.end();
    await sut.close();
  });

  it.each([
    ['activity', ACTIVITIES],
    ['target kind', TARGET_KINDS],
    ['basis', BASES],
    ['actor kind', ACTOR_KINDS],
    ['decision', DECISIONS],
    ['entry outcome', ENTRY_OUTCOMES],
  ] as const)('every %s in the database is a word of the vocabulary', async (word, words) => {
    const stored = await distinct(word);

    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((value) => value !== null && !(words as readonly string[]).includes(value))).toEqual([]);
  });

  it('every activity a request can write was written: the vocabulary has no word nobody writes (key rotation is written by its command, not a request)', async () => {
    const written = await distinct('activity');

    expect(written).toEqual([...ACTIVITIES].filter((a) => a !== 'ROTATE_KEY_ENCRYPTION_KEY').sort());
  });

  it('every target kind, basis, decision and entry outcome was written too: a read that showed some categories and withheld others is PARTLY_ALLOWED', async () => {
    expect((await distinct('target kind')).filter((v) => v !== null)).toEqual([...TARGET_KINDS].sort());
    expect((await distinct('basis')).filter((v) => v !== null)).toEqual([...BASES].sort());
    expect(await distinct('decision')).toEqual([...DECISIONS].sort());
    expect(await distinct('entry outcome')).toEqual([...ENTRY_OUTCOMES].sort());
  });

  it.each([
    ['activity', ACTIVITIES],
    ['actor', ACTOR_KINDS],
    ['decision', ENTRY_OUTCOMES],
    ['basis', BASES],
  ] as const)('the portal has a label for every %s word, in Dutch and in English', (prefix, words) => {
    const missing = (dictionary: Readonly<Record<string, string>>) => words.filter((word) => !(`${prefix}.${word}` in dictionary) && !(prefix === 'actor' && word === 'PROFESSIONAL'));

    // A professional is shown by name, role and organisation, never as the word itself.
    expect({ nl: missing(labels.nl), en: missing(labels.en) }).toEqual({ nl: [], en: [] });
  });
});
