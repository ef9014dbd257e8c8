import { CryptoError, CryptoErrorCode } from '@kring/crypto';
import { FAMILY_ERASURE_SEALED_FIELDS, FamilyEntity, unwrapFamilyKey } from '@kring/family-file';
import { OrganisationEntity, unwrapOrganisationKey } from '@kring/identity';
import { dumpDatabase } from './support/database-dump';
import { circleOfCare, newWorld, type Bearer, type Circle, type World } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const ERASE = `mutation($id: ID!, $reason: String!) {
  eraseFamily(id: $id, reason: $reason) { familyId erasedAt erasedByProfessionalId organisation { name } members records consents breakGlassGrants reason }
}`;
const ERASURES = `query($first: Int, $after: String) { familyErasures(first: $first, after: $after) { edges { cursor node { familyId reason members } } pageInfo { hasNextPage endCursor } } }`;
const READ = `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { id members { name } } }`;
const REASON = 'Verzoek AVG-2026-0117, art. 17 lid 1 sub b, toegewezen door de ketenfunctionaris';
const JUSTIFICATION = 'Daan belde in paniek: er wordt thuis geslagen en moeder neemt niet op.';

interface Receipt {
  eraseFamily: { familyId: string; erasedAt: string; erasedByProfessionalId: string; organisation: { name: string }; members: number; records: number; consents: number; breakGlassGrants: number; reason: string };
}

