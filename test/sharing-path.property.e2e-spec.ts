import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { ManualClock } from '@kring/config';
import { expectedFamilyAnswer, type ExpectedAnswer } from './support/reference/reference-access-rule';
import { amsterdamDate } from './support/reference/reference-calendar';
import { readCatalogue } from './support/reference/reference-catalogue';
import { expectedFamilyPlan, type ExpectedPlanAnswer } from './support/reference/reference-plan';
import {
  expectedFamilyThreads,
  expectedOneThread,
  expectedThreadLog,
  expectedThreadMessages,
  type ExpectedOneThreadAnswer,
  type ExpectedThreadsAnswer,
} from './support/reference/reference-threads';
import type { ReferenceOrganisation } from './support/reference/reference-world';
import { describeWorld, diffFiles, labelsOf, withLabels } from './support/world/describe-world';
import { FILE_SELECTION, fileOfAnswer, normalise, type FileAnswer } from './support/world/file-answer';
import { materializeWorld } from './support/world/materialize-world';
import { ObservedDistribution } from './support/world/observed-distribution';
import { diffDecisions, diffPlans, loggedPlanDecisions, PLAN_SELECTION, planOfAnswer, type PlanAnswer } from './support/world/plan-answer';
import { ORGANISATION_DOMAINS, registerOrganisations } from './support/world/organisations';
import { loggedThreadDecisions } from './support/world/thread-log';
import { worldSpec } from './support/world/world-spec.arbitrary';
import { writeWorld } from './support/world/world.writer';
import { checkMessagesPage, MESSAGES_SELECTION, THREAD_SELECTION, threadOfAnswer, type MessagesAnswer, type ThreadAnswer } from './support/world/thread-answer';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from './support/test-gateway';

/*
 * Guarantee 1 (DESIGN.md §5): for generated worlds (families, ages around 12 and 16,
 * records about several members, stories the members wrote in versions, consents in every
 * state, involvements, purposes, clocks near Amsterdam midnight, a family plan) the real
 * gateway's family(id, purpose) answers exactly what an independent reference of the rule
 * (test/support/reference) allows, and so does familyPlan(familyId, purpose): each item served
 * or withheld with its reason, and the read's log decisions item by item (reference-plan.ts);
 * and so do familyThreads(familyId) (each thread the caller takes part in, open or closed with
 * the reason, its unread count), thread(id) for the world's last thread and threadMessages for
 * its first (served only while open to the caller, withdrawn ones as tombstones, NOT_FOUND to a
 * professional not taking part or no longer involved), and those reads' READ_THREAD log
 * decisions, subject by subject (reference-threads.ts). The threads were started days or an
 * hour before the read through `startThread`; since then consents were revoked or expired,
 * involvements ended and children turned 12 or 16. Some worlds hold emergency grants. Every
 * consent naming an organisation not involved today is carried by a proposed referral
 * (docs/referral.md), which the reference ignores: a referral never makes anything readable
 * before acceptance.
 * One gateway and one set of organisations serve every run; each world is its own family.
 *
 *   KRING_PROPERTY_RUNS        worlds per run (default 1000)
 *   KRING_PROPERTY_SEED/_PATH  replay the failure fast-check reports
 *   KRING_PROPERTY_STATS_FILE  write the observed distribution of outcomes there (JSON)
 */
