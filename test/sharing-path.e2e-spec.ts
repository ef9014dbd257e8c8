import { ConsentEntity } from '@kring/consent';
import { Domain } from '@kring/identity';
import { circleOfCare, newWorld, type Bearer, type Circle, type Partner, type World } from './support/factories';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from './support/test-gateway';

const FILE = `
  members { id name birthDate bsn relation holdsAuthorityOver }
  involvements { id organisation { id name } caseDirection }
  records {
    id sectionType subjectMemberIds sourceOrganisation { id }
    section {
      __typename
      ... on ContactDetails { address phone email }
      ... on CareTrajectory { provider goals diagnosis medication }
      ... on DebtSituation { totalDebt creditorCount }
      ... on IncomeAndWork { benefit jobCoach }
      ... on FamilyPlan { familyGoals }
      ... on SupportProvision { provision }
      ... on SafetySignal { signal }
    }
  }
  redactions { path field category reason memberId recordId involvementId }`;
const READ = `query Read($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { id ${FILE} } }`;

interface Redaction {
  path: string;
  field: string;
  category: string;
  reason: string;
  recordId: string | null;
  memberId: string | null;
}
interface FileAnswer {
  id: string;
  members: { id: string; name: string | null; bsn: string | null }[];
  involvements: { id: string; organisation: { id: string; name: string } | null }[];
  records: { id: string; sectionType: string; subjectMemberIds: string[]; sourceOrganisation: { id: string } | null; section: Record<string, unknown> }[];
  redactions: Redaction[];
}

