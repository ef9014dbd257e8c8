import { declareSealedFields } from '@kring/crypto';

/** The sealed fields of a consent, under the family's data key. The reason is the family's free text about the consent, not a category of the file. */
export const CONSENT_SEALED_FIELDS = declareSealedFields('consent', { revocationReason: null });
