import type { SealedField } from './sealed-field';

/** Where a sealed value lives: a declared field of one row. */
export interface SealedPlace {
  readonly field: SealedField;
  readonly rowId: string;
}

/**
 * What a ciphertext is bound to. The associated data makes a ciphertext that is
 * copied to another family, row, field or key version fail to decrypt.
 */
export interface FieldContext extends SealedPlace {
  /** The owner of the data key: a family, or an organisation for its staff directory. */
  readonly keyOwner: string;
  readonly dataKeyVersion: number;
}

const utf8 = new TextEncoder();

/** The associated data of a value: the same bytes for the same place and key, since the first ciphertext was written (kring-field-v1). */
export function associatedData(context: FieldContext): Uint8Array {
  return utf8.encode(`kring-field-v1|${context.keyOwner}|${context.field.rowKind}:${context.rowId}|${context.field.name}|dk${context.dataKeyVersion}`);
}
