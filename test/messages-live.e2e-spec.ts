import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { DataCategory } from '@kring/family-file';
import { DevIssuer, ProfessionalRole, type DevIssuerKeys } from '@kring/identity';
import { connectLive, type LiveConnection, type LiveFeed } from '../bench/src/live-client';
import { LiveThreads } from '../apps/gateway/src/messages/live-threads.service';
import { circleHousehold, circlePartners, newWorld, type Bearer, type MadeFamily, type MadeMember, type Partner, type World } from './support/factories';
import { asking } from './support/asking';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const MESSAGE = `id threadId sequence author { kind memberId professional { id name } } sentAt body withdrawnAt`;
const EVENTS = `subscription($threadId: ID!) { threadEvents(threadId: $threadId) { kind threadId message { ${MESSAGE} } closed { category reason } unreadCount } }`;
const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { ${MESSAGE} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawMessage(id: $id) { id } }`;
const JOIN = `mutation($threadId: ID!) { joinThread(threadId: $threadId) { id } }`;
const PAGE = `query($threadId: ID!) { threadMessages(threadId: $threadId) { edges { node { ${MESSAGE} } } } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(id: $id, reason: "Liever niet meer") { status } }`;

interface Message {
  id: string;
  sequence: number;
  author: { kind: string; memberId: string | null; professional: { id: string; name: string } | null };
  body: string | null;
  withdrawnAt: string | null;
}
interface ThreadEvent {
  kind: string;
  threadId: string;
  message: Message | null;
  closed: { category: string; reason: string } | null;
  unreadCount: number | null;
}
type Events = { threadEvents: ThreadEvent };

/**
 * Live delivery of a family's messages (docs/messages.md, "Live"): `threadEvents` over
 * graphql-ws on the gateway's own server and path, authenticated on connect through the same
 * path as HTTP; a subscription is decided and refused exactly as `threadMessages`; every
 * committed post or withdrawal reaches every subscriber the rule allows at that moment, in
 * commit order, logged as a read; a subscriber whose access ends gets THREAD_CLOSED and
 * nothing after.
 */
describe('the family\'s messages, live', () => {
  let sut: TestGateway;
  let issuerKeys: DevIssuerKeys;
  let url: string;
  let world: World;
  let wmo: Partner;
  let youthCare: Partner;
  let childSafety: Partner;
  let debt: Partner;
  let ask: ReturnType<typeof asking>['ask'];
  let ok: ReturnType<typeof asking>['ok'];
  const connections: LiveConnection[] = [];

  const household = () => circleHousehold(world, { wmo, youthCare, childSafety, debt });
  const share = (family: MadeFamily, subject: MadeMember, to: Partner) =>
    world.consent(family, { subject, recipient: to, categories: [DataCategory.SHARED_PLAN], purposes: ['CASE_COORDINATION'] });
  /** A household whose mother consented to WMO and youth care on the shared plan, with a thread WMO started about her, youth care taking part, and one message. */
  const budgetThread = async () => {
    const { made } = await household();
    const mother = made.member('mother');
    await share(made, mother, wmo);
    const consent = await share(made, mother, youthCare);
    const thread = (
      await ok<{ startThread: { id: string } }>(wmo, START, {
        input: { familyId: made.id, topic: 'Het budgetplan', subjectMemberIds: [mother.id], category: 'SHARED_PLAN', purpose: 'CASE_COORDINATION', participantProfessionalIds: [youthCare.professional.id], firstMessage: 'Zullen we samen kijken?' },
      })
    ).startThread;
    return { made, mother, thread, consent };
  };
  const connect = (token: string | null) => {
    const connection = connectLive(url, token);
    connections.push(connection);
    return connection;
  };
  const connectAs = async (bearer: Bearer) => connect(await world.tokenFor(bearer));
  /** Subscribes `bearer` to a thread's events, and waits until the gateway holds the subscription (or refused it). */
  const follow = async (bearer: Bearer, threadId: string, connection?: LiveConnection): Promise<LiveFeed<Events>> => {
    const live = sut.app.get(LiveThreads);
    const before = live.subscribers(threadId);
    const feed = (connection ?? (await connectAs(bearer))).subscribe<Events>(EVENTS, { threadId });
    const deadline = Date.now() + 5_000;
    let ended = false;
    void feed.ended.then(() => (ended = true));
    while (live.subscribers(threadId) === before && !ended && feed.items.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    return feed;
  };
  /** Waits until `ok` holds (the gateway handles a close after the client saw it), for at most five seconds. */
  const eventually = async (ok: () => boolean) => {
    const deadline = Date.now() + 5_000;
    while (!ok() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ok()).toBe(true);
  };
  const post = async (by: Bearer, threadId: string, body: string) => (await ok<{ postMessage: Message }>(by, POST, { input: { threadId, body } })).postMessage;
  const events = (feed: LiveFeed<Events>) => feed.items.map((i) => i.data?.threadEvents);
  const errorOf = (feed: LiveFeed<Events>) => feed.items[0]?.errors?.[0]?.extensions ?? null;
  const logged = (familyId: string, actorId: string) =>
    sut.dataSource.query<{ subjects: string[]; outcome: string; basis: string | null; reason: string | null; target_kind: string; target_ids: string[]; fields: string[]; trace_id: string }[]>(
      `SELECT subject_member_ids::text[] AS subjects, outcome, basis, reason, target_kind, target_ids::text[] AS target_ids, fields, trace_id FROM access_log_decision
        WHERE family_id = $1 AND activity = 'READ_THREAD' AND actor_id = $2 ORDER BY sequence, decision_index`,
      [familyId, actorId],
    );

  beforeAll(async () => {
    issuerKeys = await DevIssuer.generateKeys();
    sut = await startTestGateway({ label: 'messages_live', seedDemoWorld: false, issuerKeys });
    await sut.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}/graphql`;
    world = newWorld(sut);
    ({ ask, ok } = asking(sut, world));
    ({ wmo, youthCare, childSafety, debt } = await circlePartners(world));
  });
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.dispose()));
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('a member who joined and both professionals receive every post live, in commit order, as threadMessages serves it, with their unread count', async () => {
    const { mother, thread } = await budgetThread();
    await ok(mother, JOIN, { threadId: thread.id });
    const feeds = { mother: await follow(mother, thread.id), wmo: await follow(wmo, thread.id), youthCare: await follow(youthCare, thread.id) };
    expect(sut.app.get(LiveThreads).subscribers(thread.id)).toBe(3);

    const authors = [youthCare, wmo, mother, youthCare, wmo, wmo];
    const posted: Message[] = [];
    for (const [i, author] of authors.entries()) posted.push(await post(author, thread.id, `Bericht ${i + 2}`));

    for (const feed of Object.values(feeds)) {
      const got = (await feed.until(authors.length)).map((i) => i.data?.threadEvents);
      expect(got.map((e) => [e?.kind, e?.threadId, e?.message?.sequence])).toEqual(posted.map((m) => ['MESSAGE_POSTED', thread.id, m.sequence]));
      expect(got.map((e) => e?.closed)).toEqual(posted.map(() => null));
    }
    // As a page serves them: the same messages, field for field.
    const page = (await ok<{ threadMessages: { edges: { node: Message }[] } }>(wmo, PAGE, { threadId: thread.id })).threadMessages.edges.map((e) => e.node);
    expect(events(feeds.youthCare).map((e) => e?.message)).toEqual(page.slice(1));
    // The mother joined with the opening message unread; her own post is never unread to her.
    expect(events(feeds.mother).map((e) => e?.unreadCount)).toEqual([2, 3, 3, 4, 5, 6]);
  });

  it('a subscription is refused exactly as threadMessages refuses the page, and logged alike: a professional not taking part, a member not joined or not in reach, a thread closed to its professional', async () => {
    const { made, mother, thread, consent } = await budgetThread();
    await ok(mother, REVOKE, { id: consent.id });
    const refusals: unknown[] = [];
    for (const bearer of [debt, mother, made.member('father'), youthCare] as const) {
      const page = await ask(bearer, PAGE, { threadId: thread.id });
      const feed = await follow(bearer, thread.id);
      await feed.ended;
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]?.data ?? null).toBeNull();
      expect(errorOf(feed)).toEqual(page.errors?.[0]?.extensions);
      refusals.push(errorOf(feed));
    }
    expect(refusals).toEqual([
      { code: 'NOT_FOUND' },
      { code: 'FORBIDDEN', refusal: 'NOT_A_PARTICIPANT' },
      { code: 'NOT_FOUND' },
      { code: 'FORBIDDEN', refusal: 'THREAD_CLOSED', reason: 'CONSENT_REVOKED' },
    ]);
    expect(sut.app.get(LiveThreads).subscribers(thread.id)).toBe(0);
    // Each refusal is in the log twice, the page's and the subscription's, alike; a member's attempt outside their view is not theirs to log.
    for (const [professional, reason, subjects] of [[debt.professional.id, 'NOT_INVOLVED', []], [youthCare.professional.id, 'CONSENT_REVOKED', [mother.id]]] as const) {
      const rows = (await logged(made.id, professional)).map(({ trace_id: _, ...row }) => row);
      expect(rows).toEqual([rows[0], rows[0]]);
      expect(rows[0]).toMatchObject({ outcome: 'DENIED', reason, target_kind: 'THREAD', subjects });
    }
    expect(await logged(made.id, made.member('father').id)).toEqual([]);
  });

  it('a consent revoked while subscribed: that professional gets THREAD_CLOSED with the reason, the subscription completes, and nothing after; the others go on', async () => {
    const { made, mother, thread, consent } = await budgetThread();
    const theirs = await follow(youthCare, thread.id);
    const ours = await follow(wmo, thread.id);
    await post(wmo, thread.id, 'Voor de intrekking');
    await theirs.until(1);

    await ok(mother, REVOKE, { id: consent.id });
    expect(await theirs.ended).toEqual({ completed: true });
    expect(events(theirs).map((e) => [e?.kind, e?.closed, e?.message?.body ?? null])).toEqual([
      ['MESSAGE_POSTED', null, 'Voor de intrekking'],
      ['THREAD_CLOSED', { category: 'SHARED_PLAN', reason: 'CONSENT_REVOKED' }, null],
    ]);
    await post(wmo, thread.id, 'Na de intrekking');
    await ours.until(2);
    expect(events(ours).map((e) => e?.message?.body)).toEqual(['Voor de intrekking', 'Na de intrekking']);
    expect(theirs.items).toHaveLength(2);
    expect(JSON.stringify(theirs.items)).not.toContain('Na de intrekking');
    expect((await logged(made.id, youthCare.professional.id)).at(-1)).toMatchObject({ outcome: 'DENIED', reason: 'CONSENT_REVOKED', subjects: [mother.id] });
  });

  it('a withdrawal reaches subscribers as a tombstone: who wrote it and when, without its text', async () => {
    const { thread } = await budgetThread();
    const feed = await follow(wmo, thread.id);
    const message = await post(youthCare, thread.id, 'Verkeerde draad, sorry');
    await ok(youthCare, WITHDRAW, { id: message.id });
    const [postedEvent, withdrawn] = (await feed.until(2)).map((i) => i.data?.threadEvents);
    expect(postedEvent?.message?.body).toBe('Verkeerde draad, sorry');
    expect(withdrawn).toMatchObject({ kind: 'MESSAGE_WITHDRAWN', message: { id: message.id, sequence: message.sequence, body: null, author: { professional: { id: youthCare.professional.id } } }, closed: null });
    expect(withdrawn?.message?.withdrawnAt).not.toBeNull();
    expect(JSON.stringify(withdrawn)).not.toContain('Verkeerde draad');
  });

  it('every delivery is in the access log as a read of the message, per subscriber, about the thread\'s subjects, under the subscription\'s trace', async () => {
    const { made, mother, thread } = await budgetThread();
    await ok(mother, JOIN, { threadId: thread.id });
    await follow(mother, thread.id);
    const feed = await follow(youthCare, thread.id);
    const message = await post(wmo, thread.id, 'Ik kan donderdag.');
    await feed.until(1);

    const theirs = await logged(made.id, youthCare.professional.id);
    const [subscribed, ...delivered] = theirs;
    expect(subscribed).toMatchObject({ outcome: 'ALLOWED', target_kind: 'THREAD', fields: [] });
    expect(delivered).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: 'ALLOWED', basis: 'CONSENT', target_kind: 'MESSAGE', target_ids: [message.id], fields: ['body'], subjects: [mother.id] })]));
    expect(new Set(theirs.map((d) => d.trace_id)).size).toBe(1);
    const hers = await logged(made.id, mother.id);
    expect(hers.filter((d) => d.target_kind === 'MESSAGE')).toEqual([expect.objectContaining({ basis: 'DATA_SUBJECT', target_ids: [message.id], fields: ['body'] })]);
  });

  it('no token, a bad one, or an expired one closes the connection with 4401; a connection is closed at its token\'s expiry', async () => {
    for (const token of [null, 'not-a-token', await sut.issuer.sign({ kind: 'professional', professionalId: wmo.professional.id }, -120)]) {
      const connection = connect(token);
      await expect(connection.connected()).rejects.toThrow('closed with 4401');
      expect(await connection.closed).toBe(4401);
    }
    const { thread } = await budgetThread();
    const shortLived = connect(await sut.issuer.sign({ kind: 'professional', professionalId: wmo.professional.id }, 2));
    const feed = await follow(wmo, thread.id, shortLived);
    expect(sut.app.get(LiveThreads).subscribers(thread.id)).toBe(1);
    expect(await shortLived.closed).toBe(4401);
    expect(await feed.ended).toMatchObject({ completed: false });
    await eventually(() => sut.app.get(LiveThreads).subscribers(thread.id) === 0);
  });

  it('a professional deactivated by an administrator has their live connection closed with 4401 at once, and cannot subscribe again (docs/administration.md)', async () => {
    // A professional of its own (the suite's partners serve every test), taking part in a thread.
    const leaver = await world.professional(youthCare.organisation);
    const { made } = await household();
    const mother = made.member('mother');
    await share(made, mother, wmo);
    await share(made, mother, youthCare);
    const thread = (
      await ok<{ startThread: { id: string } }>(wmo, START, {
        input: { familyId: made.id, topic: 'Het budgetplan', subjectMemberIds: [mother.id], category: 'SHARED_PLAN', purpose: 'CASE_COORDINATION', participantProfessionalIds: [leaver.id], firstMessage: 'Zullen we samen kijken?' },
      })
    ).startThread;
    const admin = await world.professional(wmo.organisation, { roles: [ProfessionalRole.ADMIN] });
    // A colleague of youth care who takes part in no thread: their connection is not touched.
    const colleague = await world.professional(youthCare.organisation);
    const bystander = await connectAs(colleague);
    await bystander.connected();
    const connection = await connectAs(leaver);
    const feed = await follow(leaver, thread.id, connection);
    expect(sut.app.get(LiveThreads).subscribers(thread.id)).toBe(1);

    await ok(admin, `mutation($id: ID!) { deactivateProfessional(professionalId: $id) { id } }`, { id: leaver.id });

    expect(await connection.closed).toBe(4401);
    expect(await feed.ended).toMatchObject({ completed: false });
    await post(wmo, thread.id, 'Dit bericht komt niet meer bij Jeugdhulp.');
    expect(events(feed).filter((e) => e?.kind === 'MESSAGE_POSTED')).toEqual([]);
    const again = connect(await world.tokenFor(leaver));
    await expect(again.connected()).rejects.toThrow('closed with 4401');
    // Another caller's connection stays open.
    const still = await follow(colleague, thread.id, bystander);
    expect(errorOf(still)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('limits: 20 subscriptions per connection, 50 per caller on a gateway, subscriptions only, and a message of 32 KiB at most', async () => {
    const { thread } = await budgetThread();
    const first = await connectAs(wmo);
    for (let i = 0; i < 20; i++) await follow(wmo, thread.id, first);
    const twentyFirst = await follow(wmo, thread.id, first);
    expect(await twentyFirst.ended).toMatchObject({ completed: false, error: [expect.objectContaining({ extensions: { code: 'LIMIT_EXCEEDED', limit: 'subscriptionsPerConnection', maximum: 20 } })] });

    const [second, third] = [await connectAs(wmo), await connectAs(wmo)];
    for (let i = 0; i < 30; i++) await follow(wmo, thread.id, i < 20 ? second : third);
    expect(sut.app.get(LiveThreads).subscribers(thread.id)).toBe(50);
    const fiftyFirst = await follow(wmo, thread.id, third);
    await fiftyFirst.ended;
    expect(errorOf(fiftyFirst)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'subscriptionsPerPrincipal', maximum: 50 });
    // Another caller is not held to this one's count.
    expect((await follow(youthCare, thread.id)).items).toHaveLength(0);
    expect(sut.app.get(LiveThreads).subscribers(thread.id)).toBe(51);

    const query = (await connectAs(wmo)).subscribe(`{ me { kind } }`, {});
    expect(await query.ended).toMatchObject({ completed: false, error: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })] });

    // Below graphql-ws's client: a frame over the limit closes the connection (1009, message too big).
    const raw = new WebSocket(url, 'graphql-transport-ws');
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await world.tokenFor(wmo)}`, padding: 'x'.repeat(33 * 1024) } }));
    expect(await new Promise((resolve) => raw.once('close', resolve))).toBe(1009);
  });

  it('a post through one gateway process reaches a subscriber of another: they share nothing but PostgreSQL', async () => {
    const other = await startTestGateway({ label: 'messages_live_b', shareDatabaseWith: sut, issuerKeys });
    try {
      await other.app.listen(0, '127.0.0.1');
      const { thread } = await budgetThread();
      const connection = connectLive(`ws://127.0.0.1:${(other.app.getHttpServer().address() as AddressInfo).port}/graphql`, await world.tokenFor(youthCare));
      connections.push(connection);
      const feed = connection.subscribe<Events>(EVENTS, { threadId: thread.id });
      const deadline = Date.now() + 5_000;
      while (other.app.get(LiveThreads).subscribers(thread.id) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(sut.app.get(LiveThreads).subscribers(thread.id)).toBe(0);

      const message = await post(wmo, thread.id, 'Via de eerste gateway');
      expect((await feed.until(1))[0]?.data?.threadEvents.message).toMatchObject({ id: message.id, body: 'Via de eerste gateway' });
    } finally {
      await Promise.all(connections.splice(0).map((c) => c.dispose()));
      await other.close();
    }
  });
});
