import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { ManualClock } from '@kring/config';
import { readCatalogue } from './support/reference/reference-catalogue';
import { expectedMemberView } from './support/reference/reference-member-view';
import { expectedMemberPlan } from './support/reference/reference-member-plan';
import { expectedMemberMessages, expectedMemberThreads } from './support/reference/reference-member-threads';
import { amsterdamDate, wholeYearsOn } from './support/reference/reference-calendar';
import type { ReferenceOrganisation, ReferenceWorld } from './support/reference/reference-world';
import { describeWorld, diffFiles, labelsOf, withLabels } from './support/world/describe-world';
import { FILE_SELECTION, fileOfAnswer, normalise, type FileAnswer } from './support/world/file-answer';
import { materializeWorld } from './support/world/materialize-world';
import { diffDecisions, diffPlans, loggedPlanDecisions, PLAN_SELECTION, planOfAnswer, type PlanAnswer } from './support/world/plan-answer';
import { checkMessagesPage, MESSAGES_SELECTION, THREAD_SELECTION, threadOfAnswer, type MessagesAnswer, type ThreadAnswer } from './support/world/thread-answer';
import { loggedThreadDecisions } from './support/world/thread-log';
import { ORGANISATION_DOMAINS, registerOrganisations } from './support/world/organisations';
import { MAX_MEMBERS, worldSpec } from './support/world/world-spec.arbitrary';
import { writeWorld } from './support/world/world.writer';
import { startTestGateway, type TestGateway } from './support/test-gateway';

/*
 * DESIGN.md §5.7 and §9: a member's own view holds what is about their reach (themselves,
 * and the children under 16 over whom they hold authority) and nothing else: no record,
 * member, involvement or redaction about anyone outside it. For generated worlds (members
 * of every age around 12 and 16, authority or none, records about several members, stories
 * written in versions by any member about any member, clocks near Amsterdam midnight) a member's `myFamily` equals an independent reference of reach
 * (test/support/reference/reference-member-view.ts), absences included, and the read's
 * log entries are about exactly what was in the view. Some involvements are shielded from
 * some members (often the viewer): a shielded involvement is in neither their file nor their
 * circle (`myCircle`), nor named in the log entries about them of either read; a lifted
 * shielding hides nothing.
 * The family plan (`ourPlan`) equals an independent reference too (reference-member-plan.ts):
 * the items about the reach and those shown to the family by capacity, less what a shielded
 * organisation wrote or does, versions counted in the member's view; and on the raw answer no
 * id of an item out of view, no member or organisation the view may not name, no redaction.
 * The family's threads (`ourThreads`) equal an independent reference too
 * (reference-member-threads.ts): those about the reach that no organisation shielded from the
 * member takes part in, joined or not, with who takes part and the unread count; threads
 * started days before, which a child's 16th birthday took out of a parent's reach since, are
 * gone. `threadMessages` of one thread: NOT_FOUND out of view, FORBIDDEN before joining, every
 * message (withdrawn ones as tombstones) once joined. On the raw answers no id of a thread out of
 * view and nothing the view may not name; the reads' log decisions are about the threads in view.
 *
 *   KRING_CITIZEN_PROPERTY_RUNS   worlds per run (default 300)
 */
const RUNS = Number(process.env['KRING_CITIZEN_PROPERTY_RUNS'] ?? 300);
const MY_FAMILY = `{ myFamily { ${FILE_SELECTION} } myCircle { involvements { id } caseDirector { id } } }`;
/** Apart from the file: `ourPlan` is non-null, so in one document its error would null the file too. */
const OUR_PLAN = `{ ourPlan { ${PLAN_SELECTION} } }`;
const OUR_THREADS = `{ ourThreads { ${THREAD_SELECTION} } }`;
const THREAD_MESSAGES = `query ThreadMessages($threadId: ID!) { threadMessages(threadId: $threadId) { ${MESSAGES_SELECTION} } }`;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The cases the generated worlds must reach in a run, or a passing run proves little. */
const REQUIRED = [
  'everyone in reach',
  'someone outside reach',
  'a child in reach',
  'a child of 16 or 17 under authority, outside reach',
  'a joint record with someone outside reach',
  'a record in view',
  'a record out of view',
  'involvements in view',
  'involvements out of view',
  'an involvement shielded from the viewer',
  'a shielded involvement left out of a file with involvements',
  'a circle with someone in it',
  'a story in view',
  'a replaced version of a story in view',
  'a story in view by a writer outside reach',
  'a story out of view',
  'a lifted shielding: the involvement in the circle again',
  'a plan item about the reach',
  'a plan item out of view',
  'a plan item shown to the family',
  'a plan item about every member',
  'a plan item shown by capacity about a member UNDER_12',
  'a plan item shown by capacity about a member FROM_12_TO_15',
  'a plan item shown by capacity about a member FROM_16',
  'a plan item some chose to show, not shown',
  'a plan item by a shielded organisation',
  'a changed plan item in view',
  'a plan version out of view beside versions in view',
  // Threads (docs/messages.md): about the reach, not shielded, whatever time did to the reach since they started.
  'a joined thread in view',
  'a thread in view, not joined',
  'a thread in view that another member joined',
  'a thread about a child in reach',
  'a thread in view of a member it may not be kept from',
  'a thread about someone outside reach',
  'a thread about someone outside reach, joined before',
  'a thread about the member and someone outside their reach',
  'a thread shielded from the member',
  'member threadMessages served',
  'member threadMessages a withdrawn message as a tombstone',
  'member threadMessages FORBIDDEN NOT_A_PARTICIPANT',
  'member threadMessages NOT_FOUND',
];

