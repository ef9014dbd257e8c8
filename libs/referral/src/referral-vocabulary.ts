/**
 * The words and limits of referral (DESIGN.md §9, *verwijzing*; docs/referral.md). Plain data:
 * the gateway's GraphQL types and refusals are made from these.
 */

/**
 * Where a referral is: proposed (the receiving organisation is not involved and reads nothing),
 * accepted (it is involved from that day), declined with a reason, or withdrawn by the referrer.
 */
export enum ReferralStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

/** The referrer's note to the receiving organisation and the family: optional, at most 2,000 characters. */
export const REFERRAL_NOTE_LENGTH = { max: 2000 } as const;

/** Why the receiving organisation declines: 10 to 2,000 characters. */
export const DECLINE_REASON_LENGTH = { min: 10, max: 2000 } as const;
