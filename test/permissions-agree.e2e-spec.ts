import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { migrateDatabase } from '@kring/database';
import { isInvolvedOn } from '@kring/family-file';
import { Domain, ProfessionalRole } from '@kring/identity';
import {
  about,
  ACCESS_LOG_ENTRY_COLUMNS,
  BREAK_GLASS_GRANT_COLUMNS,
  consentColumns,
  familyFileColumns,
  familyMemberColumns,
  permissionsFor,
  permittedWhere,
  type PermissionActor,
} from '@kring/policy';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/*
 * Issue 14: a list and a single read come from the same rules. For generated worlds (log
 * entries and emergency grants of several organisations, families and members; callers of
 * every role and members with every reach) the rows a list query selects with the SQL taken
 * from the permission table are exactly the rows `ability.can` allows one by one. The rows
 * live in copies of the real tables' columns (same names, same types), so a column the SQL
 * names wrongly fails here too.
 *
 *   KRING_PERMISSION_PROPERTY_RUNS   worlds per run (default 150)
 */
const RUNS = Number(process.env['KRING_PERMISSION_PROPERTY_RUNS'] ?? 150);

const ORGS = [randomUUID(), randomUUID(), randomUUID()];
const PROFESSIONALS = [randomUUID(), randomUUID(), randomUUID()];
const FAMILIES = [randomUUID(), randomUUID()];
const MEMBERS = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const subsetOf = <T>(values: readonly T[]) => fc.subarray([...values]);

const entryArb = fc.record({
  id: fc.uuid(),
  familyId: maybe(fc.constantFrom(...FAMILIES)),
  actorOrganisationId: maybe(fc.constantFrom(...ORGS)),
  sourceOrganisationIds: subsetOf(ORGS),
  subjectMemberIds: subsetOf(MEMBERS),
});

const grantArb = fc.record({
  id: fc.uuid(),
  organisationId: fc.constantFrom(...ORGS),
  professionalId: fc.constantFrom(...PROFESSIONALS),
  involvedOrganisationIds: fc.constant([] as string[]),
});

const TODAY = '2026-12-05';
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
/** Involvements around today: started or not yet, ended, ending today, tomorrow, or open. */
const involvementArb = fc.record({
  id: fc.uuid(),
  familyId: fc.constantFrom(...FAMILIES),
  organisationId: fc.constantFrom(...ORGS),
  startsOn: fc.integer({ min: -3, max: 2 }).map(day),
  endsOn: fc.option(fc.integer({ min: -2, max: 3 }).map(day), { nil: null }),
});

/** Consents to an organisation or to a domain, about any member of either family. */
const consentArb = fc.record({
  id: fc.uuid(),
  familyId: fc.constantFrom(...FAMILIES),
  subjectMemberId: fc.constantFrom(...MEMBERS),
  recipient: fc.oneof(fc.record({ organisationId: fc.constantFrom(...ORGS) }), fc.record({ domain: fc.constantFrom(...Object.values(Domain)) })),
});

const actorArb: fc.Arbitrary<PermissionActor> = fc.oneof(
  fc.record({
    kind: fc.constant('professional' as const),
    professionalId: fc.constantFrom(...PROFESSIONALS),
    organisationId: fc.constantFrom(...ORGS),
    domain: fc.constantFrom(...Object.values(Domain)),
    roles: subsetOf(Object.values(ProfessionalRole)),
  }),
  fc.record({
    kind: fc.constant('member' as const),
    memberId: fc.constantFrom(...MEMBERS),
    familyId: fc.constantFrom(...FAMILIES),
    reach: subsetOf(MEMBERS),
  }),
);

