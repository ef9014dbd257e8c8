import { ManualClock } from '@kring/config';
import { DEMO_ORGANISATIONS as O } from '@kring/demo-world';
import { startTestGateway, type TestGateway } from './support/test-gateway';

/** Capacity is judged at each access, against the subject's age that day (DESIGN.md §3). */
describe('consent capacity follows the child\'s birthdays', () => {
  // Noon in Amsterdam on 10 March 2026; the child turns 12 on 1 June 2026 and 16 on 1 June 2030.
  const clock = new ManualClock(new Date('2026-03-10T11:00:00Z'));
  let sut: TestGateway;
  let familyId: string;
  let parent: string;
  let child: string;
  let recordId: string;

  const read = async () => {
    const answer = await sut.graphql<{ family: { records: { id: string; section: { provider: string | null } }[]; redactions: { recordId: string | null; field: string; reason: string }[] } }>(
      `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { records { id section { ... on CareTrajectory { provider } } } redactions { recordId field reason } } }`,
      { token: await sut.tokenFor('schuldhulp'), variables: { id: familyId } },
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
    sut = await startTestGateway({ label: 'consent_capacity', clock });
    const jeugdhulp = await sut.tokenFor('jeugdhulp');
    const registered = await sut.graphql<{ registerFamily: { id: string; memberIds: [string, string] } }>(
      `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { id memberIds } }`,
      {
        token: jeugdhulp,
        variables: {
          input: {
            members: [
              { name: 'Ouder', birthDate: '1985-05-05', bsn: '111222333', relation: 'PARENT' },
              { name: 'Kind', birthDate: '2014-06-01', bsn: '123456782', relation: 'CHILD' },
            ],
            authority: [{ adult: 0, child: 1 }],
          },
        },
      },
    );
    familyId = registered.data?.registerFamily.id as string;
    [parent, child] = registered.data?.registerFamily.memberIds as [string, string];
    await sut.graphql(`mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) { id } }`, {
      token: jeugdhulp,
      variables: { input: { familyId, organisationId: O.schuldhulp, startsOn: '2026-01-01' } },
    });
    const record = await sut.graphql<{ addRecord: { id: string } }>(`mutation($input: AddRecordInput!) { addRecord(input: $input) { id } }`, {
      token: jeugdhulp,
      variables: { input: { familyId, subjectMemberIds: [child], careTrajectory: { provider: 'Jeugdhulp, weerbaarheidstraining' } } },
    });
    recordId = record.data?.addRecord.id as string;
  });
  afterAll(async () => {
    await sut.close();
  });

  it('a parent-only consent for an 11-year-old counts, and stops counting the day the child turns 12', async () => {
    const granted = await sut.graphql<{ grantConsent: { id: string; status: string } }>(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }`, {
      token: await as(parent),
      variables: { input: { subjectMemberId: child, categories: ['CARE_TRAJECTORY'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: O.schuldhulp, validUntil: '2027-03-01T00:00:00Z' } },
    });
    expect(granted.data?.grantConsent.status).toBe('ACTIVE');
    expect(await read()).toEqual({ provider: 'Jeugdhulp, weerbaarheidstraining', reason: null });

    // The last evening before the birthday, Amsterdam time (22:30 UTC on 31 May is 00:30 on 1 June there).
    clock.set(new Date('2026-05-31T21:30:00Z'));
    expect((await read()).provider).toBe('Jeugdhulp, weerbaarheidstraining');
    clock.set(new Date('2026-05-31T22:30:00Z'));
    expect(await read()).toEqual({ provider: null, reason: 'CAPACITY_LAPSED' });

    const status = await sut.graphql<{ consents: { status: string; awaitingSignatureFrom: string[] }[] }>(`query($f: ID!) { consents(familyId: $f) { status awaitingSignatureFrom } }`, {
      token: await as(parent),
      variables: { f: familyId },
    });
    expect(status.data?.consents).toEqual([{ status: 'PENDING', awaitingSignatureFrom: [child] }]);

    // The child, now 12, co-signs: it counts again.
    const signed = await sut.graphql<{ signConsent: { status: string } }>(`mutation($id: ID!) { signConsent(id: $id) { status } }`, {
      token: await as(child),
      variables: { id: granted.data?.grantConsent.id },
    });
    expect(signed.data?.signConsent.status).toBe('ACTIVE');
    expect((await read()).provider).toBe('Jeugdhulp, weerbaarheidstraining');
  });

  it('at 16 only the child decides: the parent can no longer revoke, the child can', async () => {
    clock.set(new Date('2030-06-02T10:00:00Z'));
    const granted = await sut.graphql<{ grantConsent: { id: string; status: string } }>(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }`, {
      token: await as(child),
      variables: { input: { subjectMemberId: child, categories: ['CARE_TRAJECTORY'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: O.schuldhulp, validUntil: '2031-01-01T00:00:00Z' } },
    });
    expect(granted.data?.grantConsent.status).toBe('ACTIVE');
    const byParent = await sut.graphql(`mutation($id: ID!) { revokeConsent(id: $id) { status } }`, { token: await as(parent), variables: { id: granted.data?.grantConsent.id } });
    expect(byParent.errors?.[0]?.extensions?.code).toBe('CONSENT_CAPACITY');
    const byChild = await sut.graphql<{ revokeConsent: { status: string } }>(`mutation($id: ID!) { revokeConsent(id: $id) { status } }`, { token: await as(child), variables: { id: granted.data?.grantConsent.id } });
    expect(byChild.data?.revokeConsent.status).toBe('REVOKED');
  });
});
