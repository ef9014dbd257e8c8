import pg from 'pg';
import { createDataSource } from '@kring/database';
import { loadSodium } from '@kring/crypto';
import { circleOfCare, newWorld, type Circle, type World } from './support/factories';
import { withChainTampered, writeOldEntries } from './support/log-rows';
import { AccessLogIntegrityService } from '../apps/gateway/src/access-log/access-log-integrity.service';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { members { id } involvements { id } records { id sectionType } redactions { path } } }`;
const VERIFY = `query($familyId: ID) { verifyAccessLog(familyId: $familyId) { intact chainsChecked entriesChecked checkpointsVerified firstBroken { chainKey sequence entryId problem } } }`;

describe('entries written before target_ids existed (encoding v1) keep verifying', () => {
  let sut: TestGateway;
  let world: World;
  let c: Circle;
  let chain: string;
  let superuser: pg.Client;
  /** The ids of the entries written the old way, in sequence order. */
  const old: string[] = [];
  const verify = async (familyId: string | null = c.family.id) =>
    (await sut.graphql<{ verifyAccessLog: { intact: boolean; entriesChecked: number; checkpointsVerified: number; firstBroken: { chainKey: string; sequence: number; entryId: string | null; problem: string } | null } }>(VERIFY, {
      token: await world.tokenFor(c.chainOfficer),
      variables: { familyId },
    })).data?.verifyAccessLog;

  /** The v1 encoding as the old writer hashed it (libs/audit/src/chain.ts before target_ids), frozen here on purpose. */
  interface V1Facts {
    occurredAt: Date; traceId: string; actorKind: string; actorId: string | null; actorOrganisationId: string | null; actorRole: string | null; activity: string; purpose: string | null;
    familyId: string | null; subjectMemberIds: string[]; targetKind: string | null; targetId: string | null; sourceOrganisationId: string | null; category: string | null; fields: string[];
    decision: string; basis: string | null; basisRefs: string[]; reason: string | null; breakGlass: boolean;
  }
  const v1Encoding = (f: V1Facts) =>
    JSON.stringify(['kring-log-v1', chain, f.occurredAt.toISOString(), f.traceId, f.actorKind, f.actorId, f.actorOrganisationId, f.actorRole, f.activity, f.purpose, f.familyId,
      [...f.subjectMemberIds].sort(), f.targetKind, f.targetId, f.sourceOrganisationId, f.category, [...f.fields].sort(), f.decision, f.basis, [...f.basisRefs].sort(), f.reason, f.breakGlass]);

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log_v1', seedDemoWorld: false });
    world = newWorld(sut);
    // The only family of this database: its chain is the only chain of a family.
    c = await circleOfCare(world);
    chain = `family:${c.family.id}`;
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
    const sodium = await loadSodium();
    const [record] = (await superuser.query<{ id: string; source_organisation_id: string }>(`SELECT id, source_organisation_id FROM record WHERE family_id = $1 ORDER BY id LIMIT 1`, [c.family.id])).rows;
    const [consent] = (await superuser.query<{ id: string; subject_member_id: string }>(`SELECT id, subject_member_id FROM consent WHERE family_id = $1 ORDER BY id LIMIT 1`, [c.family.id])).rows;
    const at = new Date(Date.now() - 3600_000);
    const common = { occurredAt: at, traceId: 'ab'.repeat(16), actorKind: 'PROFESSIONAL', actorId: c.wmo.professional.id, actorOrganisationId: c.wmo.id, actorRole: 'PROFESSIONAL', purpose: 'CASE_COORDINATION', familyId: c.family.id, breakGlass: false };
    const facts: V1Facts[] = [
      { ...common, activity: 'READ_FAMILY_FILE', subjectMemberIds: [c.mother.id], targetKind: 'RECORD', targetId: record?.id ?? null, sourceOrganisationId: record?.source_organisation_id ?? null, category: 'CONTACT', fields: ['phone', 'address'], decision: 'ALLOWED', basis: 'CONSENT', basisRefs: [consent?.id ?? ''], reason: null },
      { ...common, activity: 'READ_FAMILY_FILE', subjectMemberIds: [], targetKind: 'FAMILY', targetId: null, sourceOrganisationId: null, category: null, fields: [], decision: 'DENIED', basis: null, basisRefs: [], reason: 'UNKNOWN_PURPOSE' },
      { ...common, actorKind: 'CITIZEN', actorId: consent?.subject_member_id ?? null, actorOrganisationId: null, actorRole: 'FAMILY_MEMBER', activity: 'SIGN_CONSENT', purpose: null, subjectMemberIds: [consent?.subject_member_id ?? ''], targetKind: 'CONSENT', targetId: consent?.id ?? null, sourceOrganisationId: null, category: null, fields: ['CONTACT'], decision: 'ALLOWED', basis: 'DATA_SUBJECT', basisRefs: [consent?.id ?? ''], reason: null },
    ];

    // The schema as it was before target_ids, and entries written into it the way the old writer did.
    const migrations = createDataSource({ url: sut.database.url });
    await migrations.initialize();
    try {
      // Back to before AddAccessLogTargetIds, undoing the migrations that came after it too.
      const hasTargetIds = async () => (await superuser.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'access_log_entry' AND column_name = 'target_ids'`)).rowCount === 1;
      for (let undone = 0; undone < migrations.migrations.length && (await hasTargetIds()); undone++) await migrations.undoLastMigration({ transaction: 'each' });
      expect(await hasTargetIds()).toBe(false);
      old.push(...(await writeOldEntries(superuser, sodium, chain, facts, v1Encoding)));
      // Signed as the gateway ran then: a checkpoint over the last old entry. Today's gateway authenticates against
      // today's schema (a deactivated professional is refused), which the reverted schema lacks; the checkpoint is
      // signed by the same code the mutation runs.
      expect((await sut.app.get(AccessLogIntegrityService).checkpoint()).signed).toBeGreaterThan(0);
      // Now the migration, on a log that holds entries.
      await migrations.runMigrations({ transaction: 'each' });
    } finally {
      await migrations.destroy();
    }
    // The chain goes on with entries of the new shape.
    expect((await sut.graphql(READ, { token: await world.tokenFor(c.wmo), variables: { id: c.family.id, purpose: 'CASE_COORDINATION' } })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  it('the old entries keep target_id and no target_ids; the chain, old and new, verifies with the checkpoint over the old part', async () => {
    const rows = (
      await superuser.query<{ id: string; sequence: string; target_id: string | null; target_ids: string[] | null; decisions: unknown[] | null }>(
        `SELECT id, sequence, target_id, target_ids, decisions FROM access_log_entry WHERE chain_key = $1 ORDER BY sequence`,
        [chain],
      )
    ).rows;
    expect(rows.slice(0, 3).map((r) => r.id)).toEqual(old);
    expect(rows.slice(0, 3).map((r) => r.target_ids)).toEqual([null, null, null]);
    expect(rows.slice(0, 3).map((r) => r.target_id === null)).toEqual([false, true, false]);
    expect(rows.length).toBeGreaterThan(3);
    // The entries written since are of the present shape (v3): their decisions listed, the old target columns empty.
    expect(rows.slice(3).every((r) => r.target_id === null && r.target_ids === null && (r.decisions?.length ?? 0) > 0)).toBe(true);
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null, entriesChecked: rows.length, checkpointsVerified: 1 });
  });

  it('the API shows an old entry\'s one target as targetIds too', async () => {
    const entries = await sut.graphql<{ accessLog: { edges: { node: { id: string; targetId: string | null; targetIds: string[] } }[] } }>(
      `query($f: ID!) { accessLog(filter: { familyId: $f }, first: 200) { edges { node { id targetId targetIds } } } }`,
      { token: await world.tokenFor(c.chainOfficer), variables: { f: c.family.id } },
    );
    const byId = new Map(entries.data?.accessLog.edges.map((e) => [e.node.id, e.node]));
    const [withTarget, withoutTarget] = [byId.get(old[0] as string), byId.get(old[1] as string)];
    expect(withTarget?.targetIds).toEqual([withTarget?.targetId]);
    expect(withTarget?.targetId).toEqual(expect.any(String));
    expect(withoutTarget).toMatchObject({ targetId: null, targetIds: [] });
  });

  describe('changing the target columns behind the application\'s back is CHANGED, naming the entry', () => {
    /** Runs the statements with triggers off, asks verifyAccessLog, and puts the chain back as it was. */
    const tampered = (statements: string[]) => withChainTampered(superuser, chain, statements, async () => (await verify())?.firstBroken);
    /** The first entry of the present shape (v3) whose first decision lists at least `minTargets` targets. */
    const newEntry = async (minTargets: number) =>
      (
        await superuser.query<{ id: string; sequence: string }>(
          `SELECT id, sequence FROM access_log_entry WHERE chain_key = $1 AND jsonb_array_length(decisions -> 0 -> 'targetIds') >= $2 ORDER BY sequence LIMIT 1`,
          [chain, minTargets],
        )
      ).rows[0];
    afterEach(async () => {
      expect((await verify())?.firstBroken ?? null).toBeNull();
    });

    it('an old entry\'s target_id altered', async () => {
      expect(await tampered([`UPDATE access_log_entry SET target_id = '${c.father.id}' WHERE id = '${old[0]}'`])).toMatchObject({ problem: 'CHANGED', sequence: 1, entryId: old[0] });
    });

    it('an old entry turned into a new one, with the same target', async () => {
      expect(await tampered([`UPDATE access_log_entry SET target_ids = ARRAY[target_id], target_id = NULL WHERE id = '${old[2]}'`])).toMatchObject({ problem: 'CHANGED', sequence: 3, entryId: old[2] });
      expect(await tampered([`UPDATE access_log_entry SET target_ids = '{}' WHERE id = '${old[1]}'`])).toMatchObject({ problem: 'CHANGED', sequence: 2, entryId: old[1] });
    });

    it('an old entry given target_ids beside its target_id', async () => {
      expect(await tampered([`UPDATE access_log_entry SET target_ids = ARRAY[target_id] WHERE id = '${old[0]}'`])).toMatchObject({ problem: 'CHANGED', sequence: 1, entryId: old[0] });
    });

    it("a new entry's targets reordered, shortened or emptied in its decisions", async () => {
      const entry = await newEntry(2);
      expect(entry).toBeDefined();
      const targets = `decisions -> 0 -> 'targetIds'`;
      for (const change of [
        `(SELECT jsonb_agg(t ORDER BY t DESC) FROM jsonb_array_elements(${targets}) t)`,
        `(${targets}) - 0`,
        `'[]'::jsonb`,
      ]) {
        expect(await tampered([`UPDATE access_log_entry SET decisions = jsonb_set(decisions, '{0,targetIds}', ${change}) WHERE id = '${entry?.id}'`])).toMatchObject({
          problem: 'CHANGED',
          sequence: Number(entry?.sequence),
          entryId: entry?.id,
        });
      }
    });

    it('a new entry given a target_id or target_ids, or turned into an old one', async () => {
      const entry = await newEntry(1);
      const first = `(decisions -> 0 -> 'targetIds' ->> 0)::uuid`;
      expect(await tampered([`UPDATE access_log_entry SET target_id = ${first} WHERE id = '${entry?.id}'`])).toMatchObject({ problem: 'CHANGED', entryId: entry?.id });
      expect(await tampered([`UPDATE access_log_entry SET target_ids = ARRAY[${first}] WHERE id = '${entry?.id}'`])).toMatchObject({ problem: 'CHANGED', entryId: entry?.id });
      expect(await tampered([`UPDATE access_log_entry SET target_id = ${first}, decisions = NULL WHERE id = '${entry?.id}'`])).toMatchObject({ problem: 'CHANGED', entryId: entry?.id });
    });
  });

  it('a family id typed in capitals is logged on the family\'s own chain, in lower case, and verifies', async () => {
    const capitals = c.family.id.toUpperCase();
    const before = Number((await superuser.query<{ n: string }>(`SELECT count(*) AS n FROM access_log_entry WHERE chain_key = $1`, [chain])).rows[0]?.n);
    expect((await sut.graphql(READ, { token: await world.tokenFor(c.wmo), variables: { id: capitals, purpose: 'CASE_COORDINATION' } })).errors).toBeUndefined();
    // Refused (Veilig Thuis is not involved), with the id asked for as its target.
    await sut.graphql(READ, { token: await world.tokenFor(c.childSafety), variables: { id: capitals, purpose: 'CHILD_PROTECTION' } });
    expect((await superuser.query(`SELECT DISTINCT chain_key FROM access_log_entry WHERE chain_key <> 'kring'`)).rows).toEqual([{ chain_key: chain }]);
    expect(Number((await superuser.query<{ n: string }>(`SELECT count(*) AS n FROM access_log_entry WHERE chain_key = $1`, [chain])).rows[0]?.n)).toBeGreaterThan(before + 1);
    const refusal = (await superuser.query(`SELECT decisions -> 0 -> 'targetIds' AS target_ids FROM access_log_entry WHERE actor_organisation_id = $1`, [c.childSafety.id])).rows;
    expect(refusal).toEqual([{ target_ids: [c.family.id] }]);
    expect(await verify(null)).toMatchObject({ intact: true, firstBroken: null });
  });
});
