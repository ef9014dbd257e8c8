import { gql } from './generated';
import type {
  AccessLogEntryFieldsFragment,
  CircleFieldsFragment,
  ConsentFieldsFragment,
  DataCategory,
  Domain,
  FamilyFileFieldsFragment,
} from './generated/graphql';

/*
 * The selections several pages share, as GraphQL fragments. Their types are generated
 * (npm run codegen) from apps/gateway/schema.gql; the names below only shorten them.
 */

gql(`
  fragment OrganisationFields on Organisation { id name domain }
`);

gql(`
  fragment FamilyFileFields on FamilyFile {
    id purpose
    members { id name birthDate bsn relation holdsAuthorityOver }
    involvements { id caseDirection startsOn endsOn organisation { ...OrganisationFields } }
    redactions { path field category reason memberId recordId involvementId }
    records {
      id sectionType createdAt supersededAt subjectMemberIds authorMemberId
      sourceOrganisation { ...OrganisationFields }
      section {
        __typename
        ... on OurStory { text }
        ... on ContactDetails { address phone email }
        ... on CareTrajectory { provider startDate endDate goals frequency diagnosis medication }
        ... on SupportProvision { provision hoursPerWeek decisionDate }
        ... on DebtSituation { totalDebt creditorCount arrangement monthlyInstalment budgetManagement }
        ... on IncomeAndWork { benefit reintegrationRoute jobCoach }
        ... on SafetySignal { signal signalDate reporterRole riskAssessment }
        ... on FamilyPlan { familyGoals actions whoDoesWhat reviewDate }
      }
    }
  }
`);

gql(`
  fragment ConsentFields on Consent {
    id familyId subjectMemberId grantedByMemberId categories purposes
    recipientOrganisation { ...OrganisationFields } recipientDomain
    validFrom validUntil revokedAt status awaitingSignatureFrom createdAt
    signatures { memberId capacity signedAt }
  }
`);

gql(`
  fragment AccessLogEntryFields on AccessLogEntry {
    id occurredAt traceId activity purpose decision breakGlass familyId subjectMemberIds
    decisions { targetKind category fields outcome basis basisRefs reason sourceOrganisation { ...OrganisationFields } }
    actor { kind role professionalId name organisation { ...OrganisationFields } }
    chainKey sequence
  }
`);

gql(`
  fragment CircleProfessionalFields on CircleProfessional { id name roles contact organisation { ...OrganisationFields } }
`);

gql(`
  fragment CircleFields on Circle {
    familyId
    caseDirector { ...CircleProfessionalFields }
    handover { handedOverAt note from { ...OrganisationFields } }
    involvements { id since caseDirection organisation { ...OrganisationFields } contact { ...CircleProfessionalFields } }
  }
`);

export type FamilyFile = FamilyFileFieldsFragment;
export type FamilyMember = FamilyFile['members'][number];
export type FamilyRecord = FamilyFile['records'][number];
export type Involvement = FamilyFile['involvements'][number];
export type Redaction = FamilyFile['redactions'][number];
export type Consent = ConsentFieldsFragment;
export type AccessLogEntry = AccessLogEntryFieldsFragment;
export type AccessLogDecision = AccessLogEntry['decisions'][number];
export type Circle = CircleFieldsFragment;
export type CircleInvolvement = Circle['involvements'][number];
export type CircleProfessional = NonNullable<Circle['caseDirector']>;

/** A record's section with any field read by name: the section catalogue names the fields. */
export function sectionValue(record: FamilyRecord, field: string): unknown {
  return (record.section as Readonly<Record<string, unknown>>)[field];
}

/*
 * The order the portal lists categories and domains in (DESIGN.md §3), not the schema's
 * alphabetical one. A Record over the generated union: a value the schema adds does not
 * compile until it is placed here.
 */
const CATEGORY_ORDER: Record<DataCategory, true> = {
  PERSONAL_IDENTITY: true,
  NATIONAL_ID: true,
  CONTACT: true,
  HOUSEHOLD: true,
  INVOLVEMENT: true,
  CARE_TRAJECTORY: true,
  HEALTH: true,
  FINANCES: true,
  WORK_PARTICIPATION: true,
  SAFETY: true,
  SHARED_PLAN: true,
  OWN_WORDS: true,
};
export const DATA_CATEGORIES = Object.keys(CATEGORY_ORDER) as readonly DataCategory[];

const DOMAIN_ORDER: Record<Domain, true> = {
  YOUTH_CARE: true,
  WMO: true,
  DEBT_ASSISTANCE: true,
  PARTICIPATION: true,
  CHILD_SAFETY: true,
  EDUCATION: true,
  ADULT_CARE: true,
};
export const DOMAINS = Object.keys(DOMAIN_ORDER) as readonly Domain[];
