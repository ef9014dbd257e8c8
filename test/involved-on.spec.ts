import pg from 'pg';
import { involvedOnSql, isInvolvedOn, type InvolvementDates } from '@kring/family-file';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * "Involved today" is decided in TypeScript (the access rule, a consent's reader) and in SQL
 * (the families list, the search by BSN, the read path's statement). Both come from
 * libs/family-file/src/involved-on.ts; this proves they agree, on PostgreSQL's own dates.
 */
const DAYS = ['2025-12-31', '2026-01-01', '2026-02-28', '2026-03-01', '2026-05-11', '2026-05-12', '2026-05-13', '2026-12-31', '2027-01-01'];
const INVOLVEMENTS: InvolvementDates[] = [
  { startsOn: '2026-05-12', endsOn: null },
  { startsOn: '2026-01-01', endsOn: null },
  { startsOn: '2026-01-01', endsOn: '2026-05-12' },
  { startsOn: '2026-05-12', endsOn: '2026-05-13' },
  { startsOn: '2025-12-31', endsOn: '2026-01-01' },
  { startsOn: '2026-03-01', endsOn: '2027-01-01' },
  { startsOn: '2026-05-13', endsOn: '2026-12-31' },
];

describe('involved today: the TypeScript predicate and the SQL condition agree', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('involved_on');
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('CREATE TABLE involvement (n int PRIMARY KEY, starts_on date NOT NULL, ends_on date)');
    for (const [n, i] of INVOLVEMENTS.entries()) await client.query('INSERT INTO involvement VALUES ($1, $2, $3)', [n, i.startsOn, i.endsOn]);
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it.each(DAYS)('on %s, for a typed and an untyped day parameter', async (day) => {
    const expected = INVOLVEMENTS.flatMap((i, n) => (isInvolvedOn(i, day) ? [n] : []));
    for (const parameter of ['$1::date', '$1']) {
      const rows = await client.query<{ n: number }>(`SELECT i.n FROM involvement i WHERE ${involvedOnSql('i', parameter)} ORDER BY i.n`, [day]);
      expect(rows.rows.map((r) => r.n)).toEqual(expected);
    }
  });

  it('the table has involvements that run and that do not on the same day', () => {
    expect(DAYS.some((day) => INVOLVEMENTS.some((i) => isInvolvedOn(i, day)) && INVOLVEMENTS.some((i) => !isInvolvedOn(i, day)))).toBe(true);
  });
});
