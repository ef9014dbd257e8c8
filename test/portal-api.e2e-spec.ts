import request from 'supertest';
import { DEMO_FAMILY_ID } from '@kring/demo-world';
import { ManualClock } from '@kring/config';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const DAYS = `query($filter: AccessLogFilter) { accessLogDays(filter: $filter) { day allowed denied breakGlass } }`;
const LOG = `query($filter: AccessLogFilter, $after: String) { accessLog(filter: $filter, first: 200, after: $after) {
  edges { node { occurredAt decision breakGlass } } pageInfo { hasNextPage endCursor } } }`;
const READ = `query { family(id: "${DEMO_FAMILY_ID}", purpose: "CASE_COORDINATION") { id } }`;

interface Day {
  day: string;
  allowed: number;
  denied: number;
  breakGlass: number;
}

const amsterdamDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

describe('what the portal needs from the gateway (issue 5)', () => {
  describe('serving the portal', () => {
    let sut: TestGateway;
    beforeAll(async () => {
      sut = await startTestGateway({ label: 'portal_serving', seedDemoWorld: false });
    });
    afterAll(async () => {
      await sut?.close();
    });

    it('serves the portal at / with a strict Content-Security-Policy and no framing', async () => {
      const response = await request(sut.app.getHttpServer()).get('/').expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toContain('<div id="root">');
      const csp = response.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      // The built page has no inline script the policy would block.
      expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    });

    it('answers a deep link with the portal, so a bookmarked page opens', async () => {
      for (const path of ['/families/0b6f3c1e-0002-4c8a-9a51-000000000001?purpose=CASE_COORDINATION', '/access-log?decision=DENIED', '/me/consents']) {
        const response = await request(sut.app.getHttpServer()).get(path).expect(200);
        expect(response.text).toContain('<div id="root">');
      }
    });

    it('serves hashed assets as immutable, and leaves the API paths to the API', async () => {
      const index = (await request(sut.app.getHttpServer()).get('/')).text;
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1] as string;
      const asset = await request(sut.app.getHttpServer()).get(script).expect(200);
      expect(asset.headers['cache-control']).toContain('immutable');

      await request(sut.app.getHttpServer()).get('/health').expect(200).expect('content-type', /json/);
      const unauthenticated = await request(sut.app.getHttpServer()).get('/access-log/export').expect(401);
      expect(unauthenticated.headers['content-type']).toMatch(/json/);
      await request(sut.app.getHttpServer()).get('/assets/does-not-exist.js').expect(404);
    });

    it('tells the portal to offer the development personas when the development issuer runs', async () => {
      const answer = await sut.graphql<{ signInOptions: { method: string; clientId: string | null } }>(`{ signInOptions { method issuer clientId scope } }`);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.signInOptions).toMatchObject({ method: 'DEVELOPMENT_PERSONAS', clientId: null });
    });
  });

  describe('with an external issuer', () => {
    let sut: TestGateway;
    beforeAll(async () => {
      sut = await startTestGateway({
        label: 'portal_external_issuer',
        seedDemoWorld: false,
        env: { KRING_JWKS_URL: 'https://login.example.nl/jwks.json', KRING_OIDC_ISSUER: 'https://login.example.nl', KRING_OIDC_CLIENT_ID: 'kring-portal', KRING_OIDC_SCOPE: 'openid profile' },
      });
    });
    afterAll(async () => {
      await sut?.close();
    });

    it('gives the issuer, client id and scope for authorisation code with PKCE, without a token', async () => {
      const answer = await sut.graphql(`{ signInOptions { method issuer clientId scope } }`);
      expect(answer.data).toEqual({ signInOptions: { method: 'OPENID_CONNECT', issuer: 'https://login.example.nl', clientId: 'kring-portal', scope: 'openid profile' } });
    });

    it('lets the portal connect to the issuer, and nowhere else', async () => {
      const response = await request(sut.app.getHttpServer()).get('/').expect(200);
      expect(response.headers['content-security-policy']).toContain("connect-src 'self' https://login.example.nl;");
    });
  });

  describe('organisations and decisions per day', () => {
    let sut: TestGateway;
    const start = new Date(Date.now() - 5 * 24 * 3600 * 1000);
    const clock = new ManualClock(start);
    const at = (daysAfterStart: number, hourUtc: number) => {
      const moment = new Date(start);
      moment.setUTCDate(moment.getUTCDate() + daysAfterStart);
      moment.setUTCHours(hourUtc, 30, 0, 0);
      return moment;
    };
    const days = async (persona: string, filter: Record<string, unknown>) => sut.graphql<{ accessLogDays: Day[] }>(DAYS, { token: await sut.tokenFor(persona), variables: { filter } });
    const entries = async (persona: string, filter: Record<string, unknown>) => {
      const token = await sut.tokenFor(persona);
      const all: { occurredAt: string; decision: string; breakGlass: boolean }[] = [];
      let after: string | null = null;
      for (;;) {
        const answer: { data?: { accessLog: { edges: { node: { occurredAt: string; decision: string; breakGlass: boolean } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } =
          await sut.graphql(LOG, { token, variables: { filter, after } });
        all.push(...(answer.data?.accessLog.edges.map((e) => e.node) ?? []));
        if (!answer.data?.accessLog.pageInfo.hasNextPage) return all;
        after = answer.data.accessLog.pageInfo.endCursor;
      }
    };
    /**
     * What the chart should show, computed from the table's own entries: an entry counts as
     * allowed (or break-glass) when a decision of it was allowed, as denied when one was
     * denied, so a partly allowed read counts as both (DESIGN.md §10; `daysQuery`).
     */
    const tally = (list: { occurredAt: string; decision: string; breakGlass: boolean }[]) => {
      const byDay = new Map<string, Omit<Day, 'day'>>();
      for (const e of list) {
        const day = amsterdamDay(e.occurredAt);
        const counts = byDay.get(day) ?? { allowed: 0, denied: 0, breakGlass: 0 };
        if (e.decision !== 'ALLOWED') counts.denied++;
        if (e.decision !== 'DENIED' && e.breakGlass) counts.breakGlass++;
        else if (e.decision !== 'DENIED') counts.allowed++;
        byDay.set(day, counts);
      }
      return byDay;
    };
    const totalOf = (counts: Iterable<Omit<Day, 'day'>>) => [...counts].reduce((n, d) => n + d.allowed + d.denied + d.breakGlass, 0);

    beforeAll(async () => {
      sut = await startTestGateway({ label: 'portal_days', clock });
      // Reads on three moments: one day, and two on either side of midnight in Amsterdam
      // (21:30 UTC is still that day there, 23:30 UTC already the next, in winter and summer time).
      for (const moment of [at(1, 9), at(3, 21), at(3, 23)]) {
        clock.set(moment);
        for (const persona of ['wmo', 'jeugdhulp']) expect((await sut.graphql(READ, { token: await sut.tokenFor(persona) })).errors).toBeUndefined();
      }
      clock.set(at(5, 10));
    });
    afterAll(async () => {
      await sut?.close();
    });

    it('lists the chain partners for a signed-in caller, and nobody else', async () => {
      const answer = await sut.graphql<{ organisations: { name: string; domain: string }[] }>(`{ organisations { id name domain } }`, { token: await sut.tokenFor('marieke') });
      expect(answer.data?.organisations.map((o) => o.name)).toEqual([...(answer.data?.organisations.map((o) => o.name) ?? [])].sort());
      expect(answer.data?.organisations).toEqual(expect.arrayContaining([{ id: expect.any(String), name: 'Veilig Thuis Friesland', domain: 'CHILD_SAFETY' }]));
      expect((await sut.graphql(`{ organisations { id } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('counts per Amsterdam day exactly the entries the table shows, every day of the range present', async () => {
      const filter = { familyId: DEMO_FAMILY_ID, from: at(0, 0).toISOString(), to: at(5, 0).toISOString() };
      const answer = await days('keten-fg', filter);
      expect(answer.errors).toBeUndefined();
      const chart = answer.data?.accessLogDays ?? [];
      expect(chart.length).toBeGreaterThanOrEqual(5);
      expect(new Set(chart.map((d) => d.day)).size).toBe(chart.length);

      const expected = tally(await entries('keten-fg', filter));
      expect(expected.size).toBe(3); // day 1, day 3 and (after midnight in Amsterdam) day 4
      for (const day of chart) expect({ day: day.day, ...(expected.get(day.day) ?? { allowed: 0, denied: 0, breakGlass: 0 }) }).toEqual(day);
      expect(chart.reduce((n, d) => n + d.allowed, 0)).toBeGreaterThan(0);
      expect(chart.reduce((n, d) => n + d.denied, 0)).toBeGreaterThan(0);
    });

    it('follows the filter: denied only counts every entry as denied, and only the partly allowed ones as allowed too', async () => {
      const filter = { familyId: DEMO_FAMILY_ID, decision: 'DENIED', from: at(0, 0).toISOString(), to: at(5, 0).toISOString() };
      const chart = (await days('keten-fg', filter)).data?.accessLogDays ?? [];
      const listed = await entries('keten-fg', filter);
      expect(listed.every((e) => e.decision === 'DENIED' || e.decision === 'PARTLY_ALLOWED')).toBe(true);
      expect(chart.reduce((n, d) => n + d.denied, 0)).toBe(listed.length);
      expect(chart.reduce((n, d) => n + d.allowed + d.breakGlass, 0)).toBe(listed.filter((e) => e.decision === 'PARTLY_ALLOWED').length);
    });

    it('keeps each caller in their scope: a member counts only what their own log shows', async () => {
      const filter = { from: at(0, 0).toISOString(), to: at(5, 0).toISOString() };
      const mine = (await days('daan', filter)).data?.accessLogDays ?? [];
      expect(totalOf(mine)).toBeGreaterThan(0);
      expect(totalOf(mine)).toBe(totalOf(tally(await entries('daan', filter)).values()));
      expect(totalOf(mine)).toBeLessThan(totalOf((await days('keten-fg', filter)).data?.accessLogDays ?? []));
      expect((await days('wmo', filter)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('leaves out the caller\'s own reads with byOthers, and filters on the kind of actor', async () => {
      const token = await sut.tokenFor('marieke');
      expect((await sut.graphql(`{ myFamily { id } }`, { token })).errors).toBeUndefined();
      const all = await entries('marieke', {});
      const byOthers = await entries('marieke', { byOthers: true });
      const own = all.length - byOthers.length;
      expect(own).toBeGreaterThan(0); // her own read of myFamily is in her log...
      expect(byOthers.length).toBeGreaterThan(0); // ...and the professionals' reads are what is left
      expect((await entries('marieke', { actorKind: 'PROFESSIONAL' })).length).toBe(byOthers.length);
      expect((await entries('marieke', { actorKind: 'CITIZEN' })).length).toBe(own);
      const wrong = await days('marieke', { actorKind: 'ROBOT' });
      expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.actorKind' });
    });

    it('defaults to the last 30 days, and refuses an empty or overlong range', async () => {
      const recent = (await days('keten-fg', {})).data?.accessLogDays ?? [];
      expect(recent.length).toBeGreaterThanOrEqual(30);
      expect(recent.length).toBeLessThanOrEqual(31);
      expect(recent.at(-1)?.day).toBe(amsterdamDay(clock.now().toISOString()));

      const backwards = await days('keten-fg', { from: at(3, 0).toISOString(), to: at(1, 0).toISOString() });
      expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
      const overlong = await days('keten-fg', { from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
      expect(overlong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
    });
  });
});
