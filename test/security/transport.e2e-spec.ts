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
