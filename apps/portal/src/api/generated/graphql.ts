/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Filters combine with AND. Times are inclusive from, exclusive to. */
export type AccessLogFilter = {
  activity?: string | null | undefined;
  /** PROFESSIONAL, CITIZEN or SYSTEM. */
  actorKind?: string | null | undefined;
  /** Entries with a decision on this basis. */
  basis?: string | null | undefined;
  breakGlass?: boolean | null | undefined;
  /** Only entries where someone else acted: leaves out your own reads. */
  byOthers?: boolean | null | undefined;
  /** Entries with a decision in this category. */
  category?: string | null | undefined;
  /** ALLOWED or DENIED: entries with a decision of that outcome (with the category, source organisation, reason and basis filters: the same decision). PARTLY_ALLOWED: entries with both. */
  decision?: LogDecision | null | undefined;
  familyId?: string | number | null | undefined;
  from?: string | null | undefined;
  /** Entries about this member. */
  memberId?: string | number | null | undefined;
  /** Entries where this organisation acted or whose records were concerned. */
  organisationId?: string | number | null | undefined;
  /** Entries of this professional. */
  professionalId?: string | number | null | undefined;
  purpose?: string | null | undefined;
  /** Entries with a decision denied for this reason, e.g. DATA_INTEGRITY for the integrity alarms. */
  reason?: RedactionReason | null | undefined;
  /** Entries with a decision about this organisation's records. */
  sourceOrganisationId?: string | number | null | undefined;
  to?: string | null | undefined;
};

/** How to get to a service: WALK_IN (just come or call), REFERRAL (through a GP or a professional), DECISION (a decision of the municipality, beschikking). */
export type AccessRoute =
  | 'DECISION'
  | 'REFERRAL'
  | 'WALK_IN';

/** A new record: exactly one section, about one or more members of the family. */
export type AddRecordInput = {
  /** A care trajectory (zorgtraject) with its goals. */
  careTrajectory?: CareTrajectoryInput | null | undefined;
  /** How to reach a member. */
  contactDetails?: ContactDetailsInput | null | undefined;
  /** The debt situation and its arrangement. */
  debtSituation?: DebtSituationInput | null | undefined;
  familyId: string | number;
  /**
   * The shared plan as a record, from before the family plan existed.
   * @deprecated Use the family plan: writePlanItem and familyPlan (docs/family-plan.md).
   */
  familyPlan?: FamilyPlanInput | null | undefined;
  /** Income, benefit and the route to work. */
  incomeAndWork?: IncomeAndWorkInput | null | undefined;
  /** A signal about safety at home. */
  safetySignal?: SafetySignalInput | null | undefined;
  /** The members the record is about. */
  subjectMemberIds: Array<string | number>;
  /** A Wmo provision (maatwerkvoorziening). */
  supportProvision?: SupportProvisionInput | null | undefined;
};

/** What blocks: a RULE, a SCHEME (regeling), an ORGANISATION, or OTHER. */
export type BlockingKind =
  | 'ORGANISATION'
  | 'OTHER'
  | 'RULE'
  | 'SCHEME';

export type BreakGlassInput = {
  /** A subset of CONTACT, HOUSEHOLD, SAFETY; default all three. */
  categories?: Array<DataCategory> | null | undefined;
  /** Required: the colleague you consulted before opening it (the meldcode), a professional of an organisation involved with the family today or a Veilig Thuis advisor; not yourself. */
  consultedProfessionalId?: string | number | null | undefined;
  /** Minutes, at most 240. */
  durationMinutes?: number | null | undefined;
  familyId: string | number;
  /** Why you fear for a child's safety and cannot ask: at least 30 characters. Read by a privacy officer. */
  justification: string;
  /** The members (children) you fear for; default every member under 18 (every member when there is none). The family's notice goes to those in reach of them. */
  memberIds?: Array<string | number> | null | undefined;
};

export type BreakGlassNoticeState =
  | 'AWAITING_REVIEW'
  | 'DEFERRED'
  | 'GIVEN';

export type BreakGlassStatus =
  | 'ACTIVE'
  | 'AWAITING_REVIEW'
  | 'OVERDUE'
  | 'REVIEWED';

export type BreakGlassVerdict =
  | 'JUSTIFIED'
  | 'UNJUSTIFIED';

/** A care trajectory (zorgtraject) with its goals. */
export type CareTrajectoryInput = {
  /** Diagnosis (health data). Category: HEALTH. */
  diagnosis?: string | null | undefined;
  /** End date. Category: CARE_TRAJECTORY. */
  endDate?: string | null | undefined;
  /** How often there is contact. Category: CARE_TRAJECTORY. */
  frequency?: string | null | undefined;
  /** Goals of the trajectory. Category: CARE_TRAJECTORY. */
  goals?: Array<string> | null | undefined;
  /** Medication (health data). Category: HEALTH. */
  medication?: string | null | undefined;
  /** Who provides the care (required). Category: CARE_TRAJECTORY. */
  provider?: string | null | undefined;
  /** Start date. Category: CARE_TRAJECTORY. */
  startDate?: string | null | undefined;
};

/** PENDING until the required signatures are there, then ACTIVE, until REVOKED or EXPIRED. */
export type ConsentStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

/** How to reach a member. */
export type ContactDetailsInput = {
  /** Home address. Category: CONTACT. */
  address?: string | null | undefined;
  /** E-mail address. Category: CONTACT. */
  email?: string | null | undefined;
  /** Phone number. Category: CONTACT. */
  phone?: string | null | undefined;
};

/** The categories every field of the family file is tagged with. */
export type DataCategory =
  | 'CARE_TRAJECTORY'
  | 'CONTACT'
  | 'FINANCES'
  | 'HEALTH'
  | 'HOUSEHOLD'
  | 'INVOLVEMENT'
  | 'NATIONAL_ID'
  | 'OWN_WORDS'
  | 'PERSONAL_IDENTITY'
  | 'SAFETY'
  | 'SHARED_PLAN'
  | 'WORK_PARTICIPATION';

/** The debt situation and its arrangement. */
export type DebtSituationInput = {
  /** Debt arrangement (schuldregeling). Category: FINANCES. */
  arrangement?: string | null | undefined;
  /** Whether budget management (budgetbeheer) is in place. Category: FINANCES. */
  budgetManagement?: boolean | null | undefined;
  /** Number of creditors. Category: FINANCES. */
  creditorCount?: number | null | undefined;
  /** Monthly instalment in euros. Category: FINANCES. */
  monthlyInstalment?: number | null | undefined;
  /** Total debt in euros (required). Category: FINANCES. */
  totalDebt?: number | null | undefined;
};

/** The breakthrough decision on an escalation you (or a team lead of your organisation) took on. */
export type DecideEscalationInput = {
  /** On whose authority: 10 to 2,000 characters. */
  authority: string;
  /** A budget made available, in euro cents: 0 to 100,000,000 (one million euro). */
  budgetCents?: number | null | undefined;
  /** What is decided: 10 to 2,000 characters. */
  decision: string;
  escalationId: string | number;
  /** What rule or scheme is set aside, if any: 10 to 2,000 characters. */
  setAside?: string | null | undefined;
};

/** The kind of work an organisation does. */
export type Domain =
  | 'ADULT_CARE'
  | 'CHILD_SAFETY'
  | 'DEBT_ASSISTANCE'
  | 'EDUCATION'
  | 'PARTICIPATION'
  | 'WMO'
  | 'YOUTH_CARE';

/** STUCK: the situation is stuck and needs a breakthrough; OTHER_CASE_DIRECTOR: a member asks for another case director. */
export type EscalationKind =
  | 'OTHER_CASE_DIRECTOR'
  | 'STUCK';

/** Who raised an escalation: a family MEMBER, or a PROFESSIONAL for their organisation. */
export type EscalationRaiserKind =
  | 'MEMBER'
  | 'PROFESSIONAL';

/** OPEN: raised, waiting for a team lead; TAKEN_ON: a team lead took it on; DECIDED: the breakthrough decision is recorded. */
export type EscalationStatus =
  | 'DECIDED'
  | 'OPEN'
  | 'TAKEN_ON';

/** The shared plan as a record, from before the family plan existed. */
export type FamilyPlanInput = {
  /** Agreed actions. Category: SHARED_PLAN. */
  actions?: Array<string> | null | undefined;
  /** The family's goals, in their own words (required). Category: SHARED_PLAN. */
  familyGoals?: Array<string> | null | undefined;
  /** When the plan is reviewed. Category: SHARED_PLAN. */
  reviewDate?: string | null | undefined;
  /** Who does what. Category: SHARED_PLAN. */
  whoDoesWhat?: Array<string> | null | undefined;
};

/** Consent for one member, to one recipient (an organisation, or every organisation of a domain), for some purposes and categories. */
export type GrantConsentInput = {
  categories: Array<DataCategory>;
  /** Purpose codes of the catalogue. */
  purposes: Array<string>;
  recipientDomain?: Domain | null | undefined;
  recipientOrganisationId?: string | number | null | undefined;
  subjectMemberId: string | number;
  /** Default: now. Cannot lie in the past. */
  validFrom?: string | null | undefined;
  /** At most 12 months after validFrom. */
  validUntil: string;
};

/** Income, benefit and the route to work. */
export type IncomeAndWorkInput = {
  /** Benefit received. Category: FINANCES. */
  benefit?: string | null | undefined;
  /** Job coach. Category: WORK_PARTICIPATION. */
  jobCoach?: string | null | undefined;
  /** Reintegration route. Category: WORK_PARTICIPATION. */
  reintegrationRoute?: string | null | undefined;
};

export type LiftShieldingInput = {
  /** Why the member may know again: 10 to 2,000 characters. Read by your privacy officer. */
  reason: string;
  /** A shielding of your organisation's involvement, in force. */
  shieldingId: string | number;
};

/** An outcome. A decision is ALLOWED or DENIED; an entry is ALLOWED when all its decisions were, DENIED when all were, PARTLY_ALLOWED when some were shown and some withheld. */
export type LogDecision =
  | 'ALLOWED'
  | 'DENIED'
  | 'PARTLY_ALLOWED';

export type MemberRelation =
  | 'CHILD'
  | 'OTHER'
  | 'PARENT';

/** Who wrote a message: a family MEMBER, or a PROFESSIONAL for their organisation. */
export type MessageAuthorKind =
  | 'MEMBER'
  | 'PROFESSIONAL';

/** Who carries out an action. */
export type PlanActorInput = {
  kind: PlanActorKind;
  /** MEMBER: which member. */
  memberId?: string | number | null | undefined;
  /** NETWORK: the person's name (1 to 200 characters). */
  name?: string | null | undefined;
  /** ORGANISATION: your own (the default). */
  organisationId?: string | number | null | undefined;
};

/** Who carries out an action: an involved ORGANISATION, a family MEMBER, or a person of the family's own NETWORK. */
export type PlanActorKind =
  | 'MEMBER'
  | 'NETWORK'
  | 'ORGANISATION';

export type PlanChange =
  | 'ITEM_ADDED'
  | 'ITEM_CHANGED';

/** WORDS: the family's own words (what we want to reach); GOAL; ACTION (who does what, by when); REVIEW: the review date the case director sets. */
export type PlanItemKind =
  | 'ACTION'
  | 'GOAL'
  | 'REVIEW'
  | 'WORDS';

/** A goal: OPEN, REACHED or DROPPED. An action: PLANNED, DONE or CANCELLED. */
export type PlanItemStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'DROPPED'
  | 'OPEN'
  | 'PLANNED'
  | 'REACHED';

export type PostMessageInput = {
  /** 1 to 4,000 characters. */
  body: string;
  threadId: string | number;
};

/** What a service helps with (the social map's vocabulary; Dutch labels in libs/social-map, PROBLEM_LABELS). */
export type ProblemCode =
  /** Paperwork and letters (Post en papieren) */
  | 'ADMINISTRATIE'
  /** Loneliness (Eenzaamheid) */
  | 'EENZAAMHEID'
  /** Making ends meet (Rondkomen met geld) */
  | 'GELDZAKEN'
  /** Health (Gezondheid) */
  | 'GEZONDHEID'
  /** Domestic violence and child abuse (Huiselijk geweld en kindermishandeling) */
  | 'HUISELIJK_GEWELD'
  /** Running the household (Het huishouden) */
  | 'HUISHOUDEN'
  /** Caring for someone close (informal care) (Zorgen voor een naaste (mantelzorg)) */
  | 'MANTELZORG'
  /** Parenting and growing up (Opvoeden en opgroeien) */
  | 'OPVOEDING'
  /** Mental health (Psychische problemen) */
  | 'PSYCHISCH'
  /** School (School) */
  | 'SCHOOL'
  /** Debts (Schulden) */
  | 'SCHULDEN'
  /** Addiction (Verslaving) */
  | 'VERSLAVING'
  /** Work and daytime activities (Werk en dagbesteding) */
  | 'WERK'
  /** Housing (Wonen) */
  | 'WONEN';

export type ProfessionalRole =
  | 'ADMIN'
  | 'CHAIN_PRIVACY_OFFICER'
  | 'PRIVACY_OFFICER'
  | 'PROFESSIONAL'
  | 'TEAM_LEAD';

/** A stuck situation: what blocks, which rule, scheme or organisation, what was tried. */
export type RaiseEscalationInput = {
  blockingKind: BlockingKind;
  /** The organisation that blocks: required when `blockingKind` is ORGANISATION, and only then. */
  blockingOrganisationId?: string | number | null | undefined;
  /** What blocks: 10 to 2,000 characters. */
  blocks: string;
  /** Professionals (required): what it touches, the category the access rule decides its texts on for other organisations (not PERSONAL_IDENTITY or NATIONAL_ID). Members: left out (OWN_WORDS). */
  category?: DataCategory | null | undefined;
  /** Professionals: the family (one your organisation is involved with). Members: left out (your own family). */
  familyId?: string | number | null | undefined;
  /** Professionals (required): the purpose, a code of `purposes` your organisation may use. Members: left out. */
  purpose?: string | null | undefined;
  /** The members it is about (a member: within your reach). */
  subjectMemberIds: Array<string | number>;
  /** What was tried: 10 to 2,000 characters. */
  tried: string;
};

/** Why a field is not shared. */
export type RedactionReason =
  | 'CAPACITY_LAPSED'
  | 'CONSENT_EXPIRED'
  | 'CONSENT_PENDING'
  | 'CONSENT_REVOKED'
  | 'DATA_INTEGRITY'
  | 'NOT_INVOLVED'
  | 'NO_CONSENT'
  | 'OTHER_MEMBER'
  | 'PURPOSE_EXCLUDES_CATEGORY'
  | 'PURPOSE_NOT_FOR_DOMAIN'
  | 'UNKNOWN_PURPOSE';

/** A referral of a member to a service on the social map, with the consent it needs (recipient: the service's organisation; valid for twelve months). */
export type ReferToServiceInput = {
  /** The data categories the consent lets the receiving organisation read, once it accepts. */
  categories: Array<DataCategory>;
  familyId: string | number;
  /** The member referred. */
  memberId: string | number;
  /** A note for the receiving organisation and the family, at most 2,000 characters. */
  note?: string | null | undefined;
  /** The purpose of the consent (a catalogue code the receiving organisation's domain may use). */
  purpose: string;
  /** The service on the social map. */
  serviceId: string | number;
};

