import { DataCategory as C } from '@kring/family-file';
import { Domain, ProfessionalRole } from '@kring/identity';
import { newWorld, type World } from './support/factories';
import { ManualClock } from '@kring/config';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const OPEN = `mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id status categories expiresAt justification professionalName } }`;
const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { records { id sectionType subjectMemberIds section { ... on ContactDetails { phone } } } redactions { recordId field reason } } }`;
const GRANTS = `query($status: BreakGlassStatus) { breakGlassGrants(status: $status) { id status overdue professionalName justification review { verdict note } } }`;
const REVIEW = `mutation($id: ID!, $verdict: BreakGlassVerdict!, $note: String!) { reviewBreakGlass(id: $id, verdict: $verdict, note: $note) { status review { verdict note } } }`;
const JUSTIFICATION = 'Daan belde in paniek: er wordt thuis geslagen en moeder neemt niet op.';

interface Read {
  family: { records: { id: string; sectionType: string; subjectMemberIds: string[]; section: { phone?: string | null } }[]; redactions: { recordId: string | null; field: string; reason: string }[] };
}

/** Emergency access (DESIGN.md §3): justified, narrow, short, flagged, and reviewed. */
describe('break-glass', () => {
  const start = new Date();
  const clock = new ManualClock(start);
  let sut: TestGateway;
  let world: World;
  const hours = (n: number) => new Date(start.getTime() + n * 3600_000);

  /**
   * A mother whose phone number debt assistance recorded; she consented to the WMO
   * team's case coordination, not to child protection. The WMO team (with its own
   * privacy officer) is involved; Veilig Thuis is registered but not involved.
   */
  const circle = async () => {
    const wmo = await world.partner(Domain.WMO, { professionalName: 'Pieter de Jong' });
    const officer = await world.professional(wmo.organisation, { roles: [ProfessionalRole.PRIVACY_OFFICER] });
    const debtAssistance = await world.partner(Domain.DEBT_ASSISTANCE);
    const childSafety = await world.partner(Domain.CHILD_SAFETY);
    const family = await world.family({ registeredBy: wmo, members: [{ label: 'mother', age: 38 }, { label: 'teen', age: 14 }], authority: [['mother', 'teen']] });
    await world.involve(family, wmo, { caseDirection: true });
    // The colleague consulted before opening (the meldcode): a professional of the WMO team.
    const colleague = await world.professional(wmo.organisation);
    await world.involve(family, debtAssistance);
    const mother = family.member('mother');
    await world.record(family, { source: debtAssistance, sectionType: 'ContactDetails', subjects: [mother], values: { address: 'Kerkstraat 12', phone: '06-12345678' } });
    await world.consent(family, { subject: mother, recipient: wmo, categories: [C.CONTACT], purposes: ['CASE_COORDINATION'] });
    const phoneOf = async (purpose: string) => {
      const answer = await sut.graphql<Read>(READ, { token: await world.tokenFor(wmo), variables: { id: family.id, purpose } });
      expect(answer.errors).toBeUndefined();
      const contact = answer.data?.family.records.find((r) => r.sectionType === 'ContactDetails' && r.subjectMemberIds.includes(mother.id));
      return { phone: contact?.section.phone ?? null, reason: answer.data?.family.redactions.find((r) => r.recordId === contact?.id && r.field === 'phone')?.reason ?? null };
    };
    const open = async (input: Record<string, unknown> = {}, by = wmo) =>
      sut.graphql<{ breakGlass: { id: string; status: string; categories: string[]; justification: string | null; professionalName: string | null } }>(OPEN, {
        token: await world.tokenFor(by),
        variables: { input: { familyId: family.id, justification: JUSTIFICATION, consultedProfessionalId: colleague.id, ...input } },
      });
    return { wmo, officer, debtAssistance, childSafety, family, phoneOf, open, colleague };
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'break_glass', seedDemoWorld: false, clock });
    world = newWorld(sut);
  });
  beforeEach(() => {
    clock.set(start);
  });
  afterAll(async () => {
    await sut.close();
  });

  it.each([
    ['a justification under 30 characters', { justification: 'Zorgen om Daan.' }, 'justification'],
    ['more than four hours', { durationMinutes: 241 }, 'durationMinutes'],
    ['a category beyond CONTACT, HOUSEHOLD and SAFETY', { categories: ['HEALTH'] }, 'categories'],
  ])('is refused with %s (BAD_USER_INPUT naming the field)', async (_name, input, field) => {
    const { open } = await circle();
    expect((await open(input)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('cannot be opened on a family one is not involved with (Veilig Thuis: NOT_FOUND)', async () => {
    const { open, childSafety } = await circle();
    expect((await open({}, childSafety)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lets the professional who opened it read CONTACT for CHILD_PROTECTION, for four hours, flagged in the log', async () => {
    const { open, phoneOf, family } = await circle();
    const chainOfficer = await world.partner(Domain.WMO, { roles: [ProfessionalRole.CHAIN_PRIVACY_OFFICER] });
    expect(await phoneOf('CHILD_PROTECTION')).toEqual({ phone: null, reason: 'NO_CONSENT' });
    const opened = await open();
    expect(opened.data?.breakGlass).toMatchObject({ status: 'ACTIVE', categories: ['CONTACT', 'HOUSEHOLD', 'SAFETY'], justification: JUSTIFICATION, professionalName: null });

    expect(await phoneOf('CHILD_PROTECTION')).toEqual({ phone: '06-12345678', reason: null });
    const flagged = await sut.graphql<{ accessLog: { edges: { node: { breakGlass: boolean; decisions: { category: string; basis: string | null; basisRefs: string[] }[] } }[] } }>(
      `query($f: ID!) { accessLog(filter: { familyId: $f, breakGlass: true, activity: "READ_FAMILY_FILE" }) { edges { node { breakGlass decisions { category basis basisRefs } } } } }`,
      { token: await world.tokenFor(chainOfficer), variables: { f: family.id } },
    );
    const entries = flagged.data?.accessLog.edges.map((e) => e.node) ?? [];
    expect(entries.length).toBeGreaterThan(0);
    // Each flagged entry (one per member) has decisions under the grant, naming it, in the grant's categories only.
    const underGrant = entries.map((e) => e.decisions.filter((d) => d.basis === 'BREAK_GLASS'));
    expect(underGrant.every((list) => list.length > 0 && list.every((d) => d.basisRefs.length === 1 && d.basisRefs[0] === opened.data?.breakGlass.id))).toBe(true);
    expect(new Set(underGrant.flat().map((d) => d.category))).toEqual(expect.objectContaining({}));
    expect(underGrant.flat().every((d) => ['CONTACT', 'HOUSEHOLD', 'SAFETY'].includes(d.category))).toBe(true);

    clock.set(hours(4.01));
    expect(await phoneOf('CHILD_PROTECTION')).toEqual({ phone: null, reason: 'NO_CONSENT' });
  });

  it('shows as awaiting review, then overdue after 72 hours, until a privacy officer reviews it', async () => {
    const { open, wmo, officer } = await circle();
    await open();
    // Once its four hours have run out, an unreviewed grant awaits review.
    clock.set(hours(4.01));
    const officerToken = await world.tokenFor(officer);
    const awaiting = await sut.graphql<{ breakGlassGrants: { id: string; professionalName: string; justification: string }[] }>(GRANTS, { token: officerToken, variables: { status: 'AWAITING_REVIEW' } });
    expect(awaiting.data?.breakGlassGrants).toEqual([expect.objectContaining({ professionalName: 'Pieter de Jong', justification: JUSTIFICATION })]);
    const id = awaiting.data?.breakGlassGrants[0]?.id;

    clock.set(hours(73));
    const overdue = await sut.graphql<{ breakGlassGrants: { id: string; overdue: boolean }[] }>(GRANTS, { token: officerToken, variables: { status: 'OVERDUE' } });
    expect(overdue.data?.breakGlassGrants).toEqual([expect.objectContaining({ id, overdue: true })]);

    const byProfessional = await sut.graphql(REVIEW, { token: await world.tokenFor(wmo), variables: { id, verdict: 'JUSTIFIED', note: 'x' } });
    expect(byProfessional.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const reviewed = await sut.graphql<{ reviewBreakGlass: { status: string; review: { verdict: string; note: string } } }>(REVIEW, {
      token: officerToken,
      variables: { id, verdict: 'JUSTIFIED', note: 'Terecht: Veilig Thuis is dezelfde dag ingeschakeld.' },
    });
    expect(reviewed.data?.reviewBreakGlass).toEqual({ status: 'REVIEWED', review: { verdict: 'JUSTIFIED', note: 'Terecht: Veilig Thuis is dezelfde dag ingeschakeld.' } });
    const again = await sut.graphql(REVIEW, { token: officerToken, variables: { id, verdict: 'UNJUSTIFIED', note: 'nee' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('the professional sees their own grant and its verdict, not the officer\'s note or name', async () => {
    const { open, wmo, officer, debtAssistance } = await circle();
    const opened = await open();
    const reviewed = await sut.graphql(REVIEW, {
      token: await world.tokenFor(officer),
      variables: { id: opened.data?.breakGlass.id, verdict: 'JUSTIFIED', note: 'Terecht: Veilig Thuis is dezelfde dag ingeschakeld.' },
    });
    expect(reviewed.errors).toBeUndefined();
    const own = await sut.graphql<{ breakGlassGrants: { professionalName: string | null; justification: string; review: { verdict: string; note: string | null } }[] }>(GRANTS, { token: await world.tokenFor(wmo) });
    expect(own.data?.breakGlassGrants).toEqual([expect.objectContaining({ professionalName: null, justification: JUSTIFICATION, review: { verdict: 'JUSTIFIED', note: null } })]);
    const other = await sut.graphql<{ breakGlassGrants: unknown[] }>(GRANTS, { token: await world.tokenFor(debtAssistance) });
    expect(other.data?.breakGlassGrants).toEqual([]);
  });

  it('the justification is stored encrypted', async () => {
    const { open, family } = await circle();
    await open();
    const rows = await sut.dataSource.query<{ j: Buffer }[]>(`SELECT justification_ciphertext AS j FROM break_glass_grant WHERE family_id = $1`, [family.id]);
    expect(rows.length).toBe(1);
    expect(rows[0]?.j.toString('utf8')).not.toContain('paniek');
  });

  it('lists whom one may name as consulted without a family: active colleagues of one\'s own organisation and Veilig Thuis advisors, never oneself', async () => {
    const { wmo, colleague, childSafety, debtAssistance } = await circle();
    const gone = await world.professional(wmo.organisation);
    await sut.dataSource.query(`UPDATE professional SET deactivated_at = now() WHERE id = $1`, [gone.id]);
    const LIST = `{ consultableColleagues { id name organisation { id } } }`;
    const answer = await sut.graphql<{ consultableColleagues: { id: string; name: string; organisation: { id: string } }[] }>(LIST, { token: await world.tokenFor(wmo) });
    expect(answer.errors).toBeUndefined();
    const listed = answer.data?.consultableColleagues ?? [];
    expect(listed).toContainEqual({ id: colleague.id, name: colleague.name, organisation: { id: wmo.organisation.id } });
    expect(listed).toContainEqual({ id: childSafety.professional.id, name: childSafety.professional.name, organisation: { id: childSafety.organisation.id } });
    const ids = listed.map((c) => c.id);
    for (const absent of [wmo.professional.id, gone.id, debtAssistance.professional.id]) expect(ids).not.toContain(absent);
    // Own organisation first, then the Veilig Thuis advisors.
    expect(listed[0]?.organisation.id).toBe(wmo.organisation.id);
    // Members may not open emergency access, so they may not list whom to consult.
    const family = await world.family({ registeredBy: wmo, members: [{ label: 'adult', age: 40 }] });
    const member = await sut.graphql(LIST, { token: await world.tokenFor(family.member('adult')) });
    expect(member.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
