import { uniqueBsn } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

/** A birth date `years` and a month ago, so the age is `years` on any day of the run. */
function bornYearsAgo(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years, d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}

const MY_REACH = `{ myReach { id self name birthDate decidesConsents } }`;

interface InReach {
  id: string;
  self: boolean;
  name: string | null;
  birthDate: string | null;
  decidesConsents: boolean;
}

/**
 * `myReach` answers from the one definition of reach (membersInReach, DESIGN.md §4 last
 * paragraph): a member, and the children under 16 over whom they hold authority. What is
 * outside it is absent: not named, not counted, not in the access log of the read.
 */
describe('myReach: the members in a family member\'s reach, and nobody else', () => {
  let sut: TestGateway;
  let parent: string;
  let child14: string;
  let child17: string;
  let otherAdult: string;
  let otherFamilyMember: string;

  const reachOf = async (memberId: string) => {
    const answer = await sut.graphql<{ myReach: InReach[] }>(MY_REACH, { token: await sut.issuer.sign({ kind: 'citizen', memberId }) });
    expect(answer.errors).toBeUndefined();
    return answer.data?.myReach as InReach[];
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'member_reach' });
    const wmo = await sut.tokenFor('wmo');
    const register = `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { memberIds } }`;
    const family = await sut.graphql<{ registerFamily: { memberIds: string[] } }>(register, {
      token: wmo,
      variables: {
        input: {
          members: [
            { name: 'Ouder Bakker', birthDate: bornYearsAgo(40), bsn: '234567004', relation: 'PARENT' },
            { name: 'Kind Bakker', birthDate: bornYearsAgo(14), bsn: '234567016', relation: 'CHILD' },
            { name: 'Tiener Bakker', birthDate: bornYearsAgo(17), bsn: '234567028', relation: 'CHILD' },
            { name: 'Oom Bakker', birthDate: bornYearsAgo(45), bsn: '234567041', relation: 'OTHER' },
          ],
          authority: [
            { adult: 0, child: 1 },
            { adult: 0, child: 2 },
          ],
        },
      },
    });
    expect(family.errors).toBeUndefined();
    [parent, child14, child17, otherAdult] = family.data?.registerFamily.memberIds as [string, string, string, string];
    const other = await sut.graphql<{ registerFamily: { memberIds: string[] } }>(register, {
      token: wmo,
      variables: { input: { members: [{ name: 'Ander Gezin', birthDate: bornYearsAgo(30), bsn: '234567053', relation: 'PARENT' }] } },
    });
    otherFamilyMember = other.data?.registerFamily.memberIds[0] as string;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('a parent with authority sees themselves first, then their child under 16, with names and birth dates', async () => {
    const reach = await reachOf(parent);
    expect(reach).toEqual([
      { id: parent, self: true, name: 'Ouder Bakker', birthDate: bornYearsAgo(40), decidesConsents: true },
      // 12 to 15: the member and a parent with authority decide together, so the parent decides too.
      { id: child14, self: false, name: 'Kind Bakker', birthDate: bornYearsAgo(14), decidesConsents: true },
    ]);
  });

  it('a child of 16 or older, an adult without authority and a member of another family are absent from a parent\'s reach', async () => {
    const ids = (await reachOf(parent)).map((m) => m.id);
    for (const absent of [child17, otherAdult, otherFamilyMember]) expect(ids).not.toContain(absent);
  });

  it('a child of 16 or older and a child under 16 each reach only themselves', async () => {
    expect((await reachOf(child17)).map((m) => m.id)).toEqual([child17]);
    expect((await reachOf(child14)).map((m) => m.id)).toEqual([child14]);
    expect((await reachOf(otherAdult)).map((m) => m.id)).toEqual([otherAdult]);
  });

  it('decidesConsents is the capacity rule: a child of 14 decides about their own consents, a child of 10 does not, their parent does for both', async () => {
    expect(await reachOf(child14)).toEqual([{ id: child14, self: true, name: 'Kind Bakker', birthDate: bornYearsAgo(14), decidesConsents: true }]);
    const young = await sut.graphql<{ registerFamily: { memberIds: string[] } }>(`mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { memberIds } }`, {
      token: await sut.tokenFor('wmo'),
      variables: {
        input: {
          members: [
            { name: 'Ouder Smit', birthDate: bornYearsAgo(38), bsn: uniqueBsn(), relation: 'PARENT' },
            { name: 'Kind Smit', birthDate: bornYearsAgo(10), bsn: uniqueBsn(), relation: 'CHILD' },
          ],
          authority: [{ adult: 0, child: 1 }],
        },
      },
    });
    expect(young.errors).toBeUndefined();
    const [mother, child10] = young.data?.registerFamily.memberIds as [string, string];
    expect((await reachOf(child10)).map((m) => [m.id, m.decidesConsents])).toEqual([[child10, false]]);
    expect((await reachOf(mother)).map((m) => [m.id, m.decidesConsents])).toEqual([
      [mother, true],
      [child10, true],
    ]);
  });

  it('the read is in the access log, about the members in reach only', async () => {
    const entries = () =>
      sut.dataSource.query<{ id: string; subject_member_ids: string[]; target_ids: string[]; activity: string; decision: string }[]>(
        `SELECT entry_id AS id, subject_member_ids, target_ids, activity, outcome AS decision FROM access_log_decision WHERE actor_id = $1`,
        [parent],
      );
    const before = new Set((await entries()).map((e) => e.id));
    const answer = await sut.graphql(MY_REACH, { token: await sut.issuer.sign({ kind: 'citizen', memberId: parent }) });
    expect(answer.errors).toBeUndefined();
    const written = (await entries()).filter((e) => !before.has(e.id));
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((e) => e.activity === 'READ_OWN_FILE' && e.decision === 'ALLOWED')).toBe(true);
    expect([...new Set(written.flatMap((e) => e.subject_member_ids))].sort()).toEqual([parent, child14].sort());
    expect([...new Set(written.flatMap((e) => e.target_ids))].sort()).toEqual([parent, child14].sort());
  });

  it('is for family members only: a professional is refused, and so is a caller without a token', async () => {
    const professional = await sut.graphql(MY_REACH, { token: await sut.tokenFor('wmo') });
    expect(professional.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await sut.graphql(MY_REACH);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
