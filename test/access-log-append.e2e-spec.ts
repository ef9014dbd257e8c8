import pg from 'pg';
import { chainKeyOf, type AccessLogFacts, type Activity } from '@kring/audit';
import { Domain, ProfessionalRole } from '@kring/identity';
import { familyWithTeen, newWorld, type MadeProfessional, type Partner, type World } from './support/factories';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { id records { id } } }`;
const VERIFY = `query($familyId: ID) { verifyAccessLog(familyId: $familyId) { intact entriesChecked firstBroken { sequence problem } } }`;

/**
 * A read appends its entries after the chain head it read with the family's rows, without
 * locking the head first; the writer moves the head only if nobody moved it in between,
 * and otherwise appends under the lock. These tests make the head move in between.
 */
describe('appending a read to the access log after the head it read', () => {
  let sut: TestGateway;
  let world: World;
  let superuser: pg.Client;
  let partners: Partner[];
  let chainOfficer: MadeProfessional;

  /** A family of its own (so a chain of its own) that four organisations are involved with, read once so its chain has a head. */
  const ownChain = async () => {
    const family = await familyWithTeen(world, partners[0] as Partner);
    for (const partner of partners) await world.involve(family, partner);
    const answer = await sut.graphql(READ, { token: await world.tokenFor(partners[0] as Partner), variables: { id: family.id } });
    expect(answer.errors).toBeUndefined();
    const chain = chainKeyOf(family.id);
    /** A log entry about that family, recognisable by its activity. */
    const facts = (activity: string): AccessLogFacts => ({
      occurredAt: new Date(),
      traceId: '0af7651916cd43dd8448eb211c80319c',
      actorKind: 'PROFESSIONAL',
      actorId: null,
      actorOrganisationId: (partners[0] as Partner).id,
      actorRole: 'CASE_WORKER',
      activity: activity as Activity,
      purpose: 'CASE_COORDINATION',
      familyId: family.id,
      subjectMemberIds: [],
      decisions: [{ targetKind: 'FAMILY', targetIds: [family.id], sourceOrganisationId: null, category: null, fields: [], outcome: 'DENIED', basis: null, basisRefs: [], reason: 'NOT_INVOLVED' }],
      breakGlass: false,
    });
    const chainState = async () => {
      const { rows } = await superuser.query<{ entries: number; max: string; distinct: number; head: string }>(
        `SELECT count(*)::int AS entries, max(sequence)::text AS max, count(DISTINCT sequence)::int AS distinct,
                (SELECT sequence::text FROM access_log_chain_head WHERE chain_key = $1) AS head
           FROM access_log_entry WHERE chain_key = $1`,
        [chain],
      );
      return rows[0] as { entries: number; max: string; distinct: number; head: string };
    };
    const verify = async () =>
      (await sut.graphql<{ verifyAccessLog: { intact: boolean; entriesChecked: number; firstBroken: unknown } }>(VERIFY, {
        token: await world.tokenFor(chainOfficer),
        variables: { familyId: family.id },
      })).data?.verifyAccessLog;
    return { familyId: family.id, chain, facts, chainState, verify };
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'log_append', seedDemoWorld: false });
    world = newWorld(sut);
    partners = [];
    for (const domain of [Domain.WMO, Domain.YOUTH_CARE, Domain.DEBT_ASSISTANCE, Domain.PARTICIPATION]) partners.push(await world.partner(domain));
    chainOfficer = await world.professional((partners[0] as Partner).organisation, { roles: [ProfessionalRole.CHAIN_PRIVACY_OFFICER] });
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  it('concurrent reads of one family all land on its chain, each entry once, without gaps, and the chain verifies', async () => {
    const { familyId, chainState, verify } = await ownChain();
    const before = await chainState();
    const tokens = await Promise.all(partners.map((p) => world.tokenFor(p)));
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => sut.graphql(READ, { token: tokens[i % tokens.length], variables: { id: familyId } })));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const after = await chainState();
    expect(after.entries).toBeGreaterThan(before.entries + 24);
    // Sequences 1..n, each once, and the head at the last one: nothing was appended twice or skipped.
    expect(after.distinct).toBe(after.entries);
    expect(after.max).toBe(String(after.entries));
    expect(after.head).toBe(after.max);
    const verdict = await verify();
    expect(verdict).toMatchObject({ intact: true, firstBroken: null, entriesChecked: after.entries });
  });

  it('a head that moved after the read took it is noticed: the entries are hashed again and go after the new head', async () => {
    const { dataSource, accessLog } = sut;
    // The chain has a head (one read made it); read it the way a read does: without a lock.
    const { chain, facts, verify } = await ownChain();
    const [stale] = (await superuser.query<{ sequence: string; entry_hash: Buffer }>(`SELECT sequence::text, entry_hash FROM access_log_chain_head WHERE chain_key = $1`, [chain])).rows;
    if (stale === undefined) throw new Error('the chain has no head');
    // Someone else appends in between and commits: the head moves on.
    await dataSource.transaction((manager) => accessLog.append(manager, [facts('IN_BETWEEN'), facts('IN_BETWEEN')]));
    // The late writer still holds the old head; its entries must not fork the chain. It does what
    // AuditService.recordRead does: the unlocked append finds the head moved, then the locked one.
    const late = [facts('LATE_WRITER')];
    expect(await accessLog.appendAfter(dataSource.manager, late, { chainKey: chain, sequence: stale.sequence, entryHash: new Uint8Array(stale.entry_hash) })).toBe(false);
    await dataSource.transaction((manager) => accessLog.append(manager, late));
    const { rows } = await superuser.query<{ sequence: string; activity: string }>(
      // By the column, not the text alias of the same name: "10" sorts before "8".
      `SELECT sequence::text, activity FROM access_log_entry WHERE chain_key = $1 AND sequence > $2 ORDER BY access_log_entry.sequence`,
      [chain, stale.sequence],
    );
    const next = (n: number) => String(Number(stale.sequence) + n);
    expect(rows).toEqual([
      { sequence: next(1), activity: 'IN_BETWEEN' },
      { sequence: next(2), activity: 'IN_BETWEEN' },
      { sequence: next(3), activity: 'LATE_WRITER' },
    ]);
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null });
  });

  it('a head that did not move takes the entries without the lock, and the chain verifies', async () => {
    const { dataSource, accessLog } = sut;
    const { chain, facts, chainState, verify } = await ownChain();
    const [head] = (await superuser.query<{ sequence: string; entry_hash: Buffer }>(`SELECT sequence::text, entry_hash FROM access_log_chain_head WHERE chain_key = $1`, [chain])).rows;
    if (head === undefined) throw new Error('the chain has no head');
    const statements: string[] = [];
    await dataSource.transaction(async (manager) => {
      const client = (await manager.queryRunner?.connect()) as pg.PoolClient;
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      // Which named statements ran: the unlocked append, and no lock of the head.
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const config = args[0] as { name?: string };
        if (typeof config === 'object' && config !== null && typeof config.name === 'string') statements.push(config.name);
        return query(...args);
      };
      try {
        await accessLog.appendAfter(manager, [facts('UNMOVED_HEAD')], { chainKey: chain, sequence: head.sequence, entryHash: new Uint8Array(head.entry_hash) });
      } finally {
        (client as unknown as { query: unknown }).query = query;
      }
    });
    expect(statements).toEqual(['kring_log_append_if_unmoved']);
    const after = await chainState();
    expect(after.head).toBe(String(Number(head.sequence) + 1));
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null });
  });
  it('outside a transaction, a read appends after the head it read in one statement, and appends nothing when that head moved', async () => {
    const { dataSource, accessLog } = sut;
    const { chain, facts, verify } = await ownChain();
    const head = async () => {
      const [row] = (await superuser.query<{ sequence: string; entry_hash: Buffer }>(`SELECT sequence::text, entry_hash FROM access_log_chain_head WHERE chain_key = $1`, [chain])).rows;
      if (row === undefined) throw new Error('the chain has no head');
      return { chainKey: chain, sequence: row.sequence, entryHash: new Uint8Array(row.entry_hash) };
    };
    const read = await head();
    expect(await accessLog.appendAfter(dataSource.manager, [facts('ALONE')], read)).toBe(true);
    expect((await head()).sequence).toBe(String(Number(read.sequence) + 1));
    // The same head again is stale now: nothing is written, and the caller must take the lock.
    expect(await accessLog.appendAfter(dataSource.manager, [facts('STALE')], read)).toBe(false);
    const { rows } = await superuser.query<{ activity: string }>(`SELECT activity FROM access_log_entry WHERE chain_key = $1 AND sequence > $2 ORDER BY access_log_entry.sequence`, [chain, read.sequence]);
    expect(rows).toEqual([{ activity: 'ALONE' }]);
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null });
  });
  it('text that array literals treat specially is stored as given and verifies: quotes, backslashes, commas, braces, NULL, non-ASCII', async () => {
    const { dataSource, accessLog } = sut;
    const { chain, facts, verify } = await ownChain();
    const awkward = ['"quoted"', 'back\\slash', 'a,b', '{braces}', 'NULL', 'straße ✓', ''];
    const base = facts('AWKWARD_TEXT');
    const decision = { ...(base.decisions[0] as AccessLogFacts['decisions'][number]), fields: awkward, basisRefs: ['NULL'], category: '"{x}", \\ NULL', reason: 'NULL' };
    const entry: AccessLogFacts = { ...base, purpose: awkward.join(' '), actorRole: 'CASE_WORKER,PRIVACY_OFFICER', decisions: [decision] };
    await dataSource.transaction((manager) => accessLog.append(manager, [entry]));
    const { rows } = await superuser.query<{ purpose: string; actor_role: string; decisions: unknown[] }>(
      `SELECT purpose, actor_role, decisions FROM access_log_entry WHERE chain_key = $1 AND activity = 'AWKWARD_TEXT'`,
      [chain],
    );
    expect(rows).toEqual([{ purpose: awkward.join(' '), actor_role: 'CASE_WORKER,PRIVACY_OFFICER', decisions: [decision] }]);
    expect(await verify()).toMatchObject({ intact: true, firstBroken: null });
  });
});
