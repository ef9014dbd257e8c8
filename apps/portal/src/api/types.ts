/** The API's shapes as the portal reads them (see apps/gateway/schema.gql). */
export type DataCategory =
  | 'PERSONAL_IDENTITY'
  | 'NATIONAL_ID'
  | 'CONTACT'
  | 'HOUSEHOLD'
  | 'INVOLVEMENT'
  | 'CARE_TRAJECTORY'
  | 'HEALTH'
  | 'FINANCES'
  | 'WORK_PARTICIPATION'
  | 'SAFETY'
  | 'SHARED_PLAN';
export const DATA_CATEGORIES: readonly DataCategory[] = [
  'PERSONAL_IDENTITY',
  'NATIONAL_ID',
  'CONTACT',
  'HOUSEHOLD',
  'INVOLVEMENT',
  'CARE_TRAJECTORY',
  'HEALTH',
  'FINANCES',
  'WORK_PARTICIPATION',
  'SAFETY',
  'SHARED_PLAN',
];

export type Domain = 'YOUTH_CARE' | 'WMO' | 'DEBT_ASSISTANCE' | 'PARTICIPATION' | 'CHILD_SAFETY' | 'EDUCATION' | 'ADULT_CARE';
export const DOMAINS: readonly Domain[] = ['YOUTH_CARE', 'WMO', 'DEBT_ASSISTANCE', 'PARTICIPATION', 'CHILD_SAFETY', 'EDUCATION', 'ADULT_CARE'];

export type ProfessionalRole = 'PROFESSIONAL' | 'TEAM_LEAD' | 'PRIVACY_OFFICER' | 'CHAIN_PRIVACY_OFFICER' | 'ADMIN';

export type RedactionReason =
  | 'NO_CONSENT'
  | 'PURPOSE_EXCLUDES_CATEGORY'
  | 'NOT_INVOLVED'
  | 'CONSENT_PENDING'
  | 'CONSENT_REVOKED'
  | 'CONSENT_EXPIRED'
  | 'CAPACITY_LAPSED'
  | 'PURPOSE_NOT_FOR_DOMAIN'
  | 'UNKNOWN_PURPOSE'
  | 'OTHER_MEMBER'
  | 'DATA_INTEGRITY';

export type ConsentStatus = 'ACTIVE' | 'PENDING' | 'REVOKED' | 'EXPIRED';

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly domain: Domain;
}

export interface Viewer {
  readonly kind: 'PROFESSIONAL' | 'FAMILY_MEMBER';
  readonly member: { readonly id: string; readonly name: string; readonly familyId: string } | null;
  readonly professional: { readonly id: string; readonly name: string; readonly roles: readonly ProfessionalRole[]; readonly organisation: Organisation } | null;
}

export interface Purpose {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly domains: readonly Domain[];
  readonly statutoryFor: readonly Domain[];
  readonly maxCategories: readonly DataCategory[];
}

export interface Redaction {
  readonly path: string;
  readonly field: string;
  readonly category: DataCategory;
  readonly reason: RedactionReason;
  readonly memberId: string | null;
  readonly recordId: string | null;
  readonly involvementId: string | null;
}

export interface FamilyMember {
  readonly id: string;
  readonly name: string | null;
  readonly birthDate: string | null;
  readonly bsn: string | null;
  readonly relation: 'PARENT' | 'CHILD' | 'OTHER' | null;
  readonly holdsAuthorityOver: readonly string[] | null;
}

export interface Involvement {
  readonly id: string;
  readonly organisation: Organisation | null;
  readonly caseDirection: boolean | null;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
}

/** A record's section: its typename and fields, any of which may be null (not shared). */
export type Section = { readonly __typename: string } & Readonly<Record<string, unknown>>;

export interface FamilyRecord {
  readonly id: string;
  readonly sectionType: string;
  readonly createdAt: string;
  readonly subjectMemberIds: readonly string[];
  readonly sourceOrganisation: Organisation | null;
  readonly section: Section;
}

export interface FamilyFile {
  readonly id: string;
  readonly purpose: string | null;
  readonly members: readonly FamilyMember[];
  readonly records: readonly FamilyRecord[];
  readonly involvements: readonly Involvement[];
  readonly redactions: readonly Redaction[];
}