describe('the sharing path: a partner reads exactly what the family consented to', () => {
  let sut: TestGateway;
  let world: World;
  // The circle the read-only tests share; a test that changes a family makes its own.
  let c: Circle;
  const read = async (bearer: Bearer, purpose = 'CASE_COORDINATION', id = c.family.id) =>
    sut.graphql<{ family: FileAnswer | null }>(READ, { token: await world.tokenFor(bearer), variables: { id, purpose } });
  const fileOf = (answer: GraphQLAnswer<{ family: FileAnswer | null }>): FileAnswer => {
    expect(answer.errors).toBeUndefined();
    return answer.data?.family as FileAnswer;
  };
  const recordOf = (file: FileAnswer, sectionType: string, subject: string) =>
    file.records.find((r) => r.sectionType === sectionType && r.subjectMemberIds.includes(subject)) as FileAnswer['records'][number];
  /** The redactions of a record's content; who wrote it (INVOLVEMENT) is asserted on its own. */
  const redactionsOf = (file: FileAnswer, recordId: string) =>
    file.redactions.filter((r) => r.recordId === recordId && r.field !== 'sourceOrganisation').map((r) => `${r.field}:${r.reason}`).sort();
  const sourceRedaction = (file: FileAnswer, recordId: string) => file.redactions.find((r) => r.recordId === recordId && r.field === 'sourceOrganisation')?.reason ?? null;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'sharing_path', seedDemoWorld: false });
    world = newWorld(sut);
    c = await circleOfCare(world);
  });
  afterAll(async () => {
    await sut.close();
  });

  describe('a circle of care, read by the WMO professional for case coordination', () => {
    let file: FileAnswer;
    beforeAll(async () => {
      file = fileOf(await read(c.wmo));
    });

    it('shows the mother\'s contact details, recorded by debt assistance, through her consent', () => {
      expect(recordOf(file, 'ContactDetails', c.mother.id).section).toMatchObject({ address: 'Kerkstraat 12, 8441 AB Heerenveen', phone: '06-12345678' });
    });

    it('shows the joint debts: both parents consented', () => {
      expect(recordOf(file, 'DebtSituation', c.mother.id).section).toMatchObject({ totalDebt: 23400, creditorCount: 9 });
    });

    it('withholds health data even where consent exists: case coordination never reaches HEALTH', () => {
      const daan = recordOf(file, 'CareTrajectory', c.teen.id);
      expect(daan.section).toMatchObject({ diagnosis: null, medication: null });
      expect(redactionsOf(file, daan.id)).toEqual(expect.arrayContaining(['diagnosis:PURPOSE_EXCLUDES_CATEGORY', 'medication:PURPOSE_EXCLUDES_CATEGORY']));
    });

    it('redacts the 14-year-old\'s care trajectory while his consent waits for a parent, and the 8-year-old\'s whose consent expired', () => {
      expect(redactionsOf(file, recordOf(file, 'CareTrajectory', c.teen.id).id)).toContain('provider:CONSENT_PENDING');
      expect(redactionsOf(file, recordOf(file, 'CareTrajectory', c.young.id).id)).toContain('provider:CONSENT_EXPIRED');
    });

    it('shows the members\' names (the WMO team registered them) but not their BSNs', () => {
      expect(file.members.map((m) => m.name)).toEqual([c.mother.name, c.father.name, c.older.name, c.teen.name, c.young.name]);
      expect(file.members.every((m) => m.bsn === null)).toBe(true);
      expect(file.redactions.filter((r) => r.field === 'bsn').map((r) => r.reason)).toEqual(Array(5).fill('PURPOSE_EXCLUDES_CATEGORY'));
    });

    it('shows who else is involved and who holds case direction', () => {
      expect(file.involvements.map((i) => i.organisation?.id).sort()).toEqual([c.youthCare.id, c.wmo.id, c.debtAssistance.id, c.participation.id].sort());
    });

    it('lists a redaction for every null value it withheld, with path, category and reason', () => {
      for (const redaction of file.redactions) {
        expect(redaction.path).toMatch(/^(members|records|involvements)\.[0-9a-f-]{36}\.?/);
        expect(redaction.category).toMatch(/^[A-Z_]+$/);
      }
    });
  });

  describe('a family the caller is not involved with answers exactly like one that does not exist', () => {
    it('Veilig Thuis, registered but not involved, gets NOT_FOUND', async () => {
      const notInvolved = await read(c.childSafety, 'CHILD_PROTECTION');
      const missing = await read(c.childSafety, 'CHILD_PROTECTION', '7f1d8e2a-0000-4000-8000-000000000000');
      expect(notInvolved.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect({ ...notInvolved.errors?.[0], path: undefined, locations: undefined }).toEqual({ ...missing.errors?.[0], path: undefined, locations: undefined });
      expect(notInvolved.data?.family ?? null).toBeNull();
    });

    it('a malformed id is NOT_FOUND too, not an error about its shape', async () => {
      expect((await read(c.wmo, 'CASE_COORDINATION', 'not-an-id')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('the declared purpose', () => {
    it.each([
      ['', 'PURPOSE_REQUIRED'],
      ['   ', 'PURPOSE_REQUIRED'],
      ['CURIOSITY', 'UNKNOWN_PURPOSE'],
    ])('purpose %j answers %s', async (purpose, code) => {
      const answer = await read(c.wmo, purpose);
      expect(answer.errors?.[0]?.extensions?.code).toBe(code);
      expect(answer.data?.family ?? null).toBeNull();
    });

    it('a padded purpose code is not the catalogue\'s code: UNKNOWN_PURPOSE', async () => {
      expect((await read(c.wmo, ' CASE_COORDINATION ')).errors?.[0]?.extensions?.code).toBe('UNKNOWN_PURPOSE');
    });

    it('who wrote a record is INVOLVEMENT data: hidden where the purpose excludes it, own records still named', async () => {
      const file = fileOf(await read(c.wmo, 'ELIGIBILITY_ASSESSMENT'));
      const care = recordOf(file, 'CareTrajectory', c.teen.id);
      expect(care.sourceOrganisation).toBeNull();
      expect(sourceRedaction(file, care.id)).toBe('PURPOSE_EXCLUDES_CATEGORY');
      // The purpose caps every category, one's own records included (rule 1 comes first).
      expect(recordOf(file, 'SupportProvision', c.mother.id).sourceOrganisation).toBeNull();
      const coordination = fileOf(await read(c.wmo, 'CASE_COORDINATION'));
      expect(recordOf(coordination, 'SupportProvision', c.mother.id).sourceOrganisation).toEqual({ id: c.wmo.id });
      expect(recordOf(coordination, 'DebtSituation', c.mother.id).sourceOrganisation).toEqual({ id: c.debtAssistance.id });
    });

    it('a purpose the caller\'s domain may not use is FORBIDDEN (youth care cannot declare debt resolution)', async () => {
      expect((await read(c.youthCare, 'DEBT_RESOLUTION')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('writing the file, granting and reading', () => {
    let youthCare: Partner;
    let debtAssistance: Partner;
    let participation: Partner;
    let wmo: Partner;
    // Each test writes to a family of its own: a parent with authority over a 13-year-old and a 4-year-old, known to youth care and debt assistance.
    let familyId: string;
    let parent: string;
    let teen: string;
    let teenBsn: string;
    let toddler: string;

    beforeAll(async () => {
      youthCare = await world.partner(Domain.YOUTH_CARE);
      debtAssistance = await world.partner(Domain.DEBT_ASSISTANCE);
      participation = await world.partner(Domain.PARTICIPATION);
      wmo = await world.partner(Domain.WMO);
    });
    beforeEach(async () => {
      const family = await world.family({
        registeredBy: youthCare,
        members: [
          { label: 'parent', birthDate: '1990-03-01' },
          { label: 'teen', birthDate: yearsAgo(13, 40) },
          { label: 'toddler', birthDate: yearsAgo(4, 10) },
        ],
        authority: [
          ['parent', 'teen'],
          ['parent', 'toddler'],
        ],
      });
      await world.involve(family, youthCare, { startsOn: world.today() });
      await world.involve(family, debtAssistance, { startsOn: world.today() });
      familyId = family.id;
      [parent, teen, toddler] = [family.member('parent').id, family.member('teen').id, family.member('toddler').id];
      teenBsn = family.member('teen').bsn;
    });

    const addRecord = async (by: Bearer, subjectMemberIds: string[], section: Record<string, unknown>) =>
      sut.graphql<{ addRecord: { id: string } }>(`mutation($input: AddRecordInput!) { addRecord(input: $input) { id sectionType section { __typename } } }`, {
        token: await world.tokenFor(by),
        variables: { input: { familyId, subjectMemberIds, ...section } },
      });
    const citizenToken = (memberId: string) => sut.issuer.sign({ kind: 'citizen', memberId });
    const grant = async (as: string, input: Record<string, unknown>) =>
      sut.graphql<{ grantConsent: { id: string; status: string; awaitingSignatureFrom: string[] } }>(
        `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status awaitingSignatureFrom signatures { memberId capacity } } }`,
        { token: await citizenToken(as), variables: { input: { validUntil: monthsFromNow(6), ...input } } },
      );

    it('grant, then read: a field turns from NO_CONSENT to its value', async () => {
      const record = await addRecord(youthCare, [parent], { contactDetails: { phone: '06-99990000', address: 'Dorpsstraat 1' } });
      expect(record.errors).toBeUndefined();
      const recordId = record.data?.addRecord.id as string;
      const before = fileOf(await read(debtAssistance, 'CASE_COORDINATION', familyId));
      expect(redactionsOf(before, recordId)).toEqual(['address:NO_CONSENT', 'phone:NO_CONSENT']);

      const granted = await grant(parent, { subjectMemberId: parent, categories: ['CONTACT'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id });
      expect(granted.data?.grantConsent.status).toBe('ACTIVE');
      const after = fileOf(await read(debtAssistance, 'CASE_COORDINATION', familyId));
      expect(after.records.find((r) => r.id === recordId)?.section).toMatchObject({ phone: '06-99990000', address: 'Dorpsstraat 1' });
      expect(redactionsOf(after, recordId)).toEqual([]);
      // Who wrote it is INVOLVEMENT, which this consent does not cover.
      expect(sourceRedaction(after, recordId)).toBe('NO_CONSENT');
    });

    it('a record about two members is shared only when both consented', async () => {
      const record = await addRecord(youthCare, [parent, toddler], { familyPlan: { familyGoals: ['Samen eten op zondag'] } });
      const recordId = record.data?.addRecord.id as string;
      await grant(parent, { subjectMemberId: parent, categories: ['SHARED_PLAN'], purposes: ['CASE_COORDINATION'], recipientDomain: 'DEBT_ASSISTANCE' });
      const one = fileOf(await read(debtAssistance, 'CASE_COORDINATION', familyId));
      expect(redactionsOf(one, recordId)).toEqual(['familyGoals:NO_CONSENT']);
      // For a child under 12, the parent with authority consents.
      await grant(parent, { subjectMemberId: toddler, categories: ['SHARED_PLAN'], purposes: ['CASE_COORDINATION'], recipientDomain: 'DEBT_ASSISTANCE' });
      const both = fileOf(await read(debtAssistance, 'CASE_COORDINATION', familyId));
      expect(both.records.find((r) => r.id === recordId)?.section).toMatchObject({ familyGoals: ['Samen eten op zondag'] });
    });

    it('the purpose caps the categories even when the consent names them', async () => {
      const record = await addRecord(youthCare, [parent], { careTrajectory: { provider: 'GGZ', diagnosis: 'Burn-out' } });
      const recordId = record.data?.addRecord.id as string;
      await grant(parent, { subjectMemberId: parent, categories: ['CARE_TRAJECTORY', 'HEALTH'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id });
      const file = fileOf(await read(debtAssistance, 'CASE_COORDINATION', familyId));
      expect(file.records.find((r) => r.id === recordId)?.section).toMatchObject({ provider: 'GGZ', diagnosis: null });
      expect(redactionsOf(file, recordId)).toEqual(['diagnosis:PURPOSE_EXCLUDES_CATEGORY']);
    });

    it('a 13-year-old\'s consent is PENDING until a parent with authority signs it', async () => {
      const record = await addRecord(youthCare, [teen], { careTrajectory: { provider: 'Jeugdhulp, schoolbegeleiding' } });
      const recordId = record.data?.addRecord.id as string;
      const granted = await grant(teen, { subjectMemberId: teen, categories: ['CARE_TRAJECTORY'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id });
      expect(granted.data?.grantConsent).toMatchObject({ status: 'PENDING', awaitingSignatureFrom: [parent] });
      expect(redactionsOf(fileOf(await read(debtAssistance, 'CASE_COORDINATION', familyId)), recordId)).toEqual(['provider:CONSENT_PENDING']);

      const signed = await sut.graphql<{ signConsent: { status: string } }>(`mutation($id: ID!) { signConsent(id: $id) { status } }`, {
        token: await citizenToken(parent),
        variables: { id: granted.data?.grantConsent.id },
      });
      expect(signed.data?.signConsent.status).toBe('ACTIVE');
      expect(fileOf(await read(debtAssistance, 'CASE_COORDINATION', familyId)).records.find((r) => r.id === recordId)?.section).toMatchObject({ provider: 'Jeugdhulp, schoolbegeleiding' });
    });

    it('a parent may not grant alone for a 13-year-old; a child may not grant for a sibling (CONSENT_CAPACITY)', async () => {
      expect((await grant(parent, { subjectMemberId: teen, categories: ['CONTACT'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id })).data?.grantConsent.status).toBe('PENDING');
      const sibling = await grant(teen, { subjectMemberId: toddler, categories: ['CONTACT'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id });
      expect(sibling.errors?.[0]?.extensions?.code).toBe('CONSENT_CAPACITY');
    });

    it('a 17-year-old alone decides: her father cannot grant or revoke for her', async () => {
      const johan = await world.tokenFor(c.father);
      const answer = await sut.graphql(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
        token: johan,
        variables: { input: { subjectMemberId: c.older.id, categories: ['CONTACT'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: c.wmo.id, validUntil: monthsFromNow(3) } },
      });
      expect(answer.errors?.[0]?.extensions?.code).toBe('CONSENT_CAPACITY');
      const revoke = await sut.graphql(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { token: johan, variables: { id: c.consents.olderToWmo } });
      expect(revoke.errors?.[0]?.extensions?.code).toBe('CONSENT_CAPACITY');
    });

    it.each([
      ['validity over 12 months', { validUntil: monthsFromNow(13) }, 'BAD_USER_INPUT', 'validUntil'],
      ['both an organisation and a domain as recipient', { recipientDomain: 'WMO' }, 'BAD_USER_INPUT', 'recipientOrganisationId'],
      ['an unknown purpose', { purposes: ['MARKETING'] }, 'UNKNOWN_PURPOSE', 'purposes'],
      ['no categories', { categories: [] }, 'BAD_USER_INPUT', 'categories'],
    ])('a consent with %s is refused, naming the field', async (_name, change, code, field) => {
      const answer = await grant(parent, { subjectMemberId: parent, categories: ['CONTACT'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id, ...change });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code, field });
    });

    it('a professional cannot grant consent on a family\'s behalf', async () => {
      const answer = await sut.graphql(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
        token: await world.tokenFor(debtAssistance),
        variables: { input: { subjectMemberId: parent, categories: ['CONTACT'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: debtAssistance.id, validUntil: monthsFromNow(1) } },
      });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('registerFamily with a bad BSN names the field and writes nothing', async () => {
      const count = async () => (await sut.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM family'))[0]?.n;
      const before = await count();
      const answer = await sut.graphql(`mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { id } }`, {
        token: await world.tokenFor(wmo),
        variables: { input: { members: [{ name: 'A', birthDate: '1980-01-01', bsn: '111222333', relation: 'PARENT' }, { name: 'B', birthDate: '2015-01-01', bsn: '123456789', relation: 'CHILD' }] } },
      });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members[1].bsn' });
      expect(answer.errors?.[0]?.message).not.toContain('123456789');
      expect(await count()).toBe(before);
    });

    it.each([
      ['two sections at once', { contactDetails: { phone: '1' }, debtSituation: { totalDebt: 1 } }, 'section'],
      ['a missing required field', { debtSituation: { creditorCount: 3 } }, 'debtSituation.totalDebt'],
      ['an impossible date', { careTrajectory: { provider: 'X', startDate: '2026-02-30' } }, 'careTrajectory.startDate'],
    ])('addRecord with %s is BAD_USER_INPUT naming the field', async (_name, section, field) => {
      const answer = await addRecord(youthCare, [parent], section);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('addRecord about someone outside the family is BAD_USER_INPUT; on a family one is not involved with, NOT_FOUND', async () => {
      expect((await addRecord(youthCare, [c.mother.id], { contactDetails: { phone: '1' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectMemberIds' });
      expect((await addRecord(participation, [parent], { contactDetails: { phone: '1' } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('familyByBsn finds the family through the blind index, whatever the formatting', async () => {
      const answer = await sut.graphql<{ familyByBsn: { id: string } }>(`query($bsn: String!) { familyByBsn(bsn: $bsn, purpose: "CASE_COORDINATION") { id } }`, {
        token: await world.tokenFor(debtAssistance),
        variables: { bsn: `${teenBsn.slice(0, 4)}.${teenBsn.slice(4, 6)}.${teenBsn.slice(6)}` },
      });
      expect(answer.data?.familyByBsn.id).toBe(familyId);
      const invalid = await sut.graphql(`{ familyByBsn(bsn: "123456789", purpose: "CASE_COORDINATION") { id } }`, { token: await world.tokenFor(debtAssistance) });
      expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bsn' });
      const notInvolved = await sut.graphql(`query($bsn: String!) { familyByBsn(bsn: $bsn, purpose: "CASE_COORDINATION") { id } }`, { token: await world.tokenFor(wmo), variables: { bsn: teenBsn } });
      expect(notInvolved.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('at most one organisation holds case direction', async () => {
      const token = await world.tokenFor(youthCare);
      const first = await sut.graphql(`mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) { caseDirection } }`, {
        token,
        variables: { input: { familyId, organisationId: wmo.id, caseDirection: true } },
      });
      expect(first.errors).toBeUndefined();
      const second = await sut.graphql(`mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) { caseDirection } }`, {
        token,
        variables: { input: { familyId, organisationId: participation.id, caseDirection: true } },
      });
      expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseDirection' });
    });

    it('after endInvolvement the organisation no longer sees the family', async () => {
      const token = await world.tokenFor(debtAssistance);
      const families = await sut.graphql<{ families: { edges: { node: { id: string; involvementId: string } }[] } }>(`{ families(first: 50) { edges { node { id involvementId } } } }`, { token });
      const mine = families.data?.families.edges.find((e) => e.node.id === familyId);
      expect(mine).toBeDefined();
      const ended = await sut.graphql(`mutation($id: ID!) { endInvolvement(id: $id) { endsOn } }`, { token, variables: { id: mine?.node.involvementId } });
      expect(ended.errors).toBeUndefined();
      expect((await read(debtAssistance, 'CASE_COORDINATION', familyId)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('revocation is immediate, on every gateway sharing the database', () => {
    it('a mother revokes the consent that lets WMO see her contact details; the next read on another gateway is redacted', async () => {
      // Its own circle: the revocation must not reach the circle the other tests read.
      const own = await circleOfCare(world);
      const other = await startTestGateway({ label: 'sharing_path_second', shareDatabaseWith: sut });
      try {
        const contact = (file: FileAnswer) => recordOf(file, 'ContactDetails', own.mother.id);
        const wmoOnOther = () => other.issuer.sign({ kind: 'professional', professionalId: own.wmo.professional.id });
        const before = fileOf(await other.graphql(READ, { token: await wmoOnOther(), variables: { id: own.family.id, purpose: 'CASE_COORDINATION' } }));
        expect(contact(before).section['phone']).toBe('06-12345678');

        const revoked = await sut.graphql<{ revokeConsent: { status: string } }>(`mutation($id: ID!) { revokeConsent(id: $id, reason: "Ik wil dit zelf vertellen") { status } }`, {
          token: await world.tokenFor(own.mother),
          variables: { id: own.consents.motherToWmo },
        });
        expect(revoked.data?.revokeConsent.status).toBe('REVOKED');

        const after = fileOf(await other.graphql(READ, { token: await wmoOnOther(), variables: { id: own.family.id, purpose: 'CASE_COORDINATION' } }));
        expect(contact(after).section['phone']).toBeNull();
        expect(redactionsOf(after, contact(after).id)).toContain('phone:CONSENT_REVOKED');
        const stored = await sut.dataSource.manager.findOneByOrFail(ConsentEntity, { id: own.consents.motherToWmo });
        expect(stored.revocationReasonCiphertext?.toString('utf8') ?? '').not.toContain('zelf vertellen');
      } finally {
        await other.close();
      }
    });
  });
});

function yearsAgo(years: number, extraDays: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d.toISOString().slice(0, 10);
}

function monthsFromNow(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}