/** PROPOSED (the receiving organisation is not involved and reads nothing), ACCEPTED (involved from that day), DECLINED (with a reason), WITHDRAWN (by the referrer). */
export type ReferralStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'PROPOSED'
  | 'WITHDRAWN';

/** An organisation joining the chain. Give its OIN or its KvK number (or both). */
export type RegisterOrganisationInput = {
  domain: Domain;
  /** Kamer van Koophandel number: 8 digits. */
  kvkNumber?: string | null | undefined;
  /** 2 to 200 characters, one line. */
  name: string;
  /** Organisatie-identificatienummer (Logius): 20 digits. */
  oin?: string | null | undefined;
};

/** A professional of a registered organisation. */
export type RegisterProfessionalInput = {
  /** Work phone or e-mail, up to 300 characters, one line. */
  contact?: string | null | undefined;
  /** 2 to 200 characters, one line. */
  name: string;
  organisationId: string | number;
  /** At least one. */
  roles: Array<ProfessionalRole>;
  /** The identity broker's subject (`sub`) they sign in with: 1 to 255 printable ASCII characters, no spaces. Left out: their Kring id, as the development issuer signs it. */
  subject?: string | null | undefined;
};

/** A signal about safety at home. */
export type SafetySignalInput = {
  /** Role of who reported it. Category: SAFETY. */
  reporterRole?: string | null | undefined;
  /** Risk assessment. Category: SAFETY. */
  riskAssessment?: string | null | undefined;
  /** The signal (required). Category: SAFETY. */
  signal?: string | null | undefined;
  /** Date of the signal. Category: SAFETY. */
  signalDate?: string | null | undefined;
};

/** How a section field is written and validated. */
export type SectionFieldKind =
  | 'BOOLEAN'
  | 'DATE'
  | 'DECIMAL'
  | 'INTEGER'
  | 'TEXT'
  | 'TEXT_LIST';

/** The unit a number is counted in. */
export type SectionFieldUnit =
  | 'EUR'
  | 'HOURS_PER_WEEK';

/** Who writes a section's records: an organisation (addRecord), or the family (writeOurStory). */
export type SectionSource =
  | 'FAMILY'
  | 'ORGANISATION';

/** A search of the social map: words, and filters that must all hold. Without text, the map by name. */
export type ServiceSearch = {
  accessRoute?: AccessRoute | null | undefined;
  /** The service is for someone of this age (0 to 120). */
  age?: number | null | undefined;
  domain?: Domain | null | undefined;
  /** A stated waiting time of at most this many weeks (0 to 104); services without one are left out. */
  maxWaitingWeeks?: number | null | undefined;
  /** A CBS code (GM0074): the service serves this municipality. */
  municipality?: string | null | undefined;
  problem?: ProblemCode | null | undefined;
  /** Words in Dutch, up to 1,000 characters; "quotes" for a phrase, -word to leave out, or. Exact name first, then by relevance. */
  text?: string | null | undefined;
};

export type ShieldInvolvementInput = {
  /** Your organisation's involvement. */
  involvementId: string | number;
  /** The members from whom it is shielded (e.g. the parent a Veilig Thuis report concerns). */
  memberIds: Array<string | number>;
  /** Why these members may not know: 10 to 2,000 characters. Read by your privacy officer. */
  reason: string;
};

export type SignInMethod =
  | 'DEVELOPMENT_PERSONAS'
  | 'OPENID_CONNECT';

export type SignatureCapacity =
  | 'PARENT_WITH_AUTHORITY'
  | 'SUBJECT';

/** A new thread around a family your organisation is involved with. */
export type StartThreadInput = {
  /** What it touches (not PERSONAL_IDENTITY or NATIONAL_ID). */
  category: DataCategory;
  familyId: string | number;
  /** An opening message (1 to 4,000 characters). */
  firstMessage?: string | null | undefined;
  /** The other professionals to take part (PROFESSIONAL or TEAM_LEAD of organisations involved today); you always do. At most 19. */
  participantProfessionalIds?: Array<string | number> | null | undefined;
  /** The purpose every professional participant reads it for: a code of `purposes` your organisation may use. */
  purpose: string;
  /** The members it is about. */
  subjectMemberIds: Array<string | number>;
  /** 1 to 200 characters. */
  topic: string;
};

/** A Wmo provision (maatwerkvoorziening). */
export type SupportProvisionInput = {
  /** Date of the decision (beschikking). Category: CARE_TRAJECTORY. */
  decisionDate?: string | null | undefined;
  /** Hours of support per week. Category: CARE_TRAJECTORY. */
  hoursPerWeek?: number | null | undefined;
  /** The provision granted (required). Category: CARE_TRAJECTORY. */
  provision?: string | null | undefined;
};

/** MESSAGE_POSTED: a new message; MESSAGE_WITHDRAWN: a message became a tombstone; THREAD_CLOSED: the thread closed to you, and the subscription ends. */
export type ThreadEventKind =
  | 'MESSAGE_POSTED'
  | 'MESSAGE_WITHDRAWN'
  | 'THREAD_CLOSED';

export type TransferCaseDirectionInput = {
  familyId: string | number;
  /** The handover note, for the new case director and the family: 10 to 4,000 characters. */
  note: string;
  /** The new case director: a professional of another organisation involved with the family today. */
  toProfessionalId: string | number;
};

export type ViewerKind =
  | 'FAMILY_MEMBER'
  | 'PROFESSIONAL';

/** A member's story about themselves or a child in their reach, in their own words; writing again makes a new version. */
export type WriteOurStoryInput = {
  /** Whom the story is about: yourself, or a child under 16 over whom you hold authority. */
  memberId: string | number;
  /** What you want professionals to know, in your own words (1 to 4,000 characters). */
  text: string;
};

/** A new plan item, or (with itemId) a new version of one. */
export type WritePlanItemInput = {
  /** An action: who carries it out (required). */
  actor?: PlanActorInput | null | undefined;
  /** The category it touches besides SHARED_PLAN (default SHARED_PLAN). */
  category?: DataCategory | null | undefined;
  /** YYYY-MM-DD: an action's due date; the review date (required for REVIEW). */
  dueOn?: string | null | undefined;
  /** Professionals: the family. Members write in their own family. */
  familyId?: string | number | null | undefined;
  /** The item to change; none for a new item. */
  itemId?: string | number | null | undefined;
  kind: PlanItemKind;
  /** Default OPEN for a goal, PLANNED for an action. */
  status?: PlanItemStatus | null | undefined;
  /** The members it is about (REVIEW: ignored, it is about everyone). */
  subjectMemberIds: Array<string | number>;
  /** 1 to 2,000 characters (REVIEW: may be empty). */
  text: string;
};

export type OrganisationFieldsFragment = { id: string, name: string, domain: Domain };

export type FamilyFileFieldsFragment = { id: string, purpose: string | null, members: Array<{ id: string, name: string | null, birthDate: string | null, bsn: string | null, relation: MemberRelation | null, holdsAuthorityOver: Array<string> | null }>, involvements: Array<{ id: string, caseDirection: boolean | null, startsOn: string | null, endsOn: string | null, organisation: { id: string, name: string, domain: Domain } | null }>, redactions: Array<{ path: string, field: string, category: DataCategory, reason: RedactionReason, memberId: string | null, recordId: string | null, involvementId: string | null }>, records: Array<{ id: string, sectionType: string, createdAt: string, supersededAt: string | null, subjectMemberIds: Array<string>, authorMemberId: string | null, sourceOrganisation: { id: string, name: string, domain: Domain } | null, section:
      | { __typename: 'CareTrajectory', provider: string | null, startDate: string | null, endDate: string | null, goals: Array<string> | null, frequency: string | null, diagnosis: string | null, medication: string | null }
      | { __typename: 'ContactDetails', address: string | null, phone: string | null, email: string | null }
      | { __typename: 'DebtSituation', totalDebt: number | null, creditorCount: number | null, arrangement: string | null, monthlyInstalment: number | null, budgetManagement: boolean | null }
      | { __typename: 'FamilyPlan', familyGoals: Array<string> | null, actions: Array<string> | null, whoDoesWhat: Array<string> | null, reviewDate: string | null }
      | { __typename: 'IncomeAndWork', benefit: string | null, reintegrationRoute: string | null, jobCoach: string | null }
      | { __typename: 'OurStory', text: string | null }
      | { __typename: 'SafetySignal', signal: string | null, signalDate: string | null, reporterRole: string | null, riskAssessment: string | null }
      | { __typename: 'SupportProvision', provision: string | null, hoursPerWeek: number | null, decisionDate: string | null }
     }> };

export type ConsentFieldsFragment = { id: string, familyId: string, subjectMemberId: string, grantedByMemberId: string | null, categories: Array<DataCategory>, purposes: Array<string>, recipientDomain: Domain | null, validFrom: string, validUntil: string, revokedAt: string | null, status: ConsentStatus, awaitingSignatureFrom: Array<string>, createdAt: string, recipientOrganisation: { id: string, name: string, domain: Domain } | null, signatures: Array<{ memberId: string, capacity: SignatureCapacity, signedAt: string }> };

export type AccessLogEntryFieldsFragment = { id: string, occurredAt: string, traceId: string, activity: string, purpose: string | null, decision: LogDecision, breakGlass: boolean, familyId: string | null, subjectMemberIds: Array<string>, chainKey: string, sequence: number, decisions: Array<{ targetKind: string | null, category: string | null, fields: Array<string>, outcome: LogDecision, basis: string | null, basisRefs: Array<string>, reason: string | null, sourceOrganisation: { id: string, name: string, domain: Domain } | null }>, actor: { kind: string, role: string | null, professionalId: string | null, name: string | null, organisation: { id: string, name: string, domain: Domain } | null } };

export type CircleProfessionalFieldsFragment = { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, organisation: { id: string, name: string, domain: Domain } };

export type CircleFieldsFragment = { familyId: string, caseDirector: { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, organisation: { id: string, name: string, domain: Domain } } | null, handover: { handedOverAt: string, note: string | null, from: { id: string, name: string, domain: Domain } } | null, involvements: Array<{ id: string, since: string, caseDirection: boolean, organisation: { id: string, name: string, domain: Domain }, contact: { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, organisation: { id: string, name: string, domain: Domain } } | null }> };

export type PlanFieldsFragment = { familyId: string, version: number, latestVersion: number, agreed: boolean, items: Array<{ id: string, kind: PlanItemKind, subjectMemberIds: Array<string>, category: DataCategory, text: string, status: PlanItemStatus | null, dueOn: string | null, changedAt: string, shownToFamily: boolean, agreed: boolean, caseDirectorAgreed: boolean, waitingForMemberIds: Array<string>, actor: { kind: PlanActorKind, memberId: string | null, name: string | null, organisation: { id: string, name: string, domain: Domain } | null } | null, source: { id: string, name: string, domain: Domain } | null }>, redactions: Array<{ itemId: string, kind: PlanItemKind, category: DataCategory, reason: RedactionReason, subjectMemberIds: Array<string> }>, versions: Array<{ version: number, at: string, change: PlanChange, itemId: string, byMemberId: string | null, byOrganisation: { id: string, name: string, domain: Domain } | null }>, agreements: Array<{ memberId: string | null, caseDirectorName: string | null, agreedAt: string, withdrawnAt: string | null }> };

export type SectionCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type SectionCatalogueQuery = { sectionCatalogue: Array<{ name: string, input: string | null, source: SectionSource, supersededBy: string | null, fields: Array<{ name: string, category: DataCategory, kind: SectionFieldKind, required: boolean, unit: SectionFieldUnit | null }> }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { kind: ViewerKind, member: { id: string, name: string, familyId: string } | null, professional: { id: string, name: string, roles: Array<ProfessionalRole>, organisation: { id: string, name: string, domain: Domain } } | null } };

export type AdminOrganisationsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminOrganisationsQuery = { organisations: Array<{ oin: string | null, kvkNumber: string | null, id: string, name: string, domain: Domain }> };

export type RegisterOrganisationMutationVariables = Exact<{
  input: RegisterOrganisationInput;
}>;


export type RegisterOrganisationMutation = { registerOrganisation: { id: string, name: string } };

export type DirectoryProfessionalFieldsFragment = { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, subject: string, registeredAt: string, deactivatedAt: string | null, organisation: { id: string, name: string } };

export type DirectoryProfessionalsQueryVariables = Exact<{
  organisationId?: string | number | null | undefined;
}>;


export type DirectoryProfessionalsQuery = { directoryProfessionals: Array<{ id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, subject: string, registeredAt: string, deactivatedAt: string | null, organisation: { id: string, name: string } }> };

export type RegisterProfessionalMutationVariables = Exact<{
  input: RegisterProfessionalInput;
}>;


export type RegisterProfessionalMutation = { registerProfessional: { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, subject: string, registeredAt: string, deactivatedAt: string | null, organisation: { id: string, name: string } } };

export type ChangeProfessionalRolesMutationVariables = Exact<{
  id: string | number;
  roles: Array<ProfessionalRole> | ProfessionalRole;
}>;


export type ChangeProfessionalRolesMutation = { changeProfessionalRoles: { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, subject: string, registeredAt: string, deactivatedAt: string | null, organisation: { id: string, name: string } } };

export type DeactivateProfessionalMutationVariables = Exact<{
  id: string | number;
}>;


export type DeactivateProfessionalMutation = { deactivateProfessional: { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, subject: string, registeredAt: string, deactivatedAt: string | null, organisation: { id: string, name: string } } };

export type EscalationProfessionalFieldsFragment = { id: string, name: string, organisation: { id: string, name: string, domain: Domain } };

export type EscalationFieldsFragment = { id: string, familyId: string, kind: EscalationKind, subjectMemberIds: Array<string>, category: DataCategory, purpose: string, blockingKind: BlockingKind, blocks: string | null, tried: string | null, raisedAt: string, ageInDays: number, status: EscalationStatus, dueOn: string, overdue: boolean, takenOnAt: string | null, blockingOrganisation: { id: string, name: string, domain: Domain } | null, closed: { category: DataCategory, reason: RedactionReason } | null, raisedBy: { kind: EscalationRaiserKind, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } | null }, takenOnBy: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } | null, decision: { decision: string | null, setAside: string | null, authority: string | null, budgetCents: number | null, decidedAt: string, decidedBy: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } } | null, decisionClosed: { category: DataCategory, reason: RedactionReason } | null };

export type RaiseEscalationMutationVariables = Exact<{
  input: RaiseEscalationInput;
}>;


export type RaiseEscalationMutation = { raiseEscalation: { id: string, dueOn: string } };

export type EscalationOrganisationsQueryVariables = Exact<{ [key: string]: never; }>;


export type EscalationOrganisationsQuery = { organisations: Array<{ id: string, name: string, domain: Domain }> };

export type EscalationPurposesQueryVariables = Exact<{ [key: string]: never; }>;


export type EscalationPurposesQuery = { purposes: Array<{ code: string, name: string, domains: Array<Domain> }> };

