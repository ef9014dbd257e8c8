import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { chainKeyOf, type AccessLogFacts } from '@kring/audit';
import { loadSodium } from '@kring/crypto';
import { createDataSource } from '@kring/database';
import { PERSONAS } from '@kring/demo-world';
import { withChainTampered, writeOldEntries } from './support/log-rows';
import { AccessLogIntegrityService } from '../apps/gateway/src/access-log/access-log-integrity.service';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const VERIFY = `query($familyId: ID) { verifyAccessLog(familyId: $familyId) { intact entriesChecked checkpointsVerified firstBroken { sequence entryId problem } } }`;
const LOG = `query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 100) { edges { node { id decision category targetIds
  decisions { targetKind targetIds category fields outcome basis basisRefs reason sourceOrganisation { id } } } } } }`;

interface LogNode {
  id: string;
  decision: string;
  category: string | null;
  targetIds: string[];
  decisions: { targetKind: string | null; targetIds: string[]; category: string | null; fields: string[]; outcome: string; basis: string | null; basisRefs: string[]; reason: string | null; sourceOrganisation: { id: string } | null }[];
}

/**
 * The change of shape on a log that holds entries of the shape before it (v2: one group of
 * decisions per entry, its targets in target_ids), written the way the writer of that time
 * wrote them: the migration keeps them as they were, their chain runs on with entries of the
 * present shape, and the whole verifies, filters and lists as one log.
 */
