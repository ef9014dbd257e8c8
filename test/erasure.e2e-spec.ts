import { CryptoError, CryptoErrorCode } from '@kring/crypto';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M } from '@kring/demo-world';
import { FAMILY_ERASURE_SEALED_FIELDS, FamilyEntity, unwrapFamilyKey } from '@kring/family-file';
import { OrganisationEntity, unwrapOrganisationKey } from '@kring/identity';
import { dumpDatabase } from './support/database-dump';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const ERASE = `mutation($id: ID!, $reason: String!) {
  eraseFamily(id: $id, reason: $reason) { familyId erasedAt erasedByProfessionalId organisation { name } members records consents breakGlassGrants reason }
}`;
const ERASURES = `query($first: Int, $after: String) { familyErasures(first: $first, after: $after) { edges { cursor node { familyId reason members } } pageInfo { hasNextPage endCursor } } }`;
const READ = `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { id members { name } } }`;
const REASON = 'Verzoek AVG-2026-0117, art. 17 lid 1 sub b, toegewezen door de ketenfunctionaris';
const MARIEKE_BSN = '123451000';

interface Receipt {
  eraseFamily: { familyId: string; erasedAt: string; erasedByProfessionalId: string; organisation: { name: string }; members: number; records: number; consents: number; breakGlassGrants: number; reason: string };
}

