import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { ManualClock } from '@kring/config';
import { readCatalogue } from './support/reference/reference-catalogue';
import { expectedMemberView } from './support/reference/reference-member-view';
import type { ReferenceOrganisation } from './support/reference/reference-world';
import { describeWorld, diffFiles, labelsOf, withLabels } from './support/world/describe-world';
import { FILE_SELECTION, fileOfAnswer, normalise, type FileAnswer } from './support/world/file-answer';
import { materializeWorld } from './support/world/materialize-world';
import { ORGANISATION_DOMAINS, registerOrganisations } from './support/world/organisations';
import { MAX_MEMBERS, worldSpec } from './support/world/world-spec.arbitrary';
import { writeWorld } from './support/world/world.writer';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from './support/test-gateway';

/*
 * DESIGN.md §5.7 and §9: a member's own view holds what is about their reach (themselves,
 * and the children under 16 over whom they hold authority) and nothing else: no record,
 * member, involvement or redaction about anyone outside it. For generated worlds (members
 * of every age around 12 and 16, authority or none, records about several members, clocks
 * near Amsterdam midnight) a member's `myFamily` equals an independent reference of reach
 * (test/support/reference/reference-member-view.ts), absences included, and the read's
 * log entries are about exactly what was in the view. Some involvements are shielded from
 * some members (often the viewer): a shielded involvement is in neither their file nor their
 * circle (`myCircle`), nor named in the log entries about them of either read.
 *
 *   KRING_CITIZEN_PROPERTY_RUNS   worlds per run (default 300)
 */
const RUNS = Number(process.env['KRING_CITIZEN_PROPERTY_RUNS'] ?? 300);
const MY_FAMILY = `{ myFamily { ${FILE_SELECTION} } myCircle { involvements { id } caseDirector { id } } }`;

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
    `for ${RUNS} generated worlds, myFamily equals an independent reference of reach, and its log entries cover exactly the view`,
    async () => {
      const seen = new Map<string, number>();
      // Shieldings: which involvement (by index), from whom (the viewer, or a member by index).
      const shielding = fc.record({ involvement: fc.nat(7), member: fc.option(fc.nat(MAX_MEMBERS - 1), { nil: null, freq: 2 }) });
      const spec = fc.record({ world: worldSpec(ORGANISATION_DOMAINS.length, catalogue.length), viewer: fc.nat(MAX_MEMBERS - 1), shieldings: fc.array(shielding, { maxLength: 3 }) });
      await fc.assert(
        fc.asyncProperty(spec, async ({ world: worldSpecOf, viewer, shieldings }) => {
          const materialized = materializeWorld(worldSpecOf, organisations, catalogue);
          const { request } = materialized;
          const viewerId = (materialized.world.members[viewer % materialized.world.members.length] as { id: string }).id;
          const shielded = new Map<string, { involvementId: string; memberId: string }>();
          for (const x of materialized.world.involvements.length === 0 ? [] : shieldings) {
            const involvementId = (materialized.world.involvements[x.involvement % materialized.world.involvements.length] as { id: string }).id;
            const memberId = x.member === null ? viewerId : (materialized.world.members[x.member % materialized.world.members.length] as { id: string }).id;
            shielded.set(`${involvementId}|${memberId}`, { involvementId, memberId });
          }
          const world = await writeWorld(sut, { ...materialized.world, shieldings: [...shielded.values()] });
          clock.set(request.at);
          const answer: GraphQLAnswer<{ myFamily: FileAnswer | null; myCircle: { involvements: { id: string }[]; caseDirector: { id: string } | null } | null }> = await sut.graphql(MY_FAMILY, {
            token: await sut.issuer.sign({ kind: 'citizen', memberId: viewerId }),
          });
          const expected = expectedMemberView(world, viewerId, request.at);
          for (const t of expected.trace) seen.set(t, (seen.get(t) ?? 0) + 1);

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
          const leaks = circleEntries.filter((e) => e.subjects.some((s) => !expected.reach.includes(s) || (world.shieldings ?? []).some((x) => x.memberId === s && e.target_ids.includes(x.involvementId))));
          if (leaks.length > 0) fail([`the circle's log entries name what is outside the reach or shielded: ${JSON.stringify(leaks)}`]);
          const reach = new Set(expected.reach);
          const inView = new Set([...want.members, ...want.records, ...want.involvements].map((x) => x.id));
          const named = new Set(entries.flatMap((e) => e.target_ids));
          const outside = entries.flatMap((e) => e.subjects).filter((s) => !reach.has(s));
          if (outside.length > 0 || !isDeepStrictEqual(named, inView)) {
            fail([`log entries about ${[...new Set(outside)].join(',') || 'the reach only'}; targets named ${[...named].sort().join(',')}; in view ${[...inView].sort().join(',')}`]);
          }
        }),
        { numRuns: RUNS },
      );
      expect(REQUIRED.filter((t) => !seen.has(t))).toEqual([]);
    },
    60_000 + RUNS * 300,
  );
});
