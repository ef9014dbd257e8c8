import pg from 'pg';
import { entryHash } from '@kring/audit';
import { findSectionType } from '@kring/family-file';
import { Domain } from '@kring/identity';
import { circleOfCare, newWorld, type Bearer, type Circle, type World } from './support/factories';
import { putBackLogRows } from './support/log-rows';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { members { id } involvements { id } records { id sectionType } redactions { path } } }`;
const LOG = `query($filter: AccessLogFilter, $first: Int, $after: String) { accessLog(filter: $filter, first: $first, after: $after) {
  edges { cursor node { id activity purpose decision basis basisRefs reason category fields familyId subjectMemberIds targetKind targetIds targetId basisRefs traceId
    decisions { targetKind targetIds category fields outcome basis basisRefs reason sourceOrganisation { id } }
    actor { kind role professionalId name organisation { id } } } }
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
  decisions: { targetKind: string | null; targetIds: string[]; category: string | null; fields: string[]; outcome: string; basis: string | null; basisRefs: string[]; reason: string | null; sourceOrganisation: { id: string } | null }[];
  actor: { kind: string; role: string | null; professionalId: string | null; name: string | null; organisation: { id: string } | null };
}

describe('the access log: every decision recorded, tamper-evident, read by privacy officers and families', () => {
  let sut: TestGateway;
  let world: World;
  /** One circle every test reads; what a test changes (a refusal, tampering) it undoes or keeps to a partner of its own. */
  let c: Circle;
  /** Superuser SQL behind the application's back. */
  let superuser: pg.Client;
  const read = async (who: Bearer, purpose = 'CASE_COORDINATION') => sut.graphql(READ, { token: await world.tokenFor(who), variables: { id: c.family.id, purpose } });
  const log = async (who: Bearer, filter: Record<string, unknown> = {}, first = 200) => {
    const answer = await sut.graphql<{ accessLog: { edges: { node: LogNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(LOG, {
      token: await world.tokenFor(who),
      variables: { filter, first },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data?.accessLog.edges.map((e) => e.node) ?? [];
  };
  /** Every entry in the caller's view, following the cursors to the end. */
  const logAll = async (who: Bearer, filter: Record<string, unknown> = {}) => {
    const token = await world.tokenFor(who);
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
  const verify = async (familyId: string | null = c.family.id) =>
    (await sut.graphql<{ verifyAccessLog: { intact: boolean; firstBroken: { sequence: number; entryId: string | null; problem: string } | null; checkpointsVerified: number } }>(VERIFY, {
      token: await world.tokenFor(c.chainOfficer),
      variables: { familyId },
    })).data?.verifyAccessLog;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log', seedDemoWorld: false });
    world = newWorld(sut);
    c = await circleOfCare(world);
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
    // The history the tests look back on: the WMO team read the file, a mother read her own, and Veilig Thuis (not involved) was refused.
    expect((await read(c.wmo)).errors).toBeUndefined();
    expect((await sut.graphql(`{ myFamily { id } }`, { token: await world.tokenFor(c.mother) })).errors).toBeUndefined();
    await read(c.childSafety, 'CHILD_PROTECTION');
  });
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  it('a read writes one entry per member it decided about (and one about no member); together their decisions name every target decided, with its category', async () => {
    const chain = `family:${c.family.id}`;
    const [head] = (await superuser.query<{ n: number }>(`SELECT COALESCE(max(sequence), 0)::int AS n FROM access_log_entry WHERE chain_key = $1`, [chain])).rows;
    const answer = await read(c.wmo);
    expect(answer.errors).toBeUndefined();
    const file = (answer.data as { family: { members: { id: string }[]; involvements: { id: string }[]; records: { id: string }[] } }).family;
    type Decision = { targetKind: string; targetIds: string[]; category: string; sourceOrganisationId: string; outcome: string; basis: string | null; reason: string | null };
    const entries = (
      await superuser.query<{ subject_member_ids: string[]; decision: string; decisions: Decision[] | null; target_id: string | null; target_ids: string[] | null; category: string | null; fields: string[] }>(
        `SELECT subject_member_ids, decision, decisions, target_id, target_ids, category, fields FROM access_log_entry WHERE chain_key = $1 AND sequence > $2 ORDER BY sequence`,
        [chain, head?.n ?? 0],
      )
    ).rows;
    // Entries of the present shape: the decisions listed, the columns of the old shapes empty.
    expect(entries.every((e) => (e.decisions?.length ?? 0) > 0 && e.target_id === null && e.target_ids === null && e.category === null && e.fields.length === 0)).toBe(true);
    // One entry per member, and at most one about no member: at most the family's members plus one.
    const subjects = entries.map((e) => e.subject_member_ids.join(','));
    expect(entries.every((e) => e.subject_member_ids.length <= 1)).toBe(true);
    expect(new Set(subjects).size).toBe(entries.length);
    expect(entries.length).toBeLessThanOrEqual(file.members.length + 1);
    expect(new Set(entries.flatMap((e) => e.subject_member_ids))).toEqual(new Set(file.members.map((m) => m.id)));
    // Within an entry, one decision per group: no two share kind, category, source, outcome, basis and reason.
    for (const e of entries) {
      const groups = (e.decisions ?? []).map((d) => [d.targetKind, d.category, d.sourceOrganisationId, d.outcome, d.basis, d.reason].join('|'));
      expect(new Set(groups).size).toBe(groups.length);
    }

    // What was decided: every member in three categories, every involvement, every record in the
    // categories of its stored fields, plus INVOLVEMENT for who wrote it (decided like a field).
    const stored = await superuser.query<{ id: string; section_type: string; fields: string[] }>(`SELECT id, section_type, ARRAY(SELECT jsonb_object_keys(encrypted_fields)) AS fields FROM record WHERE family_id = $1`, [c.family.id]);
    const expected = [
      ...file.members.flatMap((m) => ['PERSONAL_IDENTITY', 'NATIONAL_ID', 'HOUSEHOLD'].map((c) => `MEMBER|${m.id}|${c}`)),
      ...file.involvements.map((i) => `INVOLVEMENT|${i.id}|INVOLVEMENT`),
      ...stored.rows.flatMap((r) => [...new Set([...(findSectionType(r.section_type)?.fields ?? []).filter((f) => r.fields.includes(f.name)).map((f) => `RECORD|${r.id}|${f.category}`), `RECORD|${r.id}|INVOLVEMENT`])]),
    ];
    const decided = entries.flatMap((e) => (e.decisions ?? []).map((d) => ({ subject: e.subject_member_ids[0] ?? null, ...d })));
    const listed = decided.flatMap((d) => d.targetIds.map((id) => `${d.targetKind}|${id}|${d.category}`));
    expect(new Set(listed)).toEqual(new Set(expected));
    expect(file.records.length).toBe(stored.rows.length);
    expect(file.members.length).toBeGreaterThan(0);
    // A record's category has one outcome, so it sits in exactly one decision of each entry it is in.
    const perSubject = decided.flatMap((d) => d.targetIds.map((id) => `${d.subject}|${d.targetKind}|${id}|${d.category}`));
    expect(perSubject.length).toBe(new Set(perSubject).size);
    expect(new Set(decided.map((d) => d.outcome))).toEqual(new Set(['ALLOWED', 'DENIED']));
    // The entry's outcome is over its decisions.
    for (const e of entries) {
      const outcomes = new Set((e.decisions ?? []).map((d) => d.outcome));
      expect(e.decision).toBe(outcomes.size === 2 ? 'PARTLY_ALLOWED' : [...outcomes][0]);
    }
  });

  it('a family member\'s own read is logged too, as READ_OWN_FILE on the basis DATA_SUBJECT; what is outside their reach is not in the view, so not decided or logged', async () => {
    const answer = await sut.graphql(`{ myFamily { id } }`, { token: await world.tokenFor(c.mother) });
    expect(answer.errors).toBeUndefined();
    const rows = await superuser.query<{ decision: string; outcome: string; basis: string | null; reason: string | null }>(
      `SELECT DISTINCT e.decision, d ->> 'outcome' AS outcome, d ->> 'basis' AS basis, d ->> 'reason' AS reason
         FROM access_log_entry e, jsonb_array_elements(e.decisions) d WHERE e.activity = 'READ_OWN_FILE' AND e.actor_id = $1 ORDER BY 1`,
      [c.mother.id],
    );
    expect(rows.rows).toEqual([{ decision: 'ALLOWED', outcome: 'ALLOWED', basis: 'DATA_SUBJECT', reason: null }]);
  });

  it('reading consents is an entry per member whose consents were shown, naming that member\'s receipts', async () => {
    const answer = await sut.graphql<{ consents: { id: string }[] }>(`query($f: ID!) { consents(familyId: $f) { id } }`, { token: await world.tokenFor(c.debtAssistance), variables: { f: c.family.id } });
    const shown = (answer.data?.consents ?? []).map((c) => c.id).sort();
    expect(shown.length).toBeGreaterThan(0);
    const rows = await superuser.query<{ subject: string; refs: string[] }>(
      `SELECT e.subject_member_ids[1] AS subject, ARRAY(SELECT jsonb_array_elements_text(d -> 'basisRefs')) AS refs
         FROM access_log_entry e, jsonb_array_elements(e.decisions) d WHERE e.activity = 'READ_CONSENTS' AND e.actor_organisation_id = $1`,
      [c.debtAssistance.id],
    );
    expect(rows.rows.flatMap((r) => r.refs).sort()).toEqual(shown);
    // Each entry names the receipts of its own member.
    const subjectOf = new Map((await superuser.query<{ id: string; subject_member_id: string }>(`SELECT id, subject_member_id FROM consent WHERE id = ANY($1::uuid[])`, [shown])).rows.map((r) => [r.id, r.subject_member_id]));
    for (const row of rows.rows) expect(row.refs.every((ref) => subjectOf.get(ref) === row.subject)).toBe(true);
    expect(new Set(rows.rows.map((r) => r.subject)).size).toBe(rows.rows.length);
  });

  it('entries name fields and categories, never values, and carry basis or reason', async () => {
    // The WMO team's reads for case coordination (beforeAll's, and any since): other tests read for other
    // purposes, where a category may be refused for another reason, so the filter names the purpose.
    const entries = await log(c.chainOfficer, { familyId: c.family.id, activity: 'READ_FAMILY_FILE', purpose: 'CASE_COORDINATION', organisationId: c.wmo.organisation.id });
    const dump = JSON.stringify(entries);
    for (const value of ['Kerkstraat', '06-12345678', 'ADHD', '23400', c.mother.name, c.mother.bsn]) expect(dump).not.toContain(value);
    const decisions = entries.flatMap((e) => e.decisions);
    const contact = decisions.filter((d) => d.category === 'CONTACT' && d.outcome === 'ALLOWED');
    expect(contact.length).toBeGreaterThan(0);
    expect(contact.every((d) => d.basis === 'CONSENT' && d.reason === null)).toBe(true);
    expect(contact.flatMap((d) => d.fields)).toEqual(expect.arrayContaining(['address', 'phone']));
    const diagnosis = decisions.find((d) => d.category === 'HEALTH');
    expect(diagnosis).toMatchObject({ outcome: 'DENIED', basis: null, reason: 'PURPOSE_EXCLUDES_CATEGORY' });
  });

  it('a W3C traceparent from the caller becomes the entries\' trace id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await import('supertest').then(({ default: request }) =>
      world.tokenFor(c.wmo).then((token) =>
        request(sut.app.getHttpServer())
          .post('/graphql')
          .set('authorization', `Bearer ${token}`)
          .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
          .send({ query: READ, variables: { id: c.family.id, purpose: 'SUPPORT_PLANNING' } }),
      ),
    );
    expect(response.headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const rows = await superuser.query(`SELECT count(*)::int AS n FROM access_log_entry WHERE trace_id = $1 AND purpose = 'SUPPORT_PLANNING'`, [traceId]);
    expect(rows.rows[0]?.n).toBeGreaterThan(0);
  });

  it('concurrent reads of one family all succeed and leave an intact chain', async () => {
    const before = await entryCount();
    const answers = await Promise.all(Array.from({ length: 12 }, () => read(c.wmo)));
    expect(answers.every((a) => a.errors === undefined)).toBe(true);
    expect((await entryCount()) - before).toBeGreaterThan(12);
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null });
  });

  it('a refused read is an entry too: Veilig Thuis, not involved, is logged as denied', async () => {
    // A Veilig Thuis of its own, so its one refusal is the only entry it has.
    const childSafety = await world.partner(Domain.CHILD_SAFETY);
    await read(childSafety, 'CHILD_PROTECTION');
    const rows = await superuser.query(`SELECT decision, decisions -> 0 ->> 'reason' AS reason, family_id FROM access_log_entry WHERE actor_organisation_id = $1`, [childSafety.id]);
    expect(rows.rows).toEqual([{ decision: 'DENIED', reason: 'NOT_INVOLVED', family_id: c.family.id }]);
  });

  describe('scope', () => {
    it('a chain privacy officer sees every organisation\'s entries, with the professional\'s name', async () => {
      // Among the newest 200 entries (other tests read many times): a WMO read, and Veilig Thuis refused.
      await read(c.wmo);
      await read(c.childSafety, 'CHILD_PROTECTION');
      const entries = await log(c.chainOfficer);
      expect(new Set(entries.map((e) => e.actor.organisation?.id))).toEqual(expect.objectContaining({}));
      expect(entries.some((e) => e.actor.organisation?.id === c.childSafety.id)).toBe(true);
      expect(entries.find((e) => e.actor.professionalId === c.wmo.professional.id)?.actor.name).toBe(c.wmo.professional.name);
    });

    it('a privacy officer sees entries where their organisation acted or whose records were concerned, nothing else', async () => {
      const ids = await logAll(c.officer);
      expect(ids.length).toBeGreaterThan(0);
      // Said with the decisions themselves, not with the facets the page's SQL uses: a wrong facet would fail here.
      const rows = await superuser.query<{ id: string }>(
        `SELECT id FROM access_log_entry WHERE actor_organisation_id = $1 OR source_organisation_id = $1
            OR EXISTS (SELECT 1 FROM jsonb_array_elements(decisions) d WHERE d ->> 'sourceOrganisationId' = $1::text)`,
        [c.wmo.id],
      );
      expect(new Set(ids)).toEqual(new Set(rows.rows.map((r) => r.id)));
    });

    it('a professional without a privacy role cannot read the log', async () => {
      const answer = await sut.graphql(LOG, { token: await world.tokenFor(c.wmo) });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('a mother sees the entries about her son of 14; her daughter of 17 does not, and sees only her own', async () => {
      const marieke = await log(c.mother);
      const sanne = await log(c.older);
      expect(marieke.some((e) => e.subjectMemberIds.includes(c.teen.id))).toBe(true);
      expect(sanne.length).toBeGreaterThan(0);
      expect(sanne.every((e) => e.subjectMemberIds.length > 0 && e.subjectMemberIds.every((s) => s === c.older.id))).toBe(true);
      expect(marieke.flatMap((e) => e.subjectMemberIds).filter((s) => s === c.older.id || s === c.father.id)).toEqual([]);
    });

    it("each entry is about one member; a member sees the entries of their reach, and nothing of a member outside it", async () => {
      const filter = { familyId: c.family.id, activity: 'READ_FAMILY_FILE' };
      const officer = await log(c.chainOfficer, filter);
      const marieke = await log(c.mother, filter);
      const onlyAbout = async (member: string) =>
        (await superuser.query<{ record_id: string }>(`SELECT record_id FROM record_subject GROUP BY record_id HAVING bool_and(member_id = $1)`, [member])).rows.map((r) => r.record_id);
      const johansRecords = await onlyAbout(c.father.id);
      const johansConsents = (await superuser.query<{ id: string }>(`SELECT id FROM consent WHERE subject_member_id = $1`, [c.father.id])).rows.map((r) => r.id);
      expect(johansRecords.length).toBeGreaterThan(0);
      const idsOf = (entries: readonly LogNode[]) => entries.flatMap((e) => [...e.subjectMemberIds, ...e.decisions.flatMap((d) => [...d.targetIds, ...d.basisRefs])]);
      // The officer's entries hold Johan, his own records and his consents alongside Marieke's...
      expect(idsOf(officer)).toEqual(expect.arrayContaining([c.father.id, c.mother.id, ...johansRecords]));
      expect(officer.some((e) => e.decisions.some((d) => d.basisRefs.some((ref) => johansConsents.includes(ref))))).toBe(true);
      expect(officer.every((e) => e.subjectMemberIds.length <= 1)).toBe(true);
      // ...Marieke sees the entries about herself, Daan and Lotte, with nothing of Johan or Sanne in them.
      const reach = [c.mother.id, c.teen.id, c.young.id];
      expect(new Set(marieke.flatMap((e) => e.subjectMemberIds))).toEqual(new Set(reach));
      const hers = idsOf(marieke);
      expect(hers).toEqual(expect.arrayContaining(reach));
      for (const other of [c.father.id, c.older.id, ...johansRecords, ...johansConsents, ...(await onlyAbout(c.older.id))]) expect(hers).not.toContain(other);
      expect(marieke.every((e) => e.decisions.length > 0 && e.decisions.every((d) => d.targetIds.length > 0))).toBe(true);
      // The deprecated summary: the one target, or null when an entry covers several; the union of the decisions' targets.
      for (const e of [...officer, ...marieke]) {
        expect(e.targetId).toBe(e.targetIds.length === 1 ? e.targetIds[0] : null);
        expect(new Set(e.targetIds)).toEqual(new Set(e.decisions.flatMap((d) => d.targetIds)));
      }
    });

    it('a family member sees organisation and role, never the professional\'s name', async () => {
      const entries = await log(c.mother);
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
        token: await world.tokenFor(c.chainOfficer),
        variables: { first: 7, after },
      });
      seen.push(...(answer.data?.accessLog.edges.map((e) => e.node.id) ?? []));
      if (!answer.data?.accessLog.pageInfo.hasNextPage) break;
      after = answer.data.accessLog.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it('the application\'s database role cannot update or delete log entries', async () => {
    await expect(sut.dataSource.query(`UPDATE access_log_entry SET decision = 'ALLOWED'`)).rejects.toThrow(/permission denied/);
    await expect(sut.dataSource.query(`DELETE FROM access_log_entry`)).rejects.toThrow(/permission denied/);
    await expect(sut.dataSource.query(`TRUNCATE access_log_entry`)).rejects.toThrow(/permission denied/);
  });

  it('even the owner is refused by the trigger unless triggers are switched off', async () => {
    await expect(superuser.query(`UPDATE access_log_entry SET decision = 'ALLOWED' WHERE decision = 'DENIED'`)).rejects.toThrow(/append-only/);
    await expect(superuser.query(`DELETE FROM access_log_entry`)).rejects.toThrow(/append-only/);
  });

  describe('tampering behind the application\'s back is detected and named', () => {
    beforeAll(async () => {
      await read(c.wmo);
      const checkpoint = await sut.graphql(`mutation { checkpointAccessLog { signed } }`, { token: await world.tokenFor(c.chainOfficer) });
      expect(checkpoint.errors).toBeUndefined();
      await read(c.wmo);
      const verdict = await verify();
      expect(verdict).toMatchObject({ intact: true, firstBroken: null });
      expect(verdict?.checkpointsVerified).toBeGreaterThan(0);
    });

    /** Runs SQL with triggers off (session_replication_role), asks verifyAccessLog, then puts the rows back. */
    async function tampered(sql: (ids: { id: string; sequence: number }[]) => Promise<string[]> | string[]) {
      const rows = await superuser.query<{ id: string; sequence: string }>(`SELECT id, sequence FROM access_log_entry WHERE family_id = $1 ORDER BY sequence`, [c.family.id]);
      const ids = rows.rows.map((r) => ({ id: r.id, sequence: Number(r.sequence) }));
      await superuser.query(`SET session_replication_role = replica`);
      try {
        for (const statement of await sql(ids)) await superuser.query(statement);
        return (await verify())?.firstBroken;
      } finally {
        await superuser.query(`DELETE FROM access_log_entry WHERE family_id = $1`, [c.family.id]);
        await putBackLogRows(superuser, 'saved_copy');
        await superuser.query(`SET session_replication_role = origin`);
      }
    }

    beforeEach(async () => {
      await superuser.query(`DROP TABLE IF EXISTS saved_copy`);
      await superuser.query(`CREATE TABLE saved_copy AS SELECT * FROM access_log_entry WHERE family_id = $1`, [c.family.id]);
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
          activity: 'READ_FAMILY_FILE' as const, purpose: 'CASE_COORDINATION', familyId: c.family.id, subjectMemberIds: [], targetKind: null, targetIds: [],
          sourceOrganisationId: null, category: 'HEALTH', fields: ['diagnosis'], decision: 'DENIED' as const, basis: null, basisRefs: [], reason: 'NO_CONSENT', breakGlass: false,
          // Forged in the shape of v2, which the walk still accepts for entries written before v3.
          targetId: null, decisions: null, facets: ['c:HEALTH', 'o:DENIED', 'r:NO_CONSENT'],
        };
        const hash = entryHash(sut.crypto.sodium, new Uint8Array(seventh?.entry_hash ?? []), `family:${c.family.id}`, facts);
        await superuser.query(`UPDATE access_log_entry SET sequence = sequence + 1000000 WHERE family_id = $1 AND sequence >= 8`, [c.family.id]);
        await superuser.query(`UPDATE access_log_entry SET sequence = sequence - 1000000 + 1 WHERE family_id = $1 AND sequence >= 1000000`, [c.family.id]);
        await superuser.query(
          `INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_role, activity, purpose, family_id, subject_member_ids, target_ids, category, fields, decision, basis_refs, reason, break_glass, facets, previous_hash, entry_hash)
           VALUES (gen_random_uuid(), $1, 8, $2, $3, 'PROFESSIONAL', 'PROFESSIONAL', 'READ_FAMILY_FILE', 'CASE_COORDINATION', $4, '{}', '{}', 'HEALTH', '{diagnosis}', 'DENIED', '{}', 'NO_CONSENT', false, '{c:HEALTH,o:DENIED,r:NO_CONSENT}', $5, $6)`,
          [`family:${c.family.id}`, facts.occurredAt, facts.traceId, c.family.id, seventh?.entry_hash, Buffer.from(hash)],
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
      const answer = await read(c.wmo);
      expect(answer.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      expect(answer.data?.['family'] ?? null).toBeNull();
      expect(JSON.stringify(answer)).not.toContain('Kerkstraat');
      const write = await sut.graphql(`mutation($id: ID!) { revokeConsent(id: $id) { status } }`, { token: await world.tokenFor(c.older), variables: { id: c.consents.olderToWmo } });
      expect(write.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
      const consent = await superuser.query(`SELECT revoked_at FROM consent WHERE id = $1`, [c.consents.olderToWmo]);
      expect(consent.rows[0]?.revoked_at).toBeNull();
    } finally {
      await superuser.query(`ALTER TABLE access_log_entry DROP CONSTRAINT log_unwritable`);
    }
    expect((await read(c.wmo)).errors).toBeUndefined();
  });

  async function entryCount(): Promise<number> {
    return (await superuser.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log_entry`)).rows[0]?.n ?? 0;
  }
});

describe('refusals of familyByBsn are entries too', () => {
  let sut: TestGateway;
  let world: World;
  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log_bsn', seedDemoWorld: false });
    world = newWorld(sut);
  });
  afterAll(async () => {
    await sut.close();
  });

  it('an unknown purpose answers UNKNOWN_PURPOSE and is logged, whatever the BSN', async () => {
    const answer = await sut.graphql(`{ familyByBsn(bsn: "999999990", purpose: "CURIOSITY") { id } }`, { token: await world.tokenFor(await world.partner(Domain.WMO)) });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNKNOWN_PURPOSE');
    const rows = await sut.dataSource.query<{ reason: string }[]>(`SELECT decisions -> 0 ->> 'reason' AS reason FROM access_log_entry WHERE activity = 'READ_FAMILY_FILE' AND decision = 'DENIED'`);
    expect(rows).toEqual([{ reason: 'UNKNOWN_PURPOSE' }]);
  });
});
