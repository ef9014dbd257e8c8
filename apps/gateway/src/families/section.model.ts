import { createUnionType, Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ORGANISATION_SECTION_TYPES, SECTION_TYPES, type FieldKind, type SectionType } from '@kring/family-file';

/**
 * The typed GraphQL objects and inputs of the section types, generated from the
 * one catalogue in libs/family-file so that a field and its data category are
 * written down once. Every output field is nullable: null is also what a
 * redacted field looks like.
 */
type Ctor = new () => object;

const GRAPHQL_TYPE: Record<FieldKind, () => unknown> = {
  text: () => String,
  date: () => String,
  integer: () => Int,
  decimal: () => Float,
  boolean: () => Boolean,
  'text-list': () => [String],
};

function namedClass(name: string): Ctor {
  // A class with the GraphQL type's name, so stack traces and the schema agree.
  return { [name]: class {} }[name] as Ctor;
}

function outputType(type: SectionType): Ctor {
  const cls = namedClass(type.name);
  for (const f of type.fields) {
    Field(GRAPHQL_TYPE[f.kind] as () => StringConstructor, { nullable: true, description: `${f.description}. Category: ${f.category}.` })(cls.prototype as object, f.name);
  }
  ObjectType(type.name, { description: type.description })(cls);
  return cls;
}

function inputType(type: SectionType): Ctor {
  const cls = namedClass(`${type.name}Input`);
  for (const f of type.fields) {
    // Required fields are checked by Kring's own validation, which names the field in BAD_USER_INPUT.
    Field(GRAPHQL_TYPE[f.kind] as () => StringConstructor, { nullable: true, description: `${f.description}${f.required ? ' (required)' : ''}. Category: ${f.category}.` })(cls.prototype as object, f.name);
  }
  InputType(`${type.name}Input`, { description: type.description })(cls);
  return cls;
}

export const SECTION_OUTPUT_TYPES: ReadonlyMap<string, Ctor> = new Map(SECTION_TYPES.map((t) => [t.name, outputType(t)]));
/** Inputs for addRecord: an organisation's sections only (a member writes our story with writeOurStory). */
export const SECTION_INPUT_TYPES: ReadonlyMap<string, Ctor> = new Map(ORGANISATION_SECTION_TYPES.map((t) => [t.name, inputType(t)]));

/** The name of the AddRecordInput field that carries a section type, e.g. `debtSituation`. */
export function sectionInputField(sectionType: string): string {
  return sectionType.charAt(0).toLowerCase() + sectionType.slice(1);
}

/** A section's values as served: the type name plus the allowed values (redacted ones are null). */
export interface SectionValues {
  readonly __sectionType: string;
  readonly [field: string]: unknown;
}

export const Section = createUnionType({
  name: 'Section',
  description: 'The content of a record, typed by its section type. A field that is not shared is null and listed in the file\'s redactions.',
  types: () => [...SECTION_OUTPUT_TYPES.values()] as [Ctor, ...Ctor[]],
  resolveType: (value: SectionValues) => SECTION_OUTPUT_TYPES.get(value.__sectionType),
});
