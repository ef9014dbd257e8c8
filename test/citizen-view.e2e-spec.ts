import { circleOfCare, newWorld, type Bearer, type Circle, type World } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const MY_FAMILY = `{ myFamily { id purpose members { id name bsn } records { sectionType subjectMemberIds section { ... on DebtSituation { totalDebt } ... on CareTrajectory { provider diagnosis } ... on ContactDetails { phone } } } redactions { field reason memberId recordId } } }`;

interface MyFamily {
  myFamily: {
    purpose: string | null;
    members: { id: string; name: string | null; bsn: string | null }[];
    records: { sectionType: string; subjectMemberIds: string[]; section: Record<string, unknown> }[];
    redactions: { field: string; reason: string; memberId: string | null }[];
  };
}

describe('a family member reads what is recorded about them', () => {
  let sut: TestGateway;
  let world: World;
  // Read only: every test reads this one circle and none changes it.
  let c: Circle;
  const view = async (bearer: Bearer) => {
    const answer = await sut.graphql<MyFamily>(MY_FAMILY, { token: await world.tokenFor(bearer) });
    expect(answer.errors).toBeUndefined();
    return answer.data?.myFamily as MyFamily['myFamily'];
  };
  const named = (file: MyFamily['myFamily']) => file.members.filter((m) => m.name !== null).map((m) => m.id).sort();

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'citizen_view', seedDemoWorld: false });
    world = newWorld(sut);
    c = await circleOfCare(world);
  });
  afterAll(async () => {
    await sut.close();
  });

  it('a mother sees her own data and that of her children of 14 and 8, not her 17-year-old\'s or the father\'s', async () => {
    const file = await view(c.mother);
    expect(file.purpose).toBeNull();
    expect(named(file)).toEqual([c.mother.id, c.teen.id, c.young.id].sort());
    expect(file.members.find((m) => m.id === c.mother.id)?.bsn).toBe(c.mother.bsn);
    expect(file.records.find((r) => r.sectionType === 'CareTrajectory' && r.subjectMemberIds.includes(c.teen.id))?.section).toMatchObject({ diagnosis: 'ADHD, gecombineerd beeld' });
  });

  it('a joint record is not in the view of one of its subjects: the father\'s share of the debts stays his, not even its type shows', async () => {
    const file = await view(c.mother);
    expect(file.records.some((r) => r.sectionType === 'DebtSituation' || r.subjectMemberIds.includes(c.father.id))).toBe(false);
    expect(file.redactions).toEqual([]);
  });

  it('a 17-year-old sees only her own data', async () => {
    expect(named(await view(c.older))).toEqual([c.older.id]);
  });

  it('a 14-year-old sees his own data; his sister\'s record is not in his view', async () => {
    const file = await view(c.teen);
    expect(named(file)).toEqual([c.teen.id]);
    expect(file.records.map((r) => r.subjectMemberIds)).toEqual([[c.teen.id]]);
  });

  it('consents: the mother sees her own and her young children\'s, the 17-year-old only hers', async () => {
    const list = async (bearer: Bearer) =>
      (await sut.graphql<{ consents: { subjectMemberId: string }[] }>(`query($f: ID!) { consents(familyId: $f) { subjectMemberId } }`, { token: await world.tokenFor(bearer), variables: { f: c.family.id } })).data?.consents.map((x) => x.subjectMemberId) ?? [];
    expect(new Set(await list(c.mother))).toEqual(new Set([c.mother.id, c.teen.id, c.young.id]));
    expect(new Set(await list(c.older))).toEqual(new Set([c.older.id]));
  });

  it('a professional sees the consents that name their organisation or domain', async () => {
    const answer = await sut.graphql<{ consents: { recipientOrganisation: { name: string } | null; recipientDomain: string | null }[] }>(
      `query($f: ID!) { consents(familyId: $f) { recipientOrganisation { name } recipientDomain } }`,
      { token: await world.tokenFor(c.debtAssistance), variables: { f: c.family.id } },
    );
    expect(answer.data?.consents).toEqual([{ recipientOrganisation: null, recipientDomain: 'DEBT_ASSISTANCE' }]);
  });

  it('another family\'s consents answer NOT_FOUND for a member', async () => {
    const answer = await sut.graphql(`{ consents(familyId: "7f1d8e2a-0000-4000-8000-000000000000") { id } }`, { token: await world.tokenFor(c.mother) });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('myFamily is for family members only', async () => {
    const answer = await sut.graphql(MY_FAMILY, { token: await world.tokenFor(c.wmo) });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
