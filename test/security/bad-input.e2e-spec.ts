import request from 'supertest';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DEMO_FAMILY_ID, DEMO_MEMBERS as M, DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS } from '@kring/demo-world';
import { argumentsWith, documentWithLiterals, documentWithVariables, textArguments, type TextArgument } from '../support/schema-arguments';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from '../support/test-gateway';

/** Text PostgreSQL cannot store (NUL) or that is not Unicode at all (lone surrogates). */
const MALFORMED_TEXT: readonly [string, string][] = [
  ['a NUL character', 'CASE\u0000COORDINATION'],
  ['a lone high surrogate', '\ud800x'],
  ['a lone low surrogate', 'x\udc00'],
];

/** Date-times an attacker, a typo or a confused client sends. */
const BAD_DATE_TIMES: readonly [string, string][] = [
  ['a word', 'morgen'],
  ['one letter', 'x'],
  ['an empty string', ''],
  ['a day that does not exist', '2026-02-30T10:00:00Z'],
  ['a leap second', '2016-12-31T23:59:60Z'],
  ['no time zone', '2026-05-01T12:00:00'],
  ['a date without a time', '2026-05-01'],
  ['year 0', '0000-01-01T00:00:00Z'],
  ['before 1900', '1899-12-31T23:59:59Z'],
  ['year 275760 and later', '+275760-09-14T00:00:00Z'],
  ['a number of milliseconds', '1777636800000'],
  ['a NUL character', '2026-05-01T12:00:00Z\u0000'],
];

/** The personas tried in turn: the first one the operation lets in answers for it. */
const PERSONAS = ['wmo', 'fg-gemeente', 'keten-fg', 'admin', 'marieke', 'teamleider'];

/** Tables that a refused request must leave alone. */
const WRITTEN_TABLES = ['family', 'family_member', 'parental_authority', 'involvement', 'record', 'record_subject', 'consent', 'consent_signature', 'break_glass_grant', 'family_erasure', 'involvement_shielding', 'case_direction_handover', 'case_director_request'];