describe('a list and a single read come from the same permission rules', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('permissions_agree');
    await migrateDatabase({ url: database.url, poolSize: 2 });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // The real tables' columns, without their constraints, chains and foreign keys.
    await client.query('CREATE TABLE entry_rows AS SELECT id, family_id, actor_organisation_id, facets, subject_member_ids FROM access_log_entry WITH NO DATA');
    await client.query('CREATE TABLE grant_rows AS SELECT id, organisation_id, professional_id FROM break_glass_grant WITH NO DATA');
    // The families list names the tables themselves: copies of them in a schema of their own.
    await client.query('CREATE SCHEMA agree');
    await client.query('CREATE TABLE agree.family AS SELECT id FROM public.family WITH NO DATA');
    await client.query('CREATE TABLE agree.involvement AS SELECT id, family_id, organisation_id, starts_on, ends_on FROM public.involvement WITH NO DATA');
    await client.query('CREATE TABLE agree.family_member AS SELECT id, family_id FROM public.family_member WITH NO DATA');
    await client.query('CREATE TABLE agree.access_log_entry AS SELECT id, family_id, actor_organisation_id, facets, subject_member_ids, activity FROM public.access_log_entry WITH NO DATA');
    await client.query('CREATE TABLE agree.consent AS SELECT id, family_id, subject_member_id, recipient_organisation_id, recipient_domain FROM public.consent WITH NO DATA');
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  /** The ids the SQL of the rules selects. */
  async function listed(sql: (parameter: (value: unknown) => string) => string, table: string, alias: string): Promise<string[]> {
    const params: unknown[] = [];
    const where = sql((value) => `$${params.push(value)}`);
    const rows = await client.query<{ id: string }>(`SELECT ${alias}.id FROM ${table} ${alias} WHERE ${where} ORDER BY 1`, params);
    return rows.rows.map((r) => r.id);
  }

  /** The ids `ability.can` allows, asked one row at a time. */
  const allowedOneByOne = <R extends { id: string }>(rows: readonly R[], allowed: (row: R) => boolean): string[] => rows.filter(allowed).map((r) => r.id).sort();

  it('access-log entries: the page query selects exactly the entries each may be read, for every caller', async () => {
    const seen = { some: 0, none: 0, all: 0 };
    await fc.assert(
      fc.asyncProperty(actorArb, fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 20 }), async (actor, entries) => {
        await client.query('TRUNCATE entry_rows');
        for (const e of entries) {
          // The source organisations as the log's generated facets hold them, among words of other kinds.
          const facets = ['o:ALLOWED', 'c:CONTACT', ...e.sourceOrganisationIds.map((o) => `s:${o}`)];
          await client.query('INSERT INTO entry_rows VALUES ($1, $2, $3, $4::text[], $5::uuid[])', [e.id, e.familyId, e.actorOrganisationId, facets, e.subjectMemberIds]);
        }
        const ability = permissionsFor(actor);
        for (const action of ['read', 'export'] as const) {
          const expected = allowedOneByOne(entries, (e) => ability.can(action, about('AccessLogEntry', e)));
          const actual = await listed((p) => permittedWhere(ability, action, 'AccessLogEntry', ACCESS_LOG_ENTRY_COLUMNS, p), 'entry_rows', 'e');
          expect(actual).toEqual(expected);
          if (action === 'read' && entries.length > 0) seen[expected.length === 0 ? 'none' : expected.length === entries.length ? 'all' : 'some'] += 1;
        }
      }),
      { numRuns: RUNS },
    );
    // A run where every caller saw nothing (or everything) would prove little.
    expect(seen.some).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
    expect(seen.all).toBeGreaterThan(0);
  });

  it('emergency grants: the list, the review and the deferral of the notice select exactly the grants each may be read, reviewed or deferred, own ones never reviewed', async () => {
    let ownRefused = 0;
    await fc.assert(
      fc.asyncProperty(actorArb, fc.uniqueArray(grantArb, { selector: (g) => g.id, maxLength: 12 }), async (actor, grants) => {
        await client.query('TRUNCATE grant_rows');
        for (const g of grants) await client.query('INSERT INTO grant_rows VALUES ($1, $2, $3)', [g.id, g.organisationId, g.professionalId]);
        const ability = permissionsFor(actor);
        for (const action of ['read', 'review', 'defer'] as const) {
          const expected = allowedOneByOne(grants, (g) => ability.can(action, about('BreakGlassGrant', g)));
          const actual = await listed((p) => permittedWhere(ability, action, 'BreakGlassGrant', BREAK_GLASS_GRANT_COLUMNS, p), 'grant_rows', 'g');
          expect(actual).toEqual(expected);
        }
        if (actor.kind === 'professional' && actor.roles.includes(ProfessionalRole.CHAIN_PRIVACY_OFFICER) && grants.some((g) => g.professionalId === actor.professionalId)) ownRefused += 1;
      }),
      { numRuns: RUNS },
    );
    expect(ownRefused).toBeGreaterThan(0);
  });

  it('families: the list selects exactly the families whose file each caller may read, involvements running today or not', async () => {
    const seen = { some: 0, none: 0 };
    await fc.assert(
      fc.asyncProperty(actorArb, fc.uniqueArray(involvementArb, { selector: (i) => i.id, maxLength: 8 }), async (actor, involvements) => {
        await client.query('TRUNCATE agree.family, agree.involvement');
        for (const id of FAMILIES) await client.query('INSERT INTO agree.family VALUES ($1)', [id]);
        for (const i of involvements) await client.query('INSERT INTO agree.involvement VALUES ($1, $2, $3, $4, $5)', [i.id, i.familyId, i.organisationId, i.startsOn, i.endsOn]);
        const ability = permissionsFor(actor);
        const expected = FAMILIES.filter((familyId) => {
          const involvedOrganisationIds = involvements.filter((i) => i.familyId === familyId && isInvolvedOn(i, TODAY)).map((i) => i.organisationId);
          return ability.can('read', about('FamilyFile', { familyId, involvedOrganisationIds }));
        }).sort();
        const params: unknown[] = [TODAY];
        const where = permittedWhere(ability, 'read', 'FamilyFile', familyFileColumns('f', '$1::date'), (value) => `$${params.push(value)}`);
        await client.query('SET search_path TO agree');
        try {
          const rows = await client.query<{ id: string }>(`SELECT f.id FROM family f WHERE $1::date IS NOT NULL AND ${where} ORDER BY 1`, params);
          expect(rows.rows.map((r) => r.id)).toEqual(expected);
        } finally {
          await client.query('SET search_path TO public');
        }
        if (actor.kind === 'professional' && actor.roles.includes(ProfessionalRole.PROFESSIONAL)) seen[expected.length > 0 ? 'some' : 'none'] += 1;
      }),
      { numRuns: RUNS },
    );
    expect(seen.some).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
  });

  it('consents: the list selects exactly the consents each caller may read (a member about their reach, an involved organisation those given to it or its domain)', async () => {
    const seen = { some: 0, none: 0 };
    await fc.assert(
      fc.asyncProperty(
        actorArb,
        fc.uniqueArray(involvementArb, { selector: (i) => i.id, maxLength: 6 }),
        fc.uniqueArray(consentArb, { selector: (c) => c.id, maxLength: 10 }),
        async (actor, involvements, consents) => {
          await client.query('TRUNCATE agree.involvement, agree.consent');
          for (const i of involvements) await client.query('INSERT INTO agree.involvement VALUES ($1, $2, $3, $4, $5)', [i.id, i.familyId, i.organisationId, i.startsOn, i.endsOn]);
          const rows = consents.map((c) => ({
            id: c.id,
            familyId: c.familyId,
            subjectMemberId: c.subjectMemberId,
            recipientOrganisationId: 'organisationId' in c.recipient ? c.recipient.organisationId : null,
            recipientDomain: 'domain' in c.recipient ? c.recipient.domain : null,
          }));
          for (const c of rows) await client.query('INSERT INTO agree.consent VALUES ($1, $2, $3, $4, $5)', [c.id, c.familyId, c.subjectMemberId, c.recipientOrganisationId, c.recipientDomain]);
          const ability = permissionsFor(actor);
          const involvedIn = (familyId: string) => involvements.filter((i) => i.familyId === familyId && isInvolvedOn(i, TODAY)).map((i) => i.organisationId);
          const expected = allowedOneByOne(rows, (c) => ability.can('read', about('Consent', { ...c, involvedOrganisationIds: involvedIn(c.familyId) })));
          const params: unknown[] = [TODAY];
          const where = permittedWhere(ability, 'read', 'Consent', consentColumns('c', '$1::date'), (value) => `$${params.push(value)}`);
          await client.query('SET search_path TO agree');
          try {
            const listed = await client.query<{ id: string }>(`SELECT c.id FROM consent c WHERE $1::date IS NOT NULL AND ${where} ORDER BY 1`, params);
            expect(listed.rows.map((r) => r.id)).toEqual(expected);
          } finally {
            await client.query('SET search_path TO public');
          }
          if (rows.length > 0) seen[expected.length > 0 ? 'some' : 'none'] += 1;
        },
      ),
      { numRuns: RUNS },
    );
    expect(seen.some).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
  });
  it("officers' lookups: the SQL finds exactly the members each caller may look up, an officer's own lookups not widening it", async () => {
    // The first two members in the first family, the others in the second.
    const familyOf = (memberId: string) => ((MEMBERS as readonly string[]).indexOf(memberId) < 2 ? FAMILIES[0] : FAMILIES[1]) as string;
    const lookupEntryArb = fc.record({
      id: fc.uuid(),
      familyId: fc.constantFrom(...FAMILIES),
      actorOrganisationId: maybe(fc.constantFrom(...ORGS)),
      sourceOrganisationIds: subsetOf(ORGS),
      subjectMemberIds: subsetOf(MEMBERS),
      activity: fc.constantFrom('READ_FAMILY_FILE', 'ADD_RECORD', 'LOOK_UP_MEMBER_BY_BSN', 'LOOK_UP_MEMBERS_BY_NAME'),
    });
    const seen = { some: 0, none: 0 };
    await fc.assert(
      fc.asyncProperty(actorArb, fc.uniqueArray(lookupEntryArb, { selector: (e) => e.id, maxLength: 12 }), async (actor, entries) => {
        await client.query('TRUNCATE agree.family_member, agree.access_log_entry');
        for (const id of MEMBERS) await client.query('INSERT INTO agree.family_member VALUES ($1, $2)', [id, familyOf(id)]);
        for (const e of entries) {
          const facets = ['o:ALLOWED', ...e.sourceOrganisationIds.map((o) => `s:${o}`)];
          await client.query('INSERT INTO agree.access_log_entry VALUES ($1, $2, $3, $4::text[], $5::uuid[], $6)', [e.id, e.familyId, e.actorOrganisationId, facets, e.subjectMemberIds, e.activity]);
        }
        const ability = permissionsFor(actor);
        const expected = allowedOneByOne(
          MEMBERS.map((id) => ({ id })),
          ({ id }) => {
            const about_ = entries.filter((e) => e.familyId === familyOf(id) && e.subjectMemberIds.includes(id) && !e.activity.startsWith('LOOK_UP_'));
            const loggedOrganisationIds = [...new Set(about_.flatMap((e) => [...(e.actorOrganisationId === null ? [] : [e.actorOrganisationId]), ...e.sourceOrganisationIds]))];
            return ability.can('lookUp', about('FamilyMember', { familyId: familyOf(id), memberId: id, loggedOrganisationIds }));
          },
        );
        await client.query('SET search_path TO agree');
        try {
          const actual = await listed((p) => permittedWhere(ability, 'lookUp', 'FamilyMember', familyMemberColumns('m'), p), 'family_member', 'm');
          expect(actual).toEqual(expected);
        } finally {
          await client.query('SET search_path TO public');
        }
        if (actor.kind === 'professional' && actor.roles.includes(ProfessionalRole.PRIVACY_OFFICER) && !actor.roles.includes(ProfessionalRole.CHAIN_PRIVACY_OFFICER)) seen[expected.length > 0 ? 'some' : 'none'] += 1;
      }),
      { numRuns: RUNS },
    );
    expect(seen.some).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
  });
});
