import { randomBytes } from 'node:crypto';
import { DEMO_FAMILY_ID } from '@kring/demo-world';
import { rewrapDataKeys } from '../apps/gateway/src/keys/rewrap-data-keys';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ = `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { members { name } } }`;

describe('rotating the key-encryption key rewraps data keys without downtime', () => {
  const kek1 = `1:${randomBytes(32).toString('base64')}`;
  const kek2 = `2:${randomBytes(32).toString('base64')}`;
  const blindIndexKey = randomBytes(32).toString('base64');
  let first: TestGateway;

  beforeAll(async () => {
    first = await startTestGateway({ label: 'key_rotation', keys: { keyEncryptionKeys: kek1, blindIndexKey } });
  });
  afterAll(async () => {
    await first.close();
  });

  const names = async (gateway: TestGateway) => {
    const answer = await gateway.graphql<{ family: { members: { name: string }[] } }>(READ, { token: await gateway.issuer.sign({ kind: 'professional', professionalId: '0b6f3c1e-0004-4c8a-9a51-000000000002' }), variables: { id: DEMO_FAMILY_ID } });
    expect(answer.errors).toBeUndefined();
    return answer.data?.family.members.map((m) => m.name);
  };

  it('a gateway with both versions rewraps every data key to version 2; one with only version 2 then reads everything', async () => {
    const before = await names(first);
    const rotating = await startTestGateway({ label: 'key_rotation', shareDatabaseWith: first, keys: { keyEncryptionKeys: `${kek1},${kek2}`, blindIndexKey } });
    try {
      const report = await rewrapDataKeys(rotating.dataSource, rotating.crypto, rotating.accessLog);
      expect(report).toEqual({ kekVersion: 2, olderKekVersions: [1], families: 1, organisations: 7, remaining: { families: 0, organisations: 0 } });
      const versions = await rotating.dataSource.query<{ v: number }[]>('SELECT DISTINCT kek_version AS v FROM family UNION SELECT DISTINCT kek_version FROM organisation');
      expect(versions).toEqual([{ v: 2 }]);
      expect(await names(rotating)).toEqual(before);
    } finally {
      await rotating.close();
    }
    const after = await startTestGateway({ label: 'key_rotation', shareDatabaseWith: first, keys: { keyEncryptionKeys: kek2, blindIndexKey } });
    try {
      expect(await names(after)).toEqual(before);
      // Rotating again with nothing left to rewrap changes nothing.
      expect(await rewrapDataKeys(after.dataSource, after.crypto, after.accessLog)).toEqual({ kekVersion: 2, olderKekVersions: [], families: 0, organisations: 0, remaining: { families: 0, organisations: 0 } });
    } finally {
      await after.close();
    }
  });
});
