import { startTestGateway, type TestGateway } from '../../test/support/test-gateway';
import { seedWorld, type BenchWorld } from './world';

const FAMILIES = 50;
const SECTIONS: Record<string, string[]> = {
  ContactDetails: ['address', 'phone', 'email'],
  CareTrajectory: ['provider', 'goals', 'startDate', 'endDate', 'frequency', 'diagnosis', 'medication'],
  SupportProvision: ['provision', 'hoursPerWeek', 'decisionDate'],
  DebtSituation: ['totalDebt', 'creditorCount', 'arrangement', 'budgetManagement', 'monthlyInstalment'],
  IncomeAndWork: ['benefit', 'reintegrationRoute', 'jobCoach'],
  SafetySignal: ['signal', 'signalDate', 'reporterRole', 'riskAssessment'],
  FamilyPlan: ['familyGoals', 'actions', 'whoDoesWhat', 'reviewDate'],
};
const FILE = `members { id name birthDate bsn relation holdsAuthorityOver }
  involvements { id organisation { id } startsOn endsOn caseDirection }
  records { id sectionType sourceOrganisation { id } section { __typename ${Object.entries(SECTIONS)
    .map(([type, fields]) => `... on ${type} { ${fields.join(' ')} }`)
    .join(' ')} } }
  redactions { path category reason }`;
const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { ${FILE} } }`;

interface FamilyFile {
  members: { id: string; name: string | null; birthDate: string | null; bsn: string | null; [field: string]: unknown }[];
  involvements: { organisation: unknown }[];
  records: { sourceOrganisation: unknown; section: Record<string, unknown> }[];
  redactions: { category: string; reason: string }[];
}

/** The values a reader got: every field that is not null (a field never recorded is null too, but is no redaction). */
function sharedValues(file: FamilyFile): number {
  const members = file.members.reduce((n, m) => n + Object.entries(m).filter(([field, value]) => field !== 'id' && value !== null).length, 0);
  const involvements = file.involvements.filter((i) => i.organisation !== null).length;
  const records = file.records.reduce((n, r) => n + (r.sourceOrganisation === null ? 0 : 1) + Object.entries(r.section).filter(([field, value]) => field !== '__typename' && value !== null).length, 0);
  return members + involvements + records;
}

describe('seedWorld: the benchmark world, read through the real gateway', () => {
  let sut: TestGateway;
  let world: BenchWorld;
  let readerToken: string;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'bench_world', seedDemoWorld: false });
    world = await seedWorld(sut.database.url, sut.crypto, { families: FAMILIES, seed: 7, policyVersion: sut.catalogue.version });
    const reader = world.readers[0];
    if (reader === undefined) throw new Error('the world has no readers');
    readerToken = await sut.issuer.sign({ kind: 'professional', professionalId: reader.professionalId, organisationId: reader.organisationId });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('seeds the families asked for, with readers and adult granters', () => {
    expect(world.familyIds).toHaveLength(FAMILIES);
    expect(world.readers.length).toBeGreaterThan(0);
    expect(world.readers.every((r) => r.organisationId === world.recipientOrganisationId && r.domain === 'WMO')).toBe(true);
    expect(world.granters.length).toBeGreaterThan(FAMILIES);
  });

  it('a WMO reader reads every family for CASE_COORDINATION: values decrypt, and what is not shared is redacted', async () => {
    const reasons = new Set<string>();
    let shared = 0;
    let redacted = 0;
    for (const id of world.familyIds) {
      const answer = await sut.graphql<{ family: FamilyFile }>(READ, { token: readerToken, variables: { id, purpose: 'CASE_COORDINATION' } });

      expect(answer.errors).toBeUndefined();
      const file = answer.data?.family as FamilyFile;
      for (const m of file.members) {
        if (m.name !== null) expect(m.name).toMatch(/^\p{L}[\p{L} '-]+$/u);
        if (m.birthDate !== null) expect(m.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (const r of file.redactions) reasons.add(`${r.category}:${r.reason}`);
      shared += sharedValues(file);
      redacted += file.redactions.length;
    }

    expect(shared / FAMILIES).toBeGreaterThan(30);
    expect(redacted / FAMILIES).toBeGreaterThan(20);
    expect([...reasons]).toEqual(
      expect.arrayContaining(['NATIONAL_ID:PURPOSE_EXCLUDES_CATEGORY', 'HEALTH:PURPOSE_EXCLUDES_CATEGORY', 'SAFETY:PURPOSE_EXCLUDES_CATEGORY', 'FINANCES:NO_CONSENT', 'INVOLVEMENT:CONSENT_REVOKED', 'INVOLVEMENT:CONSENT_EXPIRED']),
    );
  });

  it('a BSN the reader may see finds its family through the blind index', async () => {
    let found = 0;
    for (const id of world.familyIds.slice(0, 20)) {
      const file = (await sut.graphql<{ family: FamilyFile }>(READ, { token: readerToken, variables: { id, purpose: 'ELIGIBILITY_ASSESSMENT' } })).data?.family;
      const bsn = file?.members.find((m) => m.bsn !== null)?.bsn;
      if (bsn === undefined || bsn === null) continue;
      const byBsn = await sut.graphql<{ familyByBsn: { id: string } }>(`query($bsn: String!) { familyByBsn(bsn: $bsn, purpose: "ELIGIBILITY_ASSESSMENT") { id } }`, { token: readerToken, variables: { bsn } });

      expect(byBsn.data?.familyByBsn.id).toBe(id);
      found++;
    }

    expect(found).toBeGreaterThan(0);
  });

  it('members see consents in all four statuses across the world', async () => {
    const statuses = new Set<string>();
    for (const { familyId, memberId } of world.granters) {
      const answer = await sut.graphql<{ consents: { status: string }[] }>(`{ consents(familyId: "${familyId}") { status } }`, { token: await sut.issuer.sign({ kind: 'citizen', memberId }) });

      expect(answer.errors).toBeUndefined();
      for (const c of answer.data?.consents ?? []) statuses.add(c.status);
    }

    expect([...statuses].sort()).toEqual(['ACTIVE', 'EXPIRED', 'PENDING', 'REVOKED']);
  });

  it('the access log stays intact after the reads of the world', async () => {
    await sut.graphql(READ, { token: readerToken, variables: { id: world.familyIds[0], purpose: 'CASE_COORDINATION' } });

    const answer = await sut.graphql<{ verifyAccessLog: { intact: boolean; entriesChecked: number } }>(`{ verifyAccessLog { intact entriesChecked } }`, { token: await chainPrivacyOfficer() });

    expect(answer.data?.verifyAccessLog.intact).toBe(true);
    expect(answer.data?.verifyAccessLog.entriesChecked).toBeGreaterThan(0);
  });

  /** A token for the world's chain privacy officer, found where the gateway keeps registrations. */
  async function chainPrivacyOfficer(): Promise<string> {
    const [row] = await sut.dataSource.query<{ id: string; organisation_id: string }[]>(`SELECT id, organisation_id FROM professional WHERE 'CHAIN_PRIVACY_OFFICER' = ANY(roles)`);
    if (row === undefined) throw new Error('the world has no chain privacy officer');
    return sut.issuer.sign({ kind: 'professional', professionalId: row.id, organisationId: row.organisation_id });
  }
});
