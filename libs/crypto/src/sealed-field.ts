/**
 * Only this module can make a SealedField: the key below has no value outside it, so an
 * object literal with a row kind and a field name is not one. The cipher takes nothing
 * else, so a context nobody declared (a typo in a row kind or field) does not compile,
 * where it used to fail at run time as DATA_INTEGRITY.
 */
declare const declared: unique symbol;

/**
 * A field stored sealed (encrypted): the row kind and field name are bound into every
 * ciphertext of it (field-context.ts). Declared once, in the `sealed-fields.ts` of the
 * library that owns the entity; `libs/database/src/sealed-fields.ts` lists them all.
 */
export interface SealedField<Category extends string = string> {
  /** The kind of row the value belongs to, e.g. `member`. */
  readonly rowKind: string;
  /** The field's name within its row kind, e.g. `birthDate`. */
  readonly name: string;
  /** The data category the access rule decides on, where the value is family data; null for free text of the process (reasons, notes) and staff data. */
  readonly category: Category | null;
  readonly [declared]: true;
}

/** The declared fields of one row kind, by field name. */
export type SealedFields<Field extends string, Category extends string> = { readonly [F in Field]: SealedField<Category> };

/** Declares one sealed field; for row kinds whose fields come from a catalogue of their own (records and their section types). */
export function declareSealedField<Category extends string>(rowKind: string, name: string, category: Category | null): SealedField<Category> {
  return Object.freeze({ rowKind, name, category }) as SealedField<Category>;
}

/** Declares a row kind's sealed fields: field name to data category (null where none applies). */
export function declareSealedFields<Field extends string, Category extends string>(
  rowKind: string,
  fields: Readonly<Record<Field, Category | null>>,
): SealedFields<Field, Category> {
  const entries = (Object.entries(fields) as [Field, Category | null][]).map(([name, category]) => [name, declareSealedField(rowKind, name, category)] as const);
  return Object.freeze(Object.fromEntries(entries)) as SealedFields<Field, Category>;
}

/** The fields of a row kind's declaration, in declaration order. */
export function sealedFieldsOf<Category extends string>(fields: SealedFields<string, Category>): SealedField<Category>[] {
  return Object.values(fields);
}
