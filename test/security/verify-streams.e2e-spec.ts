import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { chainKeyOf, entryHash, storedFactsOf } from '@kring/audit';
import { readEntryFacts } from '../../libs/audit/src/read-entry.fixture';
import { AccessLogIntegrityService } from '../../apps/gateway/src/access-log/access-log-integrity.service';
import { LogVerificationMode } from '../../apps/gateway/src/access-log/access-log.model';
import { newWorld } from '../support/factories';
import { observeStatements, type ObservedStatement } from '../support/statement-rows';
import { putBackLogRows } from '../support/log-rows';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { Domain, ProfessionalRole } from '@kring/identity';

/**
 * verifyAccessLog once loaded a whole chain as entities and ran the gateway out of memory
 * at 1.83 million entries. It now reads a chain in keyset batches. Bounded memory is proven
 * here by structure, not by timing or heap size: on a chain of a few thousand entries, no
 * statement of a verification hands the gateway more than one batch of rows.
 */
const FAMILY = '0b6f3c1e-00b0-4c8a-9a51-0000000000b0';
/** And one for the export, which logs itself on the family's chain. */
const EXPORTED_FAMILY = '0b6f3c1e-00d0-4c8a-9a51-0000000000d0';
const ENTRIES = 2_500;
const DEFAULT_BATCH = 1_000;

const entry = (n: number, familyId = FAMILY) => readEntryFacts(n, familyId);

/** The statements that read entries of the log, and the most rows one of them returned. */
const entryReads = (statements: readonly ObservedStatement[]) => statements.filter((s) => /FROM "?access_log_entry"?/.test(s.text) && /^\s*SELECT/i.test(s.text));
const mostRows = (statements: readonly ObservedStatement[]) => Math.max(0, ...statements.map((s) => s.rows));