const RUNS = Number(process.env['KRING_PROPERTY_RUNS'] ?? 1000);
/** To replay a failure, pass the seed and path fast-check reports. */
const SEED = process.env['KRING_PROPERTY_SEED'] === undefined ? undefined : Number(process.env['KRING_PROPERTY_SEED']);
const PATH = process.env['KRING_PROPERTY_PATH'];
/** The outcomes the generators must reach in a run, or a passing run proves little. */
const REQUIRED_OUTCOMES = [
  'error UNKNOWN_PURPOSE',
  'error FORBIDDEN',
  'error NOT_FOUND',
  'allowed OWN_RECORD',
  'allowed STATUTORY',
  'allowed CONSENT',
  'allowed BREAK_GLASS',
  'denied PURPOSE_EXCLUDES_CATEGORY',
  'denied NO_CONSENT',
  'denied CAPACITY_LAPSED',
  'denied CONSENT_PENDING',
  'denied CONSENT_EXPIRED',
  'denied CONSENT_REVOKED',
  'consent COUNTS UNDER_12',
  'consent COUNTS FROM_12_TO_15',
  'consent COUNTS FROM_16',
  'consent CAPACITY_LAPSED FROM_12_TO_15',
  'consent CAPACITY_LAPSED FROM_16',
  'consent PENDING UNDER_12',
  'consent PENDING FROM_12_TO_15',
  'consent PENDING FROM_16',
  'consent NOT_YET_VALID',
  'consent EXPIRED',
  'consent REVOKED',
  // Our story (OWN_WORDS): shared by consent only, withheld otherwise, and only its current version is in the file.
  'story allowed CONSENT',
  'story denied NO_CONSENT',
  'story denied PURPOSE_EXCLUDES_CATEGORY',
  'story replaced version left out',
  // The family plan (docs/family-plan.md): each item through the rule for SHARED_PLAN and what it touches.
  'plan allowed OWN_RECORD',
  'plan allowed CONSENT',
  'plan denied PURPOSE_EXCLUDES_CATEGORY',
  'plan denied NO_CONSENT',
  'plan denied CONSENT_PENDING',
  'plan denied CONSENT_EXPIRED',
  'plan denied CONSENT_REVOKED',
  "a family's plan item served",
  "another organisation's plan item served",
  'a plan item about several members served',
  'a changed plan item served',
  'a plan item withheld for its category',
  // Threads (docs/messages.md): each through the rule for its own purpose and category about every subject, nobody's own record.
  'thread open CONSENT',
  'thread open STATUTORY',
  'thread open BREAK_GLASS',
  'thread closed PURPOSE_EXCLUDES_CATEGORY',
  'thread closed NO_CONSENT',
  'thread closed CONSENT_PENDING',
  'thread closed CONSENT_EXPIRED',
  'thread closed CONSENT_REVOKED',
  'a thread about several members open',
  'a thread left out for not taking part',
  'a thread closed since its start, days ago',
  'thread served open',
  'thread served closed',
  'thread NOT_FOUND not taking part',
  'thread NOT_FOUND not involved',
  'threadMessages served CONSENT',
  'threadMessages served STATUTORY',
  'threadMessages served BREAK_GLASS',
  'threadMessages a withdrawn message as a tombstone',
  'threadMessages FORBIDDEN THREAD_CLOSED',
  'threadMessages NOT_FOUND not taking part',
  'threadMessages NOT_FOUND not involved',
  // Referrals (docs/referral.md): proposed to the caller's organisation, not involved today, with its consent signed or not: nothing readable.
  'referral to the caller signed',
  'referral to the caller unsigned',
];

/** Below this many worlds, a run is too small to be expected to reach every branch. */
const RUNS_FOR_COVERAGE = 500;

const READ = `query Read($id: ID!, $purpose: String!) {
  family(id: $id, purpose: $purpose) { ${FILE_SELECTION} }
}`;

/** Apart from the file: `familyPlan` is non-null, so in one document its error would null the file and may drop the file's own error. */
const READ_PLAN = `query ReadPlan($id: ID!, $purpose: String!) {
  familyPlan(familyId: $id, purpose: $purpose) { ${PLAN_SELECTION} }
}`;

const READ_THREADS = `query ReadThreads($id: ID!) {
  familyThreads(familyId: $id) { ${THREAD_SELECTION} }
}`;

const READ_THREAD = `query ReadThread($id: ID!) {
  thread(id: $id) { ${THREAD_SELECTION} }
}`;

const READ_MESSAGES = `query ReadMessages($threadId: ID!) {
  threadMessages(threadId: $threadId) { ${MESSAGES_SELECTION} }
}`;

type Fail = (what: string[]) => never;

