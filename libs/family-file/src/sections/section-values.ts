import type { FieldKind, SectionType } from './section-field';

/** A field value as the API carries it, before encryption. */
export type FieldValue = string | number | boolean | string[];

export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/**
 * Checks the values given for a section against its type: unknown fields,
 * missing required ones, and values of the wrong kind. Returns every problem,
 * naming the field but never echoing the value (it may be personal data).
 */
export function validateSectionValues(type: SectionType, values: Readonly<Record<string, unknown>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(type.fields.map((f) => f.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) problems.push({ field: name, problem: `is not a field of ${type.name}` });
  }
  for (const f of type.fields) {
    const value = values[f.name];
    if (value === undefined || value === null) {
      if (f.required) problems.push({ field: f.name, problem: 'is required' });
      continue;
    }
    const problem = kindProblem(f.kind, value);
    if (problem !== null) problems.push({ field: f.name, problem });
  }
  return problems;
}

function kindProblem(kind: FieldKind, value: unknown): string | null {
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '' && value.length <= 4000 ? null : 'must be text of 1 to 4000 characters';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : 'must be a date (YYYY-MM-DD)';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? null : 'must be a whole number of 0 or more';
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : 'must be a number of 0 or more';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'text-list':
      return Array.isArray(value) && value.length <= 50 && value.every((v) => typeof v === 'string' && v.trim() !== '' && v.length <= 1000)
        ? null
        : 'must be a list of up to 50 texts';
  }
}

/** A real calendar date in YYYY-MM-DD form. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
