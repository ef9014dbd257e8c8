import { loadSectionCatalogue, type ServedField } from '../../api/section-catalogue';

/** How the professional's view shows and asks for a field: the API's kind, with amounts of money apart. */
export type FieldKind = 'text' | 'text-list' | 'date' | 'integer' | 'decimal' | 'euro' | 'boolean';

export interface SectionField {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
}

export interface SectionType {
  readonly name: string;
  /** The AddRecordInput field that carries this section, e.g. `debtSituation`; null for the family's own (our story). */
  readonly input: string | null;
  /** Who writes it: an organisation, or the family (our story, shown first in the file). */
  readonly source: 'ORGANISATION' | 'FAMILY';
  /** Kept for the records written before; new ones go elsewhere (the API's `supersededBy`), so the add form does not offer it. */
  readonly superseded: boolean;
  readonly fields: readonly SectionField[];
}

/** A section an organisation writes, through `addRecord`. */
export type OrganisationSectionType = SectionType & { readonly input: string; readonly source: 'ORGANISATION' };

/** The sections the add-record form offers: an organisation's, never the family's own words. */
export function organisationSections(types: readonly SectionType[]): readonly OrganisationSectionType[] {
  return types.filter((t): t is OrganisationSectionType => t.source === 'ORGANISATION' && t.input !== null);
}

function kindOf(field: ServedField): FieldKind {
  switch (field.kind) {
    case 'TEXT':
      return 'text';
    case 'TEXT_LIST':
      return 'text-list';
    case 'DATE':
      return 'date';
    case 'INTEGER':
      return 'integer';
    case 'DECIMAL':
      return field.unit === 'EUR' ? 'euro' : 'decimal';
    case 'BOOLEAN':
      return 'boolean';
  }
}

/** The section types in the order the file lists them, as the professional's view uses them. */
export async function loadSectionTypes(): Promise<readonly SectionType[]> {
  return (await loadSectionCatalogue()).map((t) => ({
    name: t.name,
    input: t.input ?? null,
    source: t.source,
    superseded: t.supersededBy !== null,
    fields: t.fields.map((f) => ({ name: f.name, kind: kindOf(f), required: f.required })),
  }));
}