/** Erasure is real (DESIGN.md §5.4): the family's data key is destroyed, and with it every personal value of the family. */
describe('eraseFamily: crypto-shredding a family', () => {
  let sut: TestGateway;
  const erase = async (persona: string, variables: Record<string, unknown> = { id: DEMO_FAMILY_ID, reason: REASON }) =>
    sut.graphql<Receipt>(ERASE, { token: await sut.tokenFor(persona), variables });
  const read = async (persona = 'wmo') => sut.graphql<{ family: { id: string; members: { name: string | null }[] } }>(READ, { token: await sut.tokenFor(persona), variables: { id: DEMO_FAMILY_ID } });
  const count = async (sql: string, params: unknown[] = [DEMO_FAMILY_ID]) => Number((await sut.runtime.dataSource.query<{ n: string }[]>(sql, params))[0]?.n);

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'erasure' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it.each([
    ['a professional', 'wmo'],
    ["an organisation's privacy officer: the file is every organisation's", 'fg-gemeente'],
    ['an administrator', 'admin'],
    ['a family member', 'marieke'],
  ])('is refused to %s (FORBIDDEN), and nothing changes', async (_who, persona) => {
    expect((await erase(persona)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await read()).data?.family.members.map((m) => m.name)).toContain('Marieke de Vries');
  });

  it.each([
    ['a reason under 10 characters', { id: DEMO_FAMILY_ID, reason: '  verzoek ' }, 'BAD_USER_INPUT'],
    ['an id that is not a family', { id: '7c0d6a6e-2b7f-4b71-9a35-1d7f0e3b2c11', reason: REASON }, 'NOT_FOUND'],
    ['an id that is no id', { id: 'de-vries', reason: REASON }, 'NOT_FOUND'],
  ])('is refused with %s (%s), and nothing changes', async (_case, variables, code) => {
    const answer = await erase('keten-fg', variables);
    expect(answer.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.data).toBeNull();
    expect(await count(`SELECT count(*) AS n FROM family WHERE id = $1 AND wrapped_data_key IS NOT NULL AND erased_at IS NULL`)).toBe(1);
  });

  it('waits for every break-glass grant on the family to be reviewed: emergency access is accounted for before its evidence is destroyed', async () => {
    const opened = await sut.graphql<{ breakGlass: { id: string } }>(`mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id } }`, {
      token: await sut.tokenFor('wmo'),
      variables: { input: { familyId: DEMO_FAMILY_ID, justification: 'Daan belde in paniek: er wordt thuis geslagen en moeder neemt niet op.' } },
    });
    expect(opened.errors).toBeUndefined();
    const refused = await erase('keten-fg');
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect(refused.errors?.[0]?.message).toContain('review');

    const reviewed = await sut.graphql(`mutation($id: ID!) { reviewBreakGlass(id: $id, verdict: JUSTIFIED, note: "Terecht: acuut gevaar, melding gedaan.") { id } }`, {
      token: await sut.tokenFor('fg-gemeente'),
      variables: { id: opened.data?.breakGlass.id },
    });
    expect(reviewed.errors).toBeUndefined();
  });

  describe('once erased', () => {
    let receipt: Receipt['eraseFamily'];
    let entriesBefore: number;

    beforeAll(async () => {
      expect((await read()).errors).toBeUndefined(); // a read the log keeps after the erasure
      entriesBefore = await count(`SELECT count(*) AS n FROM access_log_entry WHERE family_id = $1`);
      const answer = await erase('keten-fg');
      expect(answer.errors).toBeUndefined();
      receipt = answer.data?.eraseFamily as Receipt['eraseFamily'];
    });

    it('gives a receipt: who, when, and how much became unreadable', async () => {
      expect(receipt).toMatchObject({ familyId: DEMO_FAMILY_ID, organisation: { name: 'Gemeente Heerenveen Team Toegang' }, members: 5, breakGlassGrants: 1, reason: REASON });
      expect(receipt.records).toBe(await count(`SELECT count(*) AS n FROM record WHERE family_id = $1`));
      expect(receipt.consents).toBe(await count(`SELECT count(*) AS n FROM consent WHERE family_id = $1`));
      expect(receipt.records).toBeGreaterThan(0);
      expect(receipt.consents).toBeGreaterThan(0);
    });

    it('destroyed the data key: even with the key-encryption key, nothing of the family can be decrypted', async () => {
      const family = await sut.runtime.dataSource.manager.findOneByOrFail(FamilyEntity, { id: DEMO_FAMILY_ID });
      expect(family.wrappedDataKey).toBeNull();
      expect(family.erasedAt?.toISOString()).toBe(receipt.erasedAt);
      let thrown: unknown;
      try {
        unwrapFamilyKey(sut.runtime.crypto, family);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CryptoError);
      expect((thrown as CryptoError).code).toBe(CryptoErrorCode.KEY_DESTROYED);
    });

    it('cleared the blind index: a BSN of the family can no longer be matched', async () => {
      expect(await count(`SELECT count(*) AS n FROM family_member WHERE family_id = $1 AND bsn_blind_index IS NOT NULL`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM family_member WHERE bsn_blind_index = $1`, [sut.runtime.crypto.blindIndex.bsn(MARIEKE_BSN)])).toBe(0);
      const byBsn = await sut.graphql(`query($bsn: String!) { familyByBsn(bsn: $bsn, purpose: "CASE_COORDINATION") { id } }`, { token: await sut.tokenFor('wmo'), variables: { bsn: MARIEKE_BSN } });
      expect(byBsn.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('is gone from every view, exactly like a family that never existed', async () => {
      for (const persona of ['wmo', 'jeugdhulp', 'schuldhulp']) expect((await read(persona)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const list = await sut.graphql<{ families: { edges: { node: { id: string } }[] } }>(`{ families(first: 100) { edges { node { id } } } }`, { token: await sut.tokenFor('wmo') });
      expect(list.errors).toBeUndefined();
      expect(list.data?.families.edges.map((e) => e.node.id)).not.toContain(DEMO_FAMILY_ID);
      const consents = await sut.graphql(`query($id: ID!) { consents(familyId: $id) { id } }`, { token: await sut.tokenFor('wmo'), variables: { id: DEMO_FAMILY_ID } });
      expect(consents.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const added = await sut.graphql(`mutation($input: AddRecordInput!) { addRecord(input: $input) { id } }`, {
        token: await sut.tokenFor('wmo'),
        variables: { input: { familyId: DEMO_FAMILY_ID, subjectMemberIds: [M.marieke], contactDetails: { phone: '06-00000000' } } },
      });
      expect(added.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it("lets none of its members sign in any more", async () => {
      const me = await sut.graphql(`{ myFamily { id } }`, { token: await sut.tokenFor('marieke') });
      expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('cannot be erased twice (NOT_FOUND)', async () => {
      expect((await erase('keten-fg')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('keeps its break-glass grants listed for privacy officers, their texts unreadable', async () => {
      const grants = await sut.graphql<{ breakGlassGrants: { familyId: string; justification: string | null; review: { verdict: string; note: string | null } | null }[] }>(
        `{ breakGlassGrants { familyId justification review { verdict note } } }`,
        { token: await sut.tokenFor('keten-fg') },
      );
      expect(grants.errors).toBeUndefined();
      expect(grants.data?.breakGlassGrants).toEqual([{ familyId: DEMO_FAMILY_ID, justification: null, review: { verdict: 'JUSTIFIED', note: null } }]);
    });

    it('is in the access log, on the family\'s chain, which still verifies; earlier entries stay, and the reason is not logged', async () => {
      const officer = await sut.tokenFor('keten-fg');
      const log = await sut.graphql<{ accessLog: { edges: { node: { activity: string; fields: string[]; decision: string; subjectMemberIds: string[]; actor: { professionalId: string } } }[] } }>(
        `query($familyId: ID!) { accessLog(filter: { familyId: $familyId, activity: "ERASE_FAMILY" }) { edges { node { activity fields decision subjectMemberIds actor { professionalId } } } } }`,
        { token: officer, variables: { familyId: DEMO_FAMILY_ID } },
      );
      expect(log.errors).toBeUndefined();
      expect(log.data?.accessLog.edges.map((e) => e.node)).toEqual([
        { activity: 'ERASE_FAMILY', fields: ['bsnBlindIndex', 'dataKey'], decision: 'ALLOWED', subjectMemberIds: Object.values(M).sort(), actor: { professionalId: receipt.erasedByProfessionalId } },
      ]);
      expect(await count(`SELECT count(*) AS n FROM access_log_entry WHERE family_id = $1`)).toBe(entriesBefore + 1);
      const verified = await sut.graphql<{ verifyAccessLog: { intact: boolean } }>(`query($id: ID) { verifyAccessLog(familyId: $id) { intact } }`, { token: officer, variables: { id: DEMO_FAMILY_ID } });
      expect(verified.data?.verifyAccessLog.intact).toBe(true);
    });

    it('keeps the reason sealed with the officer\'s organisation key: not in a dump, readable with that key', async () => {
      const { text } = await dumpDatabase(sut.database.url);
      expect(text.includes(REASON) || text.includes(Buffer.from(REASON).toString('hex'))).toBe(false);
      const [row] = await sut.runtime.dataSource.query<{ reason_ciphertext: Buffer; organisation_id: string }[]>(`SELECT reason_ciphertext, organisation_id FROM family_erasure WHERE family_id = $1`, [DEMO_FAMILY_ID]);
      const organisation = await sut.runtime.dataSource.manager.findOneByOrFail(OrganisationEntity, { id: row?.organisation_id as string });
      const key = unwrapOrganisationKey(sut.runtime.crypto, organisation);
      expect(sut.runtime.crypto.cipher.decrypt(key, { field: FAMILY_ERASURE_SEALED_FIELDS.reason, rowId: DEMO_FAMILY_ID }, row?.reason_ciphertext as Buffer)).toBe(REASON);
    });
    it('is listed for the chain privacy officer, newest first, page by page, with its reason; for nobody else', async () => {
      const registered = await sut.graphql<{ registerFamily: { id: string } }>(
        `mutation { registerFamily(input: { members: [{ name: "Een Ander", birthDate: "1970-01-01", bsn: "111222333", relation: OTHER }] }) { id } }`,
        { token: await sut.tokenFor('wmo') },
      );
      const second = registered.data?.registerFamily.id as string;
      expect((await erase('keten-fg', { id: second, reason: 'Verzoek AVG-2026-0118, art. 17, toegewezen' })).errors).toBeUndefined();

      const officer = await sut.tokenFor('keten-fg');
      type Page = { familyErasures: { edges: { cursor: string; node: { familyId: string; reason: string; members: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const first = await sut.graphql<Page>(ERASURES, { token: officer, variables: { first: 1 } });
      expect(first.errors).toBeUndefined();
      expect(first.data?.familyErasures.edges.map((e) => e.node)).toEqual([{ familyId: second, reason: 'Verzoek AVG-2026-0118, art. 17, toegewezen', members: 1 }]);
      expect(first.data?.familyErasures.pageInfo.hasNextPage).toBe(true);
      const next = await sut.graphql<Page>(ERASURES, { token: officer, variables: { first: 1, after: first.data?.familyErasures.pageInfo.endCursor } });
      expect(next.data?.familyErasures.edges.map((e) => e.node)).toEqual([{ familyId: DEMO_FAMILY_ID, reason: REASON, members: 5 }]);
      expect(next.data?.familyErasures.pageInfo).toEqual({ hasNextPage: false, endCursor: next.data?.familyErasures.edges[0]?.cursor });

      expect((await sut.graphql(ERASURES, { token: officer, variables: { after: 'not-a-cursor' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect((await sut.graphql(ERASURES, { token: officer, variables: { first: 0 } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      for (const persona of ['fg-gemeente', 'wmo', 'admin']) {
        expect((await sut.graphql(ERASURES, { token: await sut.tokenFor(persona) })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });
});
