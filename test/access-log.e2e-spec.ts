import pg from 'pg';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O } from '@kring/demo-world';
import { createDataSource } from '@kring/database';
import { loadSodium } from '@kring/crypto';
import { entryHash } from '@kring/audit';
import { findSectionType } from '@kring/family-file';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { members { id } involvements { id } records { id sectionType } redactions { path } } }`;
const LOG = `query($filter: AccessLogFilter, $first: Int, $after: String) { accessLog(filter: $filter, first: $first, after: $after) {
  edges { cursor node { id activity purpose decision basis basisRefs reason category fields familyId subjectMemberIds targetKind targetIds targetId basisRefs traceId actor { kind role professionalId name organisation { id } } } }
  pageInfo { hasNextPage endCursor } } }`;
const VERIFY = `query($familyId: ID) { verifyAccessLog(familyId: $familyId) { intact chainsChecked entriesChecked checkpointsVerified firstBroken { chainKey sequence entryId problem } } }`;

interface LogNode {
  id: string;
  activity: string;
  decision: string;
  basis: string | null;
  reason: string | null;
  category: string | null;
  fields: string[];
  subjectMemberIds: string[];
  targetKind: string | null;
  targetIds: string[];
  targetId: string | null;
  basisRefs: string[];
  traceId: string;
  actor: { kind: string; role: string | null; professionalId: string | null; name: string | null; organisation: { id: string } | null };
}

describe('the access log: every decision recorded, tamper-evident, read by privacy officers and families', () => {
  let sut: TestGateway;
  /** Superuser SQL behind the application's back. */
  let superuser: pg.Client;
  const read = async (persona: string, purpose = 'CASE_COORDINATION', headers: Record<string, string> = {}) => {
    void headers;
    return sut.graphql(READ, { token: await sut.tokenFor(persona), variables: { id: DEMO_FAMILY_ID, purpose } });
  };
  const log = async (persona: string, filter: Record<string, unknown> = {}, first = 200) => {
    const answer = await sut.graphql<{ accessLog: { edges: { node: LogNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(LOG, {
      token: await sut.tokenFor(persona),
      variables: { filter, first },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data?.accessLog.edges.map((e) => e.node) ?? [];
  };
  /** Every entry in the caller's view, following the cursors to the end. */
  const logAll = async (persona: string, filter: Record<string, unknown> = {}) => {
    const token = await sut.tokenFor(persona);
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const answer: { data?: { accessLog: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } = await sut.graphql(LOG, {
        token,
        variables: { filter, first: 200, after },
      });
      ids.push(...(answer.data?.accessLog.edges.map((e) => e.node.id) ?? []));
      if (!answer.data?.accessLog.pageInfo.hasNextPage) return ids;
      after = answer.data.accessLog.pageInfo.endCursor;
    }
  };
  const verify = async (familyId: string | null = DEMO_FAMILY_ID) =>
    (await sut.graphql<{ verifyAccessLog: { intact: boolean; firstBroken: { sequence: number; entryId: string | null; problem: string } | null; checkpointsVerified: number } }>(VERIFY, {
      token: await sut.tokenFor('keten-fg'),
      variables: { familyId },
    })).data?.verifyAccessLog;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log' });
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  it('a read writes one entry per group of decisions; together they name every target decided, with its category', async () => {
    const chain = `family:${DEMO_FAMILY_ID}`;
    const [head] = (await superuser.query<{ n: number }>(`SELECT COALESCE(max(sequence), 0)::int AS n FROM access_log_entry WHERE chain_key = $1`, [chain])).rows;
    const answer = await read('wmo');
    expect(answer.errors).toBeUndefined();
    const file = (answer.data as { family: { members: { id: string }[]; involvements: { id: string }[]; records: { id: string }[] } }).family;
    const entries = (
      await superuser.query<{ target_kind: string; target_id: string | null; target_ids: string[] | null; category: string; source_organisation_id: string; decision: string; basis: string | null; reason: string | null; break_glass: boolean }>(
        `SELECT target_kind, target_id, target_ids, category, source_organisation_id, decision, basis, reason, break_glass FROM access_log_entry WHERE chain_key = $1 AND sequence > $2 ORDER BY sequence`,
        [chain, head?.n ?? 0],
      )
    ).rows;
    // New entries list their targets; the single-target column is for entries written before.
    expect(entries.every((e) => e.target_id === null && Array.isArray(e.target_ids) && e.target_ids.length > 0)).toBe(true);
    // One entry per group: no two share kind, category, source, decision, basis, reason and break-glass.
    const groups = entries.map((e) => [e.target_kind, e.category, e.source_organisation_id, e.decision, e.basis, e.reason, e.break_glass].join('|'));
    expect(new Set(groups).size).toBe(entries.length);

    // What was decided: every member in three categories, every involvement, every record in the
    // categories of its stored fields, plus INVOLVEMENT for who wrote it (decided like a field).
    const stored = await superuser.query<{ id: string; section_type: string; fields: string[] }>(`SELECT id, section_type, ARRAY(SELECT jsonb_object_keys(encrypted_fields)) AS fields FROM record WHERE family_id = $1`, [DEMO_FAMILY_ID]);
    const expected = [
      ...file.members.flatMap((m) => ['PERSONAL_IDENTITY', 'NATIONAL_ID', 'HOUSEHOLD'].map((c) => `MEMBER|${m.id}|${c}`)),
      ...file.involvements.map((i) => `INVOLVEMENT|${i.id}|INVOLVEMENT`),
      ...stored.rows.flatMap((r) => [...new Set([...(findSectionType(r.section_type)?.fields ?? []).filter((f) => r.fields.includes(f.name)).map((f) => `RECORD|${r.id}|${f.category}`), `RECORD|${r.id}|INVOLVEMENT`])]),
    ];
    const listed = entries.flatMap((e) => (e.target_ids ?? []).map((id) => `${e.target_kind}|${id}|${e.category}`));
    expect(new Set(listed)).toEqual(new Set(expected));
    expect(file.records.length).toBe(stored.rows.length);
    expect(file.members.length).toBeGreaterThan(0);
    // A record's category has one outcome, so it sits in exactly one entry.
    const records = listed.filter((l) => l.startsWith('RECORD|'));
    expect(records.length).toBe(new Set(records).size);
    expect(new Set(entries.map((e) => e.decision))).toEqual(new Set(['ALLOWED', 'DENIED']));
    // Coarser than one entry per target and category (measured on the demo family: 20 entries
    // for 36 targets-and-categories; one entry per decided target wrote 38).
    expect(entries.length).toBeLessThan(expected.length);
  });

  it('a family member\'s own read is logged too, as READ_OWN_FILE on the basis DATA_SUBJECT; what is outside their reach is not in the view, so not decided or logged', async () => {
    const answer = await sut.graphql(`{ myFamily { id } }`, { token: await sut.tokenFor('marieke') });
    expect(answer.errors).toBeUndefined();
    const rows = await superuser.query<{ decision: string; basis: string | null; reason: string | null }>(
      `SELECT DISTINCT decision, basis, reason FROM access_log_entry WHERE activity = 'READ_OWN_FILE' AND actor_id = $1 ORDER BY 1`,
      [M.marieke],
    );
    expect(rows.rows).toEqual([{ decision: 'ALLOWED', basis: 'DATA_SUBJECT', reason: null }]);
  });

  it('reading consents is an entry naming the receipts shown', async () => {
    const answer = await sut.graphql<{ consents: { id: string }[] }>(`{ consents(familyId: "${DEMO_FAMILY_ID}") { id } }`, { token: await sut.tokenFor('schuldhulp') });
    const shown = (answer.data?.consents ?? []).map((c) => c.id).sort();
    expect(shown.length).toBeGreaterThan(0);
    const rows = await superuser.query<{ basis_refs: string[] }>(`SELECT basis_refs FROM access_log_entry WHERE activity = 'READ_CONSENTS' AND actor_organisation_id = $1`, [O.schuldhulp]);
    expect(rows.rows.map((r) => [...r.basis_refs].sort())).toEqual([shown]);
  });

  it('entries name fields and categories, never values, and carry basis or reason', async () => {
    const entries = await log('keten-fg', { familyId: DEMO_FAMILY_ID, activity: 'READ_FAMILY_FILE' });
    const dump = JSON.stringify(entries);
    for (const value of ['Kerkstraat', '06-12345678', 'ADHD', '23400', 'Marieke de Vries', '123451000']) expect(dump).not.toContain(value);
    const contact = entries.find((e) => e.category === 'CONTACT' && e.decision === 'ALLOWED');
    expect(contact).toMatchObject({ basis: 'CONSENT', reason: null, fields: expect.arrayContaining(['address', 'phone']) });
    const diagnosis = entries.find((e) => e.category === 'HEALTH');
    expect(diagnosis).toMatchObject({ decision: 'DENIED', basis: null, reason: 'PURPOSE_EXCLUDES_CATEGORY' });
  });

  it('a W3C traceparent from the caller becomes the entries\' trace id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await import('supertest').then(({ default: request }) =>
      sut.tokenFor('wmo').then((token) =>
        request(sut.app.getHttpServer())
          .post('/graphql')
          .set('authorization', `Bearer ${token}`)
          .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
          .send({ query: READ, variables: { id: DEMO_FAMILY_ID, purpose: 'SUPPORT_PLANNING' } }),
      ),
    );
    expect(response.headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const rows = await superuser.query(`SELECT count(*)::int AS n FROM access_log_entry WHERE trace_id = $1 AND purpose = 'SUPPORT_PLANNING'`, [traceId]);
    expect(rows.rows[0]?.n).toBeGreaterThan(0);
  });

  it('concurrent reads of one family all succeed and leave an intact chain', async () => {
    const before = await entryCount();
    const answers = await Promise.all(Array.from({ length: 12 }, () => read('wmo')));
    expect(answers.every((a) => a.errors === undefined)).toBe(true);
    expect((await entryCount()) - before).toBeGreaterThan(12);
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null });
  });

  it('a refused read is an entry too: Veilig Thuis, not involved, is logged as denied', async () => {
    await read('veiligthuis', 'CHILD_PROTECTION');
    const rows = await superuser.query(`SELECT decision, reason, family_id FROM access_log_entry WHERE actor_organisation_id = $1`, [O.veiligThuis]);
    expect(rows.rows).toEqual([{ decision: 'DENIED', reason: 'NOT_INVOLVED', family_id: DEMO_FAMILY_ID }]);
  });

  describe('scope', () => {
    it('a chain privacy officer sees every organisation\'s entries, with the professional\'s name', async () => {
      const entries = await log('keten-fg');
      expect(new Set(entries.map((e) => e.actor.organisation?.id))).toEqual(expect.objectContaining({}));
      expect(entries.some((e) => e.actor.organisation?.id === O.veiligThuis)).toBe(true);
      expect(entries.find((e) => e.actor.professionalId === '0b6f3c1e-0004-4c8a-9a51-000000000002')?.actor.name).toBe('Pieter de Jong');
    });

    it('a privacy officer sees entries where their organisation acted or whose records were concerned, nothing else', async () => {
      const ids = await logAll('fg-gemeente');
      expect(ids.length).toBeGreaterThan(0);
      const rows = await superuser.query<{ id: string }>(`SELECT id FROM access_log_entry WHERE actor_organisation_id = $1 OR source_organisation_id = $1`, [O.teamToegang]);
      expect(new Set(ids)).toEqual(new Set(rows.rows.map((r) => r.id)));
    });

    it('a professional without a privacy role cannot read the log', async () => {
      const answer = await sut.graphql(LOG, { token: await sut.tokenFor('wmo') });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('Marieke sees the entries about Daan (14); Sanne (17) does not, and sees only her own', async () => {
      const marieke = await log('marieke');
      const sanne = await log('sanne');
      expect(marieke.some((e) => e.subjectMemberIds.includes(M.daan))).toBe(true);
      expect(sanne.length).toBeGreaterThan(0);
      expect(sanne.every((e) => e.subjectMemberIds.length > 0 && e.subjectMemberIds.every((s) => s === M.sanne))).toBe(true);
      expect(marieke.flatMap((e) => e.subjectMemberIds).filter((s) => s === M.sanne || s === M.johan)).toEqual([]);
    });

    it('an entry covers several members\' targets; a member sees only those in reach, the officer sees all', async () => {
      const filter = { familyId: DEMO_FAMILY_ID, activity: 'READ_FAMILY_FILE' };
      const officer = await log('keten-fg', filter);
      const marieke = await log('marieke', filter);
      const onlyAbout = async (member: string) =>
        (await superuser.query<{ record_id: string }>(`SELECT record_id FROM record_subject GROUP BY record_id HAVING bool_and(member_id = $1)`, [member])).rows.map((r) => r.record_id);
      const johansRecords = await onlyAbout(M.johan);
      const johansConsents = (await superuser.query<{ id: string }>(`SELECT id FROM consent WHERE subject_member_id = $1`, [M.johan])).rows.map((r) => r.id);
      expect(johansRecords.length).toBeGreaterThan(0);
      // The officer's entries hold Johan, his own records and his consents alongside Marieke's...
      const officerIds = officer.flatMap((e) => [...e.targetIds, ...e.basisRefs]);
      expect(officerIds).toEqual(expect.arrayContaining([M.johan, M.marieke, ...johansRecords]));
      expect(officer.some((e) => e.targetIds.includes(M.johan) && e.targetIds.includes(M.marieke))).toBe(true);
      expect(officer.some((e) => e.basisRefs.some((ref) => johansConsents.includes(ref)))).toBe(true);
      // ...Marieke sees the same entries with only her own and Daan's and Lotte's targets and consents.
      const hers = marieke.flatMap((e) => [...e.targetIds, ...e.basisRefs]);
      expect(hers).toEqual(expect.arrayContaining([M.marieke, M.daan, M.lotte]));
      for (const other of [M.johan, M.sanne, ...johansRecords, ...johansConsents, ...(await onlyAbout(M.sanne))]) expect(hers).not.toContain(other);
      expect(marieke.every((e) => e.targetIds.length > 0)).toBe(true);
      // The deprecated single target: the one target, or null when an entry covers several.
      for (const e of [...officer, ...marieke]) expect(e.targetId).toBe(e.targetIds.length === 1 ? e.targetIds[0] : null);
    });

    it('a family member sees organisation and role, never the professional\'s name', async () => {
      const entries = await log('marieke');
      expect(entries.every((e) => e.actor.name === null && e.actor.professionalId === null)).toBe(true);
      expect(entries.find((e) => e.actor.kind === 'PROFESSIONAL')?.actor).toMatchObject({ role: 'PROFESSIONAL', organisation: { id: expect.any(String) } });
    });
  });

  it('pages newest first with a keyset cursor, without repeating or skipping', async () => {
    const all = (await superuser.query<{ id: string }>(`SELECT id FROM access_log_entry ORDER BY occurred_at DESC, id DESC`)).rows;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const answer: { data?: { accessLog: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } = await sut.graphql(LOG, {
        token: await sut.tokenFor('keten-fg'),
        variables: { first: 7, after },
      });
      seen.push(...(answer.data?.accessLog.edges.map((e) => e.node.id) ?? []));
      if (!answer.data?.accessLog.pageInfo.hasNextPage) break;
      after = answer.data.accessLog.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it('the application\'s database role cannot update or delete log entries', async () => {
    await expect(sut.runtime.dataSource.query(`UPDATE access_log_entry SET decision = 'ALLOWED'`)).rejects.toThrow(/permission denied/);
    await expect(sut.runtime.dataSource.query(`DELETE FROM access_log_entry`)).rejects.toThrow(/permission denied/);
    await expect(sut.runtime.dataSource.query(`TRUNCATE access_log_entry`)).rejects.toThrow(/permission denied/);
  });

  it('even the owner is refused by the trigger unless triggers are switched off', async () => {
    await expect(superuser.query(`UPDATE access_log_entry SET decision = 'ALLOWED' WHERE decision = 'DENIED'`)).rejects.toThrow(/append-only/);
    await expect(superuser.query(`DELETE FROM access_log_entry`)).rejects.toThrow(/append-only/);
  });

  describe('tampering behind the application\'s back is detected and named', () => {
    beforeAll(async () => {
      await read('wmo');
      const checkpoint = await sut.graphql(`mutation { checkpointAccessLog { signed } }`, { token: await sut.tokenFor('keten-fg') });
      expect(checkpoint.errors).toBeUndefined();
      await read('wmo');
      const verdict = await verify();
      expect(verdict).toMatchObject({ intact: true, firstBroken: null });
      expect(verdict?.checkpointsVerified).toBeGreaterThan(0);
    });

    /** Runs SQL with triggers off (session_replication_role), asks verifyAccessLog, then puts the rows back. */
    async function tampered(sql: (ids: { id: string; sequence: number }[]) => Promise<string[]> | string[]) {
      const rows = await superuser.query<{ id: string; sequence: string }>(`SELECT id, sequence FROM access_log_entry WHERE family_id = $1 ORDER BY sequence`, [DEMO_FAMILY_ID]);
      const ids = rows.rows.map((r) => ({ id: r.id, sequence: Number(r.sequence) }));
      await superuser.query(`SET session_replication_role = replica`);
      try {
        for (const statement of await sql(ids)) await superuser.query(statement);
        return (await verify())?.firstBroken;
      } finally {
        await superuser.query(`DELETE FROM access_log_entry WHERE family_id = $1`, [DEMO_FAMILY_ID]);
        await superuser.query(`INSERT INTO access_log_entry SELECT * FROM saved_copy`);
        await superuser.query(`SET session_replication_role = origin`);
      }
    }

    beforeEach(async () => {
      await superuser.query(`DROP TABLE IF EXISTS saved_copy`);
      await superuser.query(`CREATE TABLE saved_copy AS SELECT * FROM access_log_entry WHERE family_id = $1`, [DEMO_FAMILY_ID]);
    });
    afterEach(async () => {
      // Put back as it was, the chain verifies again: the detection came from the tampering alone.
      expect((await verify())?.firstBroken ?? null).toBeNull();
    });

    it('an updated entry is CHANGED', async () => {
      const broken = await tampered((ids) => [`UPDATE access_log_entry SET fields = array_append(fields, 'bsn') WHERE id = '${ids[3]?.id}'`]);
      expect(broken).toMatchObject({ problem: 'CHANGED', sequence: 4 });
    });

    it('a deleted entry is MISSING', async () => {
      const broken = await tampered((ids) => [`DELETE FROM access_log_entry WHERE id = '${ids[5]?.id}'`]);
      expect(broken).toMatchObject({ problem: 'MISSING', sequence: 6 });
    });

    it('an inserted entry is INSERTED, even with a correctly computed hash and link', async () => {
      const broken = await tampered(async (ids) => {
        // The strongest forger: knows the algorithm, links the fake entry to entry 7 and hashes it properly.
        const [seventh] = (await superuser.query<{ entry_hash: Buffer }>(`SELECT entry_hash FROM access_log_entry WHERE id = $1`, [ids[6]?.id])).rows;
        const facts = {
          occurredAt: new Date(), traceId: '0'.repeat(31) + '1', actorKind: 'PROFESSIONAL' as const, actorId: null, actorOrganisationId: null, actorRole: 'PROFESSIONAL',
          activity: 'READ_FAMILY_FILE' as const, purpose: 'CASE_COORDINATION', familyId: DEMO_FAMILY_ID, subjectMemberIds: [], targetKind: null, targetIds: [],
          sourceOrganisationId: null, category: 'HEALTH', fields: ['diagnosis'], decision: 'DENIED' as const, basis: null, basisRefs: [], reason: 'NO_CONSENT', breakGlass: false,
        };
        const hash = entryHash(sut.runtime.crypto.sodium, new Uint8Array(seventh?.entry_hash ?? []), `family:${DEMO_FAMILY_ID}`, facts);
        await superuser.query(`UPDATE access_log_entry SET sequence = sequence + 1000000 WHERE family_id = $1 AND sequence >= 8`, [DEMO_FAMILY_ID]);
        await superuser.query(`UPDATE access_log_entry SET sequence = sequence - 1000000 + 1 WHERE family_id = $1 AND sequence >= 1000000`, [DEMO_FAMILY_ID]);
        await superuser.query(
          `INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_role, activity, purpose, family_id, subject_member_ids, target_ids, category, fields, decision, basis_refs, reason, break_glass, previous_hash, entry_hash)
           VALUES (gen_random_uuid(), $1, 8, $2, $3, 'PROFESSIONAL', 'PROFESSIONAL', 'READ_FAMILY_FILE', 'CASE_COORDINATION', $4, '{}', '{}', 'HEALTH', '{diagnosis}', 'DENIED', '{}', 'NO_CONSENT', false, $5, $6)`,
          [`family:${DEMO_FAMILY_ID}`, facts.occurredAt, facts.traceId, DEMO_FAMILY_ID, seventh?.entry_hash, Buffer.from(hash)],
        );
        return [];
      });
      expect(broken).toMatchObject({ problem: 'INSERTED', sequence: 8, entryId: expect.any(String) });
    });

    it('two swapped entries are REORDERED', async () => {
      const broken = await tampered((ids) => [
        `UPDATE access_log_entry SET sequence = -1 WHERE id = '${ids[9]?.id}'`,
        `UPDATE access_log_entry SET sequence = 10 WHERE id = '${ids[10]?.id}'`,
        `UPDATE access_log_entry SET sequence = 11 WHERE id = '${ids[9]?.id}'`,
      ]);
      expect(broken).toMatchObject({ problem: 'REORDERED', sequence: 10, entryId: expect.any(String) });
    });
  });

  it('with the log table made unwritable, reads fail with AUDIT_UNAVAILABLE and return no data', async () => {
    await superuser.query(`ALTER TABLE access_log_entry ADD CONSTRAINT log_unwritable CHECK (false) NOT VALID`);
    try {
      const answer = await read('wmo');
      expect(answer.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      expect(answer.data?.['family'] ?? null).toBeNull();
      expect(JSON.stringify(answer)).not.toContain('Kerkstraat');
      const write = await sut.graphql(`mutation { revokeConsent(id: "0b6f3c1e-0005-4c8a-9a51-000000000003") { status } }`, { token: await sut.tokenFor('sanne') });
      expect(write.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      const consent = await superuser.query(`SELECT revoked_at FROM consent WHERE id = '0b6f3c1e-0005-4c8a-9a51-000000000003'`);
      expect(consent.rows[0]?.revoked_at).toBeNull();
    } finally {
      await superuser.query(`ALTER TABLE access_log_entry DROP CONSTRAINT log_unwritable`);
    }
    expect((await read('wmo')).errors).toBeUndefined();
  });

  async function entryCount(): Promise<number> {
    return (await superuser.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log_entry`)).rows[0]?.n ?? 0;
  }
});

