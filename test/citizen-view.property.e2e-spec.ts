import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { ManualClock } from '@kring/config';
import { readCatalogue } from './support/reference/reference-catalogue';
import { expectedMemberView } from './support/reference/reference-member-view';
import { expectedMemberPlan } from './support/reference/reference-member-plan';
import type { ReferenceOrganisation } from './support/reference/reference-world';
import { describeWorld, diffFiles, labelsOf, withLabels } from './support/world/describe-world';
import { FILE_SELECTION, fileOfAnswer, normalise, type FileAnswer } from './support/world/file-answer';
import { materializeWorld } from './support/world/materialize-world';
import { diffDecisions, diffPlans, loggedPlanDecisions, PLAN_SELECTION, planOfAnswer, type PlanAnswer } from './support/world/plan-answer';
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
 *
 *   KRING_CITIZEN_PROPERTY_RUNS   worlds per run (default 300)
 */
const RUNS = Number(process.env['KRING_CITIZEN_PROPERTY_RUNS'] ?? 300);
const MY_FAMILY = `{ myFamily { ${FILE_SELECTION} } myCircle { involvements { id } caseDirector { id } } }`;
/** Apart from the file: `ourPlan` is non-null, so in one document its error would null the file too. */
const OUR_PLAN = `{ ourPlan { ${PLAN_SELECTION} } }`;
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
];

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
    `for ${RUNS} generated worlds, myFamily and ourPlan equal an independent reference of reach, and their log entries cover exactly the view`,
    async () => {
      const seen = new Map<string, number>();
      // Shieldings: which involvement (by index), from whom (the viewer, or a member by index), lifted or in force.
      const shielding = fc.record({ involvement: fc.nat(7), member: fc.option(fc.nat(MAX_MEMBERS - 1), { nil: null, freq: 2 }), lifted: fc.boolean() });
      const spec = fc.record({ world: worldSpec(ORGANISATION_DOMAINS.length, catalogue.length), viewer: fc.nat(MAX_MEMBERS - 1), shieldings: fc.array(shielding, { maxLength: 3 }) });
      const property = fc.asyncProperty(spec, async ({ world: worldSpecOf, viewer, shieldings }) => {
          const materialized = materializeWorld(worldSpecOf, organisations, catalogue);
          const { request } = materialized;
          const viewerId = (materialized.world.members[viewer % materialized.world.members.length] as { id: string }).id;
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
          const [answer, planAnswer] = await Promise.all([
            sut.graphql<{ myFamily: FileAnswer | null; myCircle: { involvements: { id: string }[]; caseDirector: { id: string } | null } | null }>(MY_FAMILY, { token }),
            sut.graphql<{ ourPlan: PlanAnswer | null }>(OUR_PLAN, { token }),
          ]);
          const expected = expectedMemberView(world, viewerId, request.at);
          const expectedPlan = expectedMemberPlan(world, viewerId, request.at);
          for (const t of [...expected.trace, ...expectedPlan.cases]) seen.set(t, (seen.get(t) ?? 0) + 1);

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
        });
      await fc.assert(property, { numRuns: RUNS });
      // A plan item about a child of 12 to 15 outside the viewer's reach, shown by the child and a parent, comes
      // from about one world in fifty: rather than fail a run by chance, check fresh worlds until every case was
      // reached, up to three times RUNS; only then is a missing case a generator defect.
      const missing = () => REQUIRED.filter((t) => !seen.has(t));
      for (let extra = 0; missing().length > 0 && extra < 2 * RUNS; extra += 100) await fc.assert(property, { numRuns: 100 });
      expect(missing()).toEqual([]);
    },
    60_000 + RUNS * 3 * 300,
  );
});
