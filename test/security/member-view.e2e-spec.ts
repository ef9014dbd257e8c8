import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M } from '@kring/demo-world';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/*
 * Issue 13, point 5 (DESIGN.md §5.7 and §9): a member's view never reveals that anything
 * about a member outside their reach exists: no record, member, involvement or redaction,
 * no section type, no date, no count. Reach: the member, and the children under 16 over
 * whom they hold authority. The demo family: Marieke and Johan hold authority over Sanne
 * (17), Daan (14) and Lotte (8).
 */
const MY_FAMILY = `{ myFamily {
  id
  members { id name birthDate bsn relation holdsAuthorityOver }
  involvements { id organisation { id } startsOn endsOn caseDirection }
  records { id sectionType subjectMemberIds createdAt sourceOrganisation { id } }
  redactions { path field category reason memberId recordId involvementId }
} }`;
const LOG = `query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 200) { edges { node { id activity subjectMemberIds targetKind targetIds actor { kind } } } } }`;
const DAYS = `query($filter: AccessLogFilter) { accessLogDays(filter: $filter) { day denied } }`;

interface View {
  members: { id: string; holdsAuthorityOver: string[] | null }[];
  involvements: { id: string }[];
  records: { id: string; sectionType: string; subjectMemberIds: string[]; createdAt: string }[];
  redactions: { path: string; memberId: string | null; recordId: string | null; involvementId: string | null }[];
}

const REACH: Record<string, readonly string[]> = {
  sanne: [M.sanne],
  daan: [M.daan],
  marieke: [M.marieke, M.daan, M.lotte],
};