/** Every field of every section, for the one family-file query both views use. */
export const FAMILY_FILE_FIELDS = `
  id purpose
  members { id name birthDate bsn relation holdsAuthorityOver }
  involvements { id caseDirection startsOn endsOn organisation { id name domain } }
  redactions { path field category reason memberId recordId involvementId }
  records {
    id sectionType createdAt subjectMemberIds
    sourceOrganisation { id name domain }
    section {
      __typename
      ... on ContactDetails { address phone email }
      ... on CareTrajectory { provider startDate endDate goals frequency diagnosis medication }
      ... on SupportProvision { provision hoursPerWeek decisionDate }
      ... on DebtSituation { totalDebt creditorCount arrangement monthlyInstalment budgetManagement }
      ... on IncomeAndWork { benefit reintegrationRoute jobCoach }
      ... on SafetySignal { signal signalDate reporterRole riskAssessment }
      ... on FamilyPlan { familyGoals actions whoDoesWhat reviewDate }
    }
  }
`;

export interface Consent {
  readonly id: string;
  readonly familyId: string;
  readonly subjectMemberId: string;
  readonly grantedByMemberId: string;
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly string[];
  readonly recipientOrganisation: Organisation | null;
  readonly recipientDomain: Domain | null;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly revokedAt: string | null;
  readonly status: ConsentStatus;
  readonly awaitingSignatureFrom: readonly string[];
  readonly signatures: readonly { readonly memberId: string; readonly capacity: 'SUBJECT' | 'PARENT_WITH_AUTHORITY'; readonly signedAt: string }[];
  readonly createdAt: string;
}

export const CONSENT_FIELDS = `
  id familyId subjectMemberId grantedByMemberId categories purposes
  recipientOrganisation { id name domain } recipientDomain
  validFrom validUntil revokedAt status awaitingSignatureFrom createdAt
  signatures { memberId capacity signedAt }
`;

export interface AccessLogEntry {
  readonly id: string;
  readonly occurredAt: string;
  readonly traceId: string;
  readonly activity: string;
  readonly purpose: string | null;
  readonly decision: 'ALLOWED' | 'DENIED';
  readonly basis: string | null;
  readonly reason: string | null;
  readonly breakGlass: boolean;
  readonly category: DataCategory | null;
  readonly fields: readonly string[];
  readonly familyId: string | null;
  readonly subjectMemberIds: readonly string[];
  readonly sourceOrganisation: Organisation | null;
  readonly actor: { readonly kind: string; readonly organisation: Organisation | null; readonly role: string | null; readonly professionalId: string | null; readonly name: string | null };
  readonly chainKey: string;
  readonly sequence: number;
}

export const ACCESS_LOG_FIELDS = `
  id occurredAt traceId activity purpose decision basis reason breakGlass category fields familyId subjectMemberIds
  sourceOrganisation { id name domain }
  actor { kind role professionalId name organisation { id name domain } }
  chainKey sequence
`;

export interface AccessLogFilter {
  familyId?: string;
  memberId?: string;
  professionalId?: string;
  organisationId?: string;
  purpose?: string;
  decision?: 'ALLOWED' | 'DENIED';
  basis?: string;
  activity?: string;
  breakGlass?: boolean;
  from?: string;
  to?: string;
}

export interface Connection<T> {
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/** Decisions on one calendar day (Europe/Amsterdam): `accessLogDays`. */
export interface AccessLogDay {
  readonly day: string;
  readonly allowed: number;
  readonly denied: number;
  readonly breakGlass: number;
  /** Entries denied DATA_INTEGRITY: a stored value failed its integrity check (among the denied too). */
  readonly integrityAlarms: number;
}

export type LogProblem = 'CHANGED' | 'MISSING' | 'INSERTED' | 'REORDERED' | 'TRUNCATED' | 'CHECKPOINT_INVALID';

/** `verifyAccessLog`: the hash chains and signed checkpoints checked. */
export interface LogVerification {
  readonly intact: boolean;
  readonly chainsChecked: number;
  readonly entriesChecked: number;
  readonly checkpointsVerified: number;
  readonly keyId: string;
  readonly verifiedAt: string;
  readonly firstBroken: { readonly chainKey: string; readonly sequence: number; readonly problem: string; readonly entryId: string | null } | null;
}

export interface CheckpointReport {
  readonly signed: number;
  readonly signedAt: string;
}

/** A family the caller's organisation is involved with (no name on purpose: open the file for that). */
export interface FamilySummary {
  readonly id: string;
  readonly involvementId: string;
  readonly caseDirection: boolean;
  readonly startsOn: string;
  readonly endsOn: string | null;
}
