import pg from 'pg';
import { ManualClock } from '@kring/config';
import { AccessLogPartitionsService, PARTITION_MONTHS_AHEAD } from '../apps/gateway/src/access-log/access-log-partitions.service';
import { circleOfCare, newWorld, type Circle, type World } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { id } }`;
const VERIFY = `query($familyId: ID) { verifyAccessLog(familyId: $familyId) { intact entriesChecked firstBroken { sequence problem } } }`;
const LOG = `query($f: ID!) { accessLog(filter: { familyId: $f }, first: 200) { edges { node { id occurredAt } } } }`;

/** The partition name of a month, as `kring_log_ensure_partitions` names it. */
const partitionOf = (at: Date) => `access_log_entry_${at.getUTCFullYear()}_${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
const monthsAfter = (at: Date, months: number) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 15));

describe('the access log is partitioned by month (DESIGN.md §10)', () => {
  const start = new Date();
  const clock = new ManualClock(start);
  let sut: TestGateway;
  let world: World;
  let c: Circle;
  let superuser: pg.Client;

  const partitions = async () =>
    (await superuser.query<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'access_log_entry'::regclass ORDER BY 1`)).rows.map((r) => r.name);
  /** Where the family's entries are, per partition, in sequence order. */
  const placed = async () =>
    (await superuser.query<{ partition: string; sequence: string }>(`SELECT tableoid::regclass::text AS partition, sequence FROM access_log_entry WHERE family_id = $1 ORDER BY sequence`, [c.family.id])).rows;
  const readFamily = async () => expect((await sut.graphql(READ, { token: await world.tokenFor(c.wmo), variables: { id: c.family.id } })).errors).toBeUndefined();
  const verify = async () => (await sut.graphql<{ verifyAccessLog: { intact: boolean; entriesChecked: number } }>(VERIFY, { token: await world.tokenFor(c.chainOfficer), variables: { familyId: c.family.id } })).data?.verifyAccessLog;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'access_log_partitions', seedDemoWorld: false, clock });
    world = newWorld(sut);
    c = await circleOfCare(world);
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  it('the gateway has made this month and the next three at start; a read lands in its month', async () => {
    const made = await partitions();
    for (let ahead = 0; ahead <= PARTITION_MONTHS_AHEAD; ahead++) expect(made).toContain(partitionOf(monthsAfter(start, ahead)));
    expect(made).toContain('access_log_entry_default');
    const before = (await placed()).length;
    await readFamily();
    // This read's entries (another test may have written some before, in another month).
    const rows = (await placed()).slice(before);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.partition))).toEqual(new Set([partitionOf(start)]));
  });

  it('a month nobody made ahead goes to the default partition; the chain runs on across partitions, verifies, and lists in time order', async () => {
    await readFamily();
    // A clock far ahead (a gateway whose clock ran off): no partition for that month, and none made for it.
    const far = monthsAfter(start, 30);
    clock.set(far);
    try {
      await readFamily();
    } finally {
      clock.set(start);
    }
    // Back to now: the chain goes on in this month's partition.
    await readFamily();
    const rows = await placed();
    const where = rows.map((r) => r.partition);
    expect(where).toContain('access_log_entry_default');
    expect(where.at(-1)).toBe(partitionOf(start));
    expect(rows.map((r) => Number(r.sequence))).toEqual(rows.map((_, i) => i + 1));
    expect(await verify()).toMatchObject({ intact: true, entriesChecked: rows.length });
    // Making that month now would leave entries of it in the default partition: it is skipped, and they stay where they are, still listed.
    expect(await sut.app.get(AccessLogPartitionsService).ensureAhead()).toBe(0);
    clock.set(far);
    try {
      await sut.app.get(AccessLogPartitionsService).ensureAhead();
    } finally {
      clock.set(start);
    }
    expect(await partitions()).not.toContain(partitionOf(far));
    const listed = (await sut.graphql<{ accessLog: { edges: { node: { id: string; occurredAt: string } }[] } }>(LOG, { token: await world.tokenFor(c.chainOfficer), variables: { f: c.family.id } })).data?.accessLog.edges ?? [];
    expect(listed.length).toBe(rows.length);
    const times = listed.map((e) => Date.parse(e.node.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times[0]).toBe(Date.parse(far.toISOString()));
  });

  it('a partition cannot be truncated, not even by the owner; the application may not make one itself', async () => {
    await readFamily();
    await expect(superuser.query(`TRUNCATE ${partitionOf(start)}`)).rejects.toThrow(/append-only/);
    await expect(superuser.query(`TRUNCATE access_log_entry_default`)).rejects.toThrow(/append-only/);
    await expect(superuser.query(`TRUNCATE access_log_entry`)).rejects.toThrow(/append-only/);
    const app = sut.dataSource.createQueryRunner();
    try {
      await expect(app.query(`CREATE TABLE access_log_entry_2999_01 PARTITION OF access_log_entry FOR VALUES FROM ('2999-01-01') TO ('2999-02-01')`)).rejects.toThrow(/permission denied|must be owner/);
      // Through the function it may: that is how the gateway makes them.
      expect((await app.query(`SELECT kring_log_ensure_partitions('2999-01-01', '2999-01-01') AS made`))[0]).toEqual({ made: 1 });
    } finally {
      await app.release();
    }
  });
});