export type MyBreakGlassNoticesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyBreakGlassNoticesQuery = { myBreakGlassNotices: Array<{ grantId: string, openedAt: string, expiresAt: string, categories: Array<DataCategory>, justification: string | null, verdict: BreakGlassVerdict, reviewedAt: string, memberIds: Array<string>, reads: number, organisation: { id: string, name: string } }> };

export type BreakGlassNoticeReachQueryVariables = Exact<{ [key: string]: never; }>;


export type BreakGlassNoticeReachQuery = { myReach: Array<{ id: string, name: string | null, self: boolean }> };

export type ConsentReceiptsQueryVariables = Exact<{
  consentId: string | number;
}>;


export type ConsentReceiptsQuery = { consentReceipts: Array<{ receiptId: string, event: string, eventTime: string, document: string }> };

export type GrantConsentMutationVariables = Exact<{
  input: GrantConsentInput;
}>;


export type GrantConsentMutation = { grantConsent: { id: string, familyId: string, subjectMemberId: string, grantedByMemberId: string | null, categories: Array<DataCategory>, purposes: Array<string>, recipientDomain: Domain | null, validFrom: string, validUntil: string, revokedAt: string | null, status: ConsentStatus, awaitingSignatureFrom: Array<string>, createdAt: string, recipientOrganisation: { id: string, name: string, domain: Domain } | null, signatures: Array<{ memberId: string, capacity: SignatureCapacity, signedAt: string }> } };

export type MessagesReachQueryVariables = Exact<{ [key: string]: never; }>;


export type MessagesReachQuery = { myReach: Array<{ id: string, name: string | null, birthDate: string | null }> };

export type JoinThreadMutationVariables = Exact<{
  threadId: string | number;
}>;


export type JoinThreadMutation = { joinThread: { id: string, familyId: string, topic: string | null, subjectMemberIds: Array<string>, category: DataCategory, purpose: string, startedAt: string, joined: boolean, unreadCount: number | null, lastMessageAt: string | null, startedBy: { id: string, name: string, organisation: { id: string, name: string } }, participants: Array<{ joinedAt: string, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null }> | null, closed: { category: DataCategory, reason: RedactionReason } | null } };

export type MyCircleQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCircleQuery = { myCircle: { familyId: string, caseDirector: { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, organisation: { id: string, name: string, domain: Domain } } | null, handover: { handedOverAt: string, note: string | null, from: { id: string, name: string, domain: Domain } } | null, involvements: Array<{ id: string, since: string, caseDirection: boolean, organisation: { id: string, name: string, domain: Domain }, contact: { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, organisation: { id: string, name: string, domain: Domain } } | null }> } };

export type RequestOtherCaseDirectorMutationVariables = Exact<{
  reason: string;
}>;


export type RequestOtherCaseDirectorMutation = { requestOtherCaseDirector: { id: string, requestedAt: string } };

export type MyReachQueryVariables = Exact<{ [key: string]: never; }>;


export type MyReachQuery = { myReach: Array<{ id: string, self: boolean, name: string | null, birthDate: string | null, decidesConsents: boolean }> };

export type ConsentsQueryVariables = Exact<{
  familyId: string | number;
}>;


export type ConsentsQuery = { consents: Array<{ id: string, familyId: string, subjectMemberId: string, grantedByMemberId: string | null, categories: Array<DataCategory>, purposes: Array<string>, recipientDomain: Domain | null, validFrom: string, validUntil: string, revokedAt: string | null, status: ConsentStatus, awaitingSignatureFrom: Array<string>, createdAt: string, recipientOrganisation: { id: string, name: string, domain: Domain } | null, signatures: Array<{ memberId: string, capacity: SignatureCapacity, signedAt: string }> }> };

export type ConsentChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsentChoicesQuery = { organisations: Array<{ id: string, name: string, domain: Domain }>, purposes: Array<{ code: string, domains: Array<Domain>, maxCategories: Array<DataCategory>, statutoryFor: Array<Domain> }> };

export type SignConsentMutationVariables = Exact<{
  id: string | number;
}>;


export type SignConsentMutation = { signConsent: { id: string, familyId: string, subjectMemberId: string, grantedByMemberId: string | null, categories: Array<DataCategory>, purposes: Array<string>, recipientDomain: Domain | null, validFrom: string, validUntil: string, revokedAt: string | null, status: ConsentStatus, awaitingSignatureFrom: Array<string>, createdAt: string, recipientOrganisation: { id: string, name: string, domain: Domain } | null, signatures: Array<{ memberId: string, capacity: SignatureCapacity, signedAt: string }> } };

export type RevokeConsentMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeConsentMutation = { revokeConsent: { id: string, familyId: string, subjectMemberId: string, grantedByMemberId: string | null, categories: Array<DataCategory>, purposes: Array<string>, recipientDomain: Domain | null, validFrom: string, validUntil: string, revokedAt: string | null, status: ConsentStatus, awaitingSignatureFrom: Array<string>, createdAt: string, recipientOrganisation: { id: string, name: string, domain: Domain } | null, signatures: Array<{ memberId: string, capacity: SignatureCapacity, signedAt: string }> } };

export type MyLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AccessLogFilter | null | undefined;
}>;


