import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEMO_FAMILY_ID, DEMO_MEMBERS, DEMO_ORGANISATIONS } from '@kring/demo-world';
import { FamilyEntity, FamilyFileWriter, MemberRelation, unwrapFamilyKey } from '@kring/family-file';
import { rewrapDataKeys } from '../../apps/gateway/src/keys/rewrap-data-keys';
import { rotationOutcome } from '../../apps/gateway/src/keys/rotation-outcome';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

const READ = `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { id members { name } } }`;
const ADD_RECORD = `mutation($input: AddRecordInput!) { addRecord(input: $input) { id } }`;
const ERASE = `mutation($id: ID!, $reason: String!) { eraseFamily(id: $id, reason: $reason) { familyId } }`;

/** Both the old and the new key-encryption key, as every gateway has them during a rotation. */
interface RotationWorld {
  /** A gateway that only knows version 1: it seeded the demo world, wrapped with version 1. */
  readonly before: TestGateway;
  /** A gateway with versions 1 and 2, that runs the rotation and serves meanwhile. */
  readonly rotating: TestGateway;
  readonly kek2: string;
  close(): Promise<void>;
}

async function rotationWorld(label: string): Promise<RotationWorld> {
  const kek1 = `1:${randomBytes(32).toString('base64')}`;
  const kek2 = `2:${randomBytes(32).toString('base64')}`;
  const keys = { blindIndexKey: randomBytes(32).toString('base64'), auditSigningKey: randomBytes(32).toString('base64') };
  const before = await startTestGateway({ label, keys: { keyEncryptionKeys: kek1, ...keys } });
  const rotating = await startTestGateway({ label, shareDatabaseWith: before, keys: { keyEncryptionKeys: `${kek1},${kek2}`, ...keys } });
  return {
    before,
    rotating,
    kek2,
    async close() {
      await rotating.close();
      await before.close();
    },
  };
}

/** A transaction of another connection that holds a row lock until it is released. */
async function holdLock(url: string, statement: string, params: unknown[]): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(statement, params);
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

const rotate = (gateway: TestGateway, options: { patienceMs?: number; batchSize?: number } = {}) =>
  rewrapDataKeys(gateway.dataSource, gateway.crypto, gateway.accessLog, options);

