import { DEMO_FAMILY_ID, DEMO_MEMBERS as M } from '@kring/demo-world';
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
  const view = async (persona: string) => {
    const answer = await sut.graphql<MyFamily>(MY_FAMILY, { token: await sut.tokenFor(persona) });
    expect(answer.errors).toBeUndefined();
    return answer.data?.myFamily as MyFamily['myFamily'];
  };
  const named = (file: MyFamily['myFamily']) => file.members.filter((m) => m.name !== null).map((m) => m.id).sort();

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'citizen_view' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('Marieke sees her own data and that of Daan (14) and Lotte (8), not Sanne\'s (17) or Johan\'s', async () => {
    const file = await view('marieke');
    expect(file.purpose).toBeNull();
    expect(named(file)).toEqual([M.marieke, M.daan, M.lotte].sort());
    expect(file.members.find((m) => m.id === M.marieke)?.bsn).toBe('123451000');
    expect(file.records.find((r) => r.sectionType === 'CareTrajectory' && r.subjectMemberIds.includes(M.daan))?.section).toMatchObject({ diagnosis: 'ADHD, gecombineerd beeld' });
  });

  it('a joint record is not in the view of one of its subjects: Johan\'s share of the debts stays his, not even its type shows', async () => {
    const file = await view('marieke');
    expect(file.records.some((r) => r.sectionType === 'DebtSituation' || r.subjectMemberIds.includes(M.johan))).toBe(false);
    expect(file.redactions).toEqual([]);
  });

  it('Sanne (17) sees only her own data', async () => {
    expect(named(await view('sanne'))).toEqual([M.sanne]);
  });

  it('Daan (14) sees his own data; his sister\'s record is not in his view', async () => {
    const file = await view('daan');
    expect(named(file)).toEqual([M.daan]);
    expect(file.records.map((r) => r.subjectMemberIds)).toEqual([[M.daan]]);
  });

  it('consents: Marieke sees her own and her young children\'s, Sanne only hers', async () => {
    const list = async (persona: string) =>
      (await sut.graphql<{ consents: { subjectMemberId: string }[] }>(`{ consents(familyId: "${DEMO_FAMILY_ID}") { subjectMemberId } }`, { token: await sut.tokenFor(persona) })).data?.consents.map((c) => c.subjectMemberId) ?? [];
    expect(new Set(await list('marieke'))).toEqual(new Set([M.marieke, M.daan, M.lotte]));
    expect(new Set(await list('sanne'))).toEqual(new Set([M.sanne]));
  });

  it('a professional sees the consents that name their organisation or domain', async () => {
    const answer = await sut.graphql<{ consents: { recipientOrganisation: { name: string } | null; recipientDomain: string | null }[] }>(
      `{ consents(familyId: "${DEMO_FAMILY_ID}") { recipientOrganisation { name } recipientDomain } }`,
      { token: await sut.tokenFor('schuldhulp') },
    );
    expect(answer.data?.consents).toEqual([{ recipientOrganisation: null, recipientDomain: 'DEBT_ASSISTANCE' }]);
  });

  it('another family\'s consents answer NOT_FOUND for a member', async () => {
    const answer = await sut.graphql(`{ consents(familyId: "7f1d8e2a-0000-4000-8000-000000000000") { id } }`, { token: await sut.tokenFor('marieke') });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('myFamily is for family members only', async () => {
    const answer = await sut.graphql(MY_FAMILY, { token: await sut.tokenFor('wmo') });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
