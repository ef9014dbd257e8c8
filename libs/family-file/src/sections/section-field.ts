import { type DataCategory } from '../data-category';

/** How a field's value is written and validated; all values are stored as encrypted text. */
export type FieldKind = 'text' | 'date' | 'integer' | 'decimal' | 'boolean' | 'text-list';

/** Units of numbers: amounts of money in euros, support in hours per week. */
export type FieldUnit = 'EUR' | 'HOURS_PER_WEEK';

export interface SectionField {
  readonly name: string;
  readonly category: DataCategory;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** One line a family member can read: what this field holds. */
  readonly description: string;
  /** The unit a number is counted in, where it has one: how a reader is shown it. */
  readonly unit?: FieldUnit;
}

/**
 * Who writes a section's records: an organisation (the one that adds it, through `addRecord`),
 * or the family (a member, in their own words: our story, DESIGN.md §9).
 */
export type SectionSource = 'ORGANISATION' | 'FAMILY';

export interface SectionType {
  /** The GraphQL type name, e.g. `DebtSituation`. */
  readonly name: string;
  readonly description: string;
  readonly fields: readonly SectionField[];
  /**
   * Where new data of this kind is written instead, when the section is kept only for the
   * records written before (they stay readable through the rule). New records are still accepted
   * for now, and the API marks the input deprecated.
   */
  readonly supersededBy?: string;
  /** Absent: an organisation writes it. */
  readonly source?: SectionSource;
}

/** Who writes records of this section type. */
export function sectionSource(type: SectionType): SectionSource {
  return type.source ?? 'ORGANISATION';
}

export function field(name: string, category: DataCategory, kind: FieldKind, description: string, required = false): SectionField {
  return { name, category, kind, required, description };
}

/** The same field, counted in euros: the portal shows and asks for it as an amount of money. */
export function inEuros(spec: SectionField): SectionField {
  return { ...spec, unit: 'EUR' };
}

/** The same field, counted in hours per week. */
export function inHoursPerWeek(spec: SectionField): SectionField {
  return { ...spec, unit: 'HOURS_PER_WEEK' };
}
