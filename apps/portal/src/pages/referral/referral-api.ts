import { gql } from '../../api/generated';
import type { FamilyReferralsQuery, IncomingReferralsQuery } from '../../api/generated/graphql';

/*
 * The referral operations (docs/referral.md). What each caller sees of a referral is the API's
 * decision: the receiving organisation's fragment has no family, member or note until the
 * family has signed, and this portal asks for nothing more.
 */

gql(`
  fragment ReferralFields on Referral {
    id familyId subjectMemberId status referredAt answeredAt purpose consentId consentStatus awaitingSignatureFrom
    waitingWeeks waitingTimeStatedOn note declineReason
    service { id name }
    referringOrganisation { ...OrganisationFields }
    receivingOrganisation { ...OrganisationFields }
  }
`);

gql(`
  fragment IncomingReferralFields on IncomingReferral {
    id status referredAt answeredAt purpose categories consentActive waitingWeeks waitingTimeStatedOn note declineReason familyId
    service { id name }
    referringOrganisation { ...OrganisationFields }
    member { id name }
  }
`);

export const FAMILY_REFERRALS = gql(`query FamilyReferrals($familyId: ID!) { referrals(familyId: $familyId) { ...ReferralFields } }`);
export const OUR_REFERRALS = gql(`query OurReferrals { ourReferrals { ...ReferralFields } }`);
export const INCOMING_REFERRALS = gql(`query IncomingReferrals { incomingReferrals { ...IncomingReferralFields } }`);
export const REFER = gql(`mutation ReferToService($input: ReferToServiceInput!) { referToService(input: $input) { ...ReferralFields } }`);
export const WITHDRAW = gql(`mutation WithdrawReferral($id: ID!) { withdrawReferral(id: $id) { ...ReferralFields } }`);
export const ACCEPT = gql(`mutation AcceptReferral($id: ID!) { acceptReferral(id: $id) { ...IncomingReferralFields } }`);
export const DECLINE = gql(`mutation DeclineReferral($id: ID!, $reason: String!) { declineReferral(id: $id, reason: $reason) { ...IncomingReferralFields } }`);
export const REFERRAL_PURPOSES = gql(`query ReferralPurposes { purposes { code name domains maxCategories } }`);

export type Referral = FamilyReferralsQuery['referrals'][number];
export type IncomingReferral = IncomingReferralsQuery['incomingReferrals'][number];
