import type { DataCategory, MemberRelation } from '@kring/family-file';
import type { Domain } from '@kring/identity';

/** Everything stored about one family, as plain data: what the gateway is given, and what the reference decides on. */
export interface ReferenceWorld {
  readonly familyId: string;
  readonly registeredByOrganisationId: string;
  readonly members: readonly ReferenceMember[];
  readonly authority: readonly { readonly adultId: string; readonly childId: string }[];
  readonly involvements: readonly ReferenceInvolvement[];
  readonly records: readonly ReferenceRecord[];
  readonly consents: readonly ReferenceConsent[];
  /** Involvements shielded from members (docs/circle.md), in force or lifted (then they hide nothing); none when absent. */
  readonly shieldings?: readonly { readonly involvementId: string; readonly memberId: string; readonly lifted?: boolean }[];
  readonly plan: ReferencePlan;
  /** The family's message threads (docs/messages.md), oldest first; none when absent. */
  readonly threads?: readonly ReferenceThread[];
  /**
   * Proposed referrals (docs/referral.md): each carries one of the world's consents (`consentId`),
   * proposed to an organisation not involved today by one that is. The reference of the rule
   * ignores them: a referral makes nothing readable before it is accepted, whatever its consent's state.
   */
  readonly referrals?: readonly ReferenceReferral[];
  /** Emergency (break-glass) grants on the family, each opened by the one professional of its organisation; none when absent. */
  readonly breakGlassGrants?: readonly ReferenceBreakGlassGrant[];
}

/** A referral still proposed: the receiving organisation is the consent's recipient; no involvement exists for it. */
export interface ReferenceReferral {
  readonly id: string;
  readonly consentId: string;
  readonly subjectId: string;
  readonly referringOrganisationId: string;
  readonly receivingOrganisationId: string;
}

/** A break-glass grant (DESIGN.md §3): for CHILD_PROTECTION, some of CONTACT, HOUSEHOLD and SAFETY, for at most four hours. */
export interface ReferenceBreakGlassGrant {
  readonly id: string;
  /** The organisation of the professional who opened it (the worlds' organisations have one professional each). */
  readonly organisationId: string;
  readonly purpose: string;
  readonly categories: readonly DataCategory[];
  readonly openedAt: Date;
  readonly expiresAt: Date;
}

/** A message thread as stored: whom it is about, what it touches, for which purpose, who takes part and what was said. */
export interface ReferenceThread {
  readonly id: string;
  readonly topic: string;
  /** Sorted ascending. */
  readonly subjectIds: readonly string[];
  readonly category: DataCategory;
  readonly purpose: string;
  /** The organisations whose professional takes part (each organisation has one), the starter's first. */
  readonly participantOrganisationIds: readonly string[];
  /** The members who joined it, in the order they joined. */
  readonly memberIds: readonly string[];
  /** Oldest first: by a participating organisation's professional, or by a member who joined; perhaps withdrawn by its author since. */
  readonly messages: readonly ReferenceMessage[];
  readonly startedAt: Date;
}

export interface ReferenceMessage {
  /** The id the writer gave it, once stored. */
  readonly id?: string;
  readonly byOrganisationId: string | null;
  readonly byMemberId: string | null;
  readonly body: string;
  readonly sentAt: Date;
  /** When its author withdrew it (its text destroyed, the tombstone kept); null while it stands. */
  readonly withdrawnAt: Date | null;
}

/** The family plan (docs/family-plan.md): its items, and the writes that made them, in order. */
export interface ReferencePlan {
  readonly items: readonly ReferencePlanItem[];
  /** Oldest first: each write is one version of the plan, numbered from 1. */
  readonly writes: readonly ReferencePlanWrite[];
}

export type ReferencePlanItemKind = 'WORDS' | 'GOAL' | 'ACTION' | 'REVIEW';

/** One item across its versions. Whom it is about, who wrote it and who acts stay the same; what it says may change. */
export interface ReferencePlanItem {
  readonly id: string;
  readonly kind: ReferencePlanItemKind;
  /** Sorted ascending. */
  readonly subjectIds: readonly string[];
  /** Null when the family wrote it. */
  readonly sourceOrganisationId: string | null;
  readonly actor: ReferencePlanActor | null;
  /** What each version said, oldest first. */
  readonly versions: readonly ReferencePlanItemVersion[];
  /** The members who chose to show it to the whole family. */
  readonly shownBy: readonly string[];
}

export type ReferencePlanActor =
  | { readonly kind: 'ORGANISATION'; readonly organisationId: string }
  | { readonly kind: 'MEMBER'; readonly memberId: string }
  | { readonly kind: 'NETWORK'; readonly name: string };

export interface ReferencePlanItemVersion {
  /** What it touches besides SHARED_PLAN; SHARED_PLAN when nothing else. */
  readonly category: DataCategory;
  readonly text: string;
  readonly status: string | null;
  readonly dueOn: string | null;
}

export interface ReferencePlanWrite {
  readonly itemId: string;
  /** Which of the item's versions it stored: 0 added the item, 1 changed it. */
  readonly nth: number;
  /** The member who wrote it; null when a professional of the item's source organisation did. */
  readonly byMemberId: string | null;
  readonly at: Date;
}

export interface ReferenceMember {
  readonly id: string;
  /** A short name for failure messages (m0, m1, ...), also used as the member's name. */
  readonly label: string;
  readonly name: string;
  readonly birthDate: string;
  readonly bsn: string;
  readonly relation: MemberRelation;
}

export interface ReferenceInvolvement {
  readonly id: string;
  readonly organisationId: string;
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly caseDirection: boolean;
}

export type RecordValue = string | number | boolean | string[];

export interface ReferenceRecord {
  readonly id: string;
  /** The organisation that wrote it; null for what the family wrote (our story). */
  readonly sourceOrganisationId: string | null;
  /** The member who wrote a story; null for an organisation's record. */
  readonly authorId: string | null;
  /** The earlier version of a story this one replaces. */
  readonly supersedesId: string | null;
  readonly sectionType: string;
  readonly subjectIds: readonly string[];
  /** Only the fields that were recorded. */
  readonly values: Readonly<Record<string, RecordValue>>;
}

export interface ReferenceConsent {
  readonly id: string;
  readonly subjectId: string;
  readonly recipientOrganisationId: string | null;
  readonly recipientDomain: Domain | null;
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly string[];
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly revokedAt: Date | null;
  readonly signatures: readonly { readonly memberId: string; readonly signedAt: Date }[];
}

export interface ReferenceOrganisation {
  readonly id: string;
  readonly label: string;
  readonly domain: Domain;
}

export interface ReferencePurpose {
  readonly code: string;
  readonly domains: readonly Domain[];
  readonly maxCategories: readonly DataCategory[];
  readonly statutoryFor: readonly Domain[];
}

export interface ReferenceRequest {
  readonly caller: ReferenceOrganisation;
  readonly purpose: string;
  readonly at: Date;
}
