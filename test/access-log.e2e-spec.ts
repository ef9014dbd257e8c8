import pg from 'pg';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O } from '@kring/demo-world';
import { entryHash } from '@kring/audit';
import { findSectionType } from '@kring/family-file';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { records { id sectionType } redactions { path } } }`;
const LOG = `query($filter: AccessLogFilter, $first: Int, $after: String) { accessLog(filter: $filter, first: $first, after: $after) {
  edges { cursor node { id activity purpose decision basis basisRefs reason category fields familyId subjectMemberIds targetKind targetId traceId actor { kind role professionalId name organisation { id } } } }
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
  targetId: string | null;
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

  it('a read leaves exactly one entry per record and category decided, allowed and denied alike', async () => {
    const before = await entryCount();
    const answer = await read('wmo');
    expect(answer.errors).toBeUndefined();
    const records = (answer.data as { family: { records: { id: string; sectionType: string }[] } }).family.records;
    const rows = await superuser.query<{ target_id: string; category: string; n: number; decision: string }>(
      `SELECT target_id, category, decision, count(*)::int AS n FROM access_log_entry WHERE target_kind = 'RECORD' AND activity = 'READ_FAMILY_FILE' GROUP BY 1, 2, 3`,
    );
    // Every (record, category) that has stored fields is decided once; a record's categories come from its section type.
    const stored = await superuser.query<{ id: string; section_type: string; fields: string[] }>(`SELECT id, section_type, ARRAY(SELECT jsonb_object_keys(encrypted_fields)) AS fields FROM record WHERE family_id = $1`, [DEMO_FAMILY_ID]);
    // ...plus INVOLVEMENT: who wrote the record is decided like a field.
    const expected = stored.rows
      .flatMap((r) => [...new Set([...(findSectionType(r.section_type)?.fields ?? []).filter((f) => r.fields.includes(f.name)).map((f) => `${r.id}|${f.category}`), `${r.id}|INVOLVEMENT`])])
      .sort();
    expect(rows.rows.map((r) => `${r.target_id}|${r.category}`).sort()).toEqual(expected);
    expect(rows.rows.every((r) => r.n === 1)).toBe(true);
    expect(new Set(rows.rows.map((r) => r.decision))).toEqual(new Set(['ALLOWED', 'DENIED']));
    expect(records.length).toBe(stored.rows.length);
    // Members (per category decided) and involvements are entries too.
    expect((await entryCount()) - before).toBeGreaterThan(rows.rows.length);
  });

  it('a family member\'s own read is logged too, as READ_OWN_FILE on the basis DATA_SUBJECT or denied OTHER_MEMBER', async () => {
    const answer = await sut.graphql(`{ myFamily { id } }`, { token: await sut.tokenFor('marieke') });
    expect(answer.errors).toBeUndefined();
    const rows = await superuser.query<{ decision: string; basis: string | null; reason: string | null }>(
      `SELECT DISTINCT decision, basis, reason FROM access_log_entry WHERE activity = 'READ_OWN_FILE' AND actor_id = $1 ORDER BY 1`,
      [M.marieke],
    );
    expect(rows.rows).toEqual([
      { decision: 'ALLOWED', basis: 'DATA_SUBJECT', reason: null },
      { decision: 'DENIED', basis: null, reason: 'OTHER_MEMBER' },
    ]);
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
          activity: 'READ_FAMILY_FILE', purpose: 'CASE_COORDINATION', familyId: DEMO_FAMILY_ID, subjectMemberIds: [], targetKind: null, targetId: null,
          sourceOrganisationId: null, category: 'HEALTH', fields: ['diagnosis'], decision: 'DENIED' as const, basis: null, basisRefs: [], reason: 'NO_CONSENT', breakGlass: false,
        };
        const hash = entryHash(sut.runtime.crypto.sodium, new Uint8Array(seventh?.entry_hash ?? []), `family:${DEMO_FAMILY_ID}`, facts);
        await superuser.query(`UPDATE access_log_entry SET sequence = sequence + 1000000 WHERE family_id = $1 AND sequence >= 8`, [DEMO_FAMILY_ID]);
        await superuser.query(`UPDATE access_log_entry SET sequence = sequence - 1000000 + 1 WHERE family_id = $1 AND sequence >= 1000000`, [DEMO_FAMILY_ID]);
        await superuser.query(
          `INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_role, activity, purpose, family_id, subject_member_ids, category, fields, decision, basis_refs, reason, break_glass, previous_hash, entry_hash)
           VALUES (gen_random_uuid(), $1, 8, $2, $3, 'PROFESSIONAL', 'PROFESSIONAL', 'READ_FAMILY_FILE', 'CASE_COORDINATION', $4, '{}', 'HEALTH', '{diagnosis}', 'DENIED', '{}', 'NO_CONSENT', false, $5, $6)`,
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
