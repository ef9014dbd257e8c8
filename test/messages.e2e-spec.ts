import { DataCategory } from '@kring/family-file';
import { ProfessionalRole } from '@kring/identity';
import { circleHousehold, circlePartners, newWorld, type MadeFamily, type MadeMember, type MadeProfessional, type Partner, type World } from './support/factories';
import { asking } from './support/asking';
import { dumpDatabase } from './support/database-dump';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const THREAD = `id familyId topic subjectMemberIds category purpose startedBy { id name organisation { id } } participants { memberId professional { id name organisation { id } } } joined closed { category reason } unreadCount lastMessageAt`;
const MESSAGE = `id threadId sequence author { kind memberId professional { id name } } body withdrawnAt`;
const OUR_THREADS = `{ ourThreads { ${THREAD} } }`;
const FAMILY_THREADS = `query($familyId: ID!) { familyThreads(familyId: $familyId) { ${THREAD} } }`;
const ONE = `query($id: ID!) { thread(id: $id) { ${THREAD} } }`;
const PAGE = `query($threadId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  threadMessages(threadId: $threadId, first: $first, after: $after, last: $last, before: $before) { threadId unreadCount edges { cursor node { ${MESSAGE} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { ${THREAD} } }`;
const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { ${MESSAGE} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawMessage(id: $id) { ${MESSAGE} } }`;
const JOIN = `mutation($threadId: ID!) { joinThread(threadId: $threadId) { ${THREAD} } }`;

interface Thread {
  id: string;
  familyId: string;
  topic: string | null;
  subjectMemberIds: string[];
  category: string;
  purpose: string;
  startedBy: { id: string; name: string; organisation: { id: string } };
  participants: { memberId: string | null; professional: { id: string; name: string; organisation: { id: string } } | null }[] | null;
  joined: boolean;
  closed: { category: string; reason: string } | null;
  unreadCount: number | null;
  lastMessageAt: string | null;
}
interface Message {
  id: string;
  threadId: string;
  sequence: number;
  author: { kind: string; memberId: string | null; professional: { id: string; name: string } | null };
  body: string | null;
  withdrawnAt: string | null;
}
interface Page {
  threadId: string;
  unreadCount: number;
  edges: { cursor: string; node: Message }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
type Answer = { errors?: { extensions?: Record<string, unknown> }[] };

/**
 * The family's messages (DESIGN.md §9, kringberichten; docs/messages.md): threads around a
 * family with a topic, subjects, category and purpose; professionals take part when named and
 * read only while the rule of §4 allows the thread's category about every subject for its
 * purpose, asked again at every request; members see the threads about their reach and who
 * takes part, and join them; messages are sealed, never edited, withdrawn as tombstones whose
 * ciphertext is gone, and erased with the family; every read and change is logged about the
 * thread's subjects.
 */
describe('the family\'s messages', () => {
  let sut: TestGateway;
  let world: World;
  let wmo: Partner;
  let youthCare: Partner;
  let childSafety: Partner;
  let debt: Partner;
  let officer: MadeProfessional;
  let ask: ReturnType<typeof asking>['ask'];
  let ok: ReturnType<typeof asking>['ok'];
  let codeOf: ReturnType<typeof asking>['codeOf'];

  const household = () => circleHousehold(world, { wmo, youthCare, childSafety, debt });
  const refusalOf = (answer: Answer) => answer.errors?.[0]?.extensions?.['refusal'];
  const extensionsOf = (answer: Answer) => answer.errors?.[0]?.extensions ?? {};
  /** A consent to `to` for CASE_COORDINATION on `categories` about `subject` (signed by `signedBy`, default the subject). */
  const share = (family: MadeFamily, subject: MadeMember, to: Partner, categories: DataCategory[] = [DataCategory.SHARED_PLAN], signedBy?: MadeMember[]) =>
    world.consent(family, { subject, recipient: to, categories, purposes: ['CASE_COORDINATION'], ...(signedBy === undefined ? {} : { signedBy }) });
  const start = (by: Partner, family: MadeFamily, subjects: readonly MadeMember[], extra: Record<string, unknown> = {}) =>
    ask<{ startThread: Thread }>(by, START, { input: { familyId: family.id, topic: 'Het budgetplan', subjectMemberIds: subjects.map((s) => s.id), category: 'SHARED_PLAN', purpose: 'CASE_COORDINATION', ...extra } });
  const started = async (by: Partner, family: MadeFamily, subjects: readonly MadeMember[], extra: Record<string, unknown> = {}) => {
    const answer = await start(by, family, subjects, extra);
    expect(answer.errors).toBeUndefined();
    return (answer.data as { startThread: Thread }).startThread;
  };
  const ourThreads = async (member: MadeMember) => (await ok<{ ourThreads: Thread[] }>(member, OUR_THREADS)).ourThreads;
  const familyThreads = async (by: Partner, family: MadeFamily) => (await ok<{ familyThreads: Thread[] }>(by, FAMILY_THREADS, { familyId: family.id })).familyThreads;
  const page = (by: Partner | MadeMember, threadId: string, paging: Record<string, unknown> = {}) => ask<{ threadMessages: Page }>(by, PAGE, { threadId, ...paging });
  const paged = async (by: Partner | MadeMember, threadId: string, paging: Record<string, unknown> = {}) => (await ok<{ threadMessages: Page }>(by, PAGE, { threadId, ...paging })).threadMessages;
  const post = (by: Partner | MadeMember, threadId: string, body: string) => ask<{ postMessage: Message }>(by, POST, { input: { threadId, body } });
  const posted = async (by: Partner | MadeMember, threadId: string, body: string) => (await ok<{ postMessage: Message }>(by, POST, { input: { threadId, body } })).postMessage;
  const logged = (familyId: string, activity: string) =>
    sut.dataSource.query<{ subjects: string[]; outcome: string; basis: string | null; reason: string | null; target_kind: string; target_ids: string[]; purpose: string | null }[]>(
      `SELECT subject_member_ids::text[] AS subjects, outcome, basis, reason, target_kind, target_ids::text[] AS target_ids, purpose FROM access_log_decision WHERE family_id = $1 AND activity = $2`,
      [familyId, activity],
    );
  /** A household whose mother consented to WMO and youth care on the shared plan, with a thread WMO started about her, youth care taking part. */
  const budgetThread = async () => {
    const { made, involvements } = await household();
    const mother = made.member('mother');
    await share(made, mother, wmo);
    const consent = await share(made, mother, youthCare);
    const thread = await started(wmo, made, [mother], { participantProfessionalIds: [youthCare.professional.id], firstMessage: 'Zullen we samen naar het budgetplan kijken?' });
    return { made, involvements, mother, thread, consent };
  };

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'messages', seedDemoWorld: false });
    world = newWorld(sut);
    ({ ask, ok, codeOf } = asking(sut, world));
    ({ wmo, youthCare, childSafety, debt } = await circlePartners(world));
    officer = await world.professional(wmo.organisation, { roles: [ProfessionalRole.CHAIN_PRIVACY_OFFICER] });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('a professional starts a thread with a colleague and an opening message; both read it, and its topic and text are sealed', async () => {
    const { made, mother, thread } = await budgetThread();
    expect(thread).toMatchObject({ topic: 'Het budgetplan', subjectMemberIds: [mother.id], category: 'SHARED_PLAN', purpose: 'CASE_COORDINATION', joined: true, closed: null, unreadCount: 0 });
    expect(thread.startedBy).toMatchObject({ id: wmo.professional.id, name: wmo.professional.name, organisation: { id: wmo.id } });
    expect(thread.participants?.map((p) => p.professional?.id)).toEqual([wmo.professional.id, youthCare.professional.id]);

    const theirs = await familyThreads(youthCare, made);
    expect(theirs.map((t) => [t.id, t.topic, t.unreadCount])).toEqual([[thread.id, 'Het budgetplan', 1]]);
    const read = await paged(youthCare, thread.id);
    expect(read.edges.map((e) => [e.node.sequence, e.node.body, e.node.author.professional?.name])).toEqual([[1, 'Zullen we samen naar het budgetplan kijken?', wmo.professional.name]]);
    expect(read.unreadCount).toBe(0);
    expect((await familyThreads(youthCare, made))[0]?.unreadCount).toBe(0);

    const rows = await sut.dataSource.query<{ text: string }[]>(
      `SELECT encode(topic_ciphertext, 'escape') AS text FROM thread WHERE family_id = $1 UNION ALL SELECT encode(body_ciphertext, 'escape') FROM thread_message WHERE family_id = $1`,
      [made.id],
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.text).join('\n')).not.toMatch(/budgetplan|samen naar/);
  });

  it('members: a thread about their reach exists for them with who takes part, even before they join; for anyone else it does not exist at all', async () => {
    const { made, mother, thread } = await budgetThread();
    const [father, older, teen] = ['father', 'older', 'teen'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember];
    const hers = await ourThreads(mother);
    expect(hers).toEqual([expect.objectContaining({ id: thread.id, topic: 'Het budgetplan', joined: false, unreadCount: null, closed: null })]);
    expect(hers[0]?.participants?.map((p) => p.professional?.name)).toEqual([wmo.professional.name, youthCare.professional.name]);
    // Not joined: she sees it, but reads its messages once she joins.
    const notYet = await page(mother, thread.id);
    expect(codeOf(notYet)).toBe('FORBIDDEN');
    expect(refusalOf(notYet)).toBe('NOT_A_PARTICIPANT');

    // The father, the 17-year-old and the 14-year-old: not a thread, a topic, a count or an id.
    for (const other of [father, older, teen]) {
      const raw = JSON.stringify(await ask(other, OUR_THREADS));
      expect(raw).not.toContain(thread.id);
      expect(raw).not.toContain('budgetplan');
      expect(JSON.parse(raw)).toEqual({ status: 200, data: { ourThreads: [] } });
      const one = await ask(other, ONE, { id: thread.id });
      expect(codeOf(one)).toBe('NOT_FOUND');
      expect(JSON.stringify(one.data ?? null)).not.toContain('budgetplan');
      expect(codeOf(await ask(other, JOIN, { threadId: thread.id }))).toBe('NOT_FOUND');
      expect(codeOf(await page(other, thread.id))).toBe('NOT_FOUND');
    }
  });

  it('capacity: a member aged 16 or more cannot be kept out of a thread about them, nor a parent out of one about their child under 16; a 14-year-old joins his own; a parent not one about their child of 17', async () => {
    const { made } = await household();
    const [mother, father, older, teen, young] = ['mother', 'father', 'older', 'teen', 'young'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember, MadeMember, MadeMember];
    for (const m of [older, teen, young]) await share(made, m, wmo, [DataCategory.SHARED_PLAN], m === older ? [older] : m === teen ? [teen, mother] : [mother]);
    const aboutOlder = await started(wmo, made, [older], { topic: 'Stage en school' });
    const aboutTeen = await started(wmo, made, [teen], { topic: 'Naar school gaan' });
    const aboutChildren = await started(wmo, made, [teen, young], { topic: 'De ochtenden thuis' });

    const ids = async (m: MadeMember) => (await ourThreads(m)).map((t) => t.id).sort();
    expect(await ids(older)).toEqual([aboutOlder.id]);
    expect(await ids(mother)).toEqual([aboutTeen.id, aboutChildren.id].sort());
    expect(await ids(father)).toEqual([aboutTeen.id, aboutChildren.id].sort());
    expect(await ids(teen)).toEqual([aboutTeen.id]);
    expect(await ids(young)).toEqual([]);

    // They may always join: the 17-year-old hers, both parents their son's, the 14-year-old his own.
    for (const [member, thread] of [[older, aboutOlder], [mother, aboutTeen], [father, aboutTeen], [teen, aboutTeen]] as const) {
      expect((await ok<{ joinThread: Thread }>(member, JOIN, { threadId: thread.id })).joinThread.joined).toBe(true);
    }
    const again = await ask(mother, JOIN, { threadId: aboutTeen.id });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(refusalOf(again)).toBe('ALREADY_JOINED');
    expect(codeOf(await ask(mother, JOIN, { threadId: aboutOlder.id }))).toBe('NOT_FOUND');

    // A thread someone it may not be kept from could not read whole is not started: both parents; the 17-year-old with her brother.
    for (const subjects of [[mother, father], [older, teen], [mother, teen]]) {
      const refused = await start(wmo, made, subjects);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refusalOf(refused)).toBe('NOT_SHARED_WHOLE');
    }
  });

  it('a professional who does not take part finds no such thread, by any operation; an organisation no longer involved finds no family', async () => {
    const { made, thread } = await budgetThread();
    const raw = JSON.stringify(await ask(childSafety, FAMILY_THREADS, { familyId: made.id }));
    expect(raw).not.toContain(thread.id);
    expect(raw).not.toContain('budgetplan');
    for (const answer of [await ask(childSafety, ONE, { id: thread.id }), await page(childSafety, thread.id), await post(childSafety, thread.id, 'Mag ik meelezen?')]) {
      expect(codeOf(answer)).toBe('NOT_FOUND');
      expect(JSON.stringify(answer.data ?? null)).not.toContain('budgetplan');
    }
    // Debt assistance stopped yesterday: the family does not exist for it.
    expect(codeOf(await ask(debt, FAMILY_THREADS, { familyId: made.id }))).toBe('NOT_FOUND');
    expect(codeOf(await ask(debt, START, { input: { familyId: made.id, topic: 'x', subjectMemberIds: [made.member('mother').id], category: 'FINANCES', purpose: 'CASE_COORDINATION' } }))).toBe('NOT_FOUND');
    const refusals = await sut.dataSource.query<{ activity: string; reason: string }[]>(
      `SELECT activity, reason FROM access_log_decision WHERE family_id = $1 AND outcome = 'DENIED' AND actor_organisation_id IN ($2, $3) ORDER BY activity`,
      [made.id, childSafety.id, debt.id],
    );
    expect(refusals).toEqual(
      expect.arrayContaining([
        { activity: 'READ_THREAD', reason: 'NOT_A_PARTICIPANT' },
        { activity: 'POST_MESSAGE', reason: 'NOT_A_PARTICIPANT' },
        { activity: 'READ_THREAD', reason: 'NOT_INVOLVED' },
        { activity: 'START_THREAD', reason: 'NOT_INVOLVED' },
      ]),
    );
    // Officers and administrators do not take part in threads at all.
    for (const answer of [await ask(officer, FAMILY_THREADS, { familyId: made.id }), await ask(officer, ONE, { id: thread.id }), await ask(officer, PAGE, { threadId: thread.id })]) expect(codeOf(answer)).toBe('FORBIDDEN');
    expect(codeOf(await ask(made.member('mother'), START, { input: { familyId: made.id, topic: 'x', subjectMemberIds: [], category: 'FINANCES', purpose: 'CASE_COORDINATION' } }))).toBe('FORBIDDEN');
    expect(codeOf(await ask(wmo, JOIN, { threadId: thread.id }))).toBe('FORBIDDEN');
  });

  it('a revoked consent closes the thread to that professional from the next request: no topic, no page, no post; the others go on', async () => {
    const { made, mother, thread, consent } = await budgetThread();
    expect((await paged(youthCare, thread.id)).edges).toHaveLength(1);
    await ok(mother, `mutation($id: ID!) { revokeConsent(id: $id, reason: "Liever niet meer") { status } }`, { id: consent.id });

    const closed = await page(youthCare, thread.id);
    expect(codeOf(closed)).toBe('FORBIDDEN');
    expect(extensionsOf(closed)).toMatchObject({ refusal: 'THREAD_CLOSED', reason: 'CONSENT_REVOKED' });
    expect(closed.data ?? null).toBeNull();
    const listed = await ask<{ familyThreads: Thread[] }>(youthCare, FAMILY_THREADS, { familyId: made.id });
    expect(listed.data?.familyThreads).toEqual([expect.objectContaining({ id: thread.id, topic: null, participants: null, unreadCount: null, lastMessageAt: null, closed: { category: 'SHARED_PLAN', reason: 'CONSENT_REVOKED' } })]);
    expect(JSON.stringify(listed)).not.toContain('budgetplan');
    expect(extensionsOf(await post(youthCare, thread.id, 'Nog één ding'))).toMatchObject({ code: 'FORBIDDEN', refusal: 'THREAD_CLOSED', reason: 'CONSENT_REVOKED' });
    // WMO's own consent still counts: it reads and posts.
    expect((await posted(wmo, thread.id, 'Ik neem het verder op met Marieke.')).sequence).toBe(2);
    const denied = (await logged(made.id, 'READ_THREAD')).filter((d) => d.outcome === 'DENIED');
    expect(denied).toEqual(expect.arrayContaining([expect.objectContaining({ subjects: [mother.id], reason: 'CONSENT_REVOKED', target_kind: 'THREAD', purpose: 'CASE_COORDINATION' })]));
  });

  it('capacity lapsed and an involvement ended close the thread too: a consent a parent alone signed when the child was 11 stops counting at 12; youth care no longer involved', async () => {
    const { made, involvements } = await household();
    const [mother, teen] = ['mother', 'teen'].map((l) => made.member(l)) as [MadeMember, MadeMember];
    await share(made, teen, wmo, [DataCategory.SHARED_PLAN], [teen, mother]);
    // Signed three years ago, when Daan (now 14) was 11: then his mother's signature sufficed.
    const threeYearsAgo = new Date(world.now().getTime() - 3 * 365 * 24 * 3600 * 1000);
    await world.consent(made, { subject: teen, recipient: youthCare, categories: [DataCategory.SHARED_PLAN], purposes: ['CASE_COORDINATION'], signedBy: [mother], validFrom: threeYearsAgo, validUntil: new Date(world.now().getTime() + 30 * 24 * 3600 * 1000) });
    const thread = await started(wmo, made, [teen], { participantProfessionalIds: [youthCare.professional.id] });
    expect((await familyThreads(youthCare, made))[0]?.closed).toEqual({ category: 'SHARED_PLAN', reason: 'CAPACITY_LAPSED' });
    expect(extensionsOf(await page(youthCare, thread.id))).toMatchObject({ code: 'FORBIDDEN', reason: 'CAPACITY_LAPSED' });
    // The starter itself needs the rule: without a consent that counts it cannot start one (nor read what it would start).
    const closedToStarter = await start(youthCare, made, [teen]);
    expect(extensionsOf(closedToStarter)).toMatchObject({ code: 'FORBIDDEN', refusal: 'CLOSED_TO_STARTER', reason: 'CAPACITY_LAPSED' });

    await share(made, teen, youthCare, [DataCategory.SHARED_PLAN], [teen, mother]);
    expect((await familyThreads(youthCare, made))[0]?.closed).toBeNull();
    await ok(youthCare, `mutation($id: ID!) { endInvolvement(id: $id) { endsOn } }`, { id: involvements.youthCare });
    expect(codeOf(await page(youthCare, thread.id))).toBe('NOT_FOUND');
    expect(codeOf(await ask(youthCare, FAMILY_THREADS, { familyId: made.id }))).toBe('NOT_FOUND');
  });

  it('posting, pages and unread counts: oldest first, newest last; forwards and backwards by cursor; the read marker moves on with what is served', async () => {
    const { made, mother, thread } = await budgetThread();
    await ok(mother, JOIN, { threadId: thread.id });
    expect((await ourThreads(mother))[0]?.unreadCount).toBe(1);
    for (let i = 2; i <= 7; i++) await posted(i % 2 === 0 ? youthCare : wmo, thread.id, `Bericht ${i}`);
    const own = await posted(mother, thread.id, 'Dank jullie wel.');
    expect(own).toMatchObject({ sequence: 8, author: { kind: 'MEMBER', memberId: mother.id, professional: null }, body: 'Dank jullie wel.' });
    // Her own message is not unread to her.
    expect((await ourThreads(mother))[0]?.unreadCount).toBe(7);

    const first = await paged(mother, thread.id, { first: 3 });
    expect(first.edges.map((e) => e.node.sequence)).toEqual([1, 2, 3]);
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(first.unreadCount).toBe(4);
    const next = await paged(mother, thread.id, { first: 3, after: first.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.sequence)).toEqual([4, 5, 6]);
    // Backwards from the newest: the newest page, newest last.
    const newest = await paged(mother, thread.id, { last: 2 });
    expect(newest.edges.map((e) => e.node.sequence)).toEqual([7, 8]);
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(newest.unreadCount).toBe(0);
    const before = await paged(mother, thread.id, { last: 2, before: newest.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node.sequence)).toEqual([5, 6]);
    // An older page does not move the marker back.
    expect((await ourThreads(mother))[0]?.unreadCount).toBe(0);
    expect((await paged(mother, thread.id)).edges).toHaveLength(8);

    // Bad input: clear codes.
    for (const paging of [{ first: 0 }, { last: 101 }, { first: 2, last: 2 }, { first: 2, before: newest.pageInfo.startCursor }, { after: 'bm90LWEtY3Vyc29y' }]) {
      expect(codeOf(await page(mother, thread.id, paging))).toBe('BAD_USER_INPUT');
    }
    const other = await started(wmo, made, [mother], { topic: 'Iets anders' });
    expect(codeOf(await page(wmo, other.id, { after: first.pageInfo.endCursor }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await post(mother, thread.id, '   '))).toBe('BAD_USER_INPUT');
    expect(codeOf(await post(mother, thread.id, 'x'.repeat(4001)))).toBe('BAD_USER_INPUT');
  });

  it('bad input when starting: clear codes, nothing stored', async () => {
    const { made } = await household();
    const mother = made.member('mother');
    await share(made, mother, wmo);
    for (const [extra, field] of [
      [{ topic: '  ' }, 'topic'],
      [{ subjectMemberIds: [] }, 'subjectMemberIds'],
      [{ subjectMemberIds: [youthCare.professional.id] }, 'subjectMemberIds'],
      [{ category: 'NATIONAL_ID' }, 'category'],
      [{ participantProfessionalIds: [debt.professional.id] }, 'participantProfessionalIds'],
      [{ participantProfessionalIds: [officer.id] }, 'participantProfessionalIds'],
      [{ participantProfessionalIds: ['not-an-id'] }, 'participantProfessionalIds'],
      [{ firstMessage: 'x'.repeat(4001) }, 'firstMessage'],
    ] as const) {
      const answer = await start(wmo, made, [mother], extra);
      expect({ field, code: codeOf(answer), at: extensionsOf(answer)['field'] }).toEqual({ field, code: 'BAD_USER_INPUT', at: field });
    }
    expect(codeOf(await start(wmo, made, [mother], { purpose: 'NOT_A_PURPOSE' }))).toBe('UNKNOWN_PURPOSE');
    expect(codeOf(await ask(wmo, ONE, { id: 'not-an-id' }))).toBe('NOT_FOUND');
    const stored = await sut.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM thread WHERE family_id = $1`, [made.id]);
    expect(stored[0]?.n).toBe(0);
  });

  it('a message is never edited; its author withdraws it: the ciphertext is gone from the table and from a dump, a tombstone stays', async () => {
    const { made, mother, thread } = await budgetThread();
    await ok(mother, JOIN, { threadId: thread.id });
    const mine = await posted(mother, thread.id, 'Mijn rekeningnummer is NL91ABNA0417164300');
    const [before] = await sut.dataSource.query<{ hex: string }[]>(`SELECT encode(body_ciphertext, 'hex') AS hex FROM thread_message WHERE id = $1`, [mine.id]);
    expect(before?.hex.length).toBeGreaterThan(40);
    // Not hers to withdraw, not his: only its author.
    expect(extensionsOf(await ask(wmo, WITHDRAW, { id: mine.id }))).toMatchObject({ code: 'FORBIDDEN', refusal: 'NOT_YOUR_MESSAGE' });
    // The database itself refuses an edit.
    await expect(sut.dataSource.query(`UPDATE thread_message SET body_ciphertext = '\\x00' WHERE id = $1`, [mine.id])).rejects.toThrow(/never edited/);

    const tombstone = (await ok<{ withdrawMessage: Message }>(mother, WITHDRAW, { id: mine.id })).withdrawMessage;
    expect(tombstone).toMatchObject({ id: mine.id, body: null, author: { kind: 'MEMBER', memberId: mother.id } });
    expect(tombstone.withdrawnAt).not.toBeNull();
    const [row] = await sut.dataSource.query<{ body: Buffer | null; withdrawn_at: Date | null; author_member_id: string }[]>(`SELECT body_ciphertext AS body, withdrawn_at, author_member_id FROM thread_message WHERE id = $1`, [mine.id]);
    expect(row).toMatchObject({ body: null, author_member_id: mother.id });
    expect(row?.withdrawn_at).not.toBeNull();
    const dump = await dumpDatabase(sut.database.url);
    expect(dump.text).toContain(thread.id);
    expect(dump.text).not.toContain(before?.hex as string);
    expect(dump.text).not.toContain('NL91ABNA0417164300');
    const shown = await paged(wmo, thread.id);
    expect(shown.edges.find((e) => e.node.id === mine.id)?.node).toMatchObject({ body: null, withdrawnAt: tombstone.withdrawnAt });
    expect(extensionsOf(await ask(mother, WITHDRAW, { id: mine.id }))).toMatchObject({ code: 'BAD_USER_INPUT', refusal: 'ALREADY_WITHDRAWN' });
    expect((await logged(made.id, 'WITHDRAW_MESSAGE')).map((d) => [d.subjects, d.target_kind, d.target_ids, d.basis])).toEqual([[[mother.id], 'MESSAGE', [mine.id], 'DATA_SUBJECT']]);
  });

  it('erasing the family destroys every topic and message text: gone from the tables and from a dump; the threads are no more', async () => {
    const { made, mother, thread } = await budgetThread();
    await ok(mother, JOIN, { threadId: thread.id });
    await posted(mother, thread.id, 'Tot dinsdag.');
    const ciphertexts = await sut.dataSource.query<{ hex: string }[]>(
      `SELECT encode(topic_ciphertext, 'hex') AS hex FROM thread WHERE family_id = $1 UNION ALL SELECT encode(body_ciphertext, 'hex') FROM thread_message WHERE family_id = $1`,
      [made.id],
    );
    expect(ciphertexts).toHaveLength(3);
    await ok(officer, `mutation($id: ID!, $reason: String!) { eraseFamily(id: $id, reason: $reason) { familyId } }`, { id: made.id, reason: 'Verzoek AVG-2026-0201, art. 17 lid 1 sub a' });

    const left = await sut.dataSource.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM thread WHERE family_id = $1 AND topic_ciphertext IS NOT NULL) + (SELECT count(*) FROM thread_message WHERE family_id = $1 AND body_ciphertext IS NOT NULL) AS n`,
      [made.id],
    );
    expect(Number(left[0]?.n)).toBe(0);
    const dump = await dumpDatabase(sut.database.url);
    for (const { hex } of ciphertexts) expect(dump.text).not.toContain(hex);
    for (const answer of [await ask(wmo, FAMILY_THREADS, { familyId: made.id }), await page(wmo, thread.id), await post(wmo, thread.id, 'Nog iets')]) expect(codeOf(answer)).toBe('NOT_FOUND');
  });

  it('shielding: a thread an organisation shielded from a member takes part in does not exist in that member\'s view, and may leave them out', async () => {
    const { made, involvements } = await household();
    const [mother, father, young] = ['mother', 'father', 'young'].map((l) => made.member(l)) as [MadeMember, MadeMember, MadeMember];
    await ok(childSafety, `mutation($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id } }`, {
      input: { involvementId: involvements.childSafety, memberIds: [father.id], reason: 'Onderzoek naar een melding loopt; vader weet het nog niet.' },
    });
    const byChildSafety = await started(childSafety, made, [young], { topic: 'Veiligheid Lotte', category: 'SAFETY', purpose: 'CHILD_PROTECTION' });
    expect(byChildSafety.closed).toBeNull();
    await share(made, young, wmo, [DataCategory.SHARED_PLAN], [mother]);
    const withChildSafety = await started(wmo, made, [young], { topic: 'Lotte op school', participantProfessionalIds: [childSafety.professional.id] });
    const withoutIt = await started(wmo, made, [young], { topic: 'Lotte en zwemles' });

    expect((await ourThreads(mother)).map((t) => t.id).sort()).toEqual([byChildSafety.id, withChildSafety.id, withoutIt.id].sort());
    const his = JSON.stringify(await ask(father, OUR_THREADS));
    for (const hidden of [byChildSafety.id, withChildSafety.id, childSafety.id, 'Veiligheid', 'op school']) expect(his).not.toContain(hidden);
    expect((await ourThreads(father)).map((t) => t.id)).toEqual([withoutIt.id]);
    expect(codeOf(await ask(father, JOIN, { threadId: withChildSafety.id }))).toBe('NOT_FOUND');
  });

  it('every read and change is in the access log about the thread\'s members: a professional\'s read of the mother\'s thread is in her log, not in her son\'s', async () => {
    const { made, mother, thread } = await budgetThread();
    const teen = made.member('teen');
    await ok(mother, JOIN, { threadId: thread.id });
    const message = await posted(youthCare, thread.id, 'Ik kan donderdag.');
    await paged(wmo, thread.id);
    const subjectsOf = async (activity: string) => (await logged(made.id, activity)).map((d) => [d.subjects, d.outcome, d.target_kind]);
    expect(await subjectsOf('START_THREAD')).toEqual(expect.arrayContaining([[[mother.id], 'ALLOWED', 'THREAD'], [[mother.id], 'ALLOWED', 'MESSAGE']]));
    expect(await subjectsOf('JOIN_THREAD')).toEqual([[[mother.id], 'ALLOWED', 'THREAD']]);
    expect((await logged(made.id, 'POST_MESSAGE')).map((d) => [d.subjects, d.target_ids, d.basis, d.purpose])).toEqual([[[mother.id], [message.id], 'CONSENT', 'CASE_COORDINATION']]);
    const reads = (await logged(made.id, 'READ_THREAD')).filter((d) => d.target_kind === 'MESSAGE');
    expect(reads.some((d) => d.subjects.join() === mother.id && d.target_ids.includes(message.id) && d.basis === 'CONSENT')).toBe(true);

    const MY_LOG = `{ accessLog(first: 50) { edges { node { activity decisions { targetIds } } } } }`;
    type Log = { accessLog: { edges: { node: { activity: string; decisions: { targetIds: string[] }[] } }[] } };
    const hers = (await ok<Log>(mother, MY_LOG)).accessLog.edges.map((e) => e.node);
    expect(hers.some((n) => n.activity === 'READ_THREAD' && n.decisions.some((d) => d.targetIds.includes(message.id)))).toBe(true);
    const his = JSON.stringify((await ok<Log>(teen, MY_LOG)).accessLog);
    expect(his).not.toContain(thread.id);
    expect(his).not.toContain(message.id);
  });
});