describe('entries of the shape before DESIGN.md §10 (encoding v2) across the change of shape', () => {
  let sut: TestGateway;
  let superuser: pg.Client;
  const familyId = randomUUID();
  const chain = chainKeyOf(familyId);
  const [member, other] = [randomUUID(), randomUUID()];
  const [record1, record2] = [randomUUID(), randomUUID()];
  const organisationId = randomUUID();
  const old: string[] = [];
  let token: string;

  /** The v2 encoding as the writer of that time hashed it (libs/audit/src/chain.ts before v3), frozen here on purpose. */
  const v2Encoding = (f: V2Facts) =>
    JSON.stringify(['kring-log-v2', chain, f.occurredAt.toISOString(), f.traceId, f.actorKind, f.actorId, f.actorOrganisationId, f.actorRole, f.activity, f.purpose, f.familyId,
      [...f.subjectMemberIds].sort(), f.targetKind, f.targetIds, f.sourceOrganisationId, f.category, [...f.fields].sort(), f.decision, f.basis, [...f.basisRefs].sort(), f.reason, f.breakGlass]);
  interface V2Facts {
    occurredAt: Date; traceId: string; actorKind: string; actorId: string | null; actorOrganisationId: string | null; actorRole: string | null; activity: string; purpose: string | null;
    familyId: string; subjectMemberIds: string[]; targetKind: string | null; targetIds: string[]; sourceOrganisationId: string | null; category: string | null; fields: string[];
    decision: string; basis: string | null; basisRefs: string[]; reason: string | null; breakGlass: boolean;
  }

  const verify = async () =>
    (await sut.graphql<{ verifyAccessLog: { intact: boolean; entriesChecked: number; checkpointsVerified: number; firstBroken: { sequence: number; entryId: string | null; problem: string } | null } }>(VERIFY, {
      token,
      variables: { familyId },
    })).data?.verifyAccessLog;
  const log = async (filter: Record<string, unknown>) => {
    const answer = await sut.graphql<{ accessLog: { edges: { node: LogNode }[] } }>(LOG, { token, variables: { filter: { familyId, ...filter } } });
    expect(answer.errors).toBeUndefined();
    return answer.data?.accessLog.edges.map((e) => e.node) ?? [];
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log_v2', seedDemoWorld: true });
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
    const persona = PERSONAS['keten-fg'];
    if (persona?.kind !== 'professional') throw new Error('the keten-fg persona is missing');
    token = await (sut.devIssuer as NonNullable<TestGateway['devIssuer']>).sign({ kind: 'professional', professionalId: persona.professionalId });
    const sodium = await loadSodium();
    const at = new Date(Date.now() - 40 * 24 * 3600_000);
    const common = { occurredAt: at, traceId: 'cd'.repeat(16), actorKind: 'PROFESSIONAL', actorId: randomUUID(), actorOrganisationId: organisationId, actorRole: 'PROFESSIONAL', activity: 'READ_FAMILY_FILE', purpose: 'CASE_COORDINATION', familyId, breakGlass: false };
    const facts: V2Facts[] = [
      { ...common, subjectMemberIds: [member, other], targetKind: 'RECORD', targetIds: [record1, record2], sourceOrganisationId: organisationId, category: 'FINANCES', fields: ['debts'], decision: 'ALLOWED', basis: 'OWN_RECORD', basisRefs: [], reason: null },
      { ...common, occurredAt: new Date(at.getTime() + 1000), subjectMemberIds: [member], targetKind: 'RECORD', targetIds: [record2], sourceOrganisationId: organisationId, category: 'HEALTH', fields: ['diagnosis'], decision: 'DENIED', basis: null, basisRefs: [], reason: 'PURPOSE_EXCLUDES_CATEGORY' },
    ];

    // The schema as it was before the change of shape (the log is still empty), and entries written into it the way the v2 writer did.
    const migrations = createDataSource({ url: sut.database.url });
    await migrations.initialize();
    try {
      const hasDecisions = async () => (await superuser.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'access_log_entry' AND column_name = 'decisions'`)).rowCount === 1;
      // Back to before ReshapeAccessLog, undoing the migrations that came after it too.
      for (let undone = 0; undone < migrations.migrations.length && (await hasDecisions()); undone++) await migrations.undoLastMigration({ transaction: 'each' });
      expect(await hasDecisions()).toBe(false);
      old.push(...(await writeOldEntries(superuser, sodium, chain, facts, v2Encoding)));
      // Signed as the gateway of that time would have: a checkpoint over the last old entry.
      // Today's gateway authenticates against today's schema (a deactivated professional is refused), which the reverted
      // schema lacks; the checkpoint is signed by the same code the mutation runs.
      expect((await sut.app.get(AccessLogIntegrityService).checkpoint()).signed).toBeGreaterThan(0);
      // Now the change of shape, on a log that holds entries.
      await migrations.runMigrations({ transaction: 'each' });
      expect(await hasDecisions()).toBe(true);
    } finally {
      await migrations.destroy();
    }
    // The chain goes on with an entry of the present shape.
    const present: AccessLogFacts = {
      ...common,
      actorKind: 'PROFESSIONAL',
      activity: 'READ_FAMILY_FILE',
      occurredAt: new Date(),
      subjectMemberIds: [member],
      decisions: [
        { targetKind: 'RECORD', targetIds: [record1], sourceOrganisationId: organisationId, category: 'FINANCES', fields: ['debts'], outcome: 'ALLOWED', basis: 'OWN_RECORD', basisRefs: [], reason: null },
        { targetKind: 'RECORD', targetIds: [record2], sourceOrganisationId: organisationId, category: 'HEALTH', fields: ['diagnosis'], outcome: 'DENIED', basis: null, basisRefs: [], reason: 'PURPOSE_EXCLUDES_CATEGORY' },
      ],
    };
    await sut.dataSource.transaction((manager) => sut.accessLog.append(manager, [present]));
  });
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  it('the old entries are kept as they were; the chain, old and new, verifies with the checkpoint over the old part', async () => {
    const rows = (await superuser.query<{ id: string; target_ids: string[] | null; decisions: unknown[] | null; facets: string[] }>(`SELECT id, target_ids, decisions, facets FROM access_log_entry WHERE chain_key = $1 ORDER BY sequence`, [chain])).rows;
    expect(rows.map((r) => r.id).slice(0, 2)).toEqual(old);
    expect(rows.slice(0, 2).map((r) => [r.target_ids, r.decisions])).toEqual([[[record1, record2], null], [[record2], null]]);
    expect(rows[2]?.decisions).toHaveLength(2);
    // The facets cover both shapes alike: the migration's for the copied v2 entries, the writer's for the v3 ones.
    expect(rows[0]?.facets).toEqual(expect.arrayContaining(['o:ALLOWED', 'c:FINANCES', `s:${organisationId}`, 'b:OWN_RECORD']));
    expect(rows[2]?.facets).toEqual(expect.arrayContaining(['o:ALLOWED', 'o:DENIED', 'c:FINANCES', 'c:HEALTH', 'r:PURPOSE_EXCLUDES_CATEGORY']));
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null, entriesChecked: 3, checkpointsVerified: 1 });
  });

  it('both shapes list as entries with decisions, and filter alike', async () => {
    const all = await log({});
    expect(all.map((e) => e.id).slice(1)).toEqual([...old].reverse());
    const [present, denied, allowed] = all as [LogNode, LogNode, LogNode];
    expect(present.decision).toBe('PARTLY_ALLOWED');
    expect(present.decisions.map((d) => [d.category, d.outcome])).toEqual([['FINANCES', 'ALLOWED'], ['HEALTH', 'DENIED']]);
    expect(allowed.decisions).toEqual([{ targetKind: 'RECORD', targetIds: [record1, record2], category: 'FINANCES', fields: ['debts'], outcome: 'ALLOWED', basis: 'OWN_RECORD', basisRefs: [], reason: null, sourceOrganisation: null }]);
    expect(denied).toMatchObject({ decision: 'DENIED', category: 'HEALTH', decisions: [{ outcome: 'DENIED', reason: 'PURPOSE_EXCLUDES_CATEGORY' }] });
    // A denial of HEALTH: the present entry (one of its decisions) and the old denied one.
    expect((await log({ decision: 'DENIED', category: 'HEALTH' })).map((e) => e.id)).toEqual([present.id, denied.id]);
    // Denied and FINANCES in one decision: no entry has that, though the present entry has both words.
    expect(await log({ decision: 'DENIED', category: 'FINANCES' })).toEqual([]);
    expect((await log({ decision: 'ALLOWED', category: 'FINANCES' })).map((e) => e.id)).toEqual([present.id, allowed.id]);
    expect((await log({ decision: 'PARTLY_ALLOWED' })).map((e) => e.id)).toEqual([present.id]);
    expect((await log({ reason: 'PURPOSE_EXCLUDES_CATEGORY' })).map((e) => e.id)).toEqual([present.id, denied.id]);
    expect((await log({ sourceOrganisationId: organisationId })).map((e) => e.id)).toEqual([present.id, denied.id, allowed.id]);
    expect(await log({ sourceOrganisationId: randomUUID() })).toEqual([]);
  });

  it('access_log_decision gives one line per decision of either shape, numbered from 0 as the exports number them', async () => {
    const lines = (
      await superuser.query<{ entry_id: string; decision_index: string; entry_outcome: string; outcome: string; category: string; target_ids: string[]; reason: string | null }>(
        `SELECT entry_id, decision_index, entry_outcome, outcome, category, target_ids::text[] AS target_ids, reason FROM access_log_decision WHERE chain_key = $1 ORDER BY sequence, decision_index`,
        [chain],
      )
    ).rows;
    const presentId = (await superuser.query<{ id: string }>(`SELECT id FROM access_log_entry WHERE chain_key = $1 AND sequence = 3`, [chain])).rows[0]?.id;
    expect(lines).toEqual([
      { entry_id: old[0], decision_index: '0', entry_outcome: 'ALLOWED', outcome: 'ALLOWED', category: 'FINANCES', target_ids: [record1, record2], reason: null },
      { entry_id: old[1], decision_index: '0', entry_outcome: 'DENIED', outcome: 'DENIED', category: 'HEALTH', target_ids: [record2], reason: 'PURPOSE_EXCLUDES_CATEGORY' },
      { entry_id: presentId, decision_index: '0', entry_outcome: 'PARTLY_ALLOWED', outcome: 'ALLOWED', category: 'FINANCES', target_ids: [record1], reason: null },
      { entry_id: presentId, decision_index: '1', entry_outcome: 'PARTLY_ALLOWED', outcome: 'DENIED', category: 'HEALTH', target_ids: [record2], reason: 'PURPOSE_EXCLUDES_CATEGORY' },
    ]);
  });

  /** Runs the statements with triggers off, asks verifyAccessLog, and puts the chain back as it was. */
  const tampered = async (statements: string[]) => {
    const found = await withChainTampered(superuser, chain, statements, async () => (await verify())?.firstBroken);
    // Put back as it was, the chain verifies again: the detection came from the tampering alone.
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null });
    return found;
  };

  it("an old entry changed behind the application's back is CHANGED, named, whichever column", async () => {
    for (const change of [`category = 'CONTACT'`, `target_ids = ARRAY[target_ids[2], target_ids[1]]`, `decisions = '[]'::jsonb`, `facets = array_remove(facets, 'c:FINANCES')`]) {
      expect(await tampered([`UPDATE access_log_entry SET ${change} WHERE id = '${old[0]}'`])).toEqual({ sequence: 1, entryId: old[0], problem: 'CHANGED' });
    }
  });

  it('across the change of shape, a deleted, inserted or swapped entry is located', async () => {
    const [, second] = old as [string, string];
    // The last old entry deleted: the first new one links to nothing the chain holds.
    expect(await tampered([`DELETE FROM access_log_entry WHERE id = '${second}'`])).toMatchObject({ sequence: 2, entryId: null, problem: 'MISSING' });
    // The last old entry and the first new one swapped.
    expect(
      await tampered([
        `UPDATE access_log_entry SET sequence = -1 WHERE chain_key = '${chain}' AND sequence = 2`,
        `UPDATE access_log_entry SET sequence = 2 WHERE chain_key = '${chain}' AND sequence = 3`,
        `UPDATE access_log_entry SET sequence = 3 WHERE chain_key = '${chain}' AND sequence = -1`,
      ]),
    ).toMatchObject({ sequence: 2, problem: 'REORDERED' });
    // A copy of the last old entry put in between the shapes, renumbering what follows.
    expect(
      await tampered([
        `UPDATE access_log_entry SET sequence = sequence + 1 WHERE chain_key = '${chain}' AND sequence = 3`,
        `DROP TABLE IF EXISTS copied_v2`,
        `CREATE TABLE copied_v2 AS SELECT * FROM saved_chain WHERE id = '${second}'`,
        `UPDATE copied_v2 SET id = gen_random_uuid(), sequence = 3`,
        `INSERT INTO access_log_entry SELECT * FROM copied_v2`,
      ]),
      // Two identical entries in a row: the first of them is the one whose successor links past it.
    ).toMatchObject({ sequence: 2, entryId: expect.any(String), problem: 'INSERTED' });
  });
});