/** familyThreads(familyId) against the reference: NOT_FOUND, or each thread the caller takes part in, open or closed with its reason. */
function checkThreads(expected: ExpectedThreadsAnswer, answer: GraphQLAnswer<{ familyThreads: ThreadAnswer[] | null }>, fail: Fail): void {
  if (expected.kind === 'error') {
    const code = answer.errors?.[0]?.extensions?.code;
    if (code !== expected.code || answer.data?.familyThreads != null) fail([`familyThreads: expected the error ${expected.code}, the gateway answered ${code === undefined ? 'threads' : `the error ${code}`}`]);
    return;
  }
  const threads = answer.data?.familyThreads;
  if (answer.errors !== undefined || threads == null) return fail([`familyThreads: expected threads, the gateway answered ${JSON.stringify(answer.errors?.map((e) => e.extensions?.code ?? e.message))}`]);
  const got = threads.map(threadOfAnswer);
  if (!isDeepStrictEqual(expected.threads, got)) fail(['familyThreads:', `expected ${JSON.stringify(expected.threads, null, 1)}`, `got ${JSON.stringify(got, null, 1)}`]);
}

/** thread(id) against the reference: NOT_FOUND, or the thread as the list shows it. */
function checkOneThread(expected: ExpectedOneThreadAnswer, answer: GraphQLAnswer<{ thread: ThreadAnswer | null }>, fail: Fail): void {
  if (expected.kind === 'error') {
    const code = answer.errors?.[0]?.extensions?.code;
    if (code !== expected.code || answer.data?.thread != null) fail([`thread: expected the error ${expected.code}, the gateway answered ${code === undefined ? 'a thread' : `the error ${code}`}`]);
    return;
  }
  const thread = answer.data?.thread;
  if (answer.errors !== undefined || thread == null) return fail([`thread: expected a thread, the gateway answered ${JSON.stringify(answer.errors?.map((e) => e.extensions?.code ?? e.message))}`]);
  const got = threadOfAnswer(thread);
  if (!isDeepStrictEqual(expected.thread, got)) fail(['thread:', `expected ${JSON.stringify(expected.thread, null, 1)}`, `got ${JSON.stringify(got, null, 1)}`]);
}

/** family(id, purpose) against the reference: the error, or the file field for field. */
function checkFile(expected: ExpectedAnswer, answer: GraphQLAnswer<{ family: FileAnswer | null }>, fail: Fail): void {
  if (expected.kind === 'error') {
    const code = answer.errors?.[0]?.extensions?.code;
    if (code !== expected.code || answer.data?.family != null) {
      fail([`expected the error ${expected.code}, the gateway answered ${code === undefined ? 'a file' : `the error ${code}`}`]);
    }
    return;
  }
  const family = answer.data?.family;
  if (answer.errors !== undefined || family == null) {
    fail([`expected a file, the gateway answered ${JSON.stringify(answer.errors?.map((e) => e.extensions?.code ?? e.message))}`]);
    return;
  }
  const want = normalise(expected.file);
  const got = fileOfAnswer(family);
  if (!isDeepStrictEqual(want, got)) {
    const lines = diffFiles(want, got);
    fail(lines.length > 0 ? lines : ['the files differ in a way the line diff does not show']);
  }
  // The professional's file shows the family's own words first (DESIGN.md §9).
  const firstOther = family.records.findIndex((r) => r.sectionType !== 'OurStory');
  if (firstOther >= 0 && family.records.slice(firstOther).some((r) => r.sectionType === 'OurStory')) fail(['a story comes after an organisation\'s record in the file']);
}