/** Data keys on an older key-encryption key version, counted independently of the rotation. */
async function onOldVersion(gateway: TestGateway): Promise<number> {
  const [row] = await gateway.dataSource.query<{ n: string }[]>(
    `SELECT (SELECT count(*) FROM family WHERE kek_version < 2 AND wrapped_data_key IS NOT NULL) + (SELECT count(*) FROM organisation WHERE kek_version < 2) AS n`,
  );
  return Number(row?.n);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('rotating the key-encryption key leaves no data key on the old version, or says so and fails', () => {
  it('a family whose row is locked by a write in flight is rewrapped once that write ends', async () => {
    const world = await rotationWorld('rotation_locked');
    try {
      // The statement erasure (and any SELECT ... FOR UPDATE) takes on the family row.
      const lock = await holdLock(world.before.database.url, 'SELECT id FROM family WHERE id = $1 FOR UPDATE', [DEMO_FAMILY_ID]);
      const rotation = rotate(world.rotating);
      await delay(500);
      await lock.release();
      const report = await rotation;
      expect(report).toMatchObject({ kekVersion: 2, families: 1, organisations: 7, remaining: { families: 0, organisations: 0 } });
      expect(await onOldVersion(world.rotating)).toBe(0);
    } finally {
      await world.close();
    }
  });

  it("a row being added to the family (the foreign-key lock of addRecord's insert) does not hold the rotation up at all", async () => {
    const world = await rotationWorld('rotation_insert');
    try {
      const write = await holdLock(
        world.before.database.url,
        `INSERT INTO involvement (id, family_id, organisation_id, starts_on, case_direction) VALUES ($1, $2, $3, current_date, false)`,
        [randomUUID(), DEMO_FAMILY_ID, DEMO_ORGANISATIONS.veiligThuis],
      );
      try {
        // Held for the whole rotation, with little patience: only a lock mode that does not conflict gets through.
        const report = await rotate(world.rotating, { patienceMs: 1_000 });
        expect(report).toMatchObject({ families: 1, remaining: { families: 0, organisations: 0 } });
        expect(await onOldVersion(world.rotating)).toBe(0);
      } finally {
        await write.release();
      }
    } finally {
      await world.close();
    }
  });

  it('a lock held longer than the patience: the rotation reports what remains, logs it, and the command fails without telling to retire the old key', async () => {
    const world = await rotationWorld('rotation_patience');
    try {
      const lock = await holdLock(world.before.database.url, 'SELECT id FROM family WHERE id = $1 FOR UPDATE', [DEMO_FAMILY_ID]);
      let report;
      try {
        report = await rotate(world.rotating, { patienceMs: 1_000 });
      } finally {
        await lock.release();
      }
      expect(report).toMatchObject({ kekVersion: 2, families: 0, organisations: 7, remaining: { families: 1, organisations: 0 } });
      const [entry] = await world.rotating.dataSource.query<{ fields: string[] }[]>(
        `SELECT fields FROM access_log_decision WHERE activity = 'ROTATE_KEY_ENCRYPTION_KEY' ORDER BY occurred_at DESC, sequence DESC LIMIT 1`,
      );
      expect(entry?.fields).toEqual(['kekVersion=2', 'families=0', 'organisations=7', 'remainingFamilies=1', 'remainingOrganisations=0']);
      const failed = rotationOutcome(report);
      expect(failed.exitCode).not.toBe(0);
      expect(failed.message).toContain('1 family data key');
      expect(failed.message).toMatch(/do not remove/i);
      expect(failed.message).not.toMatch(/you may remove/i);

      // Run again once the lock is gone: now it is done, and says so.
      const again = await rotate(world.rotating, { patienceMs: 1_000 });
      expect(again).toMatchObject({ families: 1, organisations: 0, remaining: { families: 0, organisations: 0 } });
      const done = rotationOutcome(again);
      expect(done.exitCode).toBe(0);
      expect(done.message).toMatch(/you may remove version 1 /i);
      expect(await onOldVersion(world.rotating)).toBe(0);
    } finally {
      await world.close();
    }
  });

  it('reads and writes through the API all succeed during the rotation; afterwards a gateway with only the new key reads every family', async () => {
    const world = await rotationWorld('rotation_traffic');
    const { before, rotating } = world;
    try {
      // Enough families for many small rotation transactions, each involving Team Toegang (the wmo persona).
      const writer = new FamilyFileWriter(before.crypto);
      const extra: string[] = [];
      await before.dataSource.transaction(async (manager) => {
        for (let i = 0; i < 200; i++) {
          const { family } = await writer.createFamily(manager, {
            registeredByOrganisationId: DEMO_ORGANISATIONS.teamToegang,
            members: [{ name: `Lid ${i}`, birthDate: '1980-01-01', bsn: String(100000000 + i), relation: MemberRelation.OTHER }],
            authority: [],
          });
          await writer.addInvolvement(manager, { familyId: family.id, organisationId: DEMO_ORGANISATIONS.teamToegang, contactProfessionalId: null, startsOn: '2020-01-01', caseDirection: false });
          extra.push(family.id);
        }
      });
      // An erased family keeps its old version and no key: it must never count as remaining.
      const erased = extra.pop() as string;
      const erasure = await before.graphql(ERASE, { token: await before.tokenFor('keten-fg'), variables: { id: erased, reason: 'Verzoek AVG-2026-0001, art. 17, rotatietest' } });
      expect(erasure.errors).toBeUndefined();

      const token = await rotating.tokenFor('wmo');
      const failures: string[] = [];
      let operations = 0;
      let rotating_ = true;
      const traffic = (async () => {
        for (let i = 0; rotating_ || i < 3; i++) {
          const id = i % 2 === 0 ? DEMO_FAMILY_ID : (extra[i % extra.length] as string);
          const read = await rotating.graphql<{ family: { members: { name: string | null }[] } }>(READ, { token, variables: { id } });
          if (read.errors !== undefined || read.data?.family.members.some((m) => m.name === null)) failures.push(`read ${id}: ${JSON.stringify(read.errors)}`);
          const added = await rotating.graphql(ADD_RECORD, { token, variables: { input: { familyId: DEMO_FAMILY_ID, subjectMemberIds: [DEMO_MEMBERS.marieke], contactDetails: { phone: `06-${i}` } } } });
          if (added.errors !== undefined) failures.push(`addRecord: ${JSON.stringify(added.errors)}`);
          operations += 2;
        }
      })();
      const report = await rotate(rotating, { batchSize: 10 });
      rotating_ = false;
      await traffic;

      expect(failures).toEqual([]);
      expect(operations).toBeGreaterThan(0);
      expect(report).toMatchObject({ families: 200, remaining: { families: 0, organisations: 0 } });
      expect(await onOldVersion(rotating)).toBe(0);

      // The old version removed from the configuration: every family is still readable.
      const after = await startTestGateway({ label: 'rotation_traffic', shareDatabaseWith: before, keys: { ...rotating.keys, keyEncryptionKeys: world.kek2 } });
      try {
        const afterToken = await after.tokenFor('wmo');
        for (const id of [DEMO_FAMILY_ID, extra[0] as string, extra[extra.length - 1] as string]) {
          const read = await after.graphql<{ family: { members: { name: string | null }[] } }>(READ, { token: afterToken, variables: { id } });
          expect(read.errors).toBeUndefined();
          expect(read.data?.family.members.every((m) => m.name !== null)).toBe(true);
        }
        const families = await after.dataSource.manager.find(FamilyEntity);
        const unreadable = families.filter((f) => f.wrappedDataKey !== null).filter((f) => {
          try {
            unwrapFamilyKey(after.crypto, f);
            return false;
          } catch {
            return true;
          }
        });
        expect(unreadable.map((f) => f.id)).toEqual([]);
      } finally {
        await after.close();
      }
    } finally {
      await world.close();
    }
  });
});