describe('bad input is refused at the boundary, as BAD_USER_INPUT naming the field', () => {
  let sut: TestGateway;
  const tokens = new Map<string, string>();
  const token = async (persona: string): Promise<string> => {
    if (!tokens.has(persona)) tokens.set(persona, await sut.tokenFor(persona));
    return tokens.get(persona) as string;
  };
  const count = async (sql: string): Promise<number> => Number((await sut.dataSource.query<{ n: string }[]>(sql))[0]?.n);
  const writtenRows = async (): Promise<Record<string, number>> =>
    Object.fromEntries(await Promise.all(WRITTEN_TABLES.map(async (table) => [table, await count(`SELECT count(*) AS n FROM ${table}`)] as const)));
  const deniedReads = () => sut.dataSource.query<{ activity: string; purpose: string | null; reason: string | null }[]>(
    `SELECT activity, purpose, reason FROM access_log_decision WHERE outcome = 'DENIED' AND activity IN ('READ_FAMILY_FILE', 'EXPORT_ACCESS_LOG') ORDER BY occurred_at, sequence`,
  );
  const expectRefused = (answer: GraphQLAnswer, field: string) => {
    expect(answer.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.['field'] }))).toEqual([{ code: 'BAD_USER_INPUT', field }]);
    // Nothing is answered: no data, or the refused (nullable) field null.
    expect(Object.values(answer.data ?? {}).filter((value) => value !== null)).toEqual([]);
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'bad_input' });
  });
  afterAll(async () => {
    await sut.close();
  });

  describe('date-times: a strict RFC 3339 scalar', () => {
    const inMonths = (months: number) => new Date(Date.now() + months * 30 * 24 * 3600 * 1000).toISOString();
    const consent = (dates: Record<string, string>) => ({ subjectMemberId: M.marieke, categories: ['CONTACT'], purposes: ['CASE_COORDINATION'], recipientOrganisationId: O.jeugdhulp, validUntil: inMonths(3), ...dates });
    const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
    const grantLiteral = (dates: Record<string, string>) => {
      const input = consent(dates);
      const from = 'validFrom' in input ? `, validFrom: ${JSON.stringify(input.validFrom)}` : '';
      return `mutation { grantConsent(input: { subjectMemberId: "${M.marieke}", categories: [CONTACT], purposes: ["CASE_COORDINATION"], recipientOrganisationId: "${O.jeugdhulp}", validUntil: ${JSON.stringify(input.validUntil)}${from} }) { id } }`;
    };

    const places = [
      { name: 'grantConsent input.validUntil', persona: 'marieke', field: 'input.validUntil', variables: (v: string) => ({ query: GRANT, variables: { input: consent({ validUntil: v }) } }), literal: (v: string) => grantLiteral({ validUntil: v }) },
      { name: 'grantConsent input.validFrom', persona: 'marieke', field: 'input.validFrom', variables: (v: string) => ({ query: GRANT, variables: { input: consent({ validFrom: v }) } }), literal: (v: string) => grantLiteral({ validFrom: v }) },
      ...(['accessLog', 'accessLogDays'] as const).flatMap((operation) =>
        (['from', 'to'] as const).map((bound) => {
          const selection = operation === 'accessLog' ? '{ edges { cursor } }' : '{ day }';
          return {
            name: `${operation} filter.${bound}`,
            persona: 'fg-gemeente',
            field: `filter.${bound}`,
            variables: (v: string) => ({ query: `query($filter: AccessLogFilter) { ${operation}(filter: $filter) ${selection} }`, variables: { filter: { [bound]: v } } }),
            literal: (v: string) => `{ ${operation}(filter: { ${bound}: ${JSON.stringify(v)} }) ${selection} }`,
          };
        }),
      ),
    ];

    describe.each(places)('$name', (place) => {
      it.each(BAD_DATE_TIMES)('%s, sent as a variable, is refused and nothing is written', async (_name, value) => {
        const before = await writtenRows();
        const { query, variables } = place.variables(value);
        expectRefused(await sut.graphql(query, { token: await token(place.persona), variables }), place.field);
        expect(await writtenRows()).toEqual(before);
      });

      it.each(BAD_DATE_TIMES)('%s, written in the document, is refused the same way', async (_name, value) => {
        const before = await writtenRows();
        expectRefused(await sut.graphql(place.literal(value), { token: await token(place.persona) }), place.field);
        expect(await writtenRows()).toEqual(before);
      });
    });

    it('well-formed date-times with an offset or a lower-case t and z are accepted', async () => {
      const fg = await token('fg-gemeente');
      for (const from of ['2026-01-01T00:00:00+01:00', '2026-01-01t00:00:00.123456z', '1900-01-01T00:00:00Z']) {
        const answer = await sut.graphql(`query($filter: AccessLogFilter) { accessLog(filter: $filter) { edges { cursor } } }`, { token: fg, variables: { filter: { from } } });
        expect(answer.errors).toBeUndefined();
      }
      const consents = await count('SELECT count(*) AS n FROM consent');
      const granted = await sut.graphql<{ grantConsent: { id: string } }>(GRANT, { token: await token('marieke'), variables: { input: consent({ validUntil: inMonths(2).replace('Z', '+00:00') }) } });
      expect(granted.errors).toBeUndefined();
      expect(await count('SELECT count(*) AS n FROM consent')).toBe(consents + 1);
    });

    it.each([
      ['registerFamily', 'members[0].birthDate', { query: `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { id } }`, input: { members: [{ name: 'Test', birthDate: '2026-02-30', bsn: '999999990', relation: 'PARENT' }] } }],
      ['registerInvolvement', 'startsOn', { query: `mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) { id } }`, input: { familyId: DEMO_FAMILY_ID, organisationId: O.veiligThuis, startsOn: 'morgen' } }],
      ['registerInvolvement', 'endsOn', { query: `mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) { id } }`, input: { familyId: DEMO_FAMILY_ID, organisationId: O.veiligThuis, endsOn: '2026-13-01' } }],
    ])('%s: a calendar date (YYYY-MM-DD) that does not exist in %s is refused and nothing is written', async (_operation, field, { query, input }) => {
      const before = await writtenRows();
      const answer = await sut.graphql(query, { token: await token('wmo'), variables: { input } });
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.extensions?.['field']).toMatch(new RegExp(`(^|\\.)${field.replace(/[[\]]/g, '\\$&')}$`));
      expect(await writtenRows()).toEqual(before);
    });
  });

  describe('text: NUL and lone surrogates in every String and ID argument of every operation', () => {
    let places: TextArgument[];
    /** The first persona the operation lets in, found with a refused request (so nothing is written). */
    const personaFor = new Map<string, string>();

    beforeAll(() => {
      places = textArguments(sut.app.get(GraphQLSchemaHost).schema);
    });

    it('the schema has text arguments in queries and in mutations (the list below is generated from it)', () => {
      expect(places.filter((p) => p.kind === 'query').map((p) => `${p.field.name}(${p.path})`)).toEqual(expect.arrayContaining(['family(purpose)', 'family(id)', 'accessLog(filter.purpose)']));
      expect(places.filter((p) => p.kind === 'mutation').map((p) => `${p.field.name}(${p.path})`)).toEqual(expect.arrayContaining(['registerFamily(input.members[0].name)', 'addRecord(input.subjectMemberIds[0])']));
    });

    /** The guard's refusals (who may call the operation at all), as opposed to a resolver's own FORBIDDEN. */
    const turnedAway = (answer: GraphQLAnswer) => {
      const error = answer.errors?.[0];
      return error?.extensions?.code === 'UNAUTHENTICATED' || (error?.extensions?.code === 'FORBIDDEN' && /^Only |Your roles do not allow this/.test(error.message));
    };
    const send = async (place: TextArgument, document: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer> => {
      const known = personaFor.get(place.field.name);
      let answer: GraphQLAnswer | undefined;
      for (const persona of known === undefined ? PERSONAS : [known]) {
        answer = await sut.graphql(document, { token: await token(persona), ...(variables === undefined ? {} : { variables }) });
        if (!turnedAway(answer)) {
          personaFor.set(place.field.name, persona);
          break;
        }
      }
      return answer as GraphQLAnswer;
    };

    it.each(MALFORMED_TEXT)('%s as a variable is BAD_USER_INPUT naming the argument, everywhere, and nothing is written', async (_name, bad) => {
      const before = await writtenRows();
      const seen: Record<string, unknown> = {};
      const wanted: Record<string, unknown> = {};
      for (const place of places) {
        const key = `${place.field.name}(${place.path})`;
        const values = argumentsWith(place.field, place.steps, bad);
        const answer = await send(place, documentWithVariables(place.kind, place.field, values), values);
        seen[key] = answer.errors?.map((e) => `${e.extensions?.code} ${String(e.extensions?.['field'])}`);
        wanted[key] = [`BAD_USER_INPUT ${place.path}`];
      }
      expect(seen).toEqual(wanted);
      expect(await writtenRows()).toEqual(before);
    });

    it('a NUL character written in the document is BAD_USER_INPUT naming the argument, everywhere, and nothing is written', async () => {
      const before = await writtenRows();
      const seen: Record<string, unknown> = {};
      const wanted: Record<string, unknown> = {};
      for (const place of places) {
        const key = `${place.field.name}(${place.path})`;
        const answer = await send(place, documentWithLiterals(place.kind, place.field, argumentsWith(place.field, place.steps, 'a\u0000b')));
        seen[key] = answer.errors?.map((e) => `${e.extensions?.code} ${String(e.extensions?.['field'])}`);
        wanted[key] = [`BAD_USER_INPUT ${place.path}`];
      }
      expect(seen).toEqual(wanted);
      expect(await writtenRows()).toEqual(before);
    });

    it.each(['purpose', 'activity', 'basis', 'actorKind'])('a privacy officer\'s accessLog and accessLogDays filter.%s with a NUL character is BAD_USER_INPUT', async (name) => {
      const fg = await token('fg-gemeente');
      for (const query of [`query($filter: AccessLogFilter) { accessLog(filter: $filter) { edges { cursor } } }`, `query($filter: AccessLogFilter) { accessLogDays(filter: $filter) { day } }`]) {
        expectRefused(await sut.graphql(query, { token: fg, variables: { filter: { [name]: 'READ_FAMILY_FILE\u0000' } } }), `filter.${name}`);
      }
    });

    it('a lone surrogate cannot be written in a GraphQL document at all: the parser refuses it, before anything runs', async () => {
      const family = places.find((p) => p.field.name === 'family' && p.path === 'purpose') as TextArgument;
      for (const bad of ['\ud800', '\udc00']) {
        for (const document of [documentWithLiterals('query', family.field, argumentsWith(family.field, family.steps, bad)), `{ family(id: "${DEMO_FAMILY_ID}", purpose: "\\u${bad.charCodeAt(0).toString(16)}") { id } }`]) {
          const answer = await sut.graphql(document, { token: await token('wmo') });
          expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
        }
      }
    });

    it('well-formed odd text (emoji, right-to-left script, combining marks) is accepted where it is valid', async () => {
      const odd = 'Zoë 👩‍👧‍👦 مريم שָׁלוֹם n\u0303a\u0301 🇳🇱';
      const registered = await sut.graphql<{ registerFamily: { id: string } }>(`mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { id } }`, {
        token: await token('wmo'),
        variables: { input: { members: [{ name: odd, birthDate: '1990-04-01', bsn: '999999990', relation: 'PARENT' }] } },
      });
      expect(registered.errors).toBeUndefined();
      const grant = await sut.graphql(`mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id } }`, {
        token: await token('jeugdhulp'),
        variables: { input: { familyId: DEMO_FAMILY_ID, justification: `${odd}: ik maak mij ernstig zorgen om de veiligheid van de kinderen`, consultedProfessionalId: DEMO_PROFESSIONALS.wmo } },
      });
      expect(grant.errors).toBeUndefined();
      const filtered = await sut.graphql(`query($filter: AccessLogFilter) { accessLog(filter: $filter) { edges { cursor } } }`, { token: await token('fg-gemeente'), variables: { filter: { purpose: odd } } });
      expect(filtered.errors).toBeUndefined();
    });
  });

  describe('a refused read is logged like any other refusal, without the bad text', () => {
    const VERIFY = `{ verifyAccessLog { intact firstBroken { problem } } }`;

    it.each([...MALFORMED_TEXT, ['a NUL character alone', '\u0000']])('family() with %s in its purpose: BAD_USER_INPUT, one DENIED entry, the chain intact', async (_name, bad) => {
      const before = await deniedReads();
      const answer = await sut.graphql(`query($id: ID!, $purpose: String!) { family(id: $id, purpose: $purpose) { id } }`, { token: await token('wmo'), variables: { id: DEMO_FAMILY_ID, purpose: bad } });
      expectRefused(answer, 'purpose');
      expect((await deniedReads()).slice(before.length)).toEqual([{ activity: 'READ_FAMILY_FILE', purpose: null, reason: 'MALFORMED_INPUT' }]);
      const verified = await sut.graphql<{ verifyAccessLog: { intact: boolean } }>(VERIFY, { token: await token('keten-fg') });
      expect(verified.data?.verifyAccessLog).toEqual({ intact: true, firstBroken: null });
    });

    it('family() with a NUL character in its purpose written in the document is logged the same way', async () => {
      const before = await deniedReads();
      expectRefused(await sut.graphql(`{ family(id: "${DEMO_FAMILY_ID}", purpose: "CASE_COORDINATION\\u0000") { id } }`, { token: await token('wmo') }), 'purpose');
      expect((await deniedReads()).slice(before.length)).toEqual([{ activity: 'READ_FAMILY_FILE', purpose: null, reason: 'MALFORMED_INPUT' }]);
    });

    it('familyByBsn() with a bad BSN or purpose, and family() with a bad id, are logged too', async () => {
      const before = await deniedReads();
      const wmo = await token('wmo');
      expectRefused(await sut.graphql(`query($bsn: String!) { familyByBsn(bsn: $bsn, purpose: "CASE_COORDINATION") { id } }`, { token: wmo, variables: { bsn: '99999\u00009990' } }), 'bsn');
      expectRefused(await sut.graphql(`query($p: String!) { familyByBsn(bsn: "999999990", purpose: $p) { id } }`, { token: wmo, variables: { p: '\udfff' } }), 'purpose');
      expectRefused(await sut.graphql(`query($id: ID!) { family(id: $id, purpose: "CASE_COORDINATION") { id } }`, { token: wmo, variables: { id: `${DEMO_FAMILY_ID}\u0000` } }), 'id');
      expect((await deniedReads()).slice(before.length)).toEqual(Array.from({ length: 3 }, () => ({ activity: 'READ_FAMILY_FILE', purpose: null, reason: 'MALFORMED_INPUT' })));
    });
  });

  describe('the export takes its filter from the query string, with the same strictness', () => {
    const exportWith = async (query: string) => request(sut.app.getHttpServer()).get(`/access-log/export?${query}`).set('authorization', `Bearer ${await token('fg-gemeente')}`);

    it.each([
      ['purpose=%00', 'purpose'],
      ['purpose=CASE_COORDINATION%00', 'purpose'],
      ['familyId=%00', 'familyId'],
      ['activity=READ%00FAMILY_FILE', 'activity'],
      ['from=2026-01-01T00:00:00Z%00', 'from'],
    ])('?%s answers 400 in the GraphQL error shape naming the parameter, and the refusal is logged', async (query, field) => {
      const before = await deniedReads();
      const response = await exportWith(query);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field } }] });
      expect(JSON.stringify(response.body)).not.toMatch(/\\u0000/);
      expect((await deniedReads()).slice(before.length)).toEqual([{ activity: 'EXPORT_ACCESS_LOG', purpose: null, reason: 'MALFORMED_INPUT' }]);
    });

    it.each([
      ['purpose=CASE_COORDINATION&purpose=SUPPORT_PLANNING', 'purpose'],
      ['format=toString', 'format'],
      ['format=csv&format=jsonl', 'format'],
    ])('?%s answers 400 in the GraphQL error shape naming the parameter', async (query, field) => {
      const response = await exportWith(query);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field } }] });
    });

    it.each(BAD_DATE_TIMES)('?from= with %s answers 400 naming the parameter', async (_name, value) => {
      const response = await exportWith(`from=${encodeURIComponent(value)}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field: 'from' } }] });
    });

    it('a well-formed filter with odd text and an offset date-time exports', async () => {
      const response = await exportWith(`format=jsonl&from=${encodeURIComponent('2026-01-01T00:00:00+01:00')}&purpose=${encodeURIComponent('👩‍👧 مريم')}`);
      expect(response.status).toBe(200);
    });
  });
});
