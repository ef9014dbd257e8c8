import { Injectable } from '@nestjs/common';
import { SECTION_TYPES, sectionSource, type FieldKind, type FieldUnit } from '@kring/family-file';
import { sectionInputField } from '../families/section.model';
import { SectionFieldKind, SectionFieldUnit, SectionSource, type SectionTypeSpec } from './section-catalogue.model';

const UNIT: Record<FieldUnit, SectionFieldUnit> = { EUR: SectionFieldUnit.EUR, HOURS_PER_WEEK: SectionFieldUnit.HOURS_PER_WEEK };

const KIND: Record<FieldKind, SectionFieldKind> = {
  text: SectionFieldKind.TEXT,
  'text-list': SectionFieldKind.TEXT_LIST,
  date: SectionFieldKind.DATE,
  integer: SectionFieldKind.INTEGER,
  decimal: SectionFieldKind.DECIMAL,
  boolean: SectionFieldKind.BOOLEAN,
};

/** The section catalogue as the API serves it: built once, from the catalogue the file itself is built from. */
const SOURCE: Record<ReturnType<typeof sectionSource>, SectionSource> = { ORGANISATION: SectionSource.ORGANISATION, FAMILY: SectionSource.FAMILY };

const CATALOGUE: readonly SectionTypeSpec[] = SECTION_TYPES.map((type) => ({
  name: type.name,
  input: sectionSource(type) === 'ORGANISATION' ? sectionInputField(type.name) : null,
  source: SOURCE[sectionSource(type)],
  description: type.description,
  supersededBy: type.supersededBy ?? null,
  fields: type.fields.map((f) => ({
    name: f.name,
    category: f.category,
    kind: KIND[f.kind],
    required: f.required,
    unit: f.unit === undefined ? null : UNIT[f.unit],
    description: f.description,
  })),
}));

@Injectable()
export class SectionCatalogueService {
  /** Every section type with its fields; no personal data, the same for every caller. */
  all(): readonly SectionTypeSpec[] {
    return CATALOGUE;
  }
}
