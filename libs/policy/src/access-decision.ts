import type { DataCategory } from '@kring/family-file';

/** Why a field is not shared. Shown to the professional with the redaction, so they can ask the family. */
export enum DenyReason {
  /** The declared purpose may never reach this category (data minimisation). */
  PURPOSE_EXCLUDES_CATEGORY = 'PURPOSE_EXCLUDES_CATEGORY',
  /** The caller's organisation may not declare this purpose at all. */
  PURPOSE_NOT_FOR_DOMAIN = 'PURPOSE_NOT_FOR_DOMAIN',
  UNKNOWN_PURPOSE = 'UNKNOWN_PURPOSE',
  /** The caller's organisation has no involvement with the family that is active now. */
  NOT_INVOLVED = 'NOT_INVOLVED',
  /** No consent of a subject covers this recipient, purpose and category. */
  NO_CONSENT = 'NO_CONSENT',
  /** A covering consent waits for a signature (or has not started yet). */
  CONSENT_PENDING = 'CONSENT_PENDING',
  CONSENT_REVOKED = 'CONSENT_REVOKED',
  CONSENT_EXPIRED = 'CONSENT_EXPIRED',
  /** A covering consent's signatures no longer suffice for the subject's age (12th or 16th birthday). */
  CAPACITY_LAPSED = 'CAPACITY_LAPSED',
  /** Citizens: the field is (also) about another member whose data the caller may not see. */
  OTHER_MEMBER = 'OTHER_MEMBER',
  /**
   * The stored value failed its integrity check (changed, moved, or sealed with another key),
   * so it is withheld rather than served wrong; or a consent could not be judged because the
   * subject's birth date did (their capacity cannot be established). An alarm for the privacy officer.
   */
  DATA_INTEGRITY = 'DATA_INTEGRITY',
}

/**
 * Why a request was refused before the access rule was asked at all. Not a redaction
 * reason (the rule never decides it, and no field is shown with it); an access-log entry's
 * reason is a DenyReason or one of these.
 */
export enum RequestRefusal {
  /** An argument held text that is not well formed (a NUL character, a lone surrogate); none of it was read or stored. */
  MALFORMED_INPUT = 'MALFORMED_INPUT',
  /** A thread the caller does not take part in (DESIGN.md §9): not in their view at all, answered like one that does not exist. */
  NOT_A_PARTICIPANT = 'NOT_A_PARTICIPANT',
  /** An administrator's change to their own registration (roles, deactivation): another administrator makes it. */
  OWN_REGISTRATION = 'OWN_REGISTRATION',
  /** Deactivating a professional who holds case direction of a family: it is handed over first. */
  HOLDS_CASE_DIRECTION = 'HOLDS_CASE_DIRECTION',
  /** A change to a service on the social map by someone outside the organisation that offers it. */
  NOT_OWN_SERVICE = 'NOT_OWN_SERVICE',
  /** A member asked about a member outside their reach: answered like one that does not exist. */
  OUTSIDE_REACH = 'OUTSIDE_REACH',
  /** The caller's roles do not allow the operation (e.g. the FHIR export for a professional who is not a privacy officer). */
  ROLE_NOT_PERMITTED = 'ROLE_NOT_PERMITTED',
}

/** On what ground a field is shared. */
export type AccessBasis =
  | { readonly kind: 'OWN_RECORD' }
  | { readonly kind: 'STATUTORY_TASK' }
  /** The consents relied on: one per subject. */
  | { readonly kind: 'CONSENT'; readonly consentIds: readonly string[] }
  | { readonly kind: 'BREAK_GLASS'; readonly grantId: string }
  /** Citizens: the data is about the caller, or about a child under 16 over whom they hold authority. */
  | { readonly kind: 'DATA_SUBJECT' }
  /** Citizens: a plan item about members outside their reach, which every one of its subjects chose to show to the whole family (DESIGN.md §9). */
  | { readonly kind: 'SHOWN_TO_FAMILY' }
  /** Team leads of an organisation involved today: what a member addressed to them (an escalation, docs/escalation.md). */
  | { readonly kind: 'INVOLVED_ORGANISATION' };

export type AccessDecision =
  | { readonly allowed: true; readonly category: DataCategory; readonly basis: AccessBasis }
  | { readonly allowed: false; readonly category: DataCategory; readonly reason: DenyReason };