/** Erasure is real (DESIGN.md §5.4): the family's data key is destroyed, and with it every personal value of the family. */
describe('eraseFamily: crypto-shredding a family', () => {
  let sut: TestGateway;
  let world: World;
  // Every test erases (or tries to erase) a circle of its own; `once erased` shares one erased circle, read only.
  const erase = async (c: Circle, by: Bearer, variables: Record<string, unknown> = { id: c.family.id, reason: REASON }) => sut.graphql<Receipt>(ERASE, { token: await world.tokenFor(by), variables });
  const read = async (c: Circle, by: Bearer = c.wmo) => sut.graphql<{ family: { id: string; members: { name: string | null }[] } }>(READ, { token: await world.tokenFor(by), variables: { id: c.family.id } });
  const count = async (sql: string, params: unknown[]) => Number((await sut.dataSource.query<{ n: string }[]>(sql, params))[0]?.n);
  const openBreakGlass = async (c: Circle) => {
    const opened = await sut.graphql<{ breakGlass: { id: string } }>(`mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id } }`, {
      token: await world.tokenFor(c.wmo),
      variables: { input: { familyId: c.family.id, justification: JUSTIFICATION, consultedProfessionalId: c.youthCare.professional.id } },
    });
    expect(opened.errors).toBeUndefined();
    return opened.data?.breakGlass.id as string;
  };
  const reviewBreakGlass = async (c: Circle, id: string) =>
    sut.graphql(`mutation($id: ID!) { reviewBreakGlass(id: $id, verdict: JUSTIFIED, note: "Terecht: acuut gevaar, melding gedaan.") { id } }`, { token: await world.tokenFor(c.officer), variables: { id } });

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'erasure', seedDemoWorld: false });
    world = newWorld(sut);
  });
  afterAll(async () => {
    await sut.close();
  });

  it.each<[string, (c: Circle) => Bearer]>([
    ['a professional', (c) => c.wmo],
    ["an organisation's privacy officer: the file is every organisation's", (c) => c.officer],
    ['an administrator', (c) => c.admin],
    ['a family member', (c) => c.mother],
  ])('is refused to %s (FORBIDDEN), and nothing changes', async (_who, who) => {
    const c = await circleOfCare(world);
    expect((await erase(c, who(c))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await read(c)).data?.family.members.map((m) => m.name)).toContain(c.mother.name);
  });

  it.each<[string, (c: Circle) => Record<string, unknown>, string]>([
    ['a reason under 10 characters', (c) => ({ id: c.family.id, reason: '  verzoek ' }), 'BAD_USER_INPUT'],
    ['an id that is not a family', () => ({ id: '7c0d6a6e-2b7f-4b71-9a35-1d7f0e3b2c11', reason: REASON }), 'NOT_FOUND'],
    ['an id that is no id', () => ({ id: 'de-vries', reason: REASON }), 'NOT_FOUND'],
  ])('is refused with %s (%s), and nothing changes', async (_case, variables, code) => {
    const c = await circleOfCare(world);
    const answer = await erase(c, c.chainOfficer, variables(c));
    expect(answer.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.data).toBeNull();
    expect(await count(`SELECT count(*) AS n FROM family WHERE id = $1 AND wrapped_data_key IS NOT NULL AND erased_at IS NULL`, [c.family.id])).toBe(1);
  });

  it('waits for every break-glass grant on the family to be reviewed: emergency access is accounted for before its evidence is destroyed', async () => {
    const c = await circleOfCare(world);
    const grant = await openBreakGlass(c);
    const refused = await erase(c, c.chainOfficer);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect(refused.errors?.[0]?.message).toContain('review');

    const reviewed = await reviewBreakGlass(c, grant);
    expect(reviewed.errors).toBeUndefined();
  });

  describe('once erased', () => {
    let c: Circle;
    let receipt: Receipt['eraseFamily'];
    let entriesBefore: number;
    let escalationId: string;

    beforeAll(async () => {
      c = await circleOfCare(world);
      // A reviewed emergency access, which the erasure counts and keeps listed.
      expect((await reviewBreakGlass(c, await openBreakGlass(c))).errors).toBeUndefined();
      expect((await read(c)).errors).toBeUndefined(); // a read the log keeps after the erasure
      // An escalation, taken on and decided: its texts are destroyed with the family (docs/escalation.md).
      const raised = await sut.graphql<{ raiseEscalation: { id: string } }>(`mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { id } }`, {
        token: await world.tokenFor(c.mother),
        variables: { input: { subjectMemberIds: [c.mother.id], blockingKind: 'OTHER', blocks: 'Niemand pakt onze aanvraag op.', tried: 'Drie keer gebeld naar het loket.' } },
      });
      expect(raised.errors).toBeUndefined();
      escalationId = raised.data?.raiseEscalation.id as string;
      entriesBefore = await count(`SELECT count(*) AS n FROM access_log_entry WHERE family_id = $1`, [c.family.id]);
      const answer = await erase(c, c.chainOfficer);
      expect(answer.errors).toBeUndefined();
      receipt = answer.data?.eraseFamily as Receipt['eraseFamily'];
    });

    it('gives a receipt: who, when, and how much became unreadable', async () => {
      expect(receipt).toMatchObject({ familyId: c.family.id, organisation: { name: c.wmo.organisation.name }, members: 5, breakGlassGrants: 1, reason: REASON });
      expect(receipt.records).toBe(await count(`SELECT count(*) AS n FROM record WHERE family_id = $1`, [c.family.id]));
      expect(receipt.consents).toBe(await count(`SELECT count(*) AS n FROM consent WHERE family_id = $1`, [c.family.id]));
      expect(receipt.records).toBeGreaterThan(0);
      expect(receipt.consents).toBeGreaterThan(0);
    });

    it('destroyed the texts of its escalations: the ciphertexts are gone from the table, the rows stay as ids and times', async () => {
      expect(await count(`SELECT count(*) AS n FROM escalation WHERE family_id = $1`, [c.family.id])).toBe(1);
      expect(
        await count(
          `SELECT count(*) AS n FROM escalation WHERE id = $1 AND (blocks_ciphertext IS NOT NULL OR tried_ciphertext IS NOT NULL OR decision_ciphertext IS NOT NULL OR set_aside_ciphertext IS NOT NULL OR authority_ciphertext IS NOT NULL OR budget_ciphertext IS NOT NULL)`,
          [escalationId],
        ),
      ).toBe(0);
    });

    it('destroyed the data key: even with the key-encryption key, nothing of the family can be decrypted', async () => {
      const family = await sut.dataSource.manager.findOneByOrFail(FamilyEntity, { id: c.family.id });
      expect(family.wrappedDataKey).toBeNull();
      expect(family.erasedAt?.toISOString()).toBe(receipt.erasedAt);
      let thrown: unknown;
      try {
        unwrapFamilyKey(sut.crypto, family);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CryptoError);
      expect((thrown as CryptoError).code).toBe(CryptoErrorCode.KEY_DESTROYED);
    });

    it('cleared the blind index: a BSN of the family can no longer be matched', async () => {
      expect(await count(`SELECT count(*) AS n FROM family_member WHERE family_id = $1 AND bsn_blind_index IS NOT NULL`, [c.family.id])).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM family_member WHERE bsn_blind_index = $1`, [sut.crypto.blindIndex.bsn(c.mother.bsn)])).toBe(0);
      const byBsn = await sut.graphql(`query($bsn: String!) { familyByBsn(bsn: $bsn, purpose: "CASE_COORDINATION") { id } }`, { token: await world.tokenFor(c.wmo), variables: { bsn: c.mother.bsn } });
      expect(byBsn.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('is gone from every view, exactly like a family that never existed', async () => {
      for (const partner of [c.wmo, c.youthCare, c.debtAssistance]) expect((await read(c, partner)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const list = await sut.graphql<{ families: { edges: { node: { id: string } }[] } }>(`{ families(first: 100) { edges { node { id } } } }`, { token: await world.tokenFor(c.wmo) });
      expect(list.errors).toBeUndefined();
      expect(list.data?.families.edges.map((e) => e.node.id)).not.toContain(c.family.id);
      const consents = await sut.graphql(`query($id: ID!) { consents(familyId: $id) { id } }`, { token: await world.tokenFor(c.wmo), variables: { id: c.family.id } });
      expect(consents.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const added = await sut.graphql(`mutation($input: AddRecordInput!) { addRecord(input: $input) { id } }`, {
        token: await world.tokenFor(c.wmo),
        variables: { input: { familyId: c.family.id, subjectMemberIds: [c.mother.id], contactDetails: { phone: '06-00000000' } } },
      });
      expect(added.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      // The family plan too: neither read nor written.
      const plan = await sut.graphql(`query($id: ID!) { familyPlan(familyId: $id, purpose: "CASE_COORDINATION") { version } }`, { token: await world.tokenFor(c.wmo), variables: { id: c.family.id } });
      expect(plan.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const planned = await sut.graphql(`mutation($input: WritePlanItemInput!) { writePlanItem(input: $input) { id } }`, {
        token: await world.tokenFor(c.wmo),
        variables: { input: { familyId: c.family.id, kind: 'ACTION', subjectMemberIds: [c.mother.id], text: 'Huisbezoek', actor: { kind: 'ORGANISATION' } } },
      });
      expect(planned.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it("lets none of its members sign in any more", async () => {
      const me = await sut.graphql(`{ myFamily { id } }`, { token: await world.tokenFor(c.mother) });
      expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('cannot be erased twice (NOT_FOUND)', async () => {
      expect((await erase(c, c.chainOfficer)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('keeps its break-glass grants listed for privacy officers, their texts unreadable', async () => {
      const grants = await sut.graphql<{ breakGlassGrants: { familyId: string; justification: string | null; review: { verdict: string; note: string | null } | null }[] }>(
        `{ breakGlassGrants { familyId justification review { verdict note } } }`,
        { token: await world.tokenFor(c.chainOfficer) },
      );
      expect(grants.errors).toBeUndefined();
      // Other tests open grants on families of their own; this family's is the one to look at.
      expect(grants.data?.breakGlassGrants.filter((g) => g.familyId === c.family.id)).toEqual([{ familyId: c.family.id, justification: null, review: { verdict: 'JUSTIFIED', note: null } }]);
    });

    it('is in the access log, on the family\'s chain, which still verifies; earlier entries stay, and the reason is not logged', async () => {
      const officer = await world.tokenFor(c.chainOfficer);
      const log = await sut.graphql<{ accessLog: { edges: { node: { activity: string; fields: string[]; decision: string; subjectMemberIds: string[]; actor: { professionalId: string } } }[] } }>(
        `query($familyId: ID!) { accessLog(filter: { familyId: $familyId, activity: "ERASE_FAMILY" }) { edges { node { activity fields decision subjectMemberIds actor { professionalId } } } } }`,
        { token: officer, variables: { familyId: c.family.id } },
      );
      expect(log.errors).toBeUndefined();
      // One entry per member erased (DESIGN.md §10: one per operation and data subject).
      const members = c.family.members.map((m) => m.id).sort();
      expect(
        log.data?.accessLog.edges.map((e) => e.node).sort((a, b) => (a.subjectMemberIds[0] ?? '').localeCompare(b.subjectMemberIds[0] ?? '')),
      ).toEqual(members.map((member) => ({ activity: 'ERASE_FAMILY', fields: ['bsnBlindIndex', 'dataKey', 'escalationTexts', 'messageBodies', 'referralTexts', 'threadTopics'], decision: 'ALLOWED', subjectMemberIds: [member], actor: { professionalId: receipt.erasedByProfessionalId } })));
      expect(await count(`SELECT count(*) AS n FROM access_log_entry WHERE family_id = $1`, [c.family.id])).toBe(entriesBefore + members.length);
      const verified = await sut.graphql<{ verifyAccessLog: { intact: boolean } }>(`query($id: ID) { verifyAccessLog(familyId: $id) { intact } }`, { token: officer, variables: { id: c.family.id } });
      expect(verified.data?.verifyAccessLog.intact).toBe(true);
    });

    it('keeps the reason sealed with the officer\'s organisation key: not in a dump, readable with that key', async () => {
      const { text } = await dumpDatabase(sut.database.url);
      expect(text.includes(REASON) || text.includes(Buffer.from(REASON).toString('hex'))).toBe(false);
      const [row] = await sut.dataSource.query<{ reason_ciphertext: Buffer; organisation_id: string }[]>(`SELECT reason_ciphertext, organisation_id FROM family_erasure WHERE family_id = $1`, [c.family.id]);
      const organisation = await sut.dataSource.manager.findOneByOrFail(OrganisationEntity, { id: row?.organisation_id as string });
      const key = unwrapOrganisationKey(sut.crypto, organisation);
      expect(sut.crypto.cipher.decrypt(key, { field: FAMILY_ERASURE_SEALED_FIELDS.reason, rowId: c.family.id }, row?.reason_ciphertext as Buffer)).toBe(REASON);
    });
    it('is listed for the chain privacy officer, newest first, page by page, with its reason; for nobody else', async () => {
      const registered = await sut.graphql<{ registerFamily: { id: string } }>(
        `mutation { registerFamily(input: { members: [{ name: "Een Ander", birthDate: "1970-01-01", bsn: "111222333", relation: OTHER }] }) { id } }`,
        { token: await world.tokenFor(c.wmo) },
      );
      const second = registered.data?.registerFamily.id as string;
      expect((await erase(c, c.chainOfficer, { id: second, reason: 'Verzoek AVG-2026-0118, art. 17, toegewezen' })).errors).toBeUndefined();

      const officer = await world.tokenFor(c.chainOfficer);
      type Page = { familyErasures: { edges: { cursor: string; node: { familyId: string; reason: string; members: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const first = await sut.graphql<Page>(ERASURES, { token: officer, variables: { first: 1 } });
      expect(first.errors).toBeUndefined();
      expect(first.data?.familyErasures.edges.map((e) => e.node)).toEqual([{ familyId: second, reason: 'Verzoek AVG-2026-0118, art. 17, toegewezen', members: 1 }]);
      expect(first.data?.familyErasures.pageInfo.hasNextPage).toBe(true);
      const next = await sut.graphql<Page>(ERASURES, { token: officer, variables: { first: 1, after: first.data?.familyErasures.pageInfo.endCursor } });
      expect(next.data?.familyErasures.edges.map((e) => e.node)).toEqual([{ familyId: c.family.id, reason: REASON, members: 5 }]);
      expect(next.data?.familyErasures.pageInfo).toEqual({ hasNextPage: false, endCursor: next.data?.familyErasures.edges[0]?.cursor });

      expect((await sut.graphql(ERASURES, { token: officer, variables: { after: 'not-a-cursor' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect((await sut.graphql(ERASURES, { token: officer, variables: { first: 0 } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      for (const who of [c.officer, c.wmo, c.admin]) {
        expect((await sut.graphql(ERASURES, { token: await world.tokenFor(who) })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });
});
