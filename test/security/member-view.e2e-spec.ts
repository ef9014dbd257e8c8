import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { circleOfCare, newWorld, type Circle, type World } from '../support/factories';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/*
 * Issue 13, point 5 (DESIGN.md §5.7 and §9): a member's view never reveals that anything
 * about a member outside their reach exists: no record, member, involvement or redaction,
 * no section type, no date, no count. Reach: the member, and the children under 16 over
 * whom they hold authority. The circle's family: a mother and a father hold authority over
 * children of 17, 14 and 8.
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


describe('a member\'s view reveals nothing about members outside their reach', () => {
  let sut: TestGateway;
  let world: World;
  /** Read only: no test changes the circle. */
  let c: Circle;
  /** Who is in the reach of each member, by the label the circle gives them. */
  let REACH: Record<string, readonly string[]>;
  /** Every record of the family with its subjects, read behind the gateway's back. */
  let records: { id: string; sectionType: string; subjects: string[] }[];
  let involvementIds: string[];
  let otherFamilyMember: string;

  const view = async (label: string): Promise<View> => {
    const answer = await sut.graphql<{ myFamily: View }>(MY_FAMILY, { token: await world.tokenFor(c.family.member(label)) });
    expect(answer.errors).toBeUndefined();
    return answer.data?.myFamily as View;
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'member_view', seedDemoWorld: false });
    world = newWorld(sut);
    c = await circleOfCare(world);
    REACH = { older: [c.older.id], teen: [c.teen.id], mother: [c.mother.id, c.teen.id, c.young.id] };
    records = await sut.dataSource.query(
      `SELECT r.id, r.section_type AS "sectionType", array_agg(s.member_id::text ORDER BY s.member_id) AS subjects
         FROM record r JOIN record_subject s ON s.record_id = r.id WHERE r.family_id = $1 GROUP BY r.id, r.section_type`,
      [c.family.id],
    );
    involvementIds = (await sut.dataSource.query<{ id: string }[]>(`SELECT id FROM involvement WHERE family_id = $1`, [c.family.id])).map((i) => i.id);
    const registered = await sut.graphql<{ registerFamily: { memberIds: string[] } }>(
      `mutation { registerFamily(input: { members: [{ name: "Ander Gezin", birthDate: "1980-02-03", bsn: "111222333", relation: PARENT }] }) { memberIds } }`,
      { token: await world.tokenFor(c.wmo) },
    );
    otherFamilyMember = registered.data?.registerFamily.memberIds[0] as string;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it.each([
    ['the 17-year-old', 'older'],
    ['the 14-year-old', 'teen'],
    ['the mother', 'mother'],
  ])('%s\'s myFamily holds only members, records and redactions about their reach, and no involvement', async (_who, label) => {
    const reach = new Set(REACH[label]);
    const file = await view(label);
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
    const outsideMembers = c.family.members.map((m) => m.id).filter((id) => !reach.has(id));
    for (const id of [...outsideMembers, ...outOfView.map((r) => r.id), ...involvementIds]) expect({ id, inAnswer: text.includes(id) }).toEqual({ id, inAnswer: false });
    const typesInView = new Set(inView.map((r) => r.sectionType));
    for (const type of new Set(outOfView.map((r) => r.sectionType))) if (!typesInView.has(type)) expect({ type, inAnswer: text.includes(type) }).toEqual({ type, inAnswer: false });
  });

  it('a mother holds authority over three children; her view lists only the two under 16, the two in her reach', async () => {
    const file = await view('mother');
    expect(file.members.find((m) => m.id === c.mother.id)?.holdsAuthorityOver).toEqual([c.teen.id, c.young.id].sort());
    expect(file.members.find((m) => m.id === c.teen.id)?.holdsAuthorityOver).toEqual([]);
  });

  it('a mother\'s read is logged only about her reach: the father\'s log shows nothing of it about him', async () => {
    await view('mother');
    await view('older');
    const mine = await sut.dataSource.query<{ subjects: string[]; target_ids: string[] }[]>(
      `SELECT subject_member_ids::text[] AS subjects, target_ids::text[] AS target_ids FROM access_log_decision WHERE activity = 'READ_OWN_FILE' AND actor_id = $1`,
      [c.mother.id],
    );
    expect(mine.length).toBeGreaterThan(0);
    const reach = new Set(REACH['mother']);
    expect(mine.filter((e) => e.subjects.some((s) => !reach.has(s)))).toEqual([]);
    expect(mine.flatMap((e) => e.target_ids).filter((id) => records.some((r) => r.id === id && !r.subjects.every((s) => reach.has(s))))).toEqual([]);

    const johans = await sut.graphql<{ accessLog: { edges: { node: { subjectMemberIds: string[]; targetIds: string[]; actor: { kind: string } } }[] } }>(LOG, {
      token: await world.tokenFor(c.father),
      variables: { filter: { activity: 'READ_OWN_FILE', byOthers: true } },
    });
    expect(johans.errors).toBeUndefined();
    const johanRecords = records.filter((r) => r.subjects.includes(c.father.id)).map((r) => r.id);
    const aboutJohan = (johans.data?.accessLog.edges ?? []).map((e) => e.node).filter((n) => n.subjectMemberIds.includes(c.father.id) || n.targetIds.some((id) => id === c.father.id || johanRecords.includes(id)));
    expect(aboutJohan).toEqual([]);
  });

  describe('the member\'s access-log filter on a member outside their reach is refused, alike for every kind of id', () => {
    const kinds = () => ({ 'a member of the family outside the reach': c.older.id, 'a member of another family': otherFamilyMember, 'a random id': randomUUID() });

    it('accessLog', async () => {
      const token = await world.tokenFor(c.mother);
      const answers = [];
      for (const [kind, memberId] of Object.entries(kinds())) {
        const answer = await sut.graphql(LOG, { token, variables: { filter: { memberId } } });
        answers.push({ kind, data: answer.data ?? null, error: answer.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })) });
      }
      expect(answers.map((a) => a.error?.[0]?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      expect(new Set(answers.map((a) => JSON.stringify({ data: a.data, error: a.error }))).size).toBe(1);
      // A member in her reach still narrows her own log.
      const daan = await sut.graphql(LOG, { token, variables: { filter: { memberId: c.teen.id } } });
      expect(daan.errors).toBeUndefined();
    });

    it('accessLogDays', async () => {
      const token = await world.tokenFor(c.mother);
      const answers = [];
      for (const memberId of Object.values(kinds())) {
        const answer = await sut.graphql(DAYS, { token, variables: { filter: { memberId } } });
        answers.push(JSON.stringify({ data: answer.data ?? null, error: answer.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })) }));
      }
      expect(answers[0]).toContain('FORBIDDEN');
      expect(new Set(answers).size).toBe(1);
    });

    it('the export', async () => {
      const token = await world.tokenFor(c.mother);
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
