import { declareSealedFields } from '@kring/crypto';

/**
 * The sealed fields of the staff directory, under the organisation's data key. A
 * professional's name and work contact (how a family or a colleague reaches them) are staff data, not family data: no access-rule category applies.
 */
export const PROFESSIONAL_SEALED_FIELDS = declareSealedFields('professional', { name: null, contact: null });
