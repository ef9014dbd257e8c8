import { ProfessionalRole } from '@kring/identity';
import { circleOfCare, newWorld, type Bearer, type Circle, type World } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { members { id } involvements { id } records { id sectionType } redactions { path } } }`;

describe('exporting the access log', () => {
  let sut: TestGateway;
  let world: World;
  let c: Circle;
  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log_export', seedDemoWorld: false });
    world = newWorld(sut);
    c = await circleOfCare(world);
    await sut.graphql(READ, { token: await world.tokenFor(c.wmo), variables: { id: c.family.id, purpose: 'CASE_COORDINATION' } });
  });
  afterAll(async () => {
    await sut.close();
  });
  const get = async (who: Bearer | null, query: string) => {
    const { default: request } = await import('supertest');
    const call = request(sut.app.getHttpServer()).get(`/access-log/export?${query}`);
    return who === null ? call : call.set('authorization', `Bearer ${await world.tokenFor(who)}`);
  };

  it('CSV holds the same entries as accessLog, with a header, for the same caller and filter', async () => {
    const response = await get(c.chainOfficer, 'format=csv&decision=DENIED');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^occurred_at,trace_id,activity,/);
    // The target ids come last, after every column there was before.
    expect(lines[0]).toMatch(/,target_kind,target_id,.*,entry_id,target_ids$/);
    const read = (await sut.dataSource.query<{ target_ids: string[] }[]>(`SELECT target_ids FROM access_log_entry WHERE decision = 'DENIED' AND cardinality(target_ids) > 1 LIMIT 1`))[0];
    expect(response.text).toContain(`,${read?.target_ids.join(' ')}\r\n`);
    const graphql = await sut.graphql<{ accessLog: { edges: unknown[] } }>(`{ accessLog(filter: { decision: DENIED }, first: 200) { edges { cursor } } }`, { token: await world.tokenFor(c.chainOfficer) });
    expect(lines.length - 1).toBe(graphql.data?.accessLog.edges.length);
    expect(response.text).not.toContain('Kerkstraat');
  });

  it('JSON lines and the Logius shape parse line by line, with the standard\'s fields', async () => {
    const jsonl = await get(c.chainOfficer, 'format=jsonl');
    expect(jsonl.status).toBe(200);
    expect(jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as { activity: string })[0]).toHaveProperty('activity');
    const logius = await get(c.chainOfficer, `format=logius&familyId=${c.family.id}`);
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

  it('a family member exports only what accessLog shows them', async () => {
    const response = await get(c.older, 'format=jsonl');
    const entries = response.text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { subjectMemberIds: string[]; actor: { name: string | null } });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.subjectMemberIds.every((s) => s === c.older.id) && e.actor.name === null)).toBe(true);
  });
});
