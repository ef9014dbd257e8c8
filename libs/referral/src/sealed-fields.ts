import { declareSealedFields, type SealedPlace } from '@kring/crypto';

/** A referral's texts, sealed under the family's data key and bound to the referral. Free text of the professionals, not a category of the file. */
export const REFERRAL_SEALED_FIELDS = declareSealedFields('referral', { note: null, declineReason: null });

export type ReferralText = keyof typeof REFERRAL_SEALED_FIELDS;

/** Where one of a referral's texts is bound: to the referral, so a ciphertext moved to another fails to decrypt. */
export function referralTextPlace(referralId: string, text: ReferralText): SealedPlace {
  return { field: REFERRAL_SEALED_FIELDS[text], rowId: referralId.toLowerCase() };
}
