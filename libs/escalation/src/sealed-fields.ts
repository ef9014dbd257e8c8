import { declareSealedFields, type SealedPlace } from '@kring/crypto';

/**
 * An escalation's texts, sealed under the family's data key and bound to the escalation. Their
 * category is the escalation's own (a column beside them), decided before a value is opened.
 */
export const ESCALATION_SEALED_FIELDS = declareSealedFields('escalation', { blocks: null, tried: null, decision: null, setAside: null, authority: null, budget: null });

export type EscalationText = keyof typeof ESCALATION_SEALED_FIELDS;

/** Where one of an escalation's texts is bound: to the escalation, so a ciphertext moved to another fails to decrypt. */
export function escalationTextPlace(escalationId: string, text: EscalationText): SealedPlace {
  return { field: ESCALATION_SEALED_FIELDS[text], rowId: escalationId.toLowerCase() };
}