export type MyLogQuery = { accessLog: { edges: Array<{ cursor: string, node: { id: string, occurredAt: string, traceId: string, activity: string, purpose: string | null, decision: LogDecision, breakGlass: boolean, familyId: string | null, subjectMemberIds: Array<string>, chainKey: string, sequence: number, decisions: Array<{ targetKind: string | null, category: string | null, fields: Array<string>, outcome: LogDecision, basis: string | null, basisRefs: Array<string>, reason: string | null, sourceOrganisation: { id: string, name: string, domain: Domain } | null }>, actor: { kind: string, role: string | null, professionalId: string | null, name: string | null, organisation: { id: string, name: string, domain: Domain } | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OurThreadsQueryVariables = Exact<{ [key: string]: never; }>;


export type OurThreadsQuery = { ourThreads: Array<{ id: string, familyId: string, topic: string | null, subjectMemberIds: Array<string>, category: DataCategory, purpose: string, startedAt: string, joined: boolean, unreadCount: number | null, lastMessageAt: string | null, startedBy: { id: string, name: string, organisation: { id: string, name: string } }, participants: Array<{ joinedAt: string, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null }> | null, closed: { category: DataCategory, reason: RedactionReason } | null }> };

export type MyFamilyStoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyFamilyStoriesQuery = { myFamily: { id: string, purpose: string | null, members: Array<{ id: string, name: string | null, birthDate: string | null, bsn: string | null, relation: MemberRelation | null, holdsAuthorityOver: Array<string> | null }>, involvements: Array<{ id: string, caseDirection: boolean | null, startsOn: string | null, endsOn: string | null, organisation: { id: string, name: string, domain: Domain } | null }>, redactions: Array<{ path: string, field: string, category: DataCategory, reason: RedactionReason, memberId: string | null, recordId: string | null, involvementId: string | null }>, records: Array<{ id: string, sectionType: string, createdAt: string, supersededAt: string | null, subjectMemberIds: Array<string>, authorMemberId: string | null, sourceOrganisation: { id: string, name: string, domain: Domain } | null, section:
        | { __typename: 'CareTrajectory', provider: string | null, startDate: string | null, endDate: string | null, goals: Array<string> | null, frequency: string | null, diagnosis: string | null, medication: string | null }
        | { __typename: 'ContactDetails', address: string | null, phone: string | null, email: string | null }
        | { __typename: 'DebtSituation', totalDebt: number | null, creditorCount: number | null, arrangement: string | null, monthlyInstalment: number | null, budgetManagement: boolean | null }
        | { __typename: 'FamilyPlan', familyGoals: Array<string> | null, actions: Array<string> | null, whoDoesWhat: Array<string> | null, reviewDate: string | null }
        | { __typename: 'IncomeAndWork', benefit: string | null, reintegrationRoute: string | null, jobCoach: string | null }
        | { __typename: 'OurStory', text: string | null }
        | { __typename: 'SafetySignal', signal: string | null, signalDate: string | null, reporterRole: string | null, riskAssessment: string | null }
        | { __typename: 'SupportProvision', provision: string | null, hoursPerWeek: number | null, decisionDate: string | null }
       }> } | null };

export type WriteOurStoryMutationVariables = Exact<{
  input: WriteOurStoryInput;
}>;


export type WriteOurStoryMutation = { writeOurStory: { id: string, createdAt: string } };

export type OurStoryReadsQueryVariables = Exact<{ [key: string]: never; }>;


export type OurStoryReadsQuery = { accessLog: { edges: Array<{ node: { id: string, traceId: string, occurredAt: string, purpose: string | null, subjectMemberIds: Array<string>, actor: { organisation: { id: string, name: string } | null }, decisions: Array<{ category: string | null, outcome: LogDecision }> } }> } };

export type MyFamilyQueryVariables = Exact<{ [key: string]: never; }>;


export type MyFamilyQuery = { myFamily: { id: string, purpose: string | null, members: Array<{ id: string, name: string | null, birthDate: string | null, bsn: string | null, relation: MemberRelation | null, holdsAuthorityOver: Array<string> | null }>, involvements: Array<{ id: string, caseDirection: boolean | null, startsOn: string | null, endsOn: string | null, organisation: { id: string, name: string, domain: Domain } | null }>, redactions: Array<{ path: string, field: string, category: DataCategory, reason: RedactionReason, memberId: string | null, recordId: string | null, involvementId: string | null }>, records: Array<{ id: string, sectionType: string, createdAt: string, supersededAt: string | null, subjectMemberIds: Array<string>, authorMemberId: string | null, sourceOrganisation: { id: string, name: string, domain: Domain } | null, section:
        | { __typename: 'CareTrajectory', provider: string | null, startDate: string | null, endDate: string | null, goals: Array<string> | null, frequency: string | null, diagnosis: string | null, medication: string | null }
        | { __typename: 'ContactDetails', address: string | null, phone: string | null, email: string | null }
        | { __typename: 'DebtSituation', totalDebt: number | null, creditorCount: number | null, arrangement: string | null, monthlyInstalment: number | null, budgetManagement: boolean | null }
        | { __typename: 'FamilyPlan', familyGoals: Array<string> | null, actions: Array<string> | null, whoDoesWhat: Array<string> | null, reviewDate: string | null }
        | { __typename: 'IncomeAndWork', benefit: string | null, reintegrationRoute: string | null, jobCoach: string | null }
        | { __typename: 'OurStory', text: string | null }
        | { __typename: 'SafetySignal', signal: string | null, signalDate: string | null, reporterRole: string | null, riskAssessment: string | null }
        | { __typename: 'SupportProvision', provision: string | null, hoursPerWeek: number | null, decisionDate: string | null }
       }> } | null };

export type EscalationReachQueryVariables = Exact<{ [key: string]: never; }>;


export type EscalationReachQuery = { myReach: Array<{ id: string, self: boolean, name: string | null, birthDate: string | null }> };

export type OurEscalationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OurEscalationsQuery = { ourEscalations: Array<{ id: string, familyId: string, kind: EscalationKind, subjectMemberIds: Array<string>, category: DataCategory, purpose: string, blockingKind: BlockingKind, blocks: string | null, tried: string | null, raisedAt: string, ageInDays: number, status: EscalationStatus, dueOn: string, overdue: boolean, takenOnAt: string | null, blockingOrganisation: { id: string, name: string, domain: Domain } | null, closed: { category: DataCategory, reason: RedactionReason } | null, raisedBy: { kind: EscalationRaiserKind, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } | null }, takenOnBy: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } | null, decision: { decision: string | null, setAside: string | null, authority: string | null, budgetCents: number | null, decidedAt: string, decidedBy: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } } | null, decisionClosed: { category: DataCategory, reason: RedactionReason } | null }> };

export type OurPlanQueryVariables = Exact<{
  version?: number | null | undefined;
}>;


export type OurPlanQuery = { ourPlan: { familyId: string, version: number, latestVersion: number, agreed: boolean, items: Array<{ id: string, kind: PlanItemKind, subjectMemberIds: Array<string>, category: DataCategory, text: string, status: PlanItemStatus | null, dueOn: string | null, changedAt: string, shownToFamily: boolean, agreed: boolean, caseDirectorAgreed: boolean, waitingForMemberIds: Array<string>, actor: { kind: PlanActorKind, memberId: string | null, name: string | null, organisation: { id: string, name: string, domain: Domain } | null } | null, source: { id: string, name: string, domain: Domain } | null }>, redactions: Array<{ itemId: string, kind: PlanItemKind, category: DataCategory, reason: RedactionReason, subjectMemberIds: Array<string> }>, versions: Array<{ version: number, at: string, change: PlanChange, itemId: string, byMemberId: string | null, byOrganisation: { id: string, name: string, domain: Domain } | null }>, agreements: Array<{ memberId: string | null, caseDirectorName: string | null, agreedAt: string, withdrawnAt: string | null }> } };

export type PlanContextQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanContextQuery = { myReach: Array<{ id: string, self: boolean, name: string | null, birthDate: string | null, decidesConsents: boolean }>, myCircle: { caseDirector: { id: string, name: string } | null } };

export type ShowPlanItemToFamilyMutationVariables = Exact<{
  itemId: string | number;
  shown: boolean;
}>;


export type ShowPlanItemToFamilyMutation = { showPlanItemToFamily: { id: string, shownToFamily: boolean } };

export type ThreadProfessionalFieldsFragment = { id: string, name: string, organisation: { id: string, name: string } };

export type ThreadFieldsFragment = { id: string, familyId: string, topic: string | null, subjectMemberIds: Array<string>, category: DataCategory, purpose: string, startedAt: string, joined: boolean, unreadCount: number | null, lastMessageAt: string | null, startedBy: { id: string, name: string, organisation: { id: string, name: string } }, participants: Array<{ joinedAt: string, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null }> | null, closed: { category: DataCategory, reason: RedactionReason } | null };

export type MessageFieldsFragment = { id: string, threadId: string, sequence: number, sentAt: string, body: string | null, withdrawnAt: string | null, author: { kind: MessageAuthorKind, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null } };

export type ThreadQueryVariables = Exact<{
  id: string | number;
}>;


export type ThreadQuery = { thread: { id: string, familyId: string, topic: string | null, subjectMemberIds: Array<string>, category: DataCategory, purpose: string, startedAt: string, joined: boolean, unreadCount: number | null, lastMessageAt: string | null, startedBy: { id: string, name: string, organisation: { id: string, name: string } }, participants: Array<{ joinedAt: string, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null }> | null, closed: { category: DataCategory, reason: RedactionReason } | null } };

export type ThreadMessagesQueryVariables = Exact<{
  threadId: string | number;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ThreadMessagesQuery = { threadMessages: { unreadCount: number, edges: Array<{ node: { id: string, threadId: string, sequence: number, sentAt: string, body: string | null, withdrawnAt: string | null, author: { kind: MessageAuthorKind, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null } } }>, pageInfo: { hasPreviousPage: boolean, startCursor: string | null } } };

export type PostMessageMutationVariables = Exact<{
  input: PostMessageInput;
}>;


export type PostMessageMutation = { postMessage: { id: string, threadId: string, sequence: number, sentAt: string, body: string | null, withdrawnAt: string | null, author: { kind: MessageAuthorKind, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null } } };

export type WithdrawMessageMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawMessageMutation = { withdrawMessage: { id: string, threadId: string, sequence: number, sentAt: string, body: string | null, withdrawnAt: string | null, author: { kind: MessageAuthorKind, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null } } };

export type ThreadEventsSubscriptionVariables = Exact<{
  threadId: string | number;
}>;


export type ThreadEventsSubscription = { threadEvents: { kind: ThreadEventKind, threadId: string, unreadCount: number | null, closed: { category: DataCategory, reason: RedactionReason } | null, message: { id: string, threadId: string, sequence: number, sentAt: string, body: string | null, withdrawnAt: string | null, author: { kind: MessageAuthorKind, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null } } | null } };

export type OurUnreadThreadsQueryVariables = Exact<{ [key: string]: never; }>;


export type OurUnreadThreadsQuery = { ourThreads: Array<{ id: string, unreadCount: number | null }> };

export type LogQueryVariables = Exact<{
  filter?: AccessLogFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type LogQuery = { accessLog: { edges: Array<{ cursor: string, node: { id: string, occurredAt: string, traceId: string, activity: string, purpose: string | null, decision: LogDecision, breakGlass: boolean, familyId: string | null, subjectMemberIds: Array<string>, chainKey: string, sequence: number, decisions: Array<{ targetKind: string | null, category: string | null, fields: Array<string>, outcome: LogDecision, basis: string | null, basisRefs: Array<string>, reason: string | null, sourceOrganisation: { id: string, name: string, domain: Domain } | null }>, actor: { kind: string, role: string | null, professionalId: string | null, name: string | null, organisation: { id: string, name: string, domain: Domain } | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DaysQueryVariables = Exact<{
  filter?: AccessLogFilter | null | undefined;
}>;


export type DaysQuery = { accessLogDays: Array<{ day: string, allowed: number, denied: number, breakGlass: number, integrityAlarms: number }> };

export type LogChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type LogChoicesQuery = { organisations: Array<{ id: string, name: string, domain: Domain }>, purposes: Array<{ code: string }> };

export type BreakGlassQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type BreakGlassQueueQuery = { breakGlassGrants: Array<{ id: string, familyId: string, professionalId: string | null, professionalName: string | null, justification: string | null, purpose: string, categories: Array<DataCategory>, openedAt: string, expiresAt: string, status: BreakGlassStatus, overdue: boolean, concernedMemberIds: Array<string> | null, organisation: { id: string, name: string, domain: Domain }, review: { verdict: BreakGlassVerdict, reviewedAt: string } | null, consultedColleague: { id: string, name: string | null, organisation: { id: string, name: string, domain: Domain } } | null, notice: { state: BreakGlassNoticeState, deferredUntil: string | null, deferralReason: string | null } | null, uses: Array<{ entryId: string, occurredAt: string, activity: string, subjectMemberIds: Array<string>, categories: Array<string>, fields: Array<string> }> | null }> };

export type ReviewBreakGlassMutationVariables = Exact<{
  id: string | number;
  verdict: BreakGlassVerdict;
  note: string;
}>;


export type ReviewBreakGlassMutation = { reviewBreakGlass: { id: string, status: BreakGlassStatus } };

export type DeferBreakGlassNoticeMutationVariables = Exact<{
  id: string | number;
  until: string;
  reason: string;
}>;


export type DeferBreakGlassNoticeMutation = { deferBreakGlassNotice: { id: string, notice: { state: BreakGlassNoticeState, deferredUntil: string | null } | null } };

export type EraseMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type EraseMutation = { eraseFamily: { familyId: string, erasedAt: string, members: number, records: number, consents: number, breakGlassGrants: number, organisation: { name: string } } };

export type ErasuresQueryVariables = Exact<{ [key: string]: never; }>;


export type ErasuresQuery = { familyErasures: { edges: Array<{ node: { familyId: string, erasedAt: string, members: number, records: number, reason: string, organisation: { name: string } } }>, pageInfo: { hasNextPage: boolean } } };

export type EscalationFiguresQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type EscalationFiguresQuery = { escalationFigures: Array<{ raised: number, open: number, takenOn: number, decided: number, takenOnByThisOrganisation: number, overdue: number, decidedLate: number, medianDaysToDecision: number | null, p90DaysToDecision: number | null, organisation: { id: string, name: string, domain: Domain } }> };

export type LookUpMemberByBsnQueryVariables = Exact<{
  bsn: string;
}>;


export type LookUpMemberByBsnQuery = { lookUpMemberByBsn: { more: boolean, members: Array<{ id: string, familyId: string, name: string }> } };

export type LookUpMembersByNameQueryVariables = Exact<{
  name: string;
}>;


export type LookUpMembersByNameQuery = { lookUpMembersByName: { more: boolean, members: Array<{ id: string, familyId: string, name: string }> } };

export type LookUpProfessionalsQueryVariables = Exact<{
  name: string;
}>;


export type LookUpProfessionalsQuery = { lookUpProfessionals: { more: boolean, professionals: Array<{ id: string, name: string, organisation: { id: string, name: string } }> } };

export type InvolvementShieldingsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvolvementShieldingsQuery = { involvementShieldings: Array<{ id: string, familyId: string, involvementId: string, memberId: string, reason: string | null, shieldedAt: string, shieldedByProfessionalId: string, liftedAt: string | null, liftedByProfessionalId: string | null, liftReason: string | null, organisation: { id: string, name: string, domain: Domain } }> };

export type VerifyQueryVariables = Exact<{
  familyId?: string | number | null | undefined;
}>;


export type VerifyQuery = { verifyAccessLog: { intact: boolean, chainsChecked: number, entriesChecked: number, checkpointsVerified: number, keyId: string, verifiedAt: string, firstBroken: { chainKey: string, sequence: number, problem: string, entryId: string | null } | null } };

export type CheckpointMutationVariables = Exact<{ [key: string]: never; }>;


export type CheckpointMutation = { checkpointAccessLog: { signed: number, signedAt: string } };

export type WritePlanItemMutationVariables = Exact<{
  input: WritePlanItemInput;
}>;


export type WritePlanItemMutation = { writePlanItem: { id: string, shownToFamily: boolean } };

export type AgreeToPlanMutationVariables = Exact<{
  familyId?: string | number | null | undefined;
}>;


export type AgreeToPlanMutation = { agreeToPlan: { agreedAt: string } };

export type WithdrawPlanAgreementMutationVariables = Exact<{
  familyId?: string | number | null | undefined;
}>;


export type WithdrawPlanAgreementMutation = { withdrawPlanAgreement: { withdrawnAt: string | null } };

export type AddRecordMutationVariables = Exact<{
  input: AddRecordInput;
}>;


export type AddRecordMutation = { addRecord: { id: string } };

export type OpenBreakGlassMutationVariables = Exact<{
  input: BreakGlassInput;
}>;


export type OpenBreakGlassMutation = { breakGlass: { id: string, expiresAt: string } };

export type ConsultableColleaguesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsultableColleaguesQuery = { consultableColleagues: Array<{ id: string, name: string, organisation: { id: string, name: string, domain: Domain } }> };

export type CircleQueryVariables = Exact<{
  familyId: string | number;
}>;


export type CircleQuery = { circle: { familyId: string, involvements: Array<{ id: string, since: string, caseDirection: boolean, shieldings: Array<{ id: string, memberId: string, shieldedAt: string }> | null, organisation: { id: string, name: string, domain: Domain }, contact: { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, organisation: { id: string, name: string, domain: Domain } } | null }>, caseDirector: { id: string, name: string, roles: Array<ProfessionalRole>, contact: string | null, organisation: { id: string, name: string, domain: Domain } } | null, handover: { handedOverAt: string, note: string | null, from: { id: string, name: string, domain: Domain } } | null } };

export type TransferCaseDirectionMutationVariables = Exact<{
  input: TransferCaseDirectionInput;
}>;


export type TransferCaseDirectionMutation = { transferCaseDirection: { id: string, to: { id: string, name: string } } };

export type EscalationQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type EscalationQueueQuery = { escalationQueue: Array<{ id: string, familyId: string, kind: EscalationKind, subjectMemberIds: Array<string>, category: DataCategory, purpose: string, blockingKind: BlockingKind, blocks: string | null, tried: string | null, raisedAt: string, ageInDays: number, status: EscalationStatus, dueOn: string, overdue: boolean, takenOnAt: string | null, blockingOrganisation: { id: string, name: string, domain: Domain } | null, closed: { category: DataCategory, reason: RedactionReason } | null, raisedBy: { kind: EscalationRaiserKind, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } | null }, takenOnBy: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } | null, decision: { decision: string | null, setAside: string | null, authority: string | null, budgetCents: number | null, decidedAt: string, decidedBy: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } } | null, decisionClosed: { category: DataCategory, reason: RedactionReason } | null }> };

export type TakeOnEscalationMutationVariables = Exact<{
  id: string | number;
}>;


export type TakeOnEscalationMutation = { takeOnEscalation: { id: string, status: EscalationStatus } };

export type DecideEscalationMutationVariables = Exact<{
  input: DecideEscalationInput;
}>;


export type DecideEscalationMutation = { decideEscalation: { id: string, status: EscalationStatus } };

export type FamilyEscalationsQueryVariables = Exact<{
  familyId: string | number;
}>;


export type FamilyEscalationsQuery = { familyEscalations: Array<{ id: string, familyId: string, kind: EscalationKind, subjectMemberIds: Array<string>, category: DataCategory, purpose: string, blockingKind: BlockingKind, blocks: string | null, tried: string | null, raisedAt: string, ageInDays: number, status: EscalationStatus, dueOn: string, overdue: boolean, takenOnAt: string | null, blockingOrganisation: { id: string, name: string, domain: Domain } | null, closed: { category: DataCategory, reason: RedactionReason } | null, raisedBy: { kind: EscalationRaiserKind, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } | null }, takenOnBy: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } | null, decision: { decision: string | null, setAside: string | null, authority: string | null, budgetCents: number | null, decidedAt: string, decidedBy: { id: string, name: string, organisation: { id: string, name: string, domain: Domain } } } | null, decisionClosed: { category: DataCategory, reason: RedactionReason } | null }> };

export type FamiliesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FamiliesQuery = { families: { edges: Array<{ cursor: string, node: { id: string, involvementId: string, caseDirection: boolean, startsOn: string, endsOn: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FamilyFileQueryVariables = Exact<{
  id: string | number;
  purpose: string;
}>;


export type FamilyFileQuery = { family: { id: string, purpose: string | null, members: Array<{ id: string, name: string | null, birthDate: string | null, bsn: string | null, relation: MemberRelation | null, holdsAuthorityOver: Array<string> | null }>, involvements: Array<{ id: string, caseDirection: boolean | null, startsOn: string | null, endsOn: string | null, organisation: { id: string, name: string, domain: Domain } | null }>, redactions: Array<{ path: string, field: string, category: DataCategory, reason: RedactionReason, memberId: string | null, recordId: string | null, involvementId: string | null }>, records: Array<{ id: string, sectionType: string, createdAt: string, supersededAt: string | null, subjectMemberIds: Array<string>, authorMemberId: string | null, sourceOrganisation: { id: string, name: string, domain: Domain } | null, section:
        | { __typename: 'CareTrajectory', provider: string | null, startDate: string | null, endDate: string | null, goals: Array<string> | null, frequency: string | null, diagnosis: string | null, medication: string | null }
        | { __typename: 'ContactDetails', address: string | null, phone: string | null, email: string | null }
        | { __typename: 'DebtSituation', totalDebt: number | null, creditorCount: number | null, arrangement: string | null, monthlyInstalment: number | null, budgetManagement: boolean | null }
        | { __typename: 'FamilyPlan', familyGoals: Array<string> | null, actions: Array<string> | null, whoDoesWhat: Array<string> | null, reviewDate: string | null }
        | { __typename: 'IncomeAndWork', benefit: string | null, reintegrationRoute: string | null, jobCoach: string | null }
        | { __typename: 'OurStory', text: string | null }
        | { __typename: 'SafetySignal', signal: string | null, signalDate: string | null, reporterRole: string | null, riskAssessment: string | null }
        | { __typename: 'SupportProvision', provision: string | null, hoursPerWeek: number | null, decisionDate: string | null }
       }> } | null };

export type FamilyPlanQueryVariables = Exact<{
  familyId: string | number;
  purpose: string;
}>;


export type FamilyPlanQuery = { familyPlan: { familyId: string, version: number, latestVersion: number, agreed: boolean, items: Array<{ id: string, kind: PlanItemKind, subjectMemberIds: Array<string>, category: DataCategory, text: string, status: PlanItemStatus | null, dueOn: string | null, changedAt: string, shownToFamily: boolean, agreed: boolean, caseDirectorAgreed: boolean, waitingForMemberIds: Array<string>, actor: { kind: PlanActorKind, memberId: string | null, name: string | null, organisation: { id: string, name: string, domain: Domain } | null } | null, source: { id: string, name: string, domain: Domain } | null }>, redactions: Array<{ itemId: string, kind: PlanItemKind, category: DataCategory, reason: RedactionReason, subjectMemberIds: Array<string> }>, versions: Array<{ version: number, at: string, change: PlanChange, itemId: string, byMemberId: string | null, byOrganisation: { id: string, name: string, domain: Domain } | null }>, agreements: Array<{ memberId: string | null, caseDirectorName: string | null, agreedAt: string, withdrawnAt: string | null }> } };

export type PurposesQueryVariables = Exact<{ [key: string]: never; }>;


export type PurposesQuery = { purposes: Array<{ code: string, name: string, description: string, domains: Array<Domain>, statutoryFor: Array<Domain>, maxCategories: Array<DataCategory> }> };

export type ShieldInvolvementMutationVariables = Exact<{
  input: ShieldInvolvementInput;
}>;


export type ShieldInvolvementMutation = { shieldInvolvement: Array<{ id: string, memberId: string }> };

export type LiftShieldingMutationVariables = Exact<{
  input: LiftShieldingInput;
}>;


export type LiftShieldingMutation = { liftShielding: { id: string, memberId: string } };

export type StartThreadMutationVariables = Exact<{
  input: StartThreadInput;
}>;


export type StartThreadMutation = { startThread: { id: string } };

export type ThreadPurposesQueryVariables = Exact<{ [key: string]: never; }>;


export type ThreadPurposesQuery = { purposes: Array<{ code: string, name: string, domains: Array<Domain> }> };

export type FamilyThreadsQueryVariables = Exact<{
  familyId: string | number;
}>;


export type FamilyThreadsQuery = { familyThreads: Array<{ id: string, familyId: string, topic: string | null, subjectMemberIds: Array<string>, category: DataCategory, purpose: string, startedAt: string, joined: boolean, unreadCount: number | null, lastMessageAt: string | null, startedBy: { id: string, name: string, organisation: { id: string, name: string } }, participants: Array<{ joinedAt: string, memberId: string | null, professional: { id: string, name: string, organisation: { id: string, name: string } } | null }> | null, closed: { category: DataCategory, reason: RedactionReason } | null }> };

export type ReferralFieldsFragment = { id: string, familyId: string, subjectMemberId: string, status: ReferralStatus, referredAt: string, answeredAt: string | null, purpose: string, consentId: string, consentStatus: ConsentStatus, awaitingSignatureFrom: Array<string>, waitingWeeks: number | null, waitingTimeStatedOn: string | null, note: string | null, declineReason: string | null, service: { id: string, name: string }, referringOrganisation: { id: string, name: string, domain: Domain }, receivingOrganisation: { id: string, name: string, domain: Domain } };

export type IncomingReferralFieldsFragment = { id: string, status: ReferralStatus, referredAt: string, answeredAt: string | null, purpose: string, categories: Array<DataCategory>, consentActive: boolean, waitingWeeks: number | null, waitingTimeStatedOn: string | null, note: string | null, declineReason: string | null, familyId: string | null, service: { id: string, name: string }, referringOrganisation: { id: string, name: string, domain: Domain }, member: { id: string, name: string | null } | null };

export type FamilyReferralsQueryVariables = Exact<{
  familyId: string | number;
}>;


export type FamilyReferralsQuery = { referrals: Array<{ id: string, familyId: string, subjectMemberId: string, status: ReferralStatus, referredAt: string, answeredAt: string | null, purpose: string, consentId: string, consentStatus: ConsentStatus, awaitingSignatureFrom: Array<string>, waitingWeeks: number | null, waitingTimeStatedOn: string | null, note: string | null, declineReason: string | null, service: { id: string, name: string }, referringOrganisation: { id: string, name: string, domain: Domain }, receivingOrganisation: { id: string, name: string, domain: Domain } }> };

export type OurReferralsQueryVariables = Exact<{ [key: string]: never; }>;


export type OurReferralsQuery = { ourReferrals: Array<{ id: string, familyId: string, subjectMemberId: string, status: ReferralStatus, referredAt: string, answeredAt: string | null, purpose: string, consentId: string, consentStatus: ConsentStatus, awaitingSignatureFrom: Array<string>, waitingWeeks: number | null, waitingTimeStatedOn: string | null, note: string | null, declineReason: string | null, service: { id: string, name: string }, referringOrganisation: { id: string, name: string, domain: Domain }, receivingOrganisation: { id: string, name: string, domain: Domain } }> };

export type IncomingReferralsQueryVariables = Exact<{ [key: string]: never; }>;


export type IncomingReferralsQuery = { incomingReferrals: Array<{ id: string, status: ReferralStatus, referredAt: string, answeredAt: string | null, purpose: string, categories: Array<DataCategory>, consentActive: boolean, waitingWeeks: number | null, waitingTimeStatedOn: string | null, note: string | null, declineReason: string | null, familyId: string | null, service: { id: string, name: string }, referringOrganisation: { id: string, name: string, domain: Domain }, member: { id: string, name: string | null } | null }> };

export type ReferToServiceMutationVariables = Exact<{
  input: ReferToServiceInput;
}>;


export type ReferToServiceMutation = { referToService: { id: string, familyId: string, subjectMemberId: string, status: ReferralStatus, referredAt: string, answeredAt: string | null, purpose: string, consentId: string, consentStatus: ConsentStatus, awaitingSignatureFrom: Array<string>, waitingWeeks: number | null, waitingTimeStatedOn: string | null, note: string | null, declineReason: string | null, service: { id: string, name: string }, referringOrganisation: { id: string, name: string, domain: Domain }, receivingOrganisation: { id: string, name: string, domain: Domain } } };

export type WithdrawReferralMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawReferralMutation = { withdrawReferral: { id: string, familyId: string, subjectMemberId: string, status: ReferralStatus, referredAt: string, answeredAt: string | null, purpose: string, consentId: string, consentStatus: ConsentStatus, awaitingSignatureFrom: Array<string>, waitingWeeks: number | null, waitingTimeStatedOn: string | null, note: string | null, declineReason: string | null, service: { id: string, name: string }, referringOrganisation: { id: string, name: string, domain: Domain }, receivingOrganisation: { id: string, name: string, domain: Domain } } };

export type AcceptReferralMutationVariables = Exact<{
  id: string | number;
}>;


export type AcceptReferralMutation = { acceptReferral: { id: string, status: ReferralStatus, referredAt: string, answeredAt: string | null, purpose: string, categories: Array<DataCategory>, consentActive: boolean, waitingWeeks: number | null, waitingTimeStatedOn: string | null, note: string | null, declineReason: string | null, familyId: string | null, service: { id: string, name: string }, referringOrganisation: { id: string, name: string, domain: Domain }, member: { id: string, name: string | null } | null } };

export type DeclineReferralMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type DeclineReferralMutation = { declineReferral: { id: string, status: ReferralStatus, referredAt: string, answeredAt: string | null, purpose: string, categories: Array<DataCategory>, consentActive: boolean, waitingWeeks: number | null, waitingTimeStatedOn: string | null, note: string | null, declineReason: string | null, familyId: string | null, service: { id: string, name: string }, referringOrganisation: { id: string, name: string, domain: Domain }, member: { id: string, name: string | null } | null } };

export type ReferralPurposesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferralPurposesQuery = { purposes: Array<{ code: string, name: string, domains: Array<Domain>, maxCategories: Array<DataCategory> }> };

export type SignInOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInOptionsQuery = { signInOptions: { method: SignInMethod, issuer: string, clientId: string | null, scope: string } };

export type ServiceSummaryFieldsFragment = { id: string, name: string, description: string, domain: Domain, accessRoute: AccessRoute, ageFrom: number | null, ageTo: number | null, problems: Array<ProblemCode>, waitingWeeks: number | null, waitingTimeStatedOn: string | null, waitingTimeStale: boolean, municipalities: Array<{ code: string, name: string }>, organisation: { id: string, name: string, domain: Domain } };

export type ServicesQueryVariables = Exact<{
  search?: ServiceSearch | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ServicesQuery = { services: { edges: Array<{ cursor: string, node: { id: string, name: string, description: string, domain: Domain, accessRoute: AccessRoute, ageFrom: number | null, ageTo: number | null, problems: Array<ProblemCode>, waitingWeeks: number | null, waitingTimeStatedOn: string | null, waitingTimeStale: boolean, municipalities: Array<{ code: string, name: string }>, organisation: { id: string, name: string, domain: Domain } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ServiceQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceQuery = { service: { updatedAt: string, id: string, name: string, description: string, domain: Domain, accessRoute: AccessRoute, ageFrom: number | null, ageTo: number | null, problems: Array<ProblemCode>, waitingWeeks: number | null, waitingTimeStatedOn: string | null, waitingTimeStale: boolean, contact: { phone: string | null, email: string | null, website: string | null, address: string | null }, municipalities: Array<{ code: string, name: string }>, organisation: { id: string, name: string, domain: Domain } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const OrganisationFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
    `, {"fragmentName":"OrganisationFields"}) as unknown as TypedDocumentString<OrganisationFieldsFragment, unknown>;
export const FamilyFileFieldsFragmentDoc = new TypedDocumentString(`
    fragment FamilyFileFields on FamilyFile {
  id
  purpose
  members {
    id
    name
    birthDate
    bsn
    relation
    holdsAuthorityOver
  }
  involvements {
    id
    caseDirection
    startsOn
    endsOn
    organisation {
      ...OrganisationFields
    }
  }
  redactions {
    path
    field
    category
    reason
    memberId
    recordId
    involvementId
  }
  records {
    id
    sectionType
    createdAt
    supersededAt
    subjectMemberIds
    authorMemberId
    sourceOrganisation {
      ...OrganisationFields
    }
    section {
      __typename
      ... on OurStory {
        text
      }
      ... on ContactDetails {
        address
        phone
        email
      }
      ... on CareTrajectory {
        provider
        startDate
        endDate
        goals
        frequency
        diagnosis
        medication
      }
      ... on SupportProvision {
        provision
        hoursPerWeek
        decisionDate
      }
      ... on DebtSituation {
        totalDebt
        creditorCount
        arrangement
        monthlyInstalment
        budgetManagement
      }
      ... on IncomeAndWork {
        benefit
        reintegrationRoute
        jobCoach
      }
      ... on SafetySignal {
        signal
        signalDate
        reporterRole
        riskAssessment
      }
      ... on FamilyPlan {
        familyGoals
        actions
        whoDoesWhat
        reviewDate
      }
    }
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`, {"fragmentName":"FamilyFileFields"}) as unknown as TypedDocumentString<FamilyFileFieldsFragment, unknown>;
export const ConsentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsentFields on Consent {
  id
  familyId
  subjectMemberId
  grantedByMemberId
  categories
  purposes
  recipientOrganisation {
    ...OrganisationFields
  }
  recipientDomain
  validFrom
  validUntil
  revokedAt
  status
  awaitingSignatureFrom
  createdAt
  signatures {
    memberId
    capacity
    signedAt
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`, {"fragmentName":"ConsentFields"}) as unknown as TypedDocumentString<ConsentFieldsFragment, unknown>;
export const AccessLogEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment AccessLogEntryFields on AccessLogEntry {
  id
  occurredAt
  traceId
  activity
  purpose
  decision
  breakGlass
  familyId
  subjectMemberIds
  decisions {
    targetKind
    category
    fields
    outcome
    basis
    basisRefs
    reason
    sourceOrganisation {
      ...OrganisationFields
    }
  }
  actor {
    kind
    role
    professionalId
    name
    organisation {
      ...OrganisationFields
    }
  }
  chainKey
  sequence
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`, {"fragmentName":"AccessLogEntryFields"}) as unknown as TypedDocumentString<AccessLogEntryFieldsFragment, unknown>;
export const CircleProfessionalFieldsFragmentDoc = new TypedDocumentString(`
    fragment CircleProfessionalFields on CircleProfessional {
  id
  name
  roles
  contact
  organisation {
    ...OrganisationFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`, {"fragmentName":"CircleProfessionalFields"}) as unknown as TypedDocumentString<CircleProfessionalFieldsFragment, unknown>;
export const CircleFieldsFragmentDoc = new TypedDocumentString(`
    fragment CircleFields on Circle {
  familyId
  caseDirector {
    ...CircleProfessionalFields
  }
  handover {
    handedOverAt
    note
    from {
      ...OrganisationFields
    }
  }
  involvements {
    id
    since
    caseDirection
    organisation {
      ...OrganisationFields
    }
    contact {
      ...CircleProfessionalFields
    }
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment CircleProfessionalFields on CircleProfessional {
  id
  name
  roles
  contact
  organisation {
    ...OrganisationFields
  }
}`, {"fragmentName":"CircleFields"}) as unknown as TypedDocumentString<CircleFieldsFragment, unknown>;
export const PlanFieldsFragmentDoc = new TypedDocumentString(`
    fragment PlanFields on Plan {
  familyId
  version
  latestVersion
  agreed
  items {
    id
    kind
    subjectMemberIds
    category
    text
    status
    dueOn
    changedAt
    shownToFamily
    agreed
    caseDirectorAgreed
    waitingForMemberIds
    actor {
      kind
      memberId
      name
      organisation {
        ...OrganisationFields
      }
    }
    source {
      ...OrganisationFields
    }
  }
  redactions {
    itemId
    kind
    category
    reason
    subjectMemberIds
  }
  versions {
    version
    at
    change
    itemId
    byMemberId
    byOrganisation {
      ...OrganisationFields
    }
  }
  agreements {
    memberId
    caseDirectorName
    agreedAt
    withdrawnAt
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`, {"fragmentName":"PlanFields"}) as unknown as TypedDocumentString<PlanFieldsFragment, unknown>;
export const DirectoryProfessionalFieldsFragmentDoc = new TypedDocumentString(`
    fragment DirectoryProfessionalFields on DirectoryProfessional {
  id
  name
  roles
  contact
  subject
  registeredAt
  deactivatedAt
  organisation {
    id
    name
  }
}
    `, {"fragmentName":"DirectoryProfessionalFields"}) as unknown as TypedDocumentString<DirectoryProfessionalFieldsFragment, unknown>;
export const EscalationProfessionalFieldsFragmentDoc = new TypedDocumentString(`
    fragment EscalationProfessionalFields on EscalationProfessional {
  id
  name
  organisation {
    ...OrganisationFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`, {"fragmentName":"EscalationProfessionalFields"}) as unknown as TypedDocumentString<EscalationProfessionalFieldsFragment, unknown>;
export const EscalationFieldsFragmentDoc = new TypedDocumentString(`
    fragment EscalationFields on Escalation {
  id
  familyId
  kind
  subjectMemberIds
  category
  purpose
  blockingKind
  blockingOrganisation {
    ...OrganisationFields
  }
  blocks
  tried
  closed {
    category
    reason
  }
  raisedBy {
    kind
    memberId
    professional {
      ...EscalationProfessionalFields
    }
  }
  raisedAt
  ageInDays
  status
  dueOn
  overdue
  takenOnBy {
    ...EscalationProfessionalFields
  }
  takenOnAt
  decision {
    decision
    setAside
    authority
    budgetCents
    decidedAt
    decidedBy {
      ...EscalationProfessionalFields
    }
  }
  decisionClosed {
    category
    reason
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment EscalationProfessionalFields on EscalationProfessional {
  id
  name
  organisation {
    ...OrganisationFields
  }
}`, {"fragmentName":"EscalationFields"}) as unknown as TypedDocumentString<EscalationFieldsFragment, unknown>;
export const ThreadProfessionalFieldsFragmentDoc = new TypedDocumentString(`
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}
    `, {"fragmentName":"ThreadProfessionalFields"}) as unknown as TypedDocumentString<ThreadProfessionalFieldsFragment, unknown>;
export const ThreadFieldsFragmentDoc = new TypedDocumentString(`
    fragment ThreadFields on Thread {
  id
  familyId
  topic
  subjectMemberIds
  category
  purpose
  startedAt
  joined
  unreadCount
  lastMessageAt
  startedBy {
    ...ThreadProfessionalFields
  }
  participants {
    joinedAt
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
  closed {
    category
    reason
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}`, {"fragmentName":"ThreadFields"}) as unknown as TypedDocumentString<ThreadFieldsFragment, unknown>;
export const MessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment MessageFields on Message {
  id
  threadId
  sequence
  sentAt
  body
  withdrawnAt
  author {
    kind
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}`, {"fragmentName":"MessageFields"}) as unknown as TypedDocumentString<MessageFieldsFragment, unknown>;
export const ReferralFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReferralFields on Referral {
  id
  familyId
  subjectMemberId
  status
  referredAt
  answeredAt
  purpose
  consentId
  consentStatus
  awaitingSignatureFrom
  waitingWeeks
  waitingTimeStatedOn
  note
  declineReason
  service {
    id
    name
  }
  referringOrganisation {
    ...OrganisationFields
  }
  receivingOrganisation {
    ...OrganisationFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`, {"fragmentName":"ReferralFields"}) as unknown as TypedDocumentString<ReferralFieldsFragment, unknown>;
export const IncomingReferralFieldsFragmentDoc = new TypedDocumentString(`
    fragment IncomingReferralFields on IncomingReferral {
  id
  status
  referredAt
  answeredAt
  purpose
  categories
  consentActive
  waitingWeeks
  waitingTimeStatedOn
  note
  declineReason
  familyId
  service {
    id
    name
  }
  referringOrganisation {
    ...OrganisationFields
  }
  member {
    id
    name
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`, {"fragmentName":"IncomingReferralFields"}) as unknown as TypedDocumentString<IncomingReferralFieldsFragment, unknown>;
export const ServiceSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment ServiceSummaryFields on Service {
  id
  name
  description
  domain
  accessRoute
  ageFrom
  ageTo
  problems
  municipalities {
    code
    name
  }
  organisation {
    ...OrganisationFields
  }
  waitingWeeks
  waitingTimeStatedOn
  waitingTimeStale
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`, {"fragmentName":"ServiceSummaryFields"}) as unknown as TypedDocumentString<ServiceSummaryFieldsFragment, unknown>;
export const SectionCatalogueDocument = new TypedDocumentString(`
    query SectionCatalogue {
  sectionCatalogue {
    name
    input
    source
    supersededBy
    fields {
      name
      category
      kind
      required
      unit
    }
  }
}
    `) as unknown as TypedDocumentString<SectionCatalogueQuery, SectionCatalogueQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    kind
    member {
      id
      name
      familyId
    }
    professional {
      id
      name
      roles
      organisation {
        id
        name
        domain
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const AdminOrganisationsDocument = new TypedDocumentString(`
    query AdminOrganisations {
  organisations {
    ...OrganisationFields
    oin
    kvkNumber
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`) as unknown as TypedDocumentString<AdminOrganisationsQuery, AdminOrganisationsQueryVariables>;
export const RegisterOrganisationDocument = new TypedDocumentString(`
    mutation RegisterOrganisation($input: RegisterOrganisationInput!) {
  registerOrganisation(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RegisterOrganisationMutation, RegisterOrganisationMutationVariables>;
export const DirectoryProfessionalsDocument = new TypedDocumentString(`
    query DirectoryProfessionals($organisationId: ID) {
  directoryProfessionals(organisationId: $organisationId) {
    ...DirectoryProfessionalFields
  }
}
    fragment DirectoryProfessionalFields on DirectoryProfessional {
  id
  name
  roles
  contact
  subject
  registeredAt
  deactivatedAt
  organisation {
    id
    name
  }
}`) as unknown as TypedDocumentString<DirectoryProfessionalsQuery, DirectoryProfessionalsQueryVariables>;
export const RegisterProfessionalDocument = new TypedDocumentString(`
    mutation RegisterProfessional($input: RegisterProfessionalInput!) {
  registerProfessional(input: $input) {
    ...DirectoryProfessionalFields
  }
}
    fragment DirectoryProfessionalFields on DirectoryProfessional {
  id
  name
  roles
  contact
  subject
  registeredAt
  deactivatedAt
  organisation {
    id
    name
  }
}`) as unknown as TypedDocumentString<RegisterProfessionalMutation, RegisterProfessionalMutationVariables>;
export const ChangeProfessionalRolesDocument = new TypedDocumentString(`
    mutation ChangeProfessionalRoles($id: ID!, $roles: [ProfessionalRole!]!) {
  changeProfessionalRoles(professionalId: $id, roles: $roles) {
    ...DirectoryProfessionalFields
  }
}
    fragment DirectoryProfessionalFields on DirectoryProfessional {
  id
  name
  roles
  contact
  subject
  registeredAt
  deactivatedAt
  organisation {
    id
    name
  }
}`) as unknown as TypedDocumentString<ChangeProfessionalRolesMutation, ChangeProfessionalRolesMutationVariables>;
export const DeactivateProfessionalDocument = new TypedDocumentString(`
    mutation DeactivateProfessional($id: ID!) {
  deactivateProfessional(professionalId: $id) {
    ...DirectoryProfessionalFields
  }
}
    fragment DirectoryProfessionalFields on DirectoryProfessional {
  id
  name
  roles
  contact
  subject
  registeredAt
  deactivatedAt
  organisation {
    id
    name
  }
}`) as unknown as TypedDocumentString<DeactivateProfessionalMutation, DeactivateProfessionalMutationVariables>;
export const RaiseEscalationDocument = new TypedDocumentString(`
    mutation RaiseEscalation($input: RaiseEscalationInput!) {
  raiseEscalation(input: $input) {
    id
    dueOn
  }
}
    `) as unknown as TypedDocumentString<RaiseEscalationMutation, RaiseEscalationMutationVariables>;
export const EscalationOrganisationsDocument = new TypedDocumentString(`
    query EscalationOrganisations {
  organisations {
    ...OrganisationFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`) as unknown as TypedDocumentString<EscalationOrganisationsQuery, EscalationOrganisationsQueryVariables>;
export const EscalationPurposesDocument = new TypedDocumentString(`
    query EscalationPurposes {
  purposes {
    code
    name
    domains
  }
}
    `) as unknown as TypedDocumentString<EscalationPurposesQuery, EscalationPurposesQueryVariables>;
export const MyBreakGlassNoticesDocument = new TypedDocumentString(`
    query MyBreakGlassNotices {
  myBreakGlassNotices {
    grantId
    organisation {
      id
      name
    }
    openedAt
    expiresAt
    categories
    justification
    verdict
    reviewedAt
    memberIds
    reads
  }
}
    `) as unknown as TypedDocumentString<MyBreakGlassNoticesQuery, MyBreakGlassNoticesQueryVariables>;
export const BreakGlassNoticeReachDocument = new TypedDocumentString(`
    query BreakGlassNoticeReach {
  myReach {
    id
    name
    self
  }
}
    `) as unknown as TypedDocumentString<BreakGlassNoticeReachQuery, BreakGlassNoticeReachQueryVariables>;
export const ConsentReceiptsDocument = new TypedDocumentString(`
    query ConsentReceipts($consentId: ID!) {
  consentReceipts(consentId: $consentId) {
    receiptId
    event
    eventTime
    document
  }
}
    `) as unknown as TypedDocumentString<ConsentReceiptsQuery, ConsentReceiptsQueryVariables>;
export const GrantConsentDocument = new TypedDocumentString(`
    mutation GrantConsent($input: GrantConsentInput!) {
  grantConsent(input: $input) {
    ...ConsentFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ConsentFields on Consent {
  id
  familyId
  subjectMemberId
  grantedByMemberId
  categories
  purposes
  recipientOrganisation {
    ...OrganisationFields
  }
  recipientDomain
  validFrom
  validUntil
  revokedAt
  status
  awaitingSignatureFrom
  createdAt
  signatures {
    memberId
    capacity
    signedAt
  }
}`) as unknown as TypedDocumentString<GrantConsentMutation, GrantConsentMutationVariables>;
export const MessagesReachDocument = new TypedDocumentString(`
    query MessagesReach {
  myReach {
    id
    name
    birthDate
  }
}
    `) as unknown as TypedDocumentString<MessagesReachQuery, MessagesReachQueryVariables>;
export const JoinThreadDocument = new TypedDocumentString(`
    mutation JoinThread($threadId: ID!) {
  joinThread(threadId: $threadId) {
    ...ThreadFields
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}
fragment ThreadFields on Thread {
  id
  familyId
  topic
  subjectMemberIds
  category
  purpose
  startedAt
  joined
  unreadCount
  lastMessageAt
  startedBy {
    ...ThreadProfessionalFields
  }
  participants {
    joinedAt
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
  closed {
    category
    reason
  }
}`) as unknown as TypedDocumentString<JoinThreadMutation, JoinThreadMutationVariables>;
export const MyCircleDocument = new TypedDocumentString(`
    query MyCircle {
  myCircle {
    ...CircleFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment CircleProfessionalFields on CircleProfessional {
  id
  name
  roles
  contact
  organisation {
    ...OrganisationFields
  }
}
fragment CircleFields on Circle {
  familyId
  caseDirector {
    ...CircleProfessionalFields
  }
  handover {
    handedOverAt
    note
    from {
      ...OrganisationFields
    }
  }
  involvements {
    id
    since
    caseDirection
    organisation {
      ...OrganisationFields
    }
    contact {
      ...CircleProfessionalFields
    }
  }
}`) as unknown as TypedDocumentString<MyCircleQuery, MyCircleQueryVariables>;
export const RequestOtherCaseDirectorDocument = new TypedDocumentString(`
    mutation RequestOtherCaseDirector($reason: String!) {
  requestOtherCaseDirector(reason: $reason) {
    id
    requestedAt
  }
}
    `) as unknown as TypedDocumentString<RequestOtherCaseDirectorMutation, RequestOtherCaseDirectorMutationVariables>;
export const MyReachDocument = new TypedDocumentString(`
    query MyReach {
  myReach {
    id
    self
    name
    birthDate
    decidesConsents
  }
}
    `) as unknown as TypedDocumentString<MyReachQuery, MyReachQueryVariables>;
export const ConsentsDocument = new TypedDocumentString(`
    query Consents($familyId: ID!) {
  consents(familyId: $familyId) {
    ...ConsentFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ConsentFields on Consent {
  id
  familyId
  subjectMemberId
  grantedByMemberId
  categories
  purposes
  recipientOrganisation {
    ...OrganisationFields
  }
  recipientDomain
  validFrom
  validUntil
  revokedAt
  status
  awaitingSignatureFrom
  createdAt
  signatures {
    memberId
    capacity
    signedAt
  }
}`) as unknown as TypedDocumentString<ConsentsQuery, ConsentsQueryVariables>;
export const ConsentChoicesDocument = new TypedDocumentString(`
    query ConsentChoices {
  organisations {
    ...OrganisationFields
  }
  purposes {
    code
    domains
    maxCategories
    statutoryFor
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`) as unknown as TypedDocumentString<ConsentChoicesQuery, ConsentChoicesQueryVariables>;
export const SignConsentDocument = new TypedDocumentString(`
    mutation SignConsent($id: ID!) {
  signConsent(id: $id) {
    ...ConsentFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ConsentFields on Consent {
  id
  familyId
  subjectMemberId
  grantedByMemberId
  categories
  purposes
  recipientOrganisation {
    ...OrganisationFields
  }
  recipientDomain
  validFrom
  validUntil
  revokedAt
  status
  awaitingSignatureFrom
  createdAt
  signatures {
    memberId
    capacity
    signedAt
  }
}`) as unknown as TypedDocumentString<SignConsentMutation, SignConsentMutationVariables>;
export const RevokeConsentDocument = new TypedDocumentString(`
    mutation RevokeConsent($id: ID!) {
  revokeConsent(id: $id) {
    ...ConsentFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ConsentFields on Consent {
  id
  familyId
  subjectMemberId
  grantedByMemberId
  categories
  purposes
  recipientOrganisation {
    ...OrganisationFields
  }
  recipientDomain
  validFrom
  validUntil
  revokedAt
  status
  awaitingSignatureFrom
  createdAt
  signatures {
    memberId
    capacity
    signedAt
  }
}`) as unknown as TypedDocumentString<RevokeConsentMutation, RevokeConsentMutationVariables>;
export const MyLogDocument = new TypedDocumentString(`
    query MyLog($first: Int, $after: String, $filter: AccessLogFilter) {
  accessLog(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      node {
        ...AccessLogEntryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment AccessLogEntryFields on AccessLogEntry {
  id
  occurredAt
  traceId
  activity
  purpose
  decision
  breakGlass
  familyId
  subjectMemberIds
  decisions {
    targetKind
    category
    fields
    outcome
    basis
    basisRefs
    reason
    sourceOrganisation {
      ...OrganisationFields
    }
  }
  actor {
    kind
    role
    professionalId
    name
    organisation {
      ...OrganisationFields
    }
  }
  chainKey
  sequence
}`) as unknown as TypedDocumentString<MyLogQuery, MyLogQueryVariables>;
export const OurThreadsDocument = new TypedDocumentString(`
    query OurThreads {
  ourThreads {
    ...ThreadFields
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}
fragment ThreadFields on Thread {
  id
  familyId
  topic
  subjectMemberIds
  category
  purpose
  startedAt
  joined
  unreadCount
  lastMessageAt
  startedBy {
    ...ThreadProfessionalFields
  }
  participants {
    joinedAt
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
  closed {
    category
    reason
  }
}`) as unknown as TypedDocumentString<OurThreadsQuery, OurThreadsQueryVariables>;
export const MyFamilyStoriesDocument = new TypedDocumentString(`
    query MyFamilyStories {
  myFamily {
    ...FamilyFileFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment FamilyFileFields on FamilyFile {
  id
  purpose
  members {
    id
    name
    birthDate
    bsn
    relation
    holdsAuthorityOver
  }
  involvements {
    id
    caseDirection
    startsOn
    endsOn
    organisation {
      ...OrganisationFields
    }
  }
  redactions {
    path
    field
    category
    reason
    memberId
    recordId
    involvementId
  }
  records {
    id
    sectionType
    createdAt
    supersededAt
    subjectMemberIds
    authorMemberId
    sourceOrganisation {
      ...OrganisationFields
    }
    section {
      __typename
      ... on OurStory {
        text
      }
      ... on ContactDetails {
        address
        phone
        email
      }
      ... on CareTrajectory {
        provider
        startDate
        endDate
        goals
        frequency
        diagnosis
        medication
      }
      ... on SupportProvision {
        provision
        hoursPerWeek
        decisionDate
      }
      ... on DebtSituation {
        totalDebt
        creditorCount
        arrangement
        monthlyInstalment
        budgetManagement
      }
      ... on IncomeAndWork {
        benefit
        reintegrationRoute
        jobCoach
      }
      ... on SafetySignal {
        signal
        signalDate
        reporterRole
        riskAssessment
      }
      ... on FamilyPlan {
        familyGoals
        actions
        whoDoesWhat
        reviewDate
      }
    }
  }
}`) as unknown as TypedDocumentString<MyFamilyStoriesQuery, MyFamilyStoriesQueryVariables>;
export const WriteOurStoryDocument = new TypedDocumentString(`
    mutation WriteOurStory($input: WriteOurStoryInput!) {
  writeOurStory(input: $input) {
    id
    createdAt
  }
}
    `) as unknown as TypedDocumentString<WriteOurStoryMutation, WriteOurStoryMutationVariables>;
export const OurStoryReadsDocument = new TypedDocumentString(`
    query OurStoryReads {
  accessLog(
    first: 200
    filter: {category: "OWN_WORDS", activity: "READ_FAMILY_FILE", decision: ALLOWED, byOthers: true}
  ) {
    edges {
      node {
        id
        traceId
        occurredAt
        purpose
        subjectMemberIds
        actor {
          organisation {
            id
            name
          }
        }
        decisions {
          category
          outcome
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OurStoryReadsQuery, OurStoryReadsQueryVariables>;
export const MyFamilyDocument = new TypedDocumentString(`
    query MyFamily {
  myFamily {
    ...FamilyFileFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment FamilyFileFields on FamilyFile {
  id
  purpose
  members {
    id
    name
    birthDate
    bsn
    relation
    holdsAuthorityOver
  }
  involvements {
    id
    caseDirection
    startsOn
    endsOn
    organisation {
      ...OrganisationFields
    }
  }
  redactions {
    path
    field
    category
    reason
    memberId
    recordId
    involvementId
  }
  records {
    id
    sectionType
    createdAt
    supersededAt
    subjectMemberIds
    authorMemberId
    sourceOrganisation {
      ...OrganisationFields
    }
    section {
      __typename
      ... on OurStory {
        text
      }
      ... on ContactDetails {
        address
        phone
        email
      }
      ... on CareTrajectory {
        provider
        startDate
        endDate
        goals
        frequency
        diagnosis
        medication
      }
      ... on SupportProvision {
        provision
        hoursPerWeek
        decisionDate
      }
      ... on DebtSituation {
        totalDebt
        creditorCount
        arrangement
        monthlyInstalment
        budgetManagement
      }
      ... on IncomeAndWork {
        benefit
        reintegrationRoute
        jobCoach
      }
      ... on SafetySignal {
        signal
        signalDate
        reporterRole
        riskAssessment
      }
      ... on FamilyPlan {
        familyGoals
        actions
        whoDoesWhat
        reviewDate
      }
    }
  }
}`) as unknown as TypedDocumentString<MyFamilyQuery, MyFamilyQueryVariables>;
export const EscalationReachDocument = new TypedDocumentString(`
    query EscalationReach {
  myReach {
    id
    self
    name
    birthDate
  }
}
    `) as unknown as TypedDocumentString<EscalationReachQuery, EscalationReachQueryVariables>;
export const OurEscalationsDocument = new TypedDocumentString(`
    query OurEscalations {
  ourEscalations {
    ...EscalationFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment EscalationProfessionalFields on EscalationProfessional {
  id
  name
  organisation {
    ...OrganisationFields
  }
}
fragment EscalationFields on Escalation {
  id
  familyId
  kind
  subjectMemberIds
  category
  purpose
  blockingKind
  blockingOrganisation {
    ...OrganisationFields
  }
  blocks
  tried
  closed {
    category
    reason
  }
  raisedBy {
    kind
    memberId
    professional {
      ...EscalationProfessionalFields
    }
  }
  raisedAt
  ageInDays
  status
  dueOn
  overdue
  takenOnBy {
    ...EscalationProfessionalFields
  }
  takenOnAt
  decision {
    decision
    setAside
    authority
    budgetCents
    decidedAt
    decidedBy {
      ...EscalationProfessionalFields
    }
  }
  decisionClosed {
    category
    reason
  }
}`) as unknown as TypedDocumentString<OurEscalationsQuery, OurEscalationsQueryVariables>;
export const OurPlanDocument = new TypedDocumentString(`
    query OurPlan($version: Int) {
  ourPlan(version: $version) {
    ...PlanFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment PlanFields on Plan {
  familyId
  version
  latestVersion
  agreed
  items {
    id
    kind
    subjectMemberIds
    category
    text
    status
    dueOn
    changedAt
    shownToFamily
    agreed
    caseDirectorAgreed
    waitingForMemberIds
    actor {
      kind
      memberId
      name
      organisation {
        ...OrganisationFields
      }
    }
    source {
      ...OrganisationFields
    }
  }
  redactions {
    itemId
    kind
    category
    reason
    subjectMemberIds
  }
  versions {
    version
    at
    change
    itemId
    byMemberId
    byOrganisation {
      ...OrganisationFields
    }
  }
  agreements {
    memberId
    caseDirectorName
    agreedAt
    withdrawnAt
  }
}`) as unknown as TypedDocumentString<OurPlanQuery, OurPlanQueryVariables>;
export const PlanContextDocument = new TypedDocumentString(`
    query PlanContext {
  myReach {
    id
    self
    name
    birthDate
    decidesConsents
  }
  myCircle {
    caseDirector {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PlanContextQuery, PlanContextQueryVariables>;
export const ShowPlanItemToFamilyDocument = new TypedDocumentString(`
    mutation ShowPlanItemToFamily($itemId: ID!, $shown: Boolean!) {
  showPlanItemToFamily(itemId: $itemId, shown: $shown) {
    id
    shownToFamily
  }
}
    `) as unknown as TypedDocumentString<ShowPlanItemToFamilyMutation, ShowPlanItemToFamilyMutationVariables>;
export const ThreadDocument = new TypedDocumentString(`
    query Thread($id: ID!) {
  thread(id: $id) {
    ...ThreadFields
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}
fragment ThreadFields on Thread {
  id
  familyId
  topic
  subjectMemberIds
  category
  purpose
  startedAt
  joined
  unreadCount
  lastMessageAt
  startedBy {
    ...ThreadProfessionalFields
  }
  participants {
    joinedAt
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
  closed {
    category
    reason
  }
}`) as unknown as TypedDocumentString<ThreadQuery, ThreadQueryVariables>;
export const ThreadMessagesDocument = new TypedDocumentString(`
    query ThreadMessages($threadId: ID!, $last: Int, $before: String) {
  threadMessages(threadId: $threadId, last: $last, before: $before) {
    unreadCount
    edges {
      node {
        ...MessageFields
      }
    }
    pageInfo {
      hasPreviousPage
      startCursor
    }
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}
fragment MessageFields on Message {
  id
  threadId
  sequence
  sentAt
  body
  withdrawnAt
  author {
    kind
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
}`) as unknown as TypedDocumentString<ThreadMessagesQuery, ThreadMessagesQueryVariables>;
export const PostMessageDocument = new TypedDocumentString(`
    mutation PostMessage($input: PostMessageInput!) {
  postMessage(input: $input) {
    ...MessageFields
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}
fragment MessageFields on Message {
  id
  threadId
  sequence
  sentAt
  body
  withdrawnAt
  author {
    kind
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
}`) as unknown as TypedDocumentString<PostMessageMutation, PostMessageMutationVariables>;
export const WithdrawMessageDocument = new TypedDocumentString(`
    mutation WithdrawMessage($id: ID!) {
  withdrawMessage(id: $id) {
    ...MessageFields
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}
fragment MessageFields on Message {
  id
  threadId
  sequence
  sentAt
  body
  withdrawnAt
  author {
    kind
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
}`) as unknown as TypedDocumentString<WithdrawMessageMutation, WithdrawMessageMutationVariables>;
export const ThreadEventsDocument = new TypedDocumentString(`
    subscription ThreadEvents($threadId: ID!) {
  threadEvents(threadId: $threadId) {
    kind
    threadId
    unreadCount
    closed {
      category
      reason
    }
    message {
      ...MessageFields
    }
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}
fragment MessageFields on Message {
  id
  threadId
  sequence
  sentAt
  body
  withdrawnAt
  author {
    kind
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
}`) as unknown as TypedDocumentString<ThreadEventsSubscription, ThreadEventsSubscriptionVariables>;
export const OurUnreadThreadsDocument = new TypedDocumentString(`
    query OurUnreadThreads {
  ourThreads {
    id
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<OurUnreadThreadsQuery, OurUnreadThreadsQueryVariables>;
export const LogDocument = new TypedDocumentString(`
    query Log($filter: AccessLogFilter, $after: String) {
  accessLog(filter: $filter, first: 50, after: $after) {
    edges {
      cursor
      node {
        ...AccessLogEntryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment AccessLogEntryFields on AccessLogEntry {
  id
  occurredAt
  traceId
  activity
  purpose
  decision
  breakGlass
  familyId
  subjectMemberIds
  decisions {
    targetKind
    category
    fields
    outcome
    basis
    basisRefs
    reason
    sourceOrganisation {
      ...OrganisationFields
    }
  }
  actor {
    kind
    role
    professionalId
    name
    organisation {
      ...OrganisationFields
    }
  }
  chainKey
  sequence
}`) as unknown as TypedDocumentString<LogQuery, LogQueryVariables>;
export const DaysDocument = new TypedDocumentString(`
    query Days($filter: AccessLogFilter) {
  accessLogDays(filter: $filter) {
    day
    allowed
    denied
    breakGlass
    integrityAlarms
  }
}
    `) as unknown as TypedDocumentString<DaysQuery, DaysQueryVariables>;
export const LogChoicesDocument = new TypedDocumentString(`
    query LogChoices {
  organisations {
    ...OrganisationFields
  }
  purposes {
    code
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`) as unknown as TypedDocumentString<LogChoicesQuery, LogChoicesQueryVariables>;
export const BreakGlassQueueDocument = new TypedDocumentString(`
    query BreakGlassQueue {
  breakGlassGrants {
    id
    familyId
    organisation {
      ...OrganisationFields
    }
    professionalId
    professionalName
    justification
    purpose
    categories
    openedAt
    expiresAt
    status
    overdue
    review {
      verdict
      reviewedAt
    }
    consultedColleague {
      id
      name
      organisation {
        ...OrganisationFields
      }
    }
    concernedMemberIds
    notice {
      state
      deferredUntil
      deferralReason
    }
    uses {
      entryId
      occurredAt
      activity
      subjectMemberIds
      categories
      fields
    }
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`) as unknown as TypedDocumentString<BreakGlassQueueQuery, BreakGlassQueueQueryVariables>;
export const ReviewBreakGlassDocument = new TypedDocumentString(`
    mutation ReviewBreakGlass($id: ID!, $verdict: BreakGlassVerdict!, $note: String!) {
  reviewBreakGlass(id: $id, verdict: $verdict, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewBreakGlassMutation, ReviewBreakGlassMutationVariables>;
export const DeferBreakGlassNoticeDocument = new TypedDocumentString(`
    mutation DeferBreakGlassNotice($id: ID!, $until: DateTime!, $reason: String!) {
  deferBreakGlassNotice(id: $id, until: $until, reason: $reason) {
    id
    notice {
      state
      deferredUntil
    }
  }
}
    `) as unknown as TypedDocumentString<DeferBreakGlassNoticeMutation, DeferBreakGlassNoticeMutationVariables>;
export const EraseDocument = new TypedDocumentString(`
    mutation Erase($id: ID!, $reason: String!) {
  eraseFamily(id: $id, reason: $reason) {
    familyId
    erasedAt
    organisation {
      name
    }
    members
    records
    consents
    breakGlassGrants
  }
}
    `) as unknown as TypedDocumentString<EraseMutation, EraseMutationVariables>;
export const ErasuresDocument = new TypedDocumentString(`
    query Erasures {
  familyErasures(first: 50) {
    edges {
      node {
        familyId
        erasedAt
        organisation {
          name
        }
        members
        records
        reason
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<ErasuresQuery, ErasuresQueryVariables>;
export const EscalationFiguresDocument = new TypedDocumentString(`
    query EscalationFigures($from: String!, $to: String!) {
  escalationFigures(from: $from, to: $to) {
    organisation {
      ...OrganisationFields
    }
    raised
    open
    takenOn
    decided
    takenOnByThisOrganisation
    overdue
    decidedLate
    medianDaysToDecision
    p90DaysToDecision
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`) as unknown as TypedDocumentString<EscalationFiguresQuery, EscalationFiguresQueryVariables>;
export const LookUpMemberByBsnDocument = new TypedDocumentString(`
    query LookUpMemberByBsn($bsn: String!) {
  lookUpMemberByBsn(bsn: $bsn) {
    members {
      id
      familyId
      name
    }
    more
  }
}
    `) as unknown as TypedDocumentString<LookUpMemberByBsnQuery, LookUpMemberByBsnQueryVariables>;
export const LookUpMembersByNameDocument = new TypedDocumentString(`
    query LookUpMembersByName($name: String!) {
  lookUpMembersByName(name: $name) {
    members {
      id
      familyId
      name
    }
    more
  }
}
    `) as unknown as TypedDocumentString<LookUpMembersByNameQuery, LookUpMembersByNameQueryVariables>;
export const LookUpProfessionalsDocument = new TypedDocumentString(`
    query LookUpProfessionals($name: String!) {
  lookUpProfessionals(name: $name) {
    professionals {
      id
      name
      organisation {
        id
        name
      }
    }
    more
  }
}
    `) as unknown as TypedDocumentString<LookUpProfessionalsQuery, LookUpProfessionalsQueryVariables>;
export const InvolvementShieldingsDocument = new TypedDocumentString(`
    query InvolvementShieldings {
  involvementShieldings {
    id
    familyId
    involvementId
    memberId
    organisation {
      ...OrganisationFields
    }
    reason
    shieldedAt
    shieldedByProfessionalId
    liftedAt
    liftedByProfessionalId
    liftReason
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`) as unknown as TypedDocumentString<InvolvementShieldingsQuery, InvolvementShieldingsQueryVariables>;
export const VerifyDocument = new TypedDocumentString(`
    query Verify($familyId: ID) {
  verifyAccessLog(familyId: $familyId) {
    intact
    chainsChecked
    entriesChecked
    checkpointsVerified
    keyId
    verifiedAt
    firstBroken {
      chainKey
      sequence
      problem
      entryId
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyQuery, VerifyQueryVariables>;
export const CheckpointDocument = new TypedDocumentString(`
    mutation Checkpoint {
  checkpointAccessLog {
    signed
    signedAt
  }
}
    `) as unknown as TypedDocumentString<CheckpointMutation, CheckpointMutationVariables>;
export const WritePlanItemDocument = new TypedDocumentString(`
    mutation WritePlanItem($input: WritePlanItemInput!) {
  writePlanItem(input: $input) {
    id
    shownToFamily
  }
}
    `) as unknown as TypedDocumentString<WritePlanItemMutation, WritePlanItemMutationVariables>;
export const AgreeToPlanDocument = new TypedDocumentString(`
    mutation AgreeToPlan($familyId: ID) {
  agreeToPlan(familyId: $familyId) {
    agreedAt
  }
}
    `) as unknown as TypedDocumentString<AgreeToPlanMutation, AgreeToPlanMutationVariables>;
export const WithdrawPlanAgreementDocument = new TypedDocumentString(`
    mutation WithdrawPlanAgreement($familyId: ID) {
  withdrawPlanAgreement(familyId: $familyId) {
    withdrawnAt
  }
}
    `) as unknown as TypedDocumentString<WithdrawPlanAgreementMutation, WithdrawPlanAgreementMutationVariables>;
export const AddRecordDocument = new TypedDocumentString(`
    mutation AddRecord($input: AddRecordInput!) {
  addRecord(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddRecordMutation, AddRecordMutationVariables>;
export const OpenBreakGlassDocument = new TypedDocumentString(`
    mutation OpenBreakGlass($input: BreakGlassInput!) {
  breakGlass(input: $input) {
    id
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<OpenBreakGlassMutation, OpenBreakGlassMutationVariables>;
export const ConsultableColleaguesDocument = new TypedDocumentString(`
    query ConsultableColleagues {
  consultableColleagues {
    id
    name
    organisation {
      ...OrganisationFields
    }
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}`) as unknown as TypedDocumentString<ConsultableColleaguesQuery, ConsultableColleaguesQueryVariables>;
export const CircleDocument = new TypedDocumentString(`
    query Circle($familyId: ID!) {
  circle(familyId: $familyId) {
    ...CircleFields
    involvements {
      id
      shieldings {
        id
        memberId
        shieldedAt
      }
    }
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment CircleProfessionalFields on CircleProfessional {
  id
  name
  roles
  contact
  organisation {
    ...OrganisationFields
  }
}
fragment CircleFields on Circle {
  familyId
  caseDirector {
    ...CircleProfessionalFields
  }
  handover {
    handedOverAt
    note
    from {
      ...OrganisationFields
    }
  }
  involvements {
    id
    since
    caseDirection
    organisation {
      ...OrganisationFields
    }
    contact {
      ...CircleProfessionalFields
    }
  }
}`) as unknown as TypedDocumentString<CircleQuery, CircleQueryVariables>;
export const TransferCaseDirectionDocument = new TypedDocumentString(`
    mutation TransferCaseDirection($input: TransferCaseDirectionInput!) {
  transferCaseDirection(input: $input) {
    id
    to {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<TransferCaseDirectionMutation, TransferCaseDirectionMutationVariables>;
export const EscalationQueueDocument = new TypedDocumentString(`
    query EscalationQueue {
  escalationQueue {
    ...EscalationFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment EscalationProfessionalFields on EscalationProfessional {
  id
  name
  organisation {
    ...OrganisationFields
  }
}
fragment EscalationFields on Escalation {
  id
  familyId
  kind
  subjectMemberIds
  category
  purpose
  blockingKind
  blockingOrganisation {
    ...OrganisationFields
  }
  blocks
  tried
  closed {
    category
    reason
  }
  raisedBy {
    kind
    memberId
    professional {
      ...EscalationProfessionalFields
    }
  }
  raisedAt
  ageInDays
  status
  dueOn
  overdue
  takenOnBy {
    ...EscalationProfessionalFields
  }
  takenOnAt
  decision {
    decision
    setAside
    authority
    budgetCents
    decidedAt
    decidedBy {
      ...EscalationProfessionalFields
    }
  }
  decisionClosed {
    category
    reason
  }
}`) as unknown as TypedDocumentString<EscalationQueueQuery, EscalationQueueQueryVariables>;
export const TakeOnEscalationDocument = new TypedDocumentString(`
    mutation TakeOnEscalation($id: ID!) {
  takeOnEscalation(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<TakeOnEscalationMutation, TakeOnEscalationMutationVariables>;
export const DecideEscalationDocument = new TypedDocumentString(`
    mutation DecideEscalation($input: DecideEscalationInput!) {
  decideEscalation(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DecideEscalationMutation, DecideEscalationMutationVariables>;
export const FamilyEscalationsDocument = new TypedDocumentString(`
    query FamilyEscalations($familyId: ID!) {
  familyEscalations(familyId: $familyId) {
    ...EscalationFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment EscalationProfessionalFields on EscalationProfessional {
  id
  name
  organisation {
    ...OrganisationFields
  }
}
fragment EscalationFields on Escalation {
  id
  familyId
  kind
  subjectMemberIds
  category
  purpose
  blockingKind
  blockingOrganisation {
    ...OrganisationFields
  }
  blocks
  tried
  closed {
    category
    reason
  }
  raisedBy {
    kind
    memberId
    professional {
      ...EscalationProfessionalFields
    }
  }
  raisedAt
  ageInDays
  status
  dueOn
  overdue
  takenOnBy {
    ...EscalationProfessionalFields
  }
  takenOnAt
  decision {
    decision
    setAside
    authority
    budgetCents
    decidedAt
    decidedBy {
      ...EscalationProfessionalFields
    }
  }
  decisionClosed {
    category
    reason
  }
}`) as unknown as TypedDocumentString<FamilyEscalationsQuery, FamilyEscalationsQueryVariables>;
export const FamiliesDocument = new TypedDocumentString(`
    query Families($first: Int, $after: String) {
  families(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        involvementId
        caseDirection
        startsOn
        endsOn
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<FamiliesQuery, FamiliesQueryVariables>;
export const FamilyFileDocument = new TypedDocumentString(`
    query FamilyFile($id: ID!, $purpose: String!) {
  family(id: $id, purpose: $purpose) {
    ...FamilyFileFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment FamilyFileFields on FamilyFile {
  id
  purpose
  members {
    id
    name
    birthDate
    bsn
    relation
    holdsAuthorityOver
  }
  involvements {
    id
    caseDirection
    startsOn
    endsOn
    organisation {
      ...OrganisationFields
    }
  }
  redactions {
    path
    field
    category
    reason
    memberId
    recordId
    involvementId
  }
  records {
    id
    sectionType
    createdAt
    supersededAt
    subjectMemberIds
    authorMemberId
    sourceOrganisation {
      ...OrganisationFields
    }
    section {
      __typename
      ... on OurStory {
        text
      }
      ... on ContactDetails {
        address
        phone
        email
      }
      ... on CareTrajectory {
        provider
        startDate
        endDate
        goals
        frequency
        diagnosis
        medication
      }
      ... on SupportProvision {
        provision
        hoursPerWeek
        decisionDate
      }
      ... on DebtSituation {
        totalDebt
        creditorCount
        arrangement
        monthlyInstalment
        budgetManagement
      }
      ... on IncomeAndWork {
        benefit
        reintegrationRoute
        jobCoach
      }
      ... on SafetySignal {
        signal
        signalDate
        reporterRole
        riskAssessment
      }
      ... on FamilyPlan {
        familyGoals
        actions
        whoDoesWhat
        reviewDate
      }
    }
  }
}`) as unknown as TypedDocumentString<FamilyFileQuery, FamilyFileQueryVariables>;
export const FamilyPlanDocument = new TypedDocumentString(`
    query FamilyPlan($familyId: ID!, $purpose: String!) {
  familyPlan(familyId: $familyId, purpose: $purpose) {
    ...PlanFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment PlanFields on Plan {
  familyId
  version
  latestVersion
  agreed
  items {
    id
    kind
    subjectMemberIds
    category
    text
    status
    dueOn
    changedAt
    shownToFamily
    agreed
    caseDirectorAgreed
    waitingForMemberIds
    actor {
      kind
      memberId
      name
      organisation {
        ...OrganisationFields
      }
    }
    source {
      ...OrganisationFields
    }
  }
  redactions {
    itemId
    kind
    category
    reason
    subjectMemberIds
  }
  versions {
    version
    at
    change
    itemId
    byMemberId
    byOrganisation {
      ...OrganisationFields
    }
  }
  agreements {
    memberId
    caseDirectorName
    agreedAt
    withdrawnAt
  }
}`) as unknown as TypedDocumentString<FamilyPlanQuery, FamilyPlanQueryVariables>;
export const PurposesDocument = new TypedDocumentString(`
    query Purposes {
  purposes {
    code
    name
    description
    domains
    statutoryFor
    maxCategories
  }
}
    `) as unknown as TypedDocumentString<PurposesQuery, PurposesQueryVariables>;
export const ShieldInvolvementDocument = new TypedDocumentString(`
    mutation ShieldInvolvement($input: ShieldInvolvementInput!) {
  shieldInvolvement(input: $input) {
    id
    memberId
  }
}
    `) as unknown as TypedDocumentString<ShieldInvolvementMutation, ShieldInvolvementMutationVariables>;
export const LiftShieldingDocument = new TypedDocumentString(`
    mutation LiftShielding($input: LiftShieldingInput!) {
  liftShielding(input: $input) {
    id
    memberId
  }
}
    `) as unknown as TypedDocumentString<LiftShieldingMutation, LiftShieldingMutationVariables>;
export const StartThreadDocument = new TypedDocumentString(`
    mutation StartThread($input: StartThreadInput!) {
  startThread(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartThreadMutation, StartThreadMutationVariables>;
export const ThreadPurposesDocument = new TypedDocumentString(`
    query ThreadPurposes {
  purposes {
    code
    name
    domains
  }
}
    `) as unknown as TypedDocumentString<ThreadPurposesQuery, ThreadPurposesQueryVariables>;
export const FamilyThreadsDocument = new TypedDocumentString(`
    query FamilyThreads($familyId: ID!) {
  familyThreads(familyId: $familyId) {
    ...ThreadFields
  }
}
    fragment ThreadProfessionalFields on ThreadProfessional {
  id
  name
  organisation {
    id
    name
  }
}
fragment ThreadFields on Thread {
  id
  familyId
  topic
  subjectMemberIds
  category
  purpose
  startedAt
  joined
  unreadCount
  lastMessageAt
  startedBy {
    ...ThreadProfessionalFields
  }
  participants {
    joinedAt
    memberId
    professional {
      ...ThreadProfessionalFields
    }
  }
  closed {
    category
    reason
  }
}`) as unknown as TypedDocumentString<FamilyThreadsQuery, FamilyThreadsQueryVariables>;
export const FamilyReferralsDocument = new TypedDocumentString(`
    query FamilyReferrals($familyId: ID!) {
  referrals(familyId: $familyId) {
    ...ReferralFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ReferralFields on Referral {
  id
  familyId
  subjectMemberId
  status
  referredAt
  answeredAt
  purpose
  consentId
  consentStatus
  awaitingSignatureFrom
  waitingWeeks
  waitingTimeStatedOn
  note
  declineReason
  service {
    id
    name
  }
  referringOrganisation {
    ...OrganisationFields
  }
  receivingOrganisation {
    ...OrganisationFields
  }
}`) as unknown as TypedDocumentString<FamilyReferralsQuery, FamilyReferralsQueryVariables>;
export const OurReferralsDocument = new TypedDocumentString(`
    query OurReferrals {
  ourReferrals {
    ...ReferralFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ReferralFields on Referral {
  id
  familyId
  subjectMemberId
  status
  referredAt
  answeredAt
  purpose
  consentId
  consentStatus
  awaitingSignatureFrom
  waitingWeeks
  waitingTimeStatedOn
  note
  declineReason
  service {
    id
    name
  }
  referringOrganisation {
    ...OrganisationFields
  }
  receivingOrganisation {
    ...OrganisationFields
  }
}`) as unknown as TypedDocumentString<OurReferralsQuery, OurReferralsQueryVariables>;
export const IncomingReferralsDocument = new TypedDocumentString(`
    query IncomingReferrals {
  incomingReferrals {
    ...IncomingReferralFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment IncomingReferralFields on IncomingReferral {
  id
  status
  referredAt
  answeredAt
  purpose
  categories
  consentActive
  waitingWeeks
  waitingTimeStatedOn
  note
  declineReason
  familyId
  service {
    id
    name
  }
  referringOrganisation {
    ...OrganisationFields
  }
  member {
    id
    name
  }
}`) as unknown as TypedDocumentString<IncomingReferralsQuery, IncomingReferralsQueryVariables>;
export const ReferToServiceDocument = new TypedDocumentString(`
    mutation ReferToService($input: ReferToServiceInput!) {
  referToService(input: $input) {
    ...ReferralFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ReferralFields on Referral {
  id
  familyId
  subjectMemberId
  status
  referredAt
  answeredAt
  purpose
  consentId
  consentStatus
  awaitingSignatureFrom
  waitingWeeks
  waitingTimeStatedOn
  note
  declineReason
  service {
    id
    name
  }
  referringOrganisation {
    ...OrganisationFields
  }
  receivingOrganisation {
    ...OrganisationFields
  }
}`) as unknown as TypedDocumentString<ReferToServiceMutation, ReferToServiceMutationVariables>;
export const WithdrawReferralDocument = new TypedDocumentString(`
    mutation WithdrawReferral($id: ID!) {
  withdrawReferral(id: $id) {
    ...ReferralFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ReferralFields on Referral {
  id
  familyId
  subjectMemberId
  status
  referredAt
  answeredAt
  purpose
  consentId
  consentStatus
  awaitingSignatureFrom
  waitingWeeks
  waitingTimeStatedOn
  note
  declineReason
  service {
    id
    name
  }
  referringOrganisation {
    ...OrganisationFields
  }
  receivingOrganisation {
    ...OrganisationFields
  }
}`) as unknown as TypedDocumentString<WithdrawReferralMutation, WithdrawReferralMutationVariables>;
export const AcceptReferralDocument = new TypedDocumentString(`
    mutation AcceptReferral($id: ID!) {
  acceptReferral(id: $id) {
    ...IncomingReferralFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment IncomingReferralFields on IncomingReferral {
  id
  status
  referredAt
  answeredAt
  purpose
  categories
  consentActive
  waitingWeeks
  waitingTimeStatedOn
  note
  declineReason
  familyId
  service {
    id
    name
  }
  referringOrganisation {
    ...OrganisationFields
  }
  member {
    id
    name
  }
}`) as unknown as TypedDocumentString<AcceptReferralMutation, AcceptReferralMutationVariables>;
export const DeclineReferralDocument = new TypedDocumentString(`
    mutation DeclineReferral($id: ID!, $reason: String!) {
  declineReferral(id: $id, reason: $reason) {
    ...IncomingReferralFields
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment IncomingReferralFields on IncomingReferral {
  id
  status
  referredAt
  answeredAt
  purpose
  categories
  consentActive
  waitingWeeks
  waitingTimeStatedOn
  note
  declineReason
  familyId
  service {
    id
    name
  }
  referringOrganisation {
    ...OrganisationFields
  }
  member {
    id
    name
  }
}`) as unknown as TypedDocumentString<DeclineReferralMutation, DeclineReferralMutationVariables>;
export const ReferralPurposesDocument = new TypedDocumentString(`
    query ReferralPurposes {
  purposes {
    code
    name
    domains
    maxCategories
  }
}
    `) as unknown as TypedDocumentString<ReferralPurposesQuery, ReferralPurposesQueryVariables>;
export const SignInOptionsDocument = new TypedDocumentString(`
    query SignInOptions {
  signInOptions {
    method
    issuer
    clientId
    scope
  }
}
    `) as unknown as TypedDocumentString<SignInOptionsQuery, SignInOptionsQueryVariables>;
export const ServicesDocument = new TypedDocumentString(`
    query Services($search: ServiceSearch, $first: Int!, $after: String) {
  services(search: $search, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...ServiceSummaryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ServiceSummaryFields on Service {
  id
  name
  description
  domain
  accessRoute
  ageFrom
  ageTo
  problems
  municipalities {
    code
    name
  }
  organisation {
    ...OrganisationFields
  }
  waitingWeeks
  waitingTimeStatedOn
  waitingTimeStale
}`) as unknown as TypedDocumentString<ServicesQuery, ServicesQueryVariables>;
export const ServiceDocument = new TypedDocumentString(`
    query Service($id: ID!) {
  service(id: $id) {
    ...ServiceSummaryFields
    contact {
      phone
      email
      website
      address
    }
    updatedAt
  }
}
    fragment OrganisationFields on Organisation {
  id
  name
  domain
}
fragment ServiceSummaryFields on Service {
  id
  name
  description
  domain
  accessRoute
  ageFrom
  ageTo
  problems
  municipalities {
    code
    name
  }
  organisation {
    ...OrganisationFields
  }
  waitingWeeks
  waitingTimeStatedOn
  waitingTimeStale
}`) as unknown as TypedDocumentString<ServiceQuery, ServiceQueryVariables>;