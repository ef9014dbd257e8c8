import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { createDataSource, openDatabase } from '@kring/database';
import { createTestDatabase } from './support/test-database';
import { startTestGateway, type TestGateway } from './support/test-gateway';

describe('the gateway in development mode', () => {
  let sut: TestGateway;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'gateway' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('purposes lists the catalogue with lawful bases, maximum categories and the policy version', async () => {
    const answer = await sut.graphql<{ purposes: { code: string; maxCategories: string[]; statutoryFor: string[]; lawfulBasis: { article9: string | null }; policyVersion: string }[] }>(
      '{ purposes { code maxCategories statutoryFor lawfulBasis { article6 article9 } policyVersion } }',
      { token: await sut.tokenFor('marieke') },
    );
    expect(answer.errors).toBeUndefined();
    const purposes = answer.data?.purposes ?? [];
    expect(purposes.map((p) => p.code)).toEqual(['CASE_COORDINATION', 'SUPPORT_PLANNING', 'ELIGIBILITY_ASSESSMENT', 'DEBT_RESOLUTION', 'REINTEGRATION', 'CHILD_PROTECTION']);
    expect(purposes.find((p) => p.code === 'CHILD_PROTECTION')?.statutoryFor).toEqual(['CHILD_SAFETY']);
    expect(purposes.find((p) => p.code === 'CASE_COORDINATION')?.maxCategories).not.toContain('HEALTH');
    expect(new Set(purposes.map((p) => p.policyVersion)).size).toBe(1);
  });

  it('purposes is not served without a token', async () => {
    const answer = await sut.graphql('{ purposes { code } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(['/health', '/health/live'])('%s answers ok without a token', async (path) => {
    const response = await request(sut.app.getHttpServer()).get(path);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('the development issuer publishes its public key set, without the private part', async () => {
    const response = await request(sut.app.getHttpServer()).get('/dev/jwks.json');
    expect(response.status).toBe(200);
    const keys = (response.body as { keys: Record<string, unknown>[] }).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('the development issuer lists the personas and signs a token for one, which the gateway accepts', async () => {
    const server = sut.app.getHttpServer();
    const personas = await request(server).get('/dev/personas');
    expect(personas.status).toBe(200);
    expect((personas.body as { name: string }[]).map((p) => p.name)).toEqual(expect.arrayContaining(['marieke', 'wmo', 'keten-fg']));
    const issued = await request(server).post('/dev/token').send({ persona: 'wmo' });
    expect(issued.status).toBe(200);
    const me = await sut.graphql<{ me: { professional: { name: string } } }>('{ me { professional { name } } }', { token: (issued.body as { token: string }).token });
    expect(me.data?.me.professional.name).toBe('Pieter de Jong');
    const unknown = await request(server).post('/dev/token').send({ persona: 'mallory' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'persona' } }] });
  });

  it.each([
    ['with more than 20 aliases', `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: __typename`).join(' ')} }`, /aliases/],
    ['over 20,000 bytes', `{ __typename ${' '.repeat(20_001)} }`, /larger than 20000 bytes/],
    // An ofType chain: GraphQL's own introspection-depth rule allows it, so our limit is what refuses it. (The
    // schema's own types nest 6 levels at most; `__schema` is not counted, so introspection tools work in development.)
    ['nested more than 12 levels deep', `{ __type(name: "Query") { ${'ofType { '.repeat(12)}name${' }'.repeat(12)} } }`, /nested more than 12 levels deep/],
  ])('a query %s is refused with BAD_USER_INPUT before it runs', async (_name, query, message) => {
    const answer = await sut.graphql(query, { token: await sut.tokenFor('wmo') });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(message);
    expect(answer.data ?? null).toBeNull();
  });

  it('a query within the limits is served', async () => {
    const answer = await sut.graphql(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ')} }`, { token: await sut.tokenFor('wmo') });
    expect(answer.errors).toBeUndefined();
  });

  it('an error never carries a stack trace', async () => {
    const answer = await sut.graphql('{ nope }', { token: await sut.tokenFor('wmo') });
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(answer.errors)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});

describe('the gateway in production mode', () => {
  let sut: TestGateway;

  beforeAll(async () => {
    sut = await startTestGateway({
      label: 'gateway_production',
      seedDemoWorld: false,
      env: {
        NODE_ENV: 'production',
        // Never fetched in this test: no token reaches verification.
        KRING_JWKS_URL: 'https://issuer.invalid/jwks.json',
        KRING_OIDC_ISSUER: 'https://issuer.invalid',
        KRING_KEY_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`,
        KRING_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
      },
    });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('introspection is off', async () => {
    const answer = await sut.graphql('{ __schema { queryType { name } } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('the sandbox landing page is not served', async () => {
    const response = await request(sut.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(response.text).not.toMatch(/sandbox|embeddable/i);
  });

  it('the development issuer, its key set and its persona tokens do not exist', async () => {
    expect(sut.devIssuer).toBeNull();
    expect((await request(sut.app.getHttpServer()).get('/dev/jwks.json')).status).toBe(404);
    expect((await request(sut.app.getHttpServer()).get('/dev/personas')).status).toBe(404);
    expect((await request(sut.app.getHttpServer()).post('/dev/token').send({ persona: 'admin' })).status).toBe(404);
  });

  it('the demo world is not loaded', async () => {
    const rows = await sut.dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM organisation');
    expect(rows).toEqual([{ count: 0 }]);
  });
});

describe('several gateways starting at once on one database', () => {
  it('apply each migration once and all come up', async () => {
    const database = await createTestDatabase('concurrent_start');
    try {
      const sources = await Promise.all([1, 2, 3].map(() => openDatabase({ url: database.url, poolSize: 2 })));
      // The gateways run as the application role, which may not read the migration table; look as the owner.
      const owner = createDataSource({ url: database.url, poolSize: 1 });
      await owner.initialize();
      const rows = await owner.query<{ name: string }[]>('SELECT name FROM schema_migration');
      await owner.destroy();
      const names = (rows ?? []).map((r) => r.name);
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
      await Promise.all(sources.map((s) => s.destroy()));
    } finally {
      await database.drop();
    }
  });
});

describe('plain HTTP routes keep their own error answers', () => {
  it('health answers 503 when PostgreSQL does not answer, instead of hanging', async () => {
    const gateway = await startTestGateway({ label: 'health_down', seedDemoWorld: false });
    try {
      await gateway.dataSource.destroy();
      const response = await request(gateway.app.getHttpServer()).get('/health').timeout(5000);
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: 'unavailable' });
    } finally {
      await gateway.app.close();
      // The gateway's pool is gone already; its registration listener would retry for good.
      await gateway.registrations.close();
      await gateway.database.drop();
    }
  });
});
