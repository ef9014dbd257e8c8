import { DataCategory, isDataCategory } from '../data-category';
import { sectionSource, type SectionType } from './section-field';
import { findSectionType, SECTION_TYPES } from './section-types';
import { isIsoDate, validateSectionValues } from './section-values';

function sectionType(name: string): SectionType {
  const type = findSectionType(name);
  if (type === undefined) throw new Error(`no section type ${name}`);
  return type;
}

/** Valid values for the required fields of `type`, so a test can break exactly one field. */
function requiredValues(type: SectionType): Record<string, unknown> {
  const valid = { text: 'x', 'text-list': ['x'], date: '2026-01-31', integer: 1, decimal: 1.5, boolean: false };
  return Object.fromEntries(type.fields.filter((f) => f.required).map((f) => [f.name, valid[f.kind]]));
}

describe('validateSectionValues', () => {
  const debt = sectionType('DebtSituation');
  const care = sectionType('CareTrajectory');
  const plan = sectionType('FamilyPlan');

  it('accepts values of the right kinds', () => {
    const values = { totalDebt: 18250.5, creditorCount: 12, arrangement: 'Minnelijke schuldregeling', budgetManagement: true, monthlyInstalment: 0 };

    expect(validateSectionValues(debt, values)).toEqual([]);
  });

  it('accepts a section with only its required fields, and null for optional ones', () => {
    expect(validateSectionValues(debt, { totalDebt: 0, arrangement: null })).toEqual([]);
  });

  it('a field the type does not have is refused', () => {
    expect(validateSectionValues(debt, { totalDebt: 1, iban: 'NL91ABNA0417164300' })).toEqual([{ field: 'iban', problem: 'is not a field of DebtSituation' }]);
  });

  it.each([undefined, null])('a required field given as %s is missing', (value) => {
    expect(validateSectionValues(debt, { totalDebt: value })).toEqual([{ field: 'totalDebt', problem: 'is required' }]);
  });

  it.each<[string, SectionType, string, unknown]>([
    ['a date that does not exist', care, 'startDate', '2026-02-30'],
    ['a date in another format', care, 'startDate', '30-01-2026'],
    ['a date with a time', care, 'endDate', '2026-01-30T10:00:00Z'],
    ['a negative integer', debt, 'creditorCount', -3],
    ['a fractional integer', debt, 'creditorCount', 2.5],
    ['an integer given as text', debt, 'creditorCount', '12'],
    ['a negative decimal', debt, 'totalDebt', -100],
    ['a decimal that is not finite', debt, 'totalDebt', Number.POSITIVE_INFINITY],
    ['a boolean given as text', debt, 'budgetManagement', 'yes'],
    ['blank text', debt, 'arrangement', '   '],
    ['text of more than 4000 characters', debt, 'arrangement', 'x'.repeat(4001)],
    ['text given as a number', care, 'provider', 42],
    ['a text list holding a non-string', plan, 'familyGoals', ['Schulden op orde', 7]],
    ['a text list holding a blank entry', plan, 'familyGoals', ['Schulden op orde', ' ']],
    ['a text list of more than 50 entries', plan, 'actions', Array.from({ length: 51 }, (_, i) => `actie ${i}`)],
    ['a single text where a list is expected', plan, 'familyGoals', 'Schulden op orde'],
  ])('%s is refused, naming the field', (_case, type, field, value) => {
    const problems = validateSectionValues(type, { ...requiredValues(type), [field]: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
  });

  it('every problem is reported at once, and none echoes the value given', () => {
    const secrets = { diagnosis: 'ADHD-gecombineerd-type-geheim', startDate: '2026-02-31', goals: ['Rust in huis', 404], bsn: '123451000' };

    const problems = validateSectionValues(care, secrets);

    expect(problems.map((p) => p.field).sort()).toEqual(['bsn', 'goals', 'provider', 'startDate']);
    const text = JSON.stringify(problems.map((p) => p.problem));
    for (const value of ['ADHD', '2026-02-31', 'Rust in huis', '404', '123451000']) expect(text).not.toContain(value);
  });
});

describe('isIsoDate', () => {
  it.each(['2026-01-31', '2024-02-29', '2000-12-01'])('%s is a real date', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-04-31', '2026-1-5', '20260105', ''])('%s is not a real YYYY-MM-DD date', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('SECTION_TYPES', () => {
  it('holds the seven section types of the design and our story, each findable by name', () => {
    const names = ['OurStory', 'ContactDetails', 'CareTrajectory', 'SupportProvision', 'DebtSituation', 'IncomeAndWork', 'SafetySignal', 'FamilyPlan'];

    expect(SECTION_TYPES.map((t) => t.name).sort()).toEqual([...names].sort());
    for (const name of names) expect(findSectionType(name)?.name).toBe(name);
    expect(findSectionType('Diagnosis')).toBeUndefined();
  });

  it.each(SECTION_TYPES.map((t) => [t.name, t] as const))('every field of %s is tagged with a known data category', (_name, type) => {
    expect(type.fields.length).toBeGreaterThan(0);
    expect(type.fields.filter((f) => !isDataCategory(f.category)).map((f) => f.name)).toEqual([]);
  });

  it.each(SECTION_TYPES.map((t) => [t.name, t] as const))('field names of %s are unique', (_name, type) => {
    const names = type.fields.map((f) => f.name);

    expect(new Set(names).size).toBe(names.length);
  });

  it('diagnosis and medication are health data (GDPR Art. 9)', () => {
    const care = sectionType('CareTrajectory');

    expect(care.fields.filter((f) => f.category === DataCategory.HEALTH).map((f) => f.name).sort()).toEqual(['diagnosis', 'medication']);
  });

  it('only our story is written by the family, and only it holds OWN_WORDS; it comes first, as the file shows it', () => {
    expect(SECTION_TYPES.filter((t) => sectionSource(t) === 'FAMILY').map((t) => t.name)).toEqual(['OurStory']);
    expect(SECTION_TYPES.flatMap((t) => t.fields.filter((f) => f.category === DataCategory.OWN_WORDS).map((f) => `${t.name}.${f.name}`))).toEqual(['OurStory.text']);
    expect(SECTION_TYPES[0]?.name).toBe('OurStory');
  });
});
