import pg from 'pg';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const ME = '{ me { kind professional { id roles } } }';

/** The subject claim of a token (its payload, unverified: the token is our own). */
function subjectOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string };
  return payload.sub;
}

/**
 * The gateway remembers professionals' registrations between requests, and forgets them
 * when PostgreSQL announces a change (LISTEN/NOTIFY). A registration changed in the
 * database, by any path, reaches the next requests; while the gateway is not listening it
 * remembers nothing.
 */
describe('remembered registrations', () => {
  let sut: TestGateway;
  let superuser: pg.Client;
  let token: string;
  let subject: string;

  /** Asks `me` until the answer satisfies `ok`, for at most two seconds. */
  const until = async (ok: (answer: Awaited<ReturnType<TestGateway['graphql']>>) => boolean) => {
    const deadline = Date.now() + 2_000;
    for (;;) {
      const answer = await sut.graphql(ME, { token });
      if (ok(answer) || Date.now() > deadline) return answer;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const refused = (answer: { errors?: { extensions?: { code?: unknown } }[] }) => answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
  const move = (from: string, to: string) => superuser.query(`UPDATE professional SET subject = $2 WHERE subject = $1`, [from, to]);

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'registrations' });
    superuser = new pg.Client({ connectionString: sut.database.url });
    await superuser.connect();
    token = await sut.tokenFor('wmo');
    subject = subjectOf(token);
  });
  afterAll(async () => {
    await superuser.end();
    await sut.close();
  });

  it('listens once started, and serves a professional from what it remembers', async () => {
    expect(sut.registrations.isListening).toBe(true);
    expect((await sut.graphql(ME, { token })).errors).toBeUndefined();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return Promise.resolve({ id: 'x', organisation_id: 'y', roles: [], organisation_name: 'z', domain: 'WMO' as never });
    };
    await sut.registrations.remembered('probe', load);
    await sut.registrations.remembered('probe', load);
    expect(loads).toBe(1);
  });

  it('a registration changed in the database reaches the next requests', async () => {
    expect((await sut.graphql(ME, { token })).errors).toBeUndefined(); // remembered now
    await move(subject, `${subject}:moved`);
    // The notification arrives after the commit; without it, the remembered registration would serve for a minute.
    expect(refused(await until(refused))).toBe(true);
    await move(`${subject}:moved`, subject);
    expect((await until((answer) => answer.errors === undefined)).errors).toBeUndefined();
  });

  it('remembers nothing while it is not listening, and listens again', async () => {
    expect((await sut.graphql(ME, { token })).errors).toBeUndefined();
    await superuser.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kring-registrations' AND datname = current_database()`);
    const deadline = Date.now() + 2_000;
    while (sut.registrations.isListening && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sut.registrations.isListening).toBe(false);
    // No notification can arrive now; every change must still count at once, so nothing read now is kept.
    for (let round = 0; round < 2; round++) {
      await move(subject, `${subject}:moved`);
      expect(refused(await sut.graphql(ME, { token }))).toBe(true);
      await move(`${subject}:moved`, subject);
      expect((await sut.graphql(ME, { token })).errors).toBeUndefined();
    }
    expect(sut.registrations.isListening).toBe(false); // still (it retries after a second)
    const back = Date.now() + 5_000;
    while (!sut.registrations.isListening && Date.now() < back) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sut.registrations.isListening).toBe(true);
  });
});