/** A member who joined a thread about others (a parent), preferring one about someone who is 16 or older today; none when nobody did. */
function joinedParentOf(world: ReferenceWorld, at: Date): string | undefined {
  const today = amsterdamDate(at);
  const grownUp = (id: string) => world.members.some((m) => m.id === id && wholeYearsOn(m.birthDate, today) >= 16);
  const joined = (world.threads ?? []).flatMap((t) => t.memberIds.filter((m) => !t.subjectIds.includes(m)).map((memberId) => ({ memberId, grownUp: t.subjectIds.some(grownUp) })));
  return (joined.find((j) => j.grownUp) ?? joined[0])?.memberId;
}

describe('a member\'s own view holds exactly what is about their reach', () => {
  const clock = new ManualClock(new Date('2026-06-01T10:00:00Z'));
  const catalogue = readCatalogue();
  let sut: TestGateway;
  let organisations: ReferenceOrganisation[];

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'citizen_view_property', seedDemoWorld: false, clock });
    organisations = (await registerOrganisations(sut, ORGANISATION_DOMAINS)).organisations;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it(
    `for ${RUNS} generated worlds, myFamily, ourPlan, ourThreads and threadMessages equal an independent reference of reach, and their log entries cover exactly the view`,
    async () => {
      const seen = new Map<string, number>();
      // Shieldings: which involvement (by index), from whom (the viewer, or a member by index), lifted or in force.
      const shielding = fc.record({ involvement: fc.nat(7), member: fc.option(fc.nat(MAX_MEMBERS - 1), { nil: null, freq: 2 }), lifted: fc.boolean() });
      // Which thread's messages the member asks for (by index), so joined, not joined and out of view all come up.
      // The viewer: a member by index, or (a third of the time) a parent who joined a thread about a child, one who has turned 16 since if any.
      const viewerSpec = fc.record({ index: fc.nat(MAX_MEMBERS - 1), joinedParent: fc.oneof({ weight: 2, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) });
      const spec = fc.record({ world: worldSpec(ORGANISATION_DOMAINS.length, catalogue.length), viewer: viewerSpec, shieldings: fc.array(shielding, { maxLength: 3 }), thread: fc.nat(2) });
      const property = fc.asyncProperty(spec, async ({ world: worldSpecOf, viewer, shieldings, thread: threadIndex }) => {
          const materialized = materializeWorld(worldSpecOf, organisations, catalogue);
          const { request } = materialized;
          const { members } = materialized.world;
          const viewerId = (viewer.joinedParent ? joinedParentOf(materialized.world, request.at) : undefined) ?? (members[viewer.index % members.length] as { id: string }).id;
          // At most one shielding in force per involvement and member (the database's rule); lifted ones besides.
          const shielded = new Map<string, { involvementId: string; memberId: string; lifted: boolean }>();
          for (const x of materialized.world.involvements.length === 0 ? [] : shieldings) {
            const involvementId = (materialized.world.involvements[x.involvement % materialized.world.involvements.length] as { id: string }).id;
            const memberId = x.member === null ? viewerId : (materialized.world.members[x.member % materialized.world.members.length] as { id: string }).id;
            shielded.set(`${involvementId}|${memberId}|${x.lifted ? shielded.size : 'in force'}`, { involvementId, memberId, lifted: x.lifted });
          }
          const world = await writeWorld(sut, { ...materialized.world, shieldings: [...shielded.values()] });
          clock.set(request.at);
          const token = await sut.issuer.sign({ kind: 'citizen', memberId: viewerId });
          // The page of messages moves the member's read marker: it comes after the list, whose unread counts are the reference's.
          const [answer, planAnswer, threadsAnswer] = await Promise.all([
            sut.graphql<{ myFamily: FileAnswer | null; myCircle: { involvements: { id: string }[]; caseDirector: { id: string } | null } | null }>(MY_FAMILY, { token }),
            sut.graphql<{ ourPlan: PlanAnswer | null }>(OUR_PLAN, { token }),
            sut.graphql<{ ourThreads: ThreadAnswer[] | null }>(OUR_THREADS, { token }),
          ]);
          const asked = world.threads === undefined || world.threads.length === 0 ? undefined : world.threads[threadIndex % world.threads.length];
          const messagesAnswer = asked === undefined ? null : await sut.graphql<{ threadMessages: MessagesAnswer | null }>(THREAD_MESSAGES, { token, variables: { threadId: asked.id } });
          const expected = expectedMemberView(world, viewerId, request.at);
          const expectedPlan = expectedMemberPlan(world, viewerId, request.at);
          const expectedThreads = expectedMemberThreads(world, viewerId, request.at);
          const expectedMessages = asked === undefined ? null : expectedMemberMessages(world, viewerId, request.at, asked.id);
          for (const t of [...expected.trace, ...expectedPlan.cases, ...expectedThreads.cases, ...(expectedMessages?.cases ?? [])]) seen.set(t, (seen.get(t) ?? 0) + 1);

          const fail = (what: string[]): never => {
            const labels = labelsOf(world, organisations);
            throw new Error(`${withLabels([`viewer ${viewerId}, reach ${expected.reach.join(',')}`, ...what].join('\n'), labels)}\n--- the world ---\n${describeWorld(world, request, organisations)}`);
          };
          const file = answer.data?.myFamily;
          if (answer.errors !== undefined || file == null) return fail([`expected a file, the gateway answered ${JSON.stringify(answer.errors?.map((e) => e.extensions?.code ?? e.message))}`]);
          const want = normalise(expected.file);
          const got = fileOfAnswer(file);
          if (!isDeepStrictEqual(want, got)) {
            const lines = diffFiles(want, got);
            fail(lines.length > 0 ? lines : ['the files differ in a way the line diff does not show']);
          }
          // Absence, whatever the shape: no id of a member outside the reach (a subject, a story's writer) appears anywhere in the answer.
          const answered = JSON.stringify(answer.data);
          const outsiders = world.members.filter((m) => !expected.reach.includes(m.id) && answered.includes(m.id)).map((m) => m.id);
          if (outsiders.length > 0) fail([`the answer names members outside the reach: ${outsiders.join(',')}`]);

          // The read's entries: about the reach only, and naming exactly what was in the view.
          const circle = answer.data?.myCircle?.involvements.map((i) => i.id) ?? null;
          if (!isDeepStrictEqual(circle, expected.circle)) fail([`myCircle: expected ${expected.circle.join(',') || 'nobody'}, the gateway answered ${circle?.join(',') ?? 'no circle'}`]);

          const entries = await sut.dataSource.query<{ subjects: string[]; target_ids: string[] }[]>(
            `SELECT subject_member_ids::text[] AS subjects, target_ids::text[] AS target_ids FROM access_log_decision WHERE family_id = $1 AND activity = 'READ_OWN_FILE' AND actor_id = $2`,
            [world.familyId, viewerId],
          );
          // The circle's entries: about the reach only, naming nothing shielded from the member each is about.
          const circleEntries = await sut.dataSource.query<{ subjects: string[]; target_ids: string[] }[]>(
            `SELECT subject_member_ids::text[] AS subjects, target_ids::text[] AS target_ids FROM access_log_decision WHERE family_id = $1 AND activity = 'READ_CIRCLE' AND actor_id = $2`,
            [world.familyId, viewerId],
          );
          const inForce = (world.shieldings ?? []).filter((x) => !x.lifted);
          const leaks = circleEntries.filter((e) => e.subjects.some((s) => !expected.reach.includes(s) || inForce.some((x) => x.memberId === s && e.target_ids.includes(x.involvementId))));
          if (leaks.length > 0) fail([`the circle's log entries name what is outside the reach or shielded: ${JSON.stringify(leaks)}`]);
          const reach = new Set(expected.reach);
          const inView = new Set([...want.members, ...want.records, ...want.involvements].map((x) => x.id));
          const named = new Set(entries.flatMap((e) => e.target_ids));
          const outside = entries.flatMap((e) => e.subjects).filter((s) => !reach.has(s));
          if (outside.length > 0 || !isDeepStrictEqual(named, inView)) {
            fail([`log entries about ${[...new Set(outside)].join(',') || 'the reach only'}; targets named ${[...named].sort().join(',')}; in view ${[...inView].sort().join(',')}`]);
          }

          // The plan: the reference's view, item for item; absent on the raw answer what is out of view; the read logged per item in view.
          const plan = planAnswer.data?.ourPlan;
          if (planAnswer.errors !== undefined || plan == null) return fail([`ourPlan: expected a plan, the gateway answered ${JSON.stringify(planAnswer.errors?.map((e) => e.extensions?.code ?? e.message))}`]);
          const gotPlan = planOfAnswer(plan);
          if (plan.familyId !== world.familyId || !isDeepStrictEqual(expectedPlan.plan, gotPlan)) {
            const lines = diffPlans(expectedPlan.plan, gotPlan);
            fail(lines.length > 0 ? lines : ['the plans differ in a way the line diff does not show']);
          }
          const raw = JSON.stringify(plan);
          const planIds = [...new Set(raw.match(UUID) ?? [])].map((id) => id.toLowerCase());
          const outOfView = planIds.filter((id) => expectedPlan.outOfView.has(id));
          const unexpected = planIds.filter((id) => !expectedPlan.mayName.has(id));
          if (outOfView.length > 0 || unexpected.length > 0 || plan.redactions.length > 0) {
            fail([`ourPlan names what is out of view: items ${outOfView.join(',') || '-'}; other ids ${unexpected.join(',') || '-'}; ${plan.redactions.length} redaction(s)`]);
          }
          const planDecisions = await loggedPlanDecisions(sut.dataSource, world.familyId, viewerId);
          const wantDecisions = [...expectedPlan.decisions].sort();
          if (!isDeepStrictEqual(planDecisions, wantDecisions)) fail([`ourPlan's log decisions:`, ...diffDecisions(wantDecisions, planDecisions)]);

          // The threads: the reference's view, thread for thread; on the raw answers nothing out of view; both reads logged about the view only.
          const threads = threadsAnswer.data?.ourThreads;
          if (threadsAnswer.errors !== undefined || threads == null) return fail([`ourThreads: expected threads, the gateway answered ${JSON.stringify(threadsAnswer.errors?.map((e) => e.extensions?.code ?? e.message))}`]);
          const gotThreads = threads.map(threadOfAnswer);
          if (!isDeepStrictEqual(gotThreads, expectedThreads.threads)) fail(['ourThreads:', `expected ${JSON.stringify(expectedThreads.threads, null, 1)}`, `got ${JSON.stringify(gotThreads, null, 1)}`]);
          if (expectedMessages !== null && messagesAnswer !== null) {
            const want = expectedMessages.kind === 'messages' ? expectedMessages : { refused: expectedMessages.code === 'FORBIDDEN' ? { code: 'FORBIDDEN', refusal: expectedMessages.refusal } : { code: 'NOT_FOUND' } };
            checkMessagesPage(want, messagesAnswer, fail);
          }
          const rawThreads = JSON.stringify([threadsAnswer.data, messagesAnswer?.data ?? null]);
          const threadIds = [...new Set(rawThreads.match(UUID) ?? [])].map((id) => id.toLowerCase());
          const outOfViewThreads = threadIds.filter((id) => expectedThreads.outOfView.has(id));
          const unnamed = threadIds.filter((id) => !expectedThreads.mayName.has(id));
          if (outOfViewThreads.length > 0 || unnamed.length > 0) fail([`ourThreads or threadMessages names what is out of view: threads ${outOfViewThreads.join(',') || '-'}; other ids ${unnamed.join(',') || '-'}`]);
          const threadDecisions = await loggedThreadDecisions(sut.dataSource, world.familyId, { memberId: viewerId });
          const wantThreadDecisions = [...expectedThreads.decisions, ...(expectedMessages?.decisions ?? [])].sort();
          if (!isDeepStrictEqual(threadDecisions, wantThreadDecisions)) fail([`the thread reads' log decisions:`, ...diffDecisions(wantThreadDecisions, threadDecisions)]);
        });
      await fc.assert(property, { numRuns: RUNS });
      // A plan item about a child of 12 to 15 outside the viewer's reach, shown by the child and a parent, comes
      // from about one world in fifty: rather than fail a run by chance, check fresh worlds until every case was
      // reached, up to three times RUNS; only then is a missing case a generator defect.
      const missing = () => REQUIRED.filter((t) => !seen.has(t));
      for (let extra = 0; missing().length > 0 && extra < 2 * RUNS; extra += 100) await fc.assert(property, { numRuns: 100 });
      expect(missing()).toEqual([]);
    },
    // Up to three times RUNS worlds (above), at about 500 ms each (file, circle, plan, threads and a page of messages) on a loaded machine.
    60_000 + RUNS * 3 * 500,
  );
});
