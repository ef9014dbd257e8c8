import { ManualClock } from '@kring/config';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M } from '@kring/demo-world';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const OPEN = `mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id status categories expiresAt justification professionalName } }`;
const READ = `query($purpose: String!) { family(id: "${DEMO_FAMILY_ID}", purpose: $purpose) { records { id sectionType subjectMemberIds section { ... on ContactDetails { phone } } } redactions { recordId field reason } } }`;
const GRANTS = `query($status: BreakGlassStatus) { breakGlassGrants(status: $status) { id status overdue professionalName justification review { verdict note } } }`;
const JUSTIFICATION = 'Daan belde in paniek: er wordt thuis geslagen en moeder neemt niet op.';

interface Read {
  family: { records: { id: string; sectionType: string; subjectMemberIds: string[]; section: { phone?: string | null } }[]; redactions: { recordId: string | null; field: string; reason: string }[] };
}

/** Emergency access (DESIGN.md §3): justified, narrow, short, flagged, and reviewed. */
describe('break-glass', () => {
  const start = new Date();
  const clock = new ManualClock(start);
  let sut: TestGateway;
  const hours = (n: number) => new Date(start.getTime() + n * 3600_000);
  const phoneOf = async (purpose: string) => {
    const answer = await sut.graphql<Read>(READ, { token: await sut.tokenFor('wmo'), variables: { purpose } });
    expect(answer.errors).toBeUndefined();
    const contact = answer.data?.family.records.find((r) => r.sectionType === 'ContactDetails' && r.subjectMemberIds.includes(M.marieke));
    return { phone: contact?.section.phone ?? null, reason: answer.data?.family.redactions.find((r) => r.recordId === contact?.id && r.field === 'phone')?.reason ?? null };
  };
  const open = async (persona: string, input: Record<string, unknown>) =>
    sut.graphql<{ breakGlass: { id: string; status: string; categories: string[]; justification: string | null; professionalName: string | null } }>(OPEN, {
      token: await sut.tokenFor(persona),
      variables: { input: { familyId: DEMO_FAMILY_ID, justification: JUSTIFICATION, ...input } },
    });

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'break_glass', clock });
  });
  afterAll(async () => {
    await sut.close();
  });

  it.each([
    ['a justification under 30 characters', { justification: 'Zorgen om Daan.' }, 'justification'],
    ['more than four hours', { durationMinutes: 241 }, 'durationMinutes'],
    ['a category beyond CONTACT, HOUSEHOLD and SAFETY', { categories: ['HEALTH'] }, 'categories'],
  ])('is refused with %s (BAD_USER_INPUT naming the field)', async (_name, input, field) => {
    expect((await open('wmo', input)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('cannot be opened on a family one is not involved with (Veilig Thuis: NOT_FOUND)', async () => {
    expect((await open('veiligthuis', {})).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lets the professional who opened it read CONTACT for CHILD_PROTECTION, for four hours, flagged in the log', async () => {
    expect(await phoneOf('CHILD_PROTECTION')).toEqual({ phone: null, reason: 'NO_CONSENT' });
    const opened = await open('wmo', {});
    expect(opened.data?.breakGlass).toMatchObject({ status: 'ACTIVE', categories: ['CONTACT', 'HOUSEHOLD', 'SAFETY'], justification: JUSTIFICATION, professionalName: null });

    expect(await phoneOf('CHILD_PROTECTION')).toEqual({ phone: '06-12345678', reason: null });
    const flagged = await sut.graphql<{ accessLog: { edges: { node: { basis: string; basisRefs: string[]; breakGlass: boolean } }[] } }>(
      `{ accessLog(filter: { breakGlass: true, activity: "READ_FAMILY_FILE" }) { edges { node { basis basisRefs breakGlass } } } }`,
      { token: await sut.tokenFor('keten-fg') },
    );
    expect(flagged.data?.accessLog.edges.length).toBeGreaterThan(0);
    expect(flagged.data?.accessLog.edges.every((e) => e.node.basis === 'BREAK_GLASS' && e.node.basisRefs[0] === opened.data?.breakGlass.id)).toBe(true);

    clock.set(hours(4.01));
    expect(await phoneOf('CHILD_PROTECTION')).toEqual({ phone: null, reason: 'NO_CONSENT' });
  });

  it('shows as awaiting review, then overdue after 72 hours, until a privacy officer reviews it', async () => {
    const officer = await sut.tokenFor('fg-gemeente');
    const awaiting = await sut.graphql<{ breakGlassGrants: { id: string; professionalName: string; justification: string }[] }>(GRANTS, { token: officer, variables: { status: 'AWAITING_REVIEW' } });
    expect(awaiting.data?.breakGlassGrants).toEqual([expect.objectContaining({ professionalName: 'Pieter de Jong', justification: JUSTIFICATION })]);
    const id = awaiting.data?.breakGlassGrants[0]?.id;

    clock.set(hours(73));
    const overdue = await sut.graphql<{ breakGlassGrants: { id: string; overdue: boolean }[] }>(GRANTS, { token: officer, variables: { status: 'OVERDUE' } });
    expect(overdue.data?.breakGlassGrants).toEqual([expect.objectContaining({ id, overdue: true })]);

    const byProfessional = await sut.graphql(`mutation($id: ID!) { reviewBreakGlass(id: $id, verdict: JUSTIFIED, note: "x") { id } }`, { token: await sut.tokenFor('wmo'), variables: { id } });
    expect(byProfessional.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const reviewed = await sut.graphql<{ reviewBreakGlass: { status: string; review: { verdict: string; note: string } } }>(
      `mutation($id: ID!) { reviewBreakGlass(id: $id, verdict: JUSTIFIED, note: "Terecht: Veilig Thuis is dezelfde dag ingeschakeld.") { status review { verdict note } } }`,
      { token: officer, variables: { id } },
    );
    expect(reviewed.data?.reviewBreakGlass).toEqual({ status: 'REVIEWED', review: { verdict: 'JUSTIFIED', note: 'Terecht: Veilig Thuis is dezelfde dag ingeschakeld.' } });
    const again = await sut.graphql(`mutation($id: ID!) { reviewBreakGlass(id: $id, verdict: UNJUSTIFIED, note: "nee") { id } }`, { token: officer, variables: { id } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('the professional sees their own grant and its verdict, not the officer\'s note or name', async () => {
    const own = await sut.graphql<{ breakGlassGrants: { professionalName: string | null; justification: string; review: { verdict: string; note: string | null } }[] }>(GRANTS, { token: await sut.tokenFor('wmo') });
    expect(own.data?.breakGlassGrants).toEqual([expect.objectContaining({ professionalName: null, justification: JUSTIFICATION, review: { verdict: 'JUSTIFIED', note: null } })]);
    const other = await sut.graphql<{ breakGlassGrants: unknown[] }>(GRANTS, { token: await sut.tokenFor('schuldhulp') });
    expect(other.data?.breakGlassGrants).toEqual([]);
  });

  it('the justification is stored encrypted', async () => {
    const rows = await sut.dataSource.query<{ j: Buffer }[]>(`SELECT justification_ciphertext AS j FROM break_glass_grant`);
    expect(rows.length).toBe(1);
    expect(rows[0]?.j.toString('utf8')).not.toContain('paniek');
  });
});