describe('verifyAccessLog streams a chain in batches: memory bounded whatever its length', () => {
  let sut: TestGateway;
  let superuser: pg.Client;
  let integrity: AccessLogIntegrityService;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'verify_streams', seedDemoWorld: false });
    integrity = sut.app.get(AccessLogIntegrityService);
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
    for (const familyId of [FAMILY, EXPORTED_FAMILY]) await grow(familyId, 1, ENTRIES);
  });

  /** Appends entries `from`..`to` to the family's chain, 250 at a time, with a checkpoint signed after every 500th. */
  async function grow(familyId: string, from: number, to: number, checkpoints = true): Promise<void> {
    for (let start = from; start <= to; start += 250) {
      const facts = Array.from({ length: Math.min(250, to - start + 1) }, (_, i) => entry(start + i, familyId));
      await sut.dataSource.transaction((manager) => sut.accessLog.append(manager, facts));
      if (checkpoints && (start + facts.length - 1) % 500 === 0) await integrity.checkpoint();
    }
  }
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  it(`a chain of ${ENTRIES} entries verifies intact, and no statement hands over more than one batch (${DEFAULT_BATCH} rows)`, async () => {
    const { result, statements } = await observeStatements(sut.dataSource, () => integrity.verify(FAMILY));
    expect(result).toMatchObject({ intact: true, chainsChecked: 1, entriesChecked: ENTRIES, checkpointsVerified: 5, firstBroken: null });
    const reads = entryReads(statements);
    expect(mostRows(reads)).toBeLessThanOrEqual(DEFAULT_BATCH);
    // Every entry came through a batch: 2,500 rows in at least three statements.
    expect(reads.reduce((sum, s) => sum + s.rows, 0)).toBeGreaterThanOrEqual(ENTRIES);
    expect(reads.length).toBeGreaterThanOrEqual(Math.ceil(ENTRIES / DEFAULT_BATCH));
    expect(await superuser.query(`SELECT count(*)::int AS n FROM access_log_entry WHERE chain_key = $1`, [chainKeyOf(FAMILY)])).toMatchObject({ rows: [{ n: ENTRIES }] });
  });

  describe('with a batch of 100 rows, tampering on either side of a batch boundary is named as in one whole-chain batch', () => {
    const chain = chainKeyOf(FAMILY);
    /** Verifies the family with 100 rows a batch and with the whole chain in one, after tampering with superuser SQL (triggers off), then puts the chain back. */
    async function tampered(statements: string[]) {
      await superuser.query(`SET session_replication_role = replica`);
      try {
        for (const statement of statements) await superuser.query(statement);
        const small = await observeStatements(sut.dataSource, () => integrity.verify(FAMILY, { batchSize: 100 }));
        const whole = await integrity.verify(FAMILY, { batchSize: 5_000 });
        expect(mostRows(entryReads(small.statements))).toBeLessThanOrEqual(100);
        expect(small.result.firstBroken).toEqual(whole.firstBroken);
        return small.result.firstBroken;
      } finally {
        await superuser.query(`DELETE FROM access_log_entry WHERE chain_key = $1`, [chain]);
        await putBackLogRows(superuser, 'saved_entries');
        await superuser.query(`DELETE FROM access_log_checkpoint WHERE chain_key = $1`, [chain]);
        await superuser.query(`INSERT INTO access_log_checkpoint SELECT * FROM saved_checkpoints`);
        await superuser.query(`UPDATE access_log_chain_head h SET sequence = s.sequence, entry_hash = s.entry_hash FROM saved_head s WHERE h.chain_key = s.chain_key`);
        await superuser.query(`SET session_replication_role = origin`);
      }
    }
    const idAt = async (sequence: number) => (await superuser.query<{ id: string }>(`SELECT id FROM access_log_entry WHERE chain_key = $1 AND sequence = $2`, [chain, sequence])).rows[0]?.id;

    beforeEach(async () => {
      for (const [copy, table] of [['saved_entries', 'access_log_entry'], ['saved_checkpoints', 'access_log_checkpoint'], ['saved_head', 'access_log_chain_head']]) {
        await superuser.query(`DROP TABLE IF EXISTS ${copy}`);
        await superuser.query(`CREATE TABLE ${copy} AS SELECT * FROM ${table} WHERE chain_key = $1`, [chain]);
      }
    });
    afterEach(async () => {
      // Put back, the chain verifies again: what was found came from the tampering alone.
      expect(await integrity.verify(FAMILY, { batchSize: 100 })).toMatchObject({ intact: true, entriesChecked: ENTRIES, checkpointsVerified: 5 });
    });

    it.each([100, 101])('an entry changed at %i is CHANGED', async (sequence) => {
      expect(await tampered([`UPDATE access_log_entry SET fields = array_append(fields, 'bsn') WHERE chain_key = '${chain}' AND sequence = ${sequence}`])).toEqual({
        chainKey: chain, sequence, entryId: await idAt(sequence), problem: 'CHANGED',
      });
    });

    it('an entry deleted at 201, the first of a batch, is MISSING; deleted and the rest renumbered, too', async () => {
      expect(await tampered([`DELETE FROM access_log_entry WHERE chain_key = '${chain}' AND sequence = 201`])).toMatchObject({ sequence: 201, entryId: null, problem: 'MISSING' });
      expect(
        await tampered([
          `DELETE FROM access_log_entry WHERE chain_key = '${chain}' AND sequence = 200`,
          `UPDATE access_log_entry SET sequence = -sequence WHERE chain_key = '${chain}' AND sequence > 200`,
          `UPDATE access_log_entry SET sequence = -sequence - 1 WHERE chain_key = '${chain}' AND sequence < 0`,
        ]),
      ).toMatchObject({ sequence: 200, entryId: null, problem: 'MISSING' });
    });

    it('an entry put in at 301 with a correctly computed hash and link is INSERTED', async () => {
      const id300 = await idAt(300);
      const { rows } = await superuser.query<{ entry_hash: Buffer }>(`SELECT entry_hash FROM access_log_entry WHERE id = $1`, [id300]);
      const forged = storedFactsOf({ ...entry(99_999), purpose: 'FORGED' });
      const hash = Buffer.from(entryHash(sut.crypto.sodium, new Uint8Array(rows[0]?.entry_hash ?? []), chain, forged));
      const broken = await tampered([
        `UPDATE access_log_entry SET sequence = -sequence WHERE chain_key = '${chain}' AND sequence > 300`,
        `UPDATE access_log_entry SET sequence = -sequence + 1 WHERE chain_key = '${chain}' AND sequence < 0`,
        `INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id, subject_member_ids, decision, break_glass, decisions, facets, fields, basis_refs, previous_hash, entry_hash)
         SELECT gen_random_uuid(), chain_key, 301, '${forged.occurredAt.toISOString()}', '${forged.traceId}', actor_kind, actor_id, actor_organisation_id, actor_role, activity, 'FORGED', family_id, subject_member_ids,
                '${forged.decision}', false, '${JSON.stringify(forged.decisions)}'::jsonb, '{${forged.facets.join(',')}}', '{}', '{}', entry_hash, '\\x${hash.toString('hex')}' FROM access_log_entry WHERE id = '${id300}'`,
      ]);
      expect(broken).toMatchObject({ sequence: 301, entryId: expect.any(String), problem: 'INSERTED' });
    });

    it('two entries swapped across a boundary (100 and 101) are REORDERED', async () => {
      const [a, b] = [await idAt(100), await idAt(101)];
      expect(
        await tampered([
          `UPDATE access_log_entry SET sequence = -1 WHERE id = '${a}'`,
          `UPDATE access_log_entry SET sequence = 100 WHERE id = '${b}'`,
          `UPDATE access_log_entry SET sequence = 101 WHERE id = '${a}'`,
        ]),
      ).toEqual({ chainKey: chain, sequence: 100, entryId: b, problem: 'REORDERED' });
    });

    it('the last entries removed are TRUNCATED; a head moved back names the first entry past it as INSERTED', async () => {
      expect(await tampered([`DELETE FROM access_log_entry WHERE chain_key = '${chain}' AND sequence > 2450`])).toMatchObject({ sequence: 2451, entryId: null, problem: 'TRUNCATED' });
      expect(await tampered([`UPDATE access_log_chain_head SET sequence = 2400 WHERE chain_key = '${chain}'`])).toEqual({ chainKey: chain, sequence: 2401, entryId: await idAt(2401), problem: 'INSERTED' });
    });

    it('a checkpoint whose signature no longer verifies is CHECKPOINT_INVALID; one past the end is TRUNCATED', async () => {
      expect(await tampered([`UPDATE access_log_checkpoint SET signature = '\\x${'00'.repeat(64)}' WHERE chain_key = '${chain}' AND sequence = 1000`])).toEqual({
        chainKey: chain, sequence: 1000, entryId: await idAt(1000), problem: 'CHECKPOINT_INVALID',
      });
      expect(await tampered([`DELETE FROM access_log_entry WHERE chain_key = '${chain}' AND sequence > 2000`, `UPDATE access_log_chain_head SET sequence = 2000 WHERE chain_key = '${chain}'`])).toMatchObject({
        sequence: 2500, entryId: null, problem: 'TRUNCATED',
      });
    });
  });

  describe('verifying from the last checkpoint a verification found intact', () => {
    const SINCE = { mode: LogVerificationMode.SINCE_VERIFIED_CHECKPOINT };

    it('reads only from that checkpoint\'s entry on, and still names a break after it; a FULL verification still finds one before it', async () => {
      // A chain of its own, grown here: verifying every chain (another test) would mark a shared one verified.
      const GROWING_FAMILY = randomUUID();
      const chain = chainKeyOf(GROWING_FAMILY);
      await grow(GROWING_FAMILY, 1, ENTRIES);
      // Unverified so far: the first verification from a checkpoint reads everything, and records the last checkpoint (2,500).
      expect(await integrity.verify(GROWING_FAMILY, SINCE)).toMatchObject({ intact: true, mode: 'SINCE_VERIFIED_CHECKPOINT', entriesChecked: ENTRIES, entriesSkipped: 0, checkpointsVerified: 5 });
      expect((await superuser.query(`SELECT sequence::int FROM access_log_verified_checkpoint WHERE chain_key = $1`, [chain])).rows).toEqual([{ sequence: ENTRIES }]);
      await grow(GROWING_FAMILY, ENTRIES + 1, ENTRIES + 300, false);

      const { result, statements } = await observeStatements(sut.dataSource, () => integrity.verify(GROWING_FAMILY, { ...SINCE, batchSize: 100 }));
      // The checkpoint's own entry is read again (its hash against the signature), then the 300 after it.
      expect(result).toMatchObject({ intact: true, entriesChecked: 301, entriesSkipped: ENTRIES - 1, checkpointsVerified: 1, firstBroken: null });
      expect(entryReads(statements).reduce((sum, s) => sum + s.rows, 0)).toBeLessThanOrEqual(302);

      await superuser.query(`SET session_replication_role = replica`);
      try {
        await superuser.query(`UPDATE access_log_entry SET purpose = 'FORGED' WHERE chain_key = $1 AND sequence IN (10, ${ENTRIES + 100})`, [chain]);
        expect((await integrity.verify(GROWING_FAMILY, SINCE)).firstBroken).toMatchObject({ sequence: ENTRIES + 100, problem: 'CHANGED' });
        await superuser.query(`UPDATE access_log_entry e SET purpose = 'CASE_COORDINATION' WHERE chain_key = $1 AND sequence = ${ENTRIES + 100}`, [chain]);
        // Before the verified checkpoint, only a FULL verification looks: the trade-off of starting there.
        expect(await integrity.verify(GROWING_FAMILY, SINCE)).toMatchObject({ intact: true, entriesSkipped: ENTRIES - 1 });
        expect((await integrity.verify(GROWING_FAMILY)).firstBroken).toMatchObject({ sequence: 10, problem: 'CHANGED' });
        await superuser.query(`UPDATE access_log_entry SET purpose = 'CASE_COORDINATION' WHERE chain_key = $1 AND sequence = 10`, [chain]);
      } finally {
        await superuser.query(`SET session_replication_role = origin`);
      }
      expect(await integrity.verify(GROWING_FAMILY)).toMatchObject({ intact: true, mode: 'FULL', entriesChecked: ENTRIES + 300, entriesSkipped: 0 });
    });
  });

  it('verifying every chain reads the chain keys a batch at a time too, and visits every chain, with or without a head', async () => {
    const small = ['0b6f3c1e-00e1-4c8a-9a51-0000000000e1', '0b6f3c1e-00e2-4c8a-9a51-0000000000e2', '0b6f3c1e-00e3-4c8a-9a51-0000000000e3', '0b6f3c1e-00e4-4c8a-9a51-0000000000e4'];
    for (const familyId of small) await grow(familyId, 1, 3, false);
    // A chain whose head row is gone is still found, through its entries.
    await superuser.query(`DELETE FROM access_log_chain_head WHERE chain_key = $1`, [chainKeyOf(small[3] as string)]);
    const { rows } = await superuser.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT chain_key FROM access_log_entry UNION SELECT chain_key FROM access_log_chain_head) AS k`);
    const { result, statements } = await observeStatements(sut.dataSource, () => integrity.verify(null, { batchSize: 2 }));
    expect(result).toMatchObject({ intact: true, chainsChecked: rows[0]?.n });
    // At least the two long chains every test has, and these four: more than a batch of two, many times.
    expect(rows[0]?.n).toBeGreaterThanOrEqual(6);
    expect(mostRows(statements.filter((s) => s.text.includes('WITH RECURSIVE')))).toBeLessThanOrEqual(2);
    expect(mostRows(entryReads(statements))).toBeLessThanOrEqual(2);
  });

  it('the export pages through a chain too: no statement hands over more than one page of 500 (and the one that tells there is more)', async () => {
    const world = newWorld(sut);
    const chainOfficer = await world.partner(Domain.WMO, { roles: [ProfessionalRole.CHAIN_PRIVACY_OFFICER] });
    const token = await world.tokenFor(chainOfficer);
    const { result, statements } = await observeStatements(sut.dataSource, () =>
      request(sut.app.getHttpServer() as App).get(`/access-log/export?format=jsonl&familyId=${EXPORTED_FAMILY}`).set('authorization', `Bearer ${token}`),
    );
    expect(result.status).toBe(200);
    // Every entry of the chain, and the export's own entry, logged first.
    expect(result.text.trim().split('\n')).toHaveLength(ENTRIES + 1);
    expect(mostRows(entryReads(statements))).toBeLessThanOrEqual(501);
  });
});
