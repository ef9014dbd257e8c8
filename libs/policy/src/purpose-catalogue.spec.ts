import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataCategory } from '@kring/family-file';
import { PurposeCatalogue } from './purpose-catalogue';

const SHIPPED = join(process.cwd(), 'libs/policy/purposes.json');

/** A valid purpose entry; each test changes what it is about. */
function purpose(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: 'CASE_COORDINATION',
    name: 'Case coordination',
    description: 'Coordinating the support around a family.',
    lawfulBasis: { article6: 'Art. 6(1)(a) GDPR: consent', article9: null },
    domains: ['YOUTH_CARE', 'WMO'],
    maxCategories: ['CONTACT', 'HOUSEHOLD'],
    statutoryFor: [],
    retention: 'P2Y',
    retentionNote: 'Two years.',
    ...overrides,
  };
}

function catalogue(...purposes: Record<string, unknown>[]): unknown {
  return { version: 'test-1', controller: 'Gemeente Test', purposes };
}

/** The message of the error `fromJson` throws; fails the test when it accepts the document. */
function rejection(raw: unknown): string {
  try {
    PurposeCatalogue.fromJson(raw, 'test.json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the catalogue to be refused');
}

describe('the shipped purpose catalogue', () => {
  const sut = PurposeCatalogue.fromFile(SHIPPED);

  it('holds exactly the six purposes of the design', () => {
    expect(sut.all().map((p) => p.code).sort()).toEqual(
      ['CASE_COORDINATION', 'CHILD_PROTECTION', 'DEBT_RESOLUTION', 'ELIGIBILITY_ASSESSMENT', 'REINTEGRATION', 'SUPPORT_PLANNING'],
    );
  });

  it('CHILD_PROTECTION rests on a statutory task for CHILD_SAFETY organisations only', () => {
    expect(sut.find('CHILD_PROTECTION')?.statutoryFor).toEqual(['CHILD_SAFETY']);
  });

  it('no other purpose rests on a statutory task', () => {
    const statutory = sut.all().filter((p) => p.statutoryFor.length > 0).map((p) => p.code);

    expect(statutory).toEqual(['CHILD_PROTECTION']);
  });

  it('every purpose that reaches HEALTH names an Art. 9 exception', () => {
    const health = sut.all().filter((p) => p.maxCategories.includes(DataCategory.HEALTH));

    expect(health.length).toBeGreaterThan(0);
    for (const p of health) expect(p.lawfulBasis.article9).toEqual(expect.stringContaining('Art. 9'));
  });

  it('our story (OWN_WORDS) is reached by case coordination and support planning only (DESIGN.md §9), each with an Art. 9 exception', () => {
    const reaching = sut.all().filter((p) => p.maxCategories.includes(DataCategory.OWN_WORDS));

    expect(reaching.map((p) => p.code).sort()).toEqual(['CASE_COORDINATION', 'SUPPORT_PLANNING']);
    for (const p of reaching) expect(p.lawfulBasis.article9).toEqual(expect.stringContaining('Art. 9(2)(a)'));
  });

  it('is version 2026-12-1, the one that added OWN_WORDS', () => {
    expect(sut.version).toBe('2026-12-1');
  });

  it('an unknown code is not found', () => {
    expect(sut.find('MARKETING')).toBeUndefined();
  });
});

describe('PurposeCatalogue.fromJson', () => {
  it('accepts a valid catalogue', () => {
    const sut = PurposeCatalogue.fromJson(catalogue(purpose()));

    expect(sut.version).toBe('test-1');
    expect(sut.find('CASE_COORDINATION')?.domains).toEqual(['YOUTH_CARE', 'WMO']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown domain', { domains: ['YOUTH_CARE', 'POLICE'] }, 'unknown domain POLICE'],
    ['an unknown data category', { maxCategories: ['CONTACT', 'BIOMETRICS'] }, 'unknown data category BIOMETRICS'],
    [
      'HEALTH without an Art. 9 exception',
      { maxCategories: ['HEALTH'] },
      'reaches HEALTH, so it needs an Art. 9 exception',
    ],
    [
      'OWN_WORDS without an Art. 9 exception',
      { maxCategories: ['OWN_WORDS'] },
      'reaches OWN_WORDS (free text that may touch on health), so it needs an Art. 9 exception',
    ],
    [
      'a statutory domain that may not use the purpose',
      { statutoryFor: ['CHILD_SAFETY'] },
      'statutory domain CHILD_SAFETY must also be allowed',
    ],
    ['a retention that is not an ISO 8601 duration', { retention: 'two years' }, 'retention must be an ISO 8601 duration'],
    ['no lawful basis', { lawfulBasis: undefined }, 'lawfulBasis.article6 is required'],
    ['an empty name', { name: '' }, 'name must be a non-empty string'],
    ['domains that are not a list', { domains: 'WMO' }, 'domains must be a list of strings'],
  ])('refuses a purpose with %s', (_case, change, problem) => {
    expect(rejection(catalogue(purpose(change)))).toContain(`CASE_COORDINATION: ${problem}`);
  });

  it('refuses a purpose code that appears more than once', () => {
    expect(rejection(catalogue(purpose(), purpose()))).toContain('purpose CASE_COORDINATION appears more than once');
  });

  it('refuses a document without version or purposes list', () => {
    const message = rejection({ purposes: 'none' });

    expect(message).toContain('version must be a string');
    expect(message).toContain('purposes must be a list');
  });

  it('reports every problem at once, naming the source', () => {
    const message = rejection(
      catalogue(
        purpose({ domains: ['POLICE'], retention: 'forever' }),
        purpose({ code: 'SUPPORT_PLANNING', maxCategories: ['HEALTH', 'BIOMETRICS'] }),
        purpose({ code: 'SUPPORT_PLANNING', statutoryFor: ['CHILD_SAFETY'] }),
      ),
    );

    expect(message).toContain('test.json');
    for (const problem of [
      'CASE_COORDINATION: unknown domain POLICE',
      'CASE_COORDINATION: retention must be an ISO 8601 duration',
      'SUPPORT_PLANNING: unknown data category BIOMETRICS',
      'SUPPORT_PLANNING: reaches HEALTH',
      'SUPPORT_PLANNING: statutory domain CHILD_SAFETY',
      'purpose SUPPORT_PLANNING appears more than once',
    ]) {
      expect(message).toContain(problem);
    }
  });

  it('a policy file that does not exist is reported as unreadable, naming the path', () => {
    const path = join(tmpdir(), 'kring-no-such-policy.json');

    expect(() => PurposeCatalogue.fromFile(path)).toThrow(`the purpose catalogue ${path} cannot be read`);
  });
});

describe('PurposeCatalogue.fromJson, edge cases found in review', () => {
  // libs/policy/src/purpose-catalogue.ts validatePurpose: /^P(\d+Y)?(\d+M)?(\d+D)?$/ also matches a bare "P".
  it('refuses a retention of "P", a duration without any component', () => {
    expect(rejection(catalogue(purpose({ retention: 'P' })))).toContain('retention must be an ISO 8601 duration');
  });

  // libs/policy/src/purpose-catalogue.ts fromJson: `codes.find(...)` reports only the first duplicated code.
  it('reports every duplicated code, not only the first', () => {
    const message = rejection(catalogue(purpose(), purpose(), purpose({ code: 'REINTEGRATION' }), purpose({ code: 'REINTEGRATION' })));

    expect(message).toContain('purpose REINTEGRATION appears more than once');
  });
});
