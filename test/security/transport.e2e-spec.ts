import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** Written into every refused request; no answer may carry it back. */
const MARKER = 'Bsn999990019Marker';

interface ErrorShape {
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

/** The GraphQL error shape with one error and this code, and nothing of the request in the answer. */
function expectRefusal(response: request.Response, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.body as ErrorShape;
  expect(Object.keys(body)).toEqual(['errors']);
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions?.code).toBe(code);
  expect(typeof body.errors?.[0]?.message).toBe('string');
  expect(response.text).not.toContain(MARKER);
  expect(response.text.toLowerCase()).not.toContain(MARKER.toLowerCase());
}

describe('HTTP-level refusals answer in the GraphQL error shape and echo nothing (issue 13, point 4)', () => {
  let sut: TestGateway;
  const http = () => request(sut.app.getHttpServer());

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'security_transport_refusals', seedDemoWorld: false });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('/graphql: a body that is not JSON is BAD_USER_INPUT, 400', async () => {
    const response = await http().post('/graphql').set('content-type', 'application/json').send(`{"query": "{ __typename }", "x": ${MARKER}`);

    expectRefusal(response, 400, 'BAD_USER_INPUT');
  });

  it('/graphql: a body over the limit is REQUEST_TOO_LARGE, 413', async () => {
    const response = await http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ __typename }', variables: { x: MARKER.repeat(10_000) } }));

    expectRefusal(response, 413, 'REQUEST_TOO_LARGE');
  });

  it('/graphql: a body that is not JSON by its content type is UNSUPPORTED_MEDIA_TYPE, 415', async () => {
    const response = await http().post('/graphql').set('content-type', 'text/plain').set('apollo-require-preflight', 'true').send(`{ ${MARKER} }`);

    expectRefusal(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('/graphql: a charset the parser does not know is UNSUPPORTED_MEDIA_TYPE, 415, without naming it', async () => {
    const response = await http().post('/graphql').set('content-type', `application/json; charset=${MARKER}`).send('{"query": "{ __typename }"}');

    expectRefusal(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('/graphql: a content encoding the parser does not know is UNSUPPORTED_MEDIA_TYPE, 415, without naming it', async () => {
    const response = await http().post('/graphql').set('content-type', 'application/json').set('content-encoding', MARKER).send('{"query": "{ __typename }"}');

    expectRefusal(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('the development issuer: a body that is not JSON is BAD_USER_INPUT, 400', async () => {
    const response = await http().post('/dev/token').set('content-type', 'application/json').send(`{"persona": ${MARKER}`);

    expectRefusal(response, 400, 'BAD_USER_INPUT');
  });

  it('the access-log export: a body that is not JSON is BAD_USER_INPUT, 400 (before authentication is even asked)', async () => {
    const response = await http().get('/access-log/export').set('content-type', 'application/json').send(`{"x": ${MARKER}`);

    expectRefusal(response, 400, 'BAD_USER_INPUT');
  });

  it('a route that does not exist is NOT_FOUND, 404, without repeating its path', async () => {
    const response = await http().post(`/no-such-route-${MARKER}`).set('content-type', 'application/json').send('{}');

    expectRefusal(response, 404, 'NOT_FOUND');
  });

  it('a well-formed request is still served', async () => {
    const answer = await sut.graphql<{ __typename: string }>('{ __typename }');

    expect(answer.status).toBe(200);
    expect(answer.data?.__typename).toBe('Query');
  });
});

/** The production environment of a test gateway (no token reaches verification in these tests). */
const PRODUCTION = {
  NODE_ENV: 'production',
  KRING_JWKS_URL: 'https://issuer.invalid/jwks.json',
  KRING_OIDC_ISSUER: 'https://issuer.invalid',
  KRING_KEY_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`,
  KRING_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
};

/** One request per kind of answer: GraphQL, the JSON routes (served and refused), an unknown route. */
const ROUTES: [string, (server: Parameters<typeof request>[0]) => request.Test][] = [
  ['/graphql', (server) => request(server).post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' })],
  ['/health', (server) => request(server).get('/health')],
  ['/health/live', (server) => request(server).get('/health/live')],
  ['/access-log/export (refused without a token)', (server) => request(server).get('/access-log/export')],
  ['an unknown route', (server) => request(server).post('/no-such-route').set('content-type', 'application/json').send('{}')],
];

const UNKNOWN_FIELD = '{ famly(id: "x", purpose: "CASE_COORDINATION") { __typename } }';

describe('security headers and error details outside production (issue 13, point 9)', () => {
  let sut: TestGateway;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'security_transport_headers', seedDemoWorld: false });
  });
  afterAll(async () => {
    await sut.close();
  });

  it.each(ROUTES)('%s carries the security headers, and no HSTS outside production', async (_route, send) => {
    const response = await send(sut.app.getHttpServer());

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it("the development sandbox page keeps its own policy (a meta tag with a fresh nonce), since ours would block Apollo's scripts", async () => {
    const response = await request(sut.app.getHttpServer()).get('/graphql').set('accept', 'text/html');

    expect(response.status).toBe(200);
    expect(response.text).toMatch(/<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-/);
    expect(response.headers['content-security-policy']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('an unknown field gets a suggestion outside production (a development aid)', async () => {
    const answer = await sut.graphql(UNKNOWN_FIELD);

    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toMatch(/Did you mean "family/);
  });
});

describe('security headers and error details in production (issue 13, point 9)', () => {
  let sut: TestGateway;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'security_transport_production', seedDemoWorld: false, env: PRODUCTION });
  });
  afterAll(async () => {
    await sut.close();
  });

  it.each(ROUTES)('%s carries HSTS for a year and the other security headers', async (_route, send) => {
    const response = await send(sut.app.getHttpServer());

    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('an unknown field gets no suggestion of the schema\'s names', async () => {
    const answer = await sut.graphql(UNKNOWN_FIELD);

    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toBe('Cannot query field "famly" on type "Query".');
  });
});
