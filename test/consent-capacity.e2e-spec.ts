import { Domain } from '@kring/identity';
import { newWorld, type MadeFamily, type Partner, type World } from './support/factories';
import { ManualClock } from '@kring/config';
import { startTestGateway, type TestGateway } from './support/test-gateway';

/** Capacity is judged at each access, against the subject's age that day (DESIGN.md §3). */
describe('consent capacity follows the child\'s birthdays', () => {
  // Noon in Amsterdam on 10 March 2026; the child turns 12 on 1 June 2026 and 16 on 1 June 2030.
  const MARCH_2026 = new Date('2026-03-10T11:00:00Z');
  const clock = new ManualClock(MARCH_2026);
  let sut: TestGateway;
  let world: World;
  let youthCare: Partner;
  let debtAssistance: Partner;

  /** A parent with authority over a child born on 1 June 2014; youth care wrote the child's care trajectory, debt assistance is involved. */
  const childWithCareTrajectory = async () => {
    const family = await world.family({
      registeredBy: youthCare,
      members: [
        { label: 'parent', birthDate: '1985-05-05' },
        { label: 'child', birthDate: '2014-06-01' },
      ],
      authority: [['parent', 'child']],
    });
    await world.involve(family, youthCare, { startsOn: '2026-01-01' });
    await world.involve(family, debtAssistance, { startsOn: '2026-01-01' });
    const record = await world.record(family, { source: youthCare, sectionType: 'CareTrajectory', subjects: [family.member('child')], values: { provider: 'Jeugdhulp, weerbaarheidstraining' } });
    return { family, parent: family.member('parent').id, child: family.member('child').id, recordId: record.id };
  };
  const read = async (family: MadeFamily, recordId: string) => {
    const answer = await sut.graphql<{ family: { records: { id: string; section: { provider: string | null } }[]; redactions: { recordId: string | null; field: string; reason: string }[] } }>(
      `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { records { id section { ... on CareTrajectory { provider } } } redactions { recordId field reason } } }`,
      { token: await world.tokenFor(debtAssistance), variables: { id: family.id } },
    );
    expect(answer.errors).toBeUndefined();
    const file = answer.data?.family;
    return {
      provider: file?.records.find((r) => r.id === recordId)?.section.provider ?? null,
      reason: file?.redactions.find((r) => r.recordId === recordId && r.field === 'provider')?.reason ?? null,
    };
  };
  const as = (memberId: string) => sut.issuer.sign({ kind: 'citizen', memberId });

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'consent_capacity', seedDemoWorld: false, clock });
    world = newWorld(sut);
    youthCare = await world.partner(Domain.YOUTH_CARE);
    debtAssistance = await world.partner(Domain.DEBT_ASSISTANCE);
  });
  beforeEach(() => {
    clock.set(MARCH_2026);
  });
  afterAll(async () => {
    await sut.close();
  });

  it('a parent-only consent for an 11-year-old counts, and stops counting the day the child turns 12', async () => {
    const { family, parent, child, recordId } = await childWithCareTrajectory();
    const granted = await sut.graphql<{ grantConsent: { id: string; status: string } }>(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }`, {
      token: await as(parent),
      variables: { input: { subjectMemberId: child, categories: ['CARE_TRAJECTORY'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id, validUntil: '2027-03-01T00:00:00Z' } },
    });
    expect(granted.data?.grantConsent.status).toBe('ACTIVE');
    expect(await read(family, recordId)).toEqual({ provider: 'Jeugdhulp, weerbaarheidstraining', reason: null });

    // The last evening before the birthday, Amsterdam time (22:30 UTC on 31 May is 00:30 on 1 June there).
    clock.set(new Date('2026-05-31T21:30:00Z'));
    expect((await read(family, recordId)).provider).toBe('Jeugdhulp, weerbaarheidstraining');
    clock.set(new Date('2026-05-31T22:30:00Z'));
    expect(await read(family, recordId)).toEqual({ provider: null, reason: 'CAPACITY_LAPSED' });

    const status = await sut.graphql<{ consents: { status: string; awaitingSignatureFrom: string[] }[] }>(`query($f: ID!) { consents(familyId: $f) { status awaitingSignatureFrom } }`, {
      token: await as(parent),
      variables: { f: family.id },
    });
    expect(status.data?.consents).toEqual([{ status: 'PENDING', awaitingSignatureFrom: [child] }]);

    // The child, now 12, co-signs: it counts again.
    const signed = await sut.graphql<{ signConsent: { status: string } }>(`mutation($id: ID!) { signConsent(id: $id) { status } }`, {
      token: await as(child),
      variables: { id: granted.data?.grantConsent.id },
    });
    expect(signed.data?.signConsent.status).toBe('ACTIVE');
    expect((await read(family, recordId)).provider).toBe('Jeugdhulp, weerbaarheidstraining');
  });

  it('at 16 only the child decides: the parent can no longer revoke, the child can', async () => {
    const { parent, child } = await childWithCareTrajectory();
    clock.set(new Date('2030-06-02T10:00:00Z'));
    const granted = await sut.graphql<{ grantConsent: { id: string; status: string } }>(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }`, {
      token: await as(child),
      variables: { input: { subjectMemberId: child, categories: ['CARE_TRAJECTORY'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id, validUntil: '2031-01-01T00:00:00Z' } },
    });
    expect(granted.data?.grantConsent.status).toBe('ACTIVE');
    const byParent = await sut.graphql(`mutation($id: ID!) { revokeConsent(id: $id) { status } }`, { token: await as(parent), variables: { id: granted.data?.grantConsent.id } });
    expect(byParent.errors?.[0]?.extensions?.code).toBe('CONSENT_CAPACITY');
    const byChild = await sut.graphql<{ revokeConsent: { status: string } }>(`mutation($id: ID!) { revokeConsent(id: $id) { status } }`, { token: await as(child), variables: { id: granted.data?.grantConsent.id } });
    expect(byChild.data?.revokeConsent.status).toBe('REVOKED');
  });
});
