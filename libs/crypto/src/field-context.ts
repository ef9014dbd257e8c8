/**
 * What a ciphertext is bound to. The associated data makes a ciphertext that is
 * copied to another family, row, field or key version fail to decrypt.
 */
export interface FieldContext {
  /** The owner of the data key: a family, or an organisation for its staff directory. */
  readonly keyOwner: string;
  /** The table-level kind of row, e.g. `member`, `record`. */
  readonly rowKind: string;
  readonly rowId: string;
  readonly field: string;
  readonly dataKeyVersion: number;
}

const utf8 = new TextEncoder();

export function associatedData(context: FieldContext): Uint8Array {
  return utf8.encode(`kring-field-v1|${context.keyOwner}|${context.rowKind}:${context.rowId}|${context.field}|dk${context.dataKeyVersion}`);
}