describe('guarantee 1, no leak: a professional reads exactly the fields the access rule allows', () => {
  const clock = new ManualClock(new Date('2026-06-01T10:00:00Z'));
  const catalogue = readCatalogue();
  let sut: TestGateway;
  let organisations: ReferenceOrganisation[];
  let tokens: Map<string, string>;

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'sharing_path_property', seedDemoWorld: false, clock });
    const registered = await registerOrganisations(sut, ORGANISATION_DOMAINS);
    organisations = registered.organisations;
    tokens = registered.tokens;
  });
  afterAll(async () => {
    await sut?.close();
  });

  /**
   * familyPlan(familyId, purpose) against the reference: the same error as the file (a refusal
   * for not being involved logged as such), or every item served or listed as a redaction with
   * its reason, and the read's log decisions item by item about each subject.
   */
  async function checkPlan(familyId: string, expected: ExpectedPlanAnswer, answer: GraphQLAnswer<{ familyPlan: PlanAnswer | null }>, fail: Fail): Promise<void> {
    if (expected.kind === 'error') {
      const code = answer.errors?.[0]?.extensions?.code;
      if (code !== expected.code || answer.data?.familyPlan != null) fail([`familyPlan: expected the error ${expected.code}, the gateway answered ${code === undefined ? 'a plan' : `the error ${code}`}`]);
      if (expected.code === 'NOT_FOUND') {
        const logged = await sut.dataSource.query<{ outcome: string; reason: string | null; target_kind: string }[]>(
          `SELECT outcome, reason, target_kind FROM access_log_decision WHERE family_id = $1 AND activity = 'READ_FAMILY_PLAN'`,
          [familyId],
        );
        if (!isDeepStrictEqual(logged, [{ outcome: 'DENIED', reason: 'NOT_INVOLVED', target_kind: 'FAMILY' }])) fail([`familyPlan's refusal logged as ${JSON.stringify(logged)}`]);
      }
      return;
    }
    const plan = answer.data?.familyPlan;
    if (answer.errors !== undefined || plan == null) return fail([`familyPlan: expected a plan, the gateway answered ${JSON.stringify(answer.errors?.map((e) => e.extensions?.code ?? e.message))}`]);
    const got = planOfAnswer(plan);
    if (plan.familyId !== familyId || !isDeepStrictEqual(expected.plan, got)) {
      const lines = diffPlans(expected.plan, got);
      fail(lines.length > 0 ? lines : ['the plans differ in a way the line diff does not show']);
    }
    const logged = await loggedPlanDecisions(sut.dataSource, familyId);
    const want = [...expected.decisions].sort();
    if (!isDeepStrictEqual(logged, want)) fail([`familyPlan's log decisions:`, ...diffDecisions(want, logged)]);
  }

  it('the reference calendar gives the Amsterdam date the time zone database gives', () => {
    const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }), (instant) => {
        expect(amsterdamDate(instant)).toBe(amsterdam.format(instant));
      }),
      { numRuns: 5_000 },
    );
  });

  it(
    `for ${RUNS} generated worlds (more until every outcome is reached), family(id, purpose), familyPlan(familyId, purpose), familyThreads(familyId), thread(id) and threadMessages equal an independent reference of the rule, field for field and item for item, and so do the thread reads' log decisions`,
    async () => {
      const observed = new ObservedDistribution();
      const property = fc.asyncProperty(worldSpec(ORGANISATION_DOMAINS.length, catalogue.length), async (spec) => {
          const materialized = materializeWorld(spec, organisations, catalogue);
          const { request } = materialized;
          const world = await writeWorld(sut, materialized.world);
          clock.set(request.at);
          const token = tokens.get(request.caller.id) as string;
          const variables = { id: world.familyId, purpose: request.purpose };
          // Reads at once, as a portal would send them: each its own transaction and log entries. None moves a read
          // marker; the page of messages (which does) comes after them, so the unread counts served are the reference's.
          // The last thread alone and the first thread's messages: ones the caller takes part in, or not (then NOT_FOUND).
          const one = world.threads?.at(-1);
          const asked = world.threads?.[0];
          const [answer, planAnswer, threadsAnswer, oneAnswer] = await Promise.all([
            sut.graphql<{ family: FileAnswer | null }>(READ, { token, variables }),
            sut.graphql<{ familyPlan: PlanAnswer | null }>(READ_PLAN, { token, variables }),
            sut.graphql<{ familyThreads: ThreadAnswer[] | null }>(READ_THREADS, { token, variables: { id: world.familyId } }),
            one === undefined ? null : sut.graphql<{ thread: ThreadAnswer | null }>(READ_THREAD, { token, variables: { id: one.id } }),
          ]);
          const messagesAnswer = asked === undefined ? null : await sut.graphql<{ threadMessages: MessagesAnswer | null }>(READ_MESSAGES, { token, variables: { threadId: asked.id } });
          const expected = expectedFamilyAnswer(world, request, catalogue);
          // The reference knows nothing of referrals: a proposed one must change nothing the caller reads.
          observed.addCases(
            (world.referrals ?? [])
              .filter((r) => r.receivingOrganisationId === request.caller.id)
              .map((r) => `referral to the caller ${(world.consents.find((c) => c.id === r.consentId)?.signatures.length ?? 0) > 0 ? 'signed' : 'unsigned'}`),
          );
          const expectedPlan = expectedFamilyPlan(world, request, catalogue);
          observed.add(expected);
          if (expectedPlan.kind === 'plan') observed.addCases(expectedPlan.cases);
          const expectedThreads = expectedFamilyThreads(world, request, catalogue);
          if (expectedThreads.kind === 'threads') observed.addCases(expectedThreads.cases);
          const expectedOne = one === undefined ? null : expectedOneThread(world, request, catalogue, one.id);
          if (expectedOne !== null) observed.addCases(expectedOne.cases);
          const expectedMessages = asked === undefined ? null : expectedThreadMessages(world, request, catalogue, asked.id);
          if (expectedMessages !== null) observed.addCases(expectedMessages.cases);

          const fail = (what: string[]): never => {
            const labels = labelsOf(world, organisations);
            throw new Error(`${withLabels(what.join('\n'), labels)}\n--- the world ---\n${describeWorld(world, request, organisations)}`);
          };
          checkFile(expected, answer, fail);
          await checkPlan(world.familyId, expectedPlan, planAnswer, fail);
          checkThreads(expectedThreads, threadsAnswer, fail);
          if (expectedOne !== null && oneAnswer !== null) checkOneThread(expectedOne, oneAnswer, fail);
          if (expectedMessages !== null && messagesAnswer !== null) {
            const want = expectedMessages.kind === 'messages' ? expectedMessages : { refused: expectedMessages.code === 'FORBIDDEN' ? { code: 'FORBIDDEN', refusal: 'THREAD_CLOSED', reason: expectedMessages.reason } : { code: 'NOT_FOUND' } };
            checkMessagesPage(want, messagesAnswer, fail);
          }
          // The three thread reads' log decisions, subject by subject, with the rule's basis or reason.
          const logged = await loggedThreadDecisions(sut.dataSource, world.familyId, { organisationId: request.caller.id });
          const wantLogged = expectedThreadLog(world, request, catalogue, { ...(asked === undefined ? {} : { messagesOf: asked.id }), ...(one === undefined ? {} : { oneOf: one.id }) });
          if (!isDeepStrictEqual(logged, wantLogged)) fail(['the thread reads\' log decisions:', ...diffDecisions(wantLogged, logged)]);
        });
      await fc.assert(property, { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH === undefined ? {} : { path: PATH }) });
      // Some outcomes come from only a few worlds per thousand. Rather than fail a run by chance,
      // keep generating (and checking) fresh worlds until every outcome was reached, up to five
      // times the configured number; only then is a missing outcome a generator defect.
      for (let extra = 0; SEED === undefined && RUNS >= RUNS_FOR_COVERAGE && observed.missing(REQUIRED_OUTCOMES).length > 0 && extra < 4 * RUNS; extra += RUNS_FOR_COVERAGE) {
        await fc.assert(property, { numRuns: RUNS_FOR_COVERAGE });
      }

      const statsFile = process.env['KRING_PROPERTY_STATS_FILE'];
      if (statsFile !== undefined) writeFileSync(statsFile, `${JSON.stringify(observed, null, 2)}\n`);
      if (RUNS >= RUNS_FOR_COVERAGE) {
        // The generators must reach every outcome of the rule, or a passing run proves little.
        expect(
          observed.missing(REQUIRED_OUTCOMES),
        ).toEqual([]);
      }
    },
    // Up to five times RUNS worlds when rare outcomes need more (see above), at about 300 ms each (file, plan, threads, a thread, a page) on a loaded machine.
    60_000 + RUNS * 5 * 300,
  );
});