describe('entries written before target_ids existed (encoding v1) keep verifying', () => {
  let sut: TestGateway;
  let superuser: pg.Client;
  const chain = `family:${DEMO_FAMILY_ID}`;
  /** The ids of the entries written the old way, in sequence order. */
  const old: string[] = [];
  const verify = async (familyId: string | null = DEMO_FAMILY_ID) =>
    (await sut.graphql<{ verifyAccessLog: { intact: boolean; entriesChecked: number; checkpointsVerified: number; firstBroken: { chainKey: string; sequence: number; entryId: string | null; problem: string } | null } }>(VERIFY, {
      token: await sut.tokenFor('keten-fg'),
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
    sut = await startTestGateway({ label: 'access_log_v1' });
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
    const sodium = await loadSodium();
    const [record] = (await superuser.query<{ id: string; source_organisation_id: string }>(`SELECT id, source_organisation_id FROM record WHERE family_id = $1 ORDER BY id LIMIT 1`, [DEMO_FAMILY_ID])).rows;
    const [consent] = (await superuser.query<{ id: string; subject_member_id: string }>(`SELECT id, subject_member_id FROM consent WHERE family_id = $1 ORDER BY id LIMIT 1`, [DEMO_FAMILY_ID])).rows;
    const at = new Date(Date.now() - 3600_000);
    const common = { occurredAt: at, traceId: 'ab'.repeat(16), actorKind: 'PROFESSIONAL', actorId: '0b6f3c1e-0004-4c8a-9a51-000000000002', actorOrganisationId: O.teamToegang, actorRole: 'PROFESSIONAL', purpose: 'CASE_COORDINATION', familyId: DEMO_FAMILY_ID, breakGlass: false };
    const facts: V1Facts[] = [
      { ...common, activity: 'READ_FAMILY_FILE', subjectMemberIds: [M.marieke], targetKind: 'RECORD', targetId: record?.id ?? null, sourceOrganisationId: record?.source_organisation_id ?? null, category: 'CONTACT', fields: ['phone', 'address'], decision: 'ALLOWED', basis: 'CONSENT', basisRefs: [consent?.id ?? ''], reason: null },
      { ...common, activity: 'READ_FAMILY_FILE', subjectMemberIds: [], targetKind: 'FAMILY', targetId: null, sourceOrganisationId: null, category: null, fields: [], decision: 'DENIED', basis: null, basisRefs: [], reason: 'UNKNOWN_PURPOSE' },
      { ...common, actorKind: 'CITIZEN', actorId: consent?.subject_member_id ?? null, actorOrganisationId: null, actorRole: 'FAMILY_MEMBER', activity: 'SIGN_CONSENT', purpose: null, subjectMemberIds: [consent?.subject_member_id ?? ''], targetKind: 'CONSENT', targetId: consent?.id ?? null, sourceOrganisationId: null, category: null, fields: ['CONTACT'], decision: 'ALLOWED', basis: 'DATA_SUBJECT', basisRefs: [consent?.id ?? ''], reason: null },
    ];

    // The schema as it was before target_ids, and entries written into it the way the old writer did.
    const migrations = createDataSource({ url: sut.database.url });
    await migrations.initialize();
    try {
      // Back to before AddAccessLogTargetIds, undoing the migrations that came after it too.
      const hasTargetIds = async () => (await superuser.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'access_log_entry' AND column_name = 'target_ids'`)).rowCount === 1;
      for (let undone = 0; undone < 5 && (await hasTargetIds()); undone++) await migrations.undoLastMigration({ transaction: 'each' });
      expect(await hasTargetIds()).toBe(false);
      let previous: Uint8Array = new Uint8Array(32);
      for (const [i, f] of facts.entries()) {
        const encoded = new TextEncoder().encode(v1Encoding(f));
        const hash = sodium.crypto_generichash(32, new Uint8Array([...previous, ...encoded]), null);
        const [row] = (
          await superuser.query<{ id: string }>(
            `INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
               subject_member_ids, target_kind, target_id, source_organisation_id, category, fields, decision, basis, basis_refs, reason, break_glass, previous_hash, entry_hash)
             VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24) RETURNING id`,
            [chain, i + 1, f.occurredAt, f.traceId, f.actorKind, f.actorId, f.actorOrganisationId, f.actorRole, f.activity, f.purpose, f.familyId, f.subjectMemberIds, f.targetKind, f.targetId,
              f.sourceOrganisationId, f.category, f.fields, f.decision, f.basis, f.basisRefs, f.reason, f.breakGlass, Buffer.from(previous), Buffer.from(hash)],
          )
        ).rows;
        old.push(row?.id ?? '');
        previous = hash;
      }
      await superuser.query(`INSERT INTO access_log_chain_head (chain_key, sequence, entry_hash) VALUES ($1, $2, $3)`, [chain, facts.length, Buffer.from(previous)]);
      // Signed by the gateway as it ran then: a checkpoint over the last old entry.
      expect((await sut.graphql(`mutation { checkpointAccessLog { signed } }`, { token: await sut.tokenFor('keten-fg') })).errors).toBeUndefined();
      // Now the migration, on a log that holds entries.
      await migrations.runMigrations({ transaction: 'each' });
    } finally {
      await migrations.destroy();
    }
    // The chain goes on with entries of the new shape.
    expect((await sut.graphql(READ, { token: await sut.tokenFor('wmo'), variables: { id: DEMO_FAMILY_ID, purpose: 'CASE_COORDINATION' } })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  it('the old entries keep target_id and no target_ids; the chain, old and new, verifies with the checkpoint over the old part', async () => {
    const rows = (await superuser.query<{ id: string; sequence: string; target_id: string | null; target_ids: string[] | null }>(`SELECT id, sequence, target_id, target_ids FROM access_log_entry WHERE chain_key = $1 ORDER BY sequence`, [chain])).rows;
    expect(rows.slice(0, 3).map((r) => r.id)).toEqual(old);
    expect(rows.slice(0, 3).map((r) => r.target_ids)).toEqual([null, null, null]);
    expect(rows.slice(0, 3).map((r) => r.target_id === null)).toEqual([false, true, false]);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.slice(3).every((r) => r.target_id === null && (r.target_ids?.length ?? 0) > 0)).toBe(true);
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null, entriesChecked: rows.length, checkpointsVerified: 1 });
  });

  it('the API shows an old entry\'s one target as targetIds too', async () => {
    const entries = await sut.graphql<{ accessLog: { edges: { node: { id: string; targetId: string | null; targetIds: string[] } }[] } }>(
      `{ accessLog(filter: { familyId: "${DEMO_FAMILY_ID}" }, first: 200) { edges { node { id targetId targetIds } } } }`,
      { token: await sut.tokenFor('keten-fg') },
    );
    const byId = new Map(entries.data?.accessLog.edges.map((e) => [e.node.id, e.node]));
    const [withTarget, withoutTarget] = [byId.get(old[0] as string), byId.get(old[1] as string)];
    expect(withTarget?.targetIds).toEqual([withTarget?.targetId]);
    expect(withTarget?.targetId).toEqual(expect.any(String));
    expect(withoutTarget).toMatchObject({ targetId: null, targetIds: [] });
  });

  describe('changing the target columns behind the application\'s back is CHANGED, naming the entry', () => {
    /** Runs the statements with triggers off, asks verifyAccessLog, and puts the chain back as it was. */
    async function tampered(statements: string[]) {
      await superuser.query(`DROP TABLE IF EXISTS saved_copy`);
      await superuser.query(`CREATE TABLE saved_copy AS SELECT * FROM access_log_entry WHERE chain_key = $1`, [chain]);
      await superuser.query(`SET session_replication_role = replica`);
      try {
        for (const statement of statements) await superuser.query(statement);
        return (await verify())?.firstBroken;
      } finally {
        await superuser.query(`DELETE FROM access_log_entry WHERE chain_key = $1`, [chain]);
        await superuser.query(`INSERT INTO access_log_entry SELECT * FROM saved_copy`);
        await superuser.query(`SET session_replication_role = origin`);
      }
    }
    const newEntry = async (minTargets: number) =>
      (await superuser.query<{ id: string; sequence: string }>(`SELECT id, sequence FROM access_log_entry WHERE chain_key = $1 AND cardinality(target_ids) >= $2 ORDER BY sequence LIMIT 1`, [chain, minTargets])).rows[0];
    afterEach(async () => {
      expect((await verify())?.firstBroken ?? null).toBeNull();
    });

    it('an old entry\'s target_id altered', async () => {
      expect(await tampered([`UPDATE access_log_entry SET target_id = '${M.johan}' WHERE id = '${old[0]}'`])).toMatchObject({ problem: 'CHANGED', sequence: 1, entryId: old[0] });
    });

    it('an old entry turned into a new one, with the same target', async () => {
      expect(await tampered([`UPDATE access_log_entry SET target_ids = ARRAY[target_id], target_id = NULL WHERE id = '${old[2]}'`])).toMatchObject({ problem: 'CHANGED', sequence: 3, entryId: old[2] });
      expect(await tampered([`UPDATE access_log_entry SET target_ids = '{}' WHERE id = '${old[1]}'`])).toMatchObject({ problem: 'CHANGED', sequence: 2, entryId: old[1] });
    });

    it('an old entry given target_ids beside its target_id', async () => {
      expect(await tampered([`UPDATE access_log_entry SET target_ids = ARRAY[target_id] WHERE id = '${old[0]}'`])).toMatchObject({ problem: 'CHANGED', sequence: 1, entryId: old[0] });
    });

    it('a new entry\'s target_ids reordered, shortened or emptied', async () => {
      const entry = await newEntry(2);
      expect(entry).toBeDefined();
      for (const change of [`ARRAY(SELECT unnest(target_ids) ORDER BY 1 DESC)`, `target_ids[2:]`, `'{}'`]) {
        expect(await tampered([`UPDATE access_log_entry SET target_ids = ${change} WHERE id = '${entry?.id}'`])).toMatchObject({ problem: 'CHANGED', sequence: Number(entry?.sequence), entryId: entry?.id });
      }
    });

    it('a new entry given a target_id, or turned into an old one', async () => {
      const entry = await newEntry(1);
      expect(await tampered([`UPDATE access_log_entry SET target_id = target_ids[1] WHERE id = '${entry?.id}'`])).toMatchObject({ problem: 'CHANGED', entryId: entry?.id });
      expect(await tampered([`UPDATE access_log_entry SET target_id = target_ids[1], target_ids = NULL WHERE id = '${entry?.id}'`])).toMatchObject({ problem: 'CHANGED', entryId: entry?.id });
    });
  });

  it('a family id typed in capitals is logged on the family\'s own chain, in lower case, and verifies', async () => {
    const capitals = DEMO_FAMILY_ID.toUpperCase();
    const before = Number((await superuser.query<{ n: string }>(`SELECT count(*) AS n FROM access_log_entry WHERE chain_key = $1`, [chain])).rows[0]?.n);
    expect((await sut.graphql(READ, { token: await sut.tokenFor('wmo'), variables: { id: capitals, purpose: 'CASE_COORDINATION' } })).errors).toBeUndefined();
    // Refused (Veilig Thuis is not involved), with the id asked for as its target.
    await sut.graphql(READ, { token: await sut.tokenFor('veiligthuis'), variables: { id: capitals, purpose: 'CHILD_PROTECTION' } });
    expect((await superuser.query(`SELECT DISTINCT chain_key FROM access_log_entry WHERE chain_key <> 'kring'`)).rows).toEqual([{ chain_key: chain }]);
    expect(Number((await superuser.query<{ n: string }>(`SELECT count(*) AS n FROM access_log_entry WHERE chain_key = $1`, [chain])).rows[0]?.n)).toBeGreaterThan(before + 1);
    const refusal = (await superuser.query(`SELECT target_ids FROM access_log_entry WHERE actor_organisation_id = $1`, [O.veiligThuis])).rows;
    expect(refusal).toEqual([{ target_ids: [DEMO_FAMILY_ID] }]);
    expect(await verify(null)).toMatchObject({ intact: true, firstBroken: null });
  });
});

describe('exporting the access log', () => {
  let sut: TestGateway;
  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log_export' });
    await sut.graphql(READ, { token: await sut.tokenFor('wmo'), variables: { id: DEMO_FAMILY_ID, purpose: 'CASE_COORDINATION' } });
  });
  afterAll(async () => {
    await sut.close();
  });
  const get = async (persona: string | null, query: string) => {
    const { default: request } = await import('supertest');
    const call = request(sut.app.getHttpServer()).get(`/access-log/export?${query}`);
    return persona === null ? call : call.set('authorization', `Bearer ${await sut.tokenFor(persona)}`);
  };

  it('CSV holds the same entries as accessLog, with a header, for the same caller and filter', async () => {
    const response = await get('keten-fg', 'format=csv&decision=DENIED');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^occurred_at,trace_id,activity,/);
    // The target ids come last, after every column there was before.
    expect(lines[0]).toMatch(/,target_kind,target_id,.*,entry_id,target_ids$/);
    const read = (await sut.runtime.dataSource.query<{ target_ids: string[] }[]>(`SELECT target_ids FROM access_log_entry WHERE decision = 'DENIED' AND cardinality(target_ids) > 1 LIMIT 1`))[0];
    expect(response.text).toContain(`,${read?.target_ids.join(' ')}\r\n`);
    const graphql = await sut.graphql<{ accessLog: { edges: unknown[] } }>(`{ accessLog(filter: { decision: DENIED }, first: 200) { edges { cursor } } }`, { token: await sut.tokenFor('keten-fg') });
    expect(lines.length - 1).toBe(graphql.data?.accessLog.edges.length);
    expect(response.text).not.toContain('Kerkstraat');
  });

  it('JSON lines and the Logius shape parse line by line, with the standard\'s fields', async () => {
    const jsonl = await get('keten-fg', 'format=jsonl');
    expect(jsonl.status).toBe(200);
    expect(jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as { activity: string })[0]).toHaveProperty('activity');
    const logius = await get('keten-fg', `format=logius&familyId=${DEMO_FAMILY_ID}`);
    const first = JSON.parse(logius.text.trim().split('\n')[0] as string) as Record<string, unknown>;
    expect(first).toMatchObject({ trace_id: expect.stringMatching(/^[0-9a-f]{32}$/), operation_id: expect.stringMatching(/^[0-9a-f]{16}$/), status_code: expect.stringMatching(/^STATUS_CODE_/), name: expect.any(String), start_time: expect.any(Number) });
    expect((first['attributes'] as Record<string, unknown>)['dpl.core.processing_activity_id']).toMatch(/^urn:kring:processing-activity:/);
    // The standard's operation id names one operation: no two lines share one, though every
    // entry of a read is written in the same millisecond (and time-ordered ids start with it).
    const operations = logius.text.trim().split('\n').map((l) => (JSON.parse(l) as { operation_id: string }).operation_id);
    expect(operations.length).toBeGreaterThan(20);
    expect(new Set(operations).size).toBe(operations.length);
    const reads = logius.text.trim().split('\n').map((l) => (JSON.parse(l) as { attributes: Record<string, unknown> }).attributes).filter((at) => at['kring.target_kind'] === 'RECORD');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((at) => /^[0-9a-f-]{36}( [0-9a-f-]{36})*$/.test(String(at['kring.target_ids'])))).toBe(true);
  });

  it('is refused without a token and for a professional without a privacy role; the export itself is logged', async () => {
    expect((await get(null, 'format=csv')).status).toBe(401);
    const forbidden = await get('wmo', 'format=csv');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect((await get('keten-fg', 'format=xml')).body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'format' } }] });
    const logged = await sut.graphql<{ accessLog: { edges: unknown[] } }>(`{ accessLog(filter: { activity: "EXPORT_ACCESS_LOG" }) { edges { cursor } } }`, { token: await sut.tokenFor('keten-fg') });
    expect(logged.data?.accessLog.edges.length).toBe(3);
  });

  it('a family member exports only what accessLog shows them', async () => {
    const response = await get('sanne', 'format=jsonl');
    const entries = response.text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { subjectMemberIds: string[]; actor: { name: string | null } });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.subjectMemberIds.every((s) => s === M.sanne) && e.actor.name === null)).toBe(true);
  });
});

describe('refusals of familyByBsn are entries too', () => {
  let sut: TestGateway;
  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log_bsn' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('an unknown purpose answers UNKNOWN_PURPOSE and is logged, whatever the BSN', async () => {
    const answer = await sut.graphql(`{ familyByBsn(bsn: "999999990", purpose: "CURIOSITY") { id } }`, { token: await sut.tokenFor('wmo') });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNKNOWN_PURPOSE');
    const rows = await sut.runtime.dataSource.query<{ reason: string }[]>(`SELECT reason FROM access_log_entry WHERE activity = 'READ_FAMILY_FILE' AND decision = 'DENIED'`);
    expect(rows).toEqual([{ reason: 'UNKNOWN_PURPOSE' }]);
  });
});
