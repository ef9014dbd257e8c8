import { DEMO_FAMILY_ID, DEMO_MEMBERS as M } from '@kring/demo-world';
import { dumpDatabase } from './support/database-dump';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const READ_CONTACT = `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { members { id name } records { id sectionType section { ... on ContactDetails { address phone } } } redactions { path reason } } }`;

interface ContactAnswer {
  family: { members: { id: string; name: string | null }[]; records: { id: string; section: Record<string, unknown> }[]; redactions: { path: string; reason: string }[] } | null;
}

describe('personal values are encrypted at rest, field by field', () => {
  let sut: TestGateway;
  const contactRecordId = async () =>
    (await sut.dataSource.query<{ id: string }[]>(`SELECT r.id FROM record r JOIN record_subject s ON s.record_id = r.id WHERE r.section_type = 'ContactDetails' AND s.member_id = $1`, [M.marieke]))[0]?.id as string;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'encryption' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('a dump of the database after loading the demo world holds none of its names, BSNs, diagnoses or debt amounts', async () => {
    const { text, method } = await dumpDatabase(sut.database.url);
    expect(['pg_dump', 'copy']).toContain(method);
    expect(text).toContain(DEMO_FAMILY_ID);
    const hex = (value: string) => Buffer.from(value).toString('hex');
    // A number is looked for as a number, not as five digits inside a random id or a hex string
    // (with the social map and referrals a dump holds enough uuids for "23400" to turn up in one).
    const found = (value: string) => {
      if (!/^[0-9.]+$/.test(value)) return text.includes(value) || text.includes(hex(value));
      const escaped = value.replace('.', '\\.');
      return new RegExp(`(?<![0-9a-fA-F.-])${escaped}(?![0-9a-fA-F-])`).test(text) || text.includes(hex(value));
    };
    for (const value of ['Marieke', 'de Vries', 'Pieter de Jong', '123451000', '456781006', 'ADHD', 'Aanpassingsstoornis', 'Methylfenidaat', '23400', '23400.0', 'Kerkstraat', 'marieke.devries', 'rustig kan slapen', 'zorg en welzijn']) {
      expect({ value, inDump: found(value) }).toEqual({ value, inDump: false });
    }
  });

  it('a ciphertext copied to another field of the same record fails to decrypt: that field is withheld (DATA_INTEGRITY), no wrong value', async () => {
    const id = await contactRecordId();
    const [row] = await sut.dataSource.query<{ fields: Record<string, string> }[]>(`SELECT encrypted_fields AS fields FROM record WHERE id = $1`, [id]);
    const original = row?.fields as Record<string, string>;
    try {
      await sut.dataSource.query(`UPDATE record SET encrypted_fields = jsonb_set(encrypted_fields, '{address}', encrypted_fields->'phone') WHERE id = $1`, [id]);
      const answer = await sut.graphql<ContactAnswer>(READ_CONTACT, { token: await sut.tokenFor('wmo'), variables: { id: DEMO_FAMILY_ID } });
      expect(answer.errors).toBeUndefined();
      const contact = answer.data?.family?.records.find((r) => r.id === id);
      // The phone number stays where it belongs; the copy in the address field is not served.
      expect(contact?.section).toMatchObject({ address: null, phone: '06-12345678' });
      expect(answer.data?.family?.redactions).toEqual(expect.arrayContaining([{ path: `records.${id}.address`, reason: 'DATA_INTEGRITY' }]));
    } finally {
      await sut.dataSource.query(`UPDATE record SET encrypted_fields = $2 WHERE id = $1`, [id, JSON.stringify(original)]);
    }
  });

  it('a ciphertext copied to another row fails to decrypt: withheld there, never served as the other member\'s', async () => {
    const [from, to] = [M.sanne, M.daan];
    const [row] = await sut.dataSource.query<{ name: Buffer }[]>(`SELECT name_ciphertext AS name FROM family_member WHERE id = $1`, [to]);
    try {
      await sut.dataSource.query(`UPDATE family_member SET name_ciphertext = (SELECT name_ciphertext FROM family_member WHERE id = $1) WHERE id = $2`, [from, to]);
      const answer = await sut.graphql<ContactAnswer>(READ_CONTACT, { token: await sut.tokenFor('wmo'), variables: { id: DEMO_FAMILY_ID } });
      expect(answer.errors).toBeUndefined();
      const names = new Map(answer.data?.family?.members.map((m) => [m.id, m.name]));
      expect(names.get(to)).toBeNull();
      expect(names.get(from)).toBe('Sanne de Vries');
      expect(answer.data?.family?.redactions).toEqual(expect.arrayContaining([{ path: `members.${to}.name`, reason: 'DATA_INTEGRITY' }]));
    } finally {
      await sut.dataSource.query(`UPDATE family_member SET name_ciphertext = $2 WHERE id = $1`, [to, row?.name]);
    }
    const restored = await sut.graphql<ContactAnswer>(READ_CONTACT, { token: await sut.tokenFor('wmo'), variables: { id: DEMO_FAMILY_ID } });
    expect(restored.errors).toBeUndefined();
    expect(restored.data?.family?.members.find((m) => m.id === to)?.name).toBe('Daan de Vries');
  });

  it('a story\'s words copied into another member\'s story fail to decrypt: withheld (DATA_INTEGRITY), never served as that member\'s', async () => {
    const storyOf = async (memberId: string) =>
      (await sut.dataSource.query<{ id: string; fields: Record<string, string> }[]>(
        `SELECT r.id, r.encrypted_fields AS fields FROM record r JOIN record_subject s ON s.record_id = r.id WHERE r.section_type = 'OurStory' AND s.member_id = $1 AND r.author_member_id = $1 ORDER BY r.created_at DESC LIMIT 1`,
        [memberId],
      ))[0] as { id: string; fields: Record<string, string> };
    const [marieke, sanne] = [await storyOf(M.marieke), await storyOf(M.sanne)];
    const read = async () =>
      sut.graphql<{ family: { records: { id: string; section: { text?: string | null } }[]; redactions: { path: string; reason: string }[] } }>(
        `query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { records { id section { ... on OurStory { text } } } redactions { path reason } } }`,
        { token: await sut.tokenFor('wmo'), variables: { id: DEMO_FAMILY_ID } },
      );
    try {
      await sut.dataSource.query(`UPDATE record SET encrypted_fields = $2 WHERE id = $1`, [marieke.id, JSON.stringify(sanne.fields)]);
      const answer = await read();
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.family.records.find((r) => r.id === marieke.id)?.section.text).toBeNull();
      expect(answer.data?.family.redactions).toEqual(expect.arrayContaining([{ path: `records.${marieke.id}.text`, reason: 'DATA_INTEGRITY' }]));
    } finally {
      await sut.dataSource.query(`UPDATE record SET encrypted_fields = $2 WHERE id = $1`, [marieke.id, JSON.stringify(marieke.fields)]);
    }
    expect((await read()).data?.family.records.find((r) => r.id === marieke.id)?.section.text).toContain('Ik ben Marieke.');
  });

  it('a read unwraps the family\'s data key once, and costs the same number of queries however large the family', async () => {
    const unwrap = sut.crypto.keyRing.unwrap.bind(sut.crypto.keyRing);
    let unwraps = 0;
    sut.crypto.keyRing.unwrap = (...args) => {
      unwraps += 1;
      return unwrap(...args);
    };
    // Every statement the gateway sends, counted where it leaves for PostgreSQL: TypeORM's own
    // queries and the named (prepared) statements of the read path alike. (TypeORM's logger
    // sees only the former, so a count there depended on which reads had run before.)
    let queries = 0;
    const client = (sut.dataSource.driver as unknown as { postgres: { Client: { prototype: { query: (...args: unknown[]) => unknown } } } }).postgres.Client.prototype;
    const query = client.query;
    client.query = function (this: unknown, ...args: unknown[]) {
      queries += 1;
      return query.apply(this, args);
    };
    const token = await sut.tokenFor('wmo');
    const small = await sut.graphql<{ registerFamily: { id: string; memberIds: [string] } }>(
      `mutation { registerFamily(input: { members: [{ name: "Een", birthDate: "1970-01-01", bsn: "111222333", relation: OTHER }] }) { id memberIds } }`,
      { token },
    );
    const [only] = small.data?.registerFamily.memberIds ?? [''];
    await sut.graphql(`mutation($input: AddRecordInput!) { addRecord(input: $input) { id } }`, {
      token,
      variables: { input: { familyId: small.data?.registerFamily.id, subjectMemberIds: [only], contactDetails: { phone: '1' } } },
    });
    await sut.graphql(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      token: await sut.issuer.sign({ kind: 'citizen', memberId: only }),
      variables: { input: { subjectMemberId: only, categories: ['CONTACT'], purposes: ['CASE_COORDINATION'], recipientDomain: 'WMO', validUntil: new Date(Date.now() + 30 * 864e5).toISOString() } },
    });
    // One read of each family first: the first append to a chain in this process reads its head
    // from the database (a transaction of its own); from then on the head is known. Compared in
    // that steady state, so the count does not depend on which test read the demo family before.
    for (const id of [DEMO_FAMILY_ID, small.data?.registerFamily.id]) expect((await sut.graphql(READ_CONTACT, { token, variables: { id } })).errors).toBeUndefined();
    try {
      unwraps = 0;
      queries = 0;
      expect((await sut.graphql(READ_CONTACT, { token, variables: { id: DEMO_FAMILY_ID } })).errors).toBeUndefined();
      const large = { unwraps, queries };
      unwraps = 0;
      queries = 0;
      expect((await sut.graphql(READ_CONTACT, { token, variables: { id: small.data?.registerFamily.id } })).errors).toBeUndefined();
      expect(large.unwraps).toBe(1);
      expect(unwraps).toBe(1);
      // Five members, nine records, nine consents against one member, one record, one consent: the same queries.
      expect(large.queries).toBe(queries);
      // One statement decides involvement and loads the whole file (family-snapshot.ts), one
      // appends the log with the known chain head (the writer's fast path).
      expect(large.queries).toBeLessThanOrEqual(2);
    } finally {
      sut.crypto.keyRing.unwrap = unwrap;
      client.query = query;
    }
  });
});