describe('a member\'s view reveals nothing about members outside their reach', () => {
  let sut: TestGateway;
  /** Every record of the demo family with its subjects, read behind the gateway's back. */
  let records: { id: string; sectionType: string; subjects: string[] }[];
  let involvementIds: string[];
  let otherFamilyMember: string;

  const view = async (persona: string): Promise<View> => {
    const answer = await sut.graphql<{ myFamily: View }>(MY_FAMILY, { token: await sut.tokenFor(persona) });
    expect(answer.errors).toBeUndefined();
    return answer.data?.myFamily as View;
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'member_view' });
    records = await sut.dataSource.query(
      `SELECT r.id, r.section_type AS "sectionType", array_agg(s.member_id::text ORDER BY s.member_id) AS subjects
         FROM record r JOIN record_subject s ON s.record_id = r.id WHERE r.family_id = $1 GROUP BY r.id, r.section_type`,
      [DEMO_FAMILY_ID],
    );
    involvementIds = (await sut.dataSource.query<{ id: string }[]>(`SELECT id FROM involvement WHERE family_id = $1`, [DEMO_FAMILY_ID])).map((i) => i.id);
    const registered = await sut.graphql<{ registerFamily: { memberIds: string[] } }>(
      `mutation { registerFamily(input: { members: [{ name: "Ander Gezin", birthDate: "1980-02-03", bsn: "111222333", relation: PARENT }] }) { memberIds } }`,
      { token: await sut.tokenFor('wmo') },
    );
    otherFamilyMember = registered.data?.registerFamily.memberIds[0] as string;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it.each(['sanne', 'daan', 'marieke'])('%s\'s myFamily holds only members, records and redactions about their reach, and no involvement', async (persona) => {
    const reach = new Set(REACH[persona]);
    const file = await view(persona);
    const inView = records.filter((r) => r.subjects.every((s) => reach.has(s)));
    const outOfView = records.filter((r) => !r.subjects.every((s) => reach.has(s)));

    expect(file.members.map((m) => m.id).sort()).toEqual([...reach].sort());
    expect(file.records.map((r) => r.id).sort()).toEqual(inView.map((r) => r.id).sort());
    expect(file.records.every((r) => r.subjectMemberIds.every((s) => reach.has(s)))).toBe(true);
    // Not everyone in the family is in their reach, so no involvement shows (absent, not redacted).
    expect(file.involvements).toEqual([]);
    // Nothing outside the reach is withheld either: it is not there.
    expect(file.redactions.filter((x) => x.involvementId !== null || (x.memberId !== null && !reach.has(x.memberId)) || (x.recordId !== null && !inView.some((r) => r.id === x.recordId)))).toEqual([]);
    expect(file.redactions).toEqual([]);

    // Not an id, a section type or a count of anything outside the reach, anywhere in the answer.
    const text = JSON.stringify(file);
    const outsideMembers = Object.values(M).filter((id) => !reach.has(id));
    for (const id of [...outsideMembers, ...outOfView.map((r) => r.id), ...involvementIds]) expect({ id, inAnswer: text.includes(id) }).toEqual({ id, inAnswer: false });
    const typesInView = new Set(inView.map((r) => r.sectionType));
    for (const type of new Set(outOfView.map((r) => r.sectionType))) if (!typesInView.has(type)) expect({ type, inAnswer: text.includes(type) }).toEqual({ type, inAnswer: false });
  });

  it('Marieke holds authority over three children; her view lists only Daan and Lotte, the two in her reach', async () => {
    const file = await view('marieke');
    expect(file.members.find((m) => m.id === M.marieke)?.holdsAuthorityOver).toEqual([M.daan, M.lotte].sort());
    expect(file.members.find((m) => m.id === M.daan)?.holdsAuthorityOver).toEqual([]);
  });

  it('Marieke\'s read is logged only about her reach: Johan\'s log shows nothing of it about him', async () => {
    await view('marieke');
    await view('sanne');
    const mine = await sut.dataSource.query<{ subjects: string[]; target_ids: string[] }[]>(
      `SELECT subject_member_ids::text[] AS subjects, target_ids::text[] AS target_ids FROM access_log_entry WHERE activity = 'READ_OWN_FILE' AND actor_id = $1`,
      [M.marieke],
    );
    expect(mine.length).toBeGreaterThan(0);
    const reach = new Set(REACH['marieke']);
    expect(mine.filter((e) => e.subjects.some((s) => !reach.has(s)))).toEqual([]);
    expect(mine.flatMap((e) => e.target_ids).filter((id) => records.some((r) => r.id === id && !r.subjects.every((s) => reach.has(s))))).toEqual([]);

    const johans = await sut.graphql<{ accessLog: { edges: { node: { subjectMemberIds: string[]; targetIds: string[]; actor: { kind: string } } }[] } }>(LOG, {
      token: await sut.tokenFor('johan'),
      variables: { filter: { activity: 'READ_OWN_FILE', byOthers: true } },
    });
    expect(johans.errors).toBeUndefined();
    const johanRecords = records.filter((r) => r.subjects.includes(M.johan)).map((r) => r.id);
    const aboutJohan = (johans.data?.accessLog.edges ?? []).map((e) => e.node).filter((n) => n.subjectMemberIds.includes(M.johan) || n.targetIds.some((id) => id === M.johan || johanRecords.includes(id)));
    expect(aboutJohan).toEqual([]);
  });

  describe('the member\'s access-log filter on a member outside their reach is refused, alike for every kind of id', () => {
    const kinds = () => ({ 'a member of the family outside the reach': M.sanne, 'a member of another family': otherFamilyMember, 'a random id': randomUUID() });

    it('accessLog', async () => {
      const token = await sut.tokenFor('marieke');
      const answers = [];
      for (const [kind, memberId] of Object.entries(kinds())) {
        const answer = await sut.graphql(LOG, { token, variables: { filter: { memberId } } });
        answers.push({ kind, data: answer.data ?? null, error: answer.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })) });
      }
      expect(answers.map((a) => a.error?.[0]?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      expect(new Set(answers.map((a) => JSON.stringify({ data: a.data, error: a.error }))).size).toBe(1);
      // A member in her reach still narrows her own log.
      const daan = await sut.graphql(LOG, { token, variables: { filter: { memberId: M.daan } } });
      expect(daan.errors).toBeUndefined();
    });

    it('accessLogDays', async () => {
      const token = await sut.tokenFor('marieke');
      const answers = [];
      for (const memberId of Object.values(kinds())) {
        const answer = await sut.graphql(DAYS, { token, variables: { filter: { memberId } } });
        answers.push(JSON.stringify({ data: answer.data ?? null, error: answer.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })) }));
      }
      expect(answers[0]).toContain('FORBIDDEN');
      expect(new Set(answers).size).toBe(1);
    });

    it('the export', async () => {
      const token = await sut.tokenFor('marieke');
      const answers = [];
      for (const memberId of Object.values(kinds())) {
        const response = await request(sut.app.getHttpServer()).get(`/access-log/export?format=jsonl&memberId=${memberId}`).set('authorization', `Bearer ${token}`);
        answers.push(JSON.stringify({ status: response.status, body: response.text }));
      }
      expect(answers[0]).toContain('FORBIDDEN');
      expect(new Set(answers).size).toBe(1);
    });
  });
});
