import { randomUUID } from 'node:crypto';
import { circleOfCare, newWorld, type Bearer, type Circle, type World } from '../support/factories';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/*
 * Issue 13, point 6: an organisation that is not involved with a family gets the same
 * answer for it as for an id that does not exist, and must not be able to tell them apart
 * by time either. So involvement is decided first, before anything of the family is
 * loaded or decrypted: both reads run exactly the same SQL statements, and neither
 * decrypts anything. (Timing itself is measured outside the tests: see docs/security.md.)
 */
const READ = `query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { id members { id name } } }`;

interface Observed {
  readonly statements: string[];
  readonly decryptions: number;
  readonly unwraps: number;
  readonly answer: unknown;
}

type QueryFunction = (this: unknown, config: unknown, ...rest: unknown[]) => unknown;

describe('an uninvolved organisation cannot tell an existing family from a random id', () => {
  let sut: TestGateway;
  let world: World;
  let c: Circle;

  /** Runs `action` while recording every statement sent to PostgreSQL and every call into the cipher and the key ring. */
  const observe = async (action: () => Promise<unknown>): Promise<Observed> => {
    const pool = (sut.dataSource.driver as unknown as { master: { Client: { prototype: { query: QueryFunction } } } }).master;
    const prototype = pool.Client.prototype;
    const query = prototype.query;
    const { cipher, keyRing } = sut.crypto;
    const decrypt = cipher.decrypt;
    const unwrap = keyRing.unwrap;
    const observed = { statements: [] as string[], decryptions: 0, unwraps: 0 };
    prototype.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
      observed.statements.push(typeof config === 'string' ? config : String((config as { text?: unknown }).text));
      return query.call(this, config, ...rest);
    };
    cipher.decrypt = (...args) => {
      observed.decryptions += 1;
      return decrypt.apply(cipher, args);
    };
    keyRing.unwrap = (...args) => {
      observed.unwraps += 1;
      return unwrap.apply(keyRing, args);
    };
    try {
      const answer = await action();
      return { ...observed, answer };
    } finally {
      prototype.query = query;
      cipher.decrypt = decrypt;
      keyRing.unwrap = unwrap;
    }
  };
  const read = async (who: Bearer, id: string, purpose: string) => {
    const answer = await sut.graphql(READ, { token: await world.tokenFor(who), variables: { id, purpose } });
    return { data: answer.data ?? null, errors: answer.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })) };
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'existence', seedDemoWorld: false });
    world = newWorld(sut);
    c = await circleOfCare(world);
    // Tokens, prepared statements and both chains' heads exist before anything is observed.
    for (let i = 0; i < 2; i++) {
      await read(c.childSafety, c.family.id, 'CHILD_PROTECTION');
      await read(c.childSafety, randomUUID(), 'CHILD_PROTECTION');
      await read(c.wmo, c.family.id, 'CASE_COORDINATION');
    }
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('Veilig Thuis (not involved) reading an existing family and a random id: the same answer, the same SQL statements, nothing decrypted', async () => {
    const existing = await observe(() => read(c.childSafety, c.family.id, 'CHILD_PROTECTION'));
    const random = await observe(() => read(c.childSafety, randomUUID(), 'CHILD_PROTECTION'));

    expect(existing.answer).toEqual({ data: { family: null }, errors: [expect.objectContaining({ code: 'NOT_FOUND' })] });
    expect(random.answer).toEqual(existing.answer);
    expect(existing.statements.length).toBeGreaterThan(0);
    expect(random.statements).toEqual(existing.statements);
    expect({ decryptions: existing.decryptions, unwraps: existing.unwraps }).toEqual({ decryptions: 0, unwraps: 0 });
    expect({ decryptions: random.decryptions, unwraps: random.unwraps }).toEqual({ decryptions: 0, unwraps: 0 });
  });

  it('the refusal is logged: on the family\'s chain for the existing family, on the global chain for a random id', async () => {
    const random = randomUUID();
    await read(c.childSafety, c.family.id, 'CHILD_PROTECTION');
    await read(c.childSafety, random, 'CHILD_PROTECTION');
    const latest = await sut.dataSource.query<{ chain_key: string; family_id: string | null; target_ids: string[]; reason: string }[]>(
      `SELECT chain_key, family_id, target_ids::text[] AS target_ids, reason FROM access_log_decision WHERE actor_id = $1 ORDER BY occurred_at DESC, sequence DESC LIMIT 2`,
      [c.childSafety.professional.id],
    );
    expect(latest).toEqual([
      { chain_key: 'kring', family_id: null, target_ids: [random], reason: 'NOT_INVOLVED' },
      { chain_key: `family:${c.family.id}`, family_id: c.family.id, target_ids: [c.family.id], reason: 'NOT_INVOLVED' },
    ]);
  });

  it('an involved organisation\'s read stays two statements: the family\'s rows (with the verdict) and the log append', async () => {
    const involved = await observe(() => read(c.wmo, c.family.id, 'CASE_COORDINATION'));
    expect((involved.answer as { errors?: unknown }).errors).toBeUndefined();
    expect(involved.statements).toHaveLength(2);
    expect(involved.unwraps).toBe(1);
  });
});
