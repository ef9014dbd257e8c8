import { randomUUID } from 'node:crypto';
import { ManualClock } from '@kring/config';
import { Domain, ProfessionalRole } from '@kring/identity';
import { newWorld, type World } from './support/factories';
import type { Bearer } from './support/factories/world.types';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from './support/test-gateway';

const OPEN = `mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id concernedMemberIds consultedColleague { id name organisation { id } } } }`;
const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { id } }`;
const REVIEW = `mutation($id: ID!) { reviewBreakGlass(id: $id, verdict: JUSTIFIED, note: "Terecht: Veilig Thuis is dezelfde dag ingeschakeld.") { id } }`;
const DEFER = `mutation($id: ID!, $until: DateTime!, $reason: String!) { deferBreakGlassNotice(id: $id, until: $until, reason: $reason) { id notice { state deferredUntil deferralReason } } }`;
const QUEUE = `{ breakGlassGrants { id status overdue professionalName concernedMemberIds consultedColleague { id name organisation { id name domain } } notice { state deferredUntil deferralReason } uses { entryId activity subjectMemberIds categories fields } } }`;
const NOTICES = `{ myBreakGlassNotices { grantId organisation { id name } openedAt expiresAt categories justification verdict reviewedAt memberIds reads } }`;
const MY_LOG = `{ accessLog(first: 200) { edges { node { id activity breakGlass basisRefs targetIds subjectMemberIds actor { organisation { id name } } decisions { targetKind targetIds basis basisRefs fields sourceOrganisation { id } } } } } }`;
const JUSTIFICATION = 'Sanne belde school in paniek: er wordt thuis geslagen en moeder neemt niet op.';

/**
 * Break-glass, complete (issue 19, docs/break-glass.md): the consulted colleague, the family's
 * notice once the review is done, an officer's deferral, and what the review queue shows.
 */
describe('break-glass: the consulted colleague, the family\'s notice and its deferral', () => {
  const start = new Date();
  const clock = new ManualClock(start);
  let sut: TestGateway;
  let world: World;
  const days = (n: number) => new Date(start.getTime() + n * 24 * 3600_000);

  const as = async <T>(bearer: Bearer, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> => sut.graphql<T>(query, { token: await world.tokenFor(bearer), variables });
  const ok = async <T>(bearer: Bearer, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await as<T>(bearer, query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  };

  /**
   * A mother with authority over Sanne (14), and a grandfather in the household with authority
   * over nobody. Youth care opens emergency access (it does nothing else in the family the
   * members could see), the WMO team holds case direction; the debt counsellor recorded the
   * mother's phone; a Veilig Thuis advisor (not involved) and a school (not involved) exist.
   */
  const circle = async () => {
    const wmo = await world.partner(Domain.WMO);
    const youthCare = await world.partner(Domain.YOUTH_CARE);
    const officer = await world.professional(youthCare.organisation, { roles: [ProfessionalRole.PRIVACY_OFFICER], name: 'Fatima El Amrani' });
    const debtAssistance = await world.partner(Domain.DEBT_ASSISTANCE, { professionalName: 'Anna Visser' });
    const veiligThuis = await world.partner(Domain.CHILD_SAFETY, { professionalName: 'Vera Bakker' });
    const school = await world.partner(Domain.EDUCATION);
    const family = await world.family({
      registeredBy: wmo,
      members: [
        { label: 'mother', age: 38 },
        { label: 'sanne', age: 14 },
        { label: 'grandfather', age: 71 },
      ],
      authority: [['mother', 'sanne']],
    });
    await world.involve(family, wmo, { caseDirection: true });
    await world.involve(family, youthCare);
    await world.involve(family, debtAssistance);
    const mother = family.member('mother');
    const sanne = family.member('sanne');
    const grandfather = family.member('grandfather');
    await world.record(family, { source: debtAssistance, sectionType: 'ContactDetails', subjects: [mother], values: { address: 'Kerkstraat 12', phone: '06-12345678' } });
    const open = (input: Record<string, unknown> = {}) => as<{ breakGlass: { id: string; concernedMemberIds: string[]; consultedColleague: { id: string; name: string | null; organisation: { id: string } } | null } }>(youthCare, OPEN, {
      input: { familyId: family.id, justification: JUSTIFICATION, consultedProfessionalId: debtAssistance.professional.id, ...input },
    });
    return { wmo, youthCare, officer, debtAssistance, veiligThuis, school, family, mother, sanne, grandfather, open };
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'break_glass_notice', seedDemoWorld: false, clock });
    world = newWorld(sut);
  });
  beforeEach(() => clock.set(start));
  afterAll(async () => {
    await sut.close();
  });

  describe('the consulted colleague', () => {
    it.each([
      ['nobody named', (_c: Awaited<ReturnType<typeof circle>>) => ({ consultedProfessionalId: null }), 'CONSULTED_COLLEAGUE_REQUIRED'],
      ['the field left out', (_c: Awaited<ReturnType<typeof circle>>) => ({ consultedProfessionalId: undefined }), 'CONSULTED_COLLEAGUE_REQUIRED'],
      ['the opener themselves', (c: Awaited<ReturnType<typeof circle>>) => ({ consultedProfessionalId: c.youthCare.professional.id }), 'SELF'],
      ['an id of nobody', (_c: Awaited<ReturnType<typeof circle>>) => ({ consultedProfessionalId: randomUUID() }), 'UNKNOWN_COLLEAGUE'],
      ['text that is no id', (_c: Awaited<ReturnType<typeof circle>>) => ({ consultedProfessionalId: 'Anna' }), 'UNKNOWN_COLLEAGUE'],
      ['a professional of an organisation not involved, not Veilig Thuis', (c: Awaited<ReturnType<typeof circle>>) => ({ consultedProfessionalId: c.school.professional.id }), 'NOT_A_COLLEAGUE'],
    ])('is required and must be a colleague: %s is refused (BAD_USER_INPUT, refusal, field), and nothing is opened', async (_name, input, refusal) => {
      const c = await circle();
      const answer = await c.open(input(c));
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', refusal, field: 'consultedProfessionalId' });
      expect(await sut.dataSource.query(`SELECT id FROM break_glass_grant WHERE family_id = $1`, [c.family.id])).toEqual([]);
    });

    it('a Veilig Thuis advisor counts though Veilig Thuis is not involved; a colleague of the opener\'s own organisation counts too', async () => {
      const c = await circle();
      expect((await c.open({ consultedProfessionalId: c.veiligThuis.professional.id })).errors).toBeUndefined();
      const own = await world.professional(c.youthCare.organisation);
      expect((await c.open({ consultedProfessionalId: own.id })).errors).toBeUndefined();
    });

    it('a deactivated professional is not in the directory any more: UNKNOWN_COLLEAGUE', async () => {
      const c = await circle();
      await sut.dataSource.query(`UPDATE professional SET deactivated_at = now() WHERE id = $1`, [c.debtAssistance.professional.id]);
      expect((await c.open()).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', refusal: 'UNKNOWN_COLLEAGUE' });
    });

    it('members named as concerned must be of the family', async () => {
      const c = await circle();
      const other = await circle();
      expect((await c.open({ memberIds: [other.sanne.id] })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', refusal: 'UNKNOWN_MEMBER', field: 'memberIds' });
    });

    it('is stored with the grant, named to the reviewing officer, and in the log by id (never by name)', async () => {
      const c = await circle();
      const opened = await c.open();
      expect(opened.errors).toBeUndefined();
      // The opener sees whom they named, by id; the name is for officers.
      expect(opened.data?.breakGlass).toMatchObject({ concernedMemberIds: [c.sanne.id], consultedColleague: { id: c.debtAssistance.professional.id, name: null, organisation: { id: c.debtAssistance.id } } });
      const queue = await ok<{ breakGlassGrants: { id: string; consultedColleague: { name: string; organisation: { name: string } } }[] }>(c.officer, QUEUE);
      expect(queue.breakGlassGrants.find((g) => g.id === opened.data?.breakGlass.id)?.consultedColleague).toMatchObject({ name: 'Anna Visser', organisation: { name: c.debtAssistance.organisation.name } });
      const rows = await sut.dataSource.query<{ consulted_professional_id: string; decisions: unknown }[]>(
        `SELECT g.consulted_professional_id, e.decisions FROM break_glass_grant g JOIN access_log_entry e ON e.family_id = g.family_id AND e.activity = 'BREAK_GLASS_OPENED' WHERE g.id = $1`,
        [opened.data?.breakGlass.id],
      );
      expect(rows.map((r) => r.consulted_professional_id)).toEqual([c.debtAssistance.professional.id]);
      expect(rows[0]?.decisions).toEqual(expect.arrayContaining([expect.objectContaining({ targetKind: 'PROFESSIONAL', targetIds: [c.debtAssistance.professional.id], fields: ['consultedColleague'] })]));
      expect(JSON.stringify(rows[0]?.decisions)).not.toContain('Anna');
    });
  });

  describe('the family\'s notice', () => {
    it('a grant with HOUSEHOLD reads every member\'s relation: every member whose data was read under it is concerned, and told', async () => {
      const c = await circle();
      const grantId = (await c.open()).data?.breakGlass.id as string;
      expect((await as(c.youthCare, READ, { id: c.family.id, purpose: 'CHILD_PROTECTION' })).errors).toBeUndefined();
      expect((await as(c.officer, REVIEW, { id: grantId })).errors).toBeUndefined();
      const grandfather = await ok<{ myBreakGlassNotices: { grantId: string; memberIds: string[]; reads: number }[] }>(c.grandfather, NOTICES);
      expect(grandfather.myBreakGlassNotices).toEqual([expect.objectContaining({ grantId, memberIds: [c.grandfather.id], reads: 1 })]);
    });

    it('nothing of the grant reaches a member before the review; afterwards those in reach of the members concerned see it with its justification, and others still see nothing', async () => {
      const c = await circle();
      // CONTACT and SAFETY only: of this family, only the mother's contact details fall under it
      // (HOUSEHOLD would reach every member's relation, the grandfather's too: then he is told as well).
      const opened = await c.open({ categories: ['CONTACT', 'SAFETY'] });
      const grantId = opened.data?.breakGlass.id as string;
      // Youth care reads under the grant: the mother's phone (CONTACT) is read under it.
      expect((await as(c.youthCare, READ, { id: c.family.id, purpose: 'CHILD_PROTECTION' })).errors).toBeUndefined();

      const rawViewOf = async (member: Bearer) => JSON.stringify({ notices: await ok(member, NOTICES), log: await ok(member, MY_LOG) });
      const absent = (raw: string) => {
        expect(raw).not.toContain(grantId);
        expect(raw).not.toContain(c.youthCare.id);
        expect(raw).not.toContain(c.youthCare.organisation.name);
        expect(raw).not.toContain('"breakGlass":true');
        expect(raw).not.toContain('paniek');
      };
      // Open, then expired and awaiting review: nothing, for every member.
      for (const at of [start, days(1)]) {
        clock.set(at);
        for (const member of [c.mother, c.sanne, c.grandfather]) absent(await rawViewOf(member));
      }

      clock.set(days(2));
      expect((await as(c.officer, REVIEW, { id: grantId })).errors).toBeUndefined();

      const notices = await ok<{ myBreakGlassNotices: Record<string, unknown>[] }>(c.mother, NOTICES);
      expect(notices.myBreakGlassNotices).toEqual([
        expect.objectContaining({
          grantId,
          organisation: { id: c.youthCare.id, name: c.youthCare.organisation.name },
          categories: ['CONTACT', 'SAFETY'],
          justification: JUSTIFICATION,
          verdict: 'JUSTIFIED',
          // Sanne, whom it was opened for, and the mother, whose phone was read under it.
          memberIds: [c.mother.id, c.sanne.id].sort(),
          reads: 1,
        }),
      ]);
      const log = await ok<{ accessLog: { edges: { node: { breakGlass: boolean; activity: string; decisions: { targetKind: string; targetIds: string[] }[] } }[] } }>(c.mother, MY_LOG);
      const flagged = log.accessLog.edges.map((e) => e.node).filter((n) => n.breakGlass);
      expect(new Set(flagged.map((n) => n.activity))).toEqual(new Set(['BREAK_GLASS_OPENED', 'READ_FAMILY_FILE']));
      // The consulted colleague is not named to the family, not even by id.
      expect(JSON.stringify(log)).not.toContain(c.debtAssistance.professional.id);
      expect(flagged.find((n) => n.activity === 'BREAK_GLASS_OPENED')?.decisions).toEqual(expect.arrayContaining([expect.objectContaining({ targetKind: 'PROFESSIONAL', targetIds: [] })]));

      // Sanne (14) sees it about herself; the grandfather, outside everyone's reach and not read under it, sees nothing.
      expect((await ok<{ myBreakGlassNotices: { memberIds: string[] }[] }>(c.sanne, NOTICES)).myBreakGlassNotices.map((n) => n.memberIds)).toEqual([[c.sanne.id]]);
      absent(await rawViewOf(c.grandfather));

      // Reading the notice is logged: one entry per member of the reader's reach it concerns, naming the grant.
      const reads = await sut.dataSource.query<{ subject_member_ids: string[]; decisions: { targetIds: string[]; basis: string }[] }[]>(
        `SELECT subject_member_ids, decisions FROM access_log_entry WHERE activity = 'READ_BREAK_GLASS_NOTICE' AND actor_id = $1 ORDER BY occurred_at`,
        [c.mother.id],
      );
      expect(reads.length).toBeGreaterThanOrEqual(2);
      expect(reads.every((r) => r.decisions[0]?.targetIds[0] === grantId && r.decisions[0]?.basis === 'DATA_SUBJECT')).toBe(true);
    });

    it('an officer defers the notice with a reason until a date: withheld until then, given from then on; the deferral is logged and its reason sealed', async () => {
      const c = await circle();
      const grantId = (await c.open()).data?.breakGlass.id as string;
      clock.set(days(1));
      const deferred = await ok<{ deferBreakGlassNotice: { notice: { state: string; deferredUntil: string; deferralReason: string } } }>(c.officer, DEFER, {
        id: grantId,
        until: days(15).toISOString(),
        reason: 'Onderzoek Veilig Thuis loopt; moeder mag het nog niet weten.',
      });
      // Deferred before the review: the notice waits for the review first.
      expect(deferred.deferBreakGlassNotice.notice).toEqual({ state: 'AWAITING_REVIEW', deferredUntil: days(15).toISOString(), deferralReason: 'Onderzoek Veilig Thuis loopt; moeder mag het nog niet weten.' });
      expect((await as(c.officer, REVIEW, { id: grantId })).errors).toBeUndefined();
      const queue = await ok<{ breakGlassGrants: { id: string; notice: { state: string } }[] }>(c.officer, QUEUE);
      expect(queue.breakGlassGrants.find((g) => g.id === grantId)?.notice.state).toBe('DEFERRED');

      clock.set(days(15 - 1 / 24));
      expect((await ok<{ myBreakGlassNotices: unknown[] }>(c.mother, NOTICES)).myBreakGlassNotices).toEqual([]);
      expect(JSON.stringify(await ok(c.mother, MY_LOG))).not.toContain(grantId);
      clock.set(days(15));
      expect((await ok<{ myBreakGlassNotices: { grantId: string }[] }>(c.mother, NOTICES)).myBreakGlassNotices.map((n) => n.grantId)).toEqual([grantId]);
      expect(JSON.stringify(await ok(c.mother, MY_LOG))).toContain(grantId);

      const stored = await sut.dataSource.query<{ reason: Buffer }[]>(`SELECT notice_deferral_reason_ciphertext AS reason FROM break_glass_grant WHERE id = $1`, [grantId]);
      expect(stored[0]?.reason.toString('utf8')).not.toContain('Veilig Thuis');
      const entries = await sut.dataSource.query<{ actor_id: string; decisions: { targetIds: string[] }[] }[]>(`SELECT actor_id, decisions FROM access_log_entry WHERE activity = 'DEFER_BREAK_GLASS_NOTICE' AND family_id = $1`, [c.family.id]);
      expect(entries).toEqual([expect.objectContaining({ actor_id: c.officer.id, decisions: [expect.objectContaining({ targetIds: [grantId] })] })]);
      expect(JSON.stringify(entries)).not.toContain('Onderzoek');
    });

    it('two grants of one professional at once: the one told shows, the other (deferred) stays hidden, entries of its hours included', async () => {
      const c = await circle();
      const first = (await c.open({ categories: ['CONTACT'] })).data?.breakGlass.id as string;
      const second = (await c.open({ categories: ['SAFETY'], memberIds: [c.sanne.id] })).data?.breakGlass.id as string;
      expect((await as(c.youthCare, READ, { id: c.family.id, purpose: 'CHILD_PROTECTION' })).errors).toBeUndefined();
      expect((await as(c.officer, REVIEW, { id: first })).errors).toBeUndefined();
      expect((await as(c.officer, REVIEW, { id: second })).errors).toBeUndefined();
      expect((await as(c.officer, DEFER, { id: second, until: days(30).toISOString(), reason: 'Onderzoek loopt.' })).errors).toBeUndefined();
      const notices = await ok<{ myBreakGlassNotices: { grantId: string }[] }>(c.mother, NOTICES);
      expect(notices.myBreakGlassNotices.map((n) => n.grantId)).toEqual([first]);
      const log = JSON.stringify(await ok(c.mother, MY_LOG));
      expect(log).toContain(first);
      expect(log).not.toContain(second);
    });

    it.each<[string, { reason?: string; until?: string; id?: string }, Record<string, string>]>([
      ['a reason of spaces', { reason: '   ' }, { code: 'BAD_USER_INPUT', refusal: 'REASON_LENGTH', field: 'reason' }],
      ['an end more than 91 days ahead', { until: 'far' }, { code: 'BAD_USER_INPUT', refusal: 'UNTIL_OUT_OF_RANGE', field: 'until' }],
      ['an end in the past', { until: 'past' }, { code: 'BAD_USER_INPUT', refusal: 'UNTIL_OUT_OF_RANGE', field: 'until' }],
      ['a grant nobody has', { id: 'nobody' }, { code: 'NOT_FOUND' }],
    ])('a deferral with %s is refused', async (_name, change, expected) => {
      const c = await circle();
      const grantId = (await c.open()).data?.breakGlass.id as string;
      const until = change.until === 'far' ? days(92) : change.until === 'past' ? days(-1) : days(7);
      const answer = await as(c.officer, DEFER, { id: change.id === 'nobody' ? randomUUID() : grantId, until: until.toISOString(), reason: change.reason ?? 'Onderzoek loopt.' });
      expect(answer.errors?.[0]?.extensions).toMatchObject(expected);
    });

    it('only an officer who oversees the grant defers its notice: not a professional, not another organisation\'s officer', async () => {
      const c = await circle();
      const grantId = (await c.open()).data?.breakGlass.id as string;
      const variables = { id: grantId, until: days(7).toISOString(), reason: 'Onderzoek loopt.' };
      expect((await as(c.youthCare, DEFER, variables)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const elsewhere = await world.professional(c.wmo.organisation, { roles: [ProfessionalRole.PRIVACY_OFFICER] });
      expect((await as(elsewhere, DEFER, variables)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  it('the review queue shows the grant with what was read under it (the log\'s entries with basis BREAK_GLASS naming the grant), and the notice\'s state', async () => {
    const c = await circle();
    const grantId = (await c.open({ categories: ['CONTACT', 'SAFETY'] })).data?.breakGlass.id as string;
    expect((await as(c.youthCare, READ, { id: c.family.id, purpose: 'CHILD_PROTECTION' })).errors).toBeUndefined();
    const queue = await ok<{ breakGlassGrants: { id: string; status: string; concernedMemberIds: string[]; notice: { state: string }; uses: { activity: string; subjectMemberIds: string[]; categories: string[]; fields: string[] }[] }[] }>(c.officer, QUEUE);
    const grant = queue.breakGlassGrants.find((g) => g.id === grantId);
    expect(grant).toMatchObject({ status: 'ACTIVE', concernedMemberIds: [c.sanne.id], notice: { state: 'AWAITING_REVIEW' } });
    expect(grant?.uses).toEqual([expect.objectContaining({ activity: 'READ_FAMILY_FILE', subjectMemberIds: [c.mother.id], categories: ['CONTACT'], fields: expect.arrayContaining(['address', 'phone']) })]);
    // A professional sees their own grant, not what the officer sees of it.
    const own = await ok<{ breakGlassGrants: { id: string; notice: unknown; uses: unknown }[] }>(c.youthCare, `{ breakGlassGrants { id notice { state } uses { entryId } } }`);
    expect(own.breakGlassGrants.find((g) => g.id === grantId)).toEqual({ id: grantId, notice: null, uses: null });
  });
});
