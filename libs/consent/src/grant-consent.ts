import type { DataCategory } from '@kring/family-file';
import type { Domain } from '@kring/identity';
import { capacityRefusal, signatureCapacityOf, type CapacityRefusal, type NewSignature } from './consent-decider';
import type { SubjectFacts } from './consent-capacity';

/** A consent is valid for at most twelve months unless renewed (DESIGN.md §3). */
export const MAX_VALIDITY_MONTHS = 12;
/** Clock skew allowed between a client's "now" and ours for validFrom. */
export const VALID_FROM_TOLERANCE_MS = 5 * 60 * 1000;

/** What a member asks to consent to. */
export interface ConsentTerms {
  readonly subjectMemberId: string;
  readonly recipientOrganisationId?: string | null;
  readonly recipientDomain?: Domain | null;
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly string[];
  /** Now when not given. */
  readonly validFrom?: Date | null;
  readonly validUntil: Date;
}

export type ConsentTermsRefusal =
  | { readonly reason: 'RECIPIENT_NOT_EXACTLY_ONE' }
  | { readonly reason: 'NO_CATEGORIES' }
  | { readonly reason: 'NO_PURPOSES' }
  | { readonly reason: 'UNKNOWN_PURPOSE'; readonly purpose: string }
  | { readonly reason: 'VALID_FROM_IN_THE_PAST' }
  | { readonly reason: 'VALID_UNTIL_NOT_AFTER_VALID_FROM' }
  | { readonly reason: 'VALIDITY_OVER_TWELVE_MONTHS' };

/**
 * Whether the terms of a consent can be granted at `now`, before anything about the family
 * is read: one recipient (an organisation or a domain, not both), at least one category and
 * one purpose from the catalogue, starting now or later (five minutes of clock skew
 * allowed), ending after it starts and at most twelve months after it. Null when they can.
 */
export function checkConsentTerms(terms: ConsentTerms, now: Date, isKnownPurpose: (code: string) => boolean): ConsentTermsRefusal | null {
  const hasOrganisation = terms.recipientOrganisationId !== null && terms.recipientOrganisationId !== undefined;
  const hasDomain = terms.recipientDomain !== null && terms.recipientDomain !== undefined;
  if (hasOrganisation === hasDomain) return { reason: 'RECIPIENT_NOT_EXACTLY_ONE' };
  if (terms.categories.length === 0) return { reason: 'NO_CATEGORIES' };
  if (terms.purposes.length === 0) return { reason: 'NO_PURPOSES' };
  const unknown = terms.purposes.find((p) => !isKnownPurpose(p));
  if (unknown !== undefined) return { reason: 'UNKNOWN_PURPOSE', purpose: unknown };
  const validFrom = terms.validFrom ?? now;
  if (validFrom.getTime() < now.getTime() - VALID_FROM_TOLERANCE_MS) return { reason: 'VALID_FROM_IN_THE_PAST' };
  if (terms.validUntil.getTime() <= validFrom.getTime()) return { reason: 'VALID_UNTIL_NOT_AFTER_VALID_FROM' };
  if (terms.validUntil.getTime() > latestValidUntil(validFrom).getTime()) return { reason: 'VALIDITY_OVER_TWELVE_MONTHS' };
  return null;
}

/** The last instant a consent starting at `validFrom` may run to: the same moment twelve months on. */
export function latestValidUntil(validFrom: Date): Date {
  const latest = new Date(validFrom);
  latest.setUTCMonth(latest.getUTCMonth() + MAX_VALIDITY_MONTHS);
  return latest;
}

/** The facts a grant is decided on, read in the transaction that stores it. */
export interface GrantConsentFacts {
  readonly terms: ConsentTerms;
  /** The member who grants (signs first). */
  readonly grantorMemberId: string;
  /** The subject as the capacity rule sees them; undefined when the grantor's family has no such member. */
  readonly subject: SubjectFacts | undefined;
  /** Whether the recipient organisation, if one is named, is registered. */
  readonly recipientOrganisationRegistered: boolean;
  readonly now: Date;
}

export type GrantConsentRefusal = { readonly reason: 'SUBJECT_NOT_FOUND' } | CapacityRefusal | { readonly reason: 'RECIPIENT_NOT_REGISTERED' };

/** The consent to store, in the shape of its receipt, before the gateway adds ids and catalogue version. */
export interface GrantedConsent {
  readonly subjectMemberId: string;
  readonly recipientOrganisationId: string | null;
  readonly recipientDomain: Domain | null;
  readonly categories: DataCategory[];
  readonly purposes: string[];
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly grantedByMemberId: string;
}

export type GrantConsentDecision = { readonly ok: true; readonly consent: GrantedConsent; readonly signature: NewSignature } | { readonly ok: false; readonly refusal: GrantConsentRefusal };

/**
 * Whether a member may grant a consent with these (checked) terms about this subject now
 * (DESIGN.md §3): for a subject under 12 a parent with authority, from 12 to 15 the subject
 * or a parent with authority, from 16 the subject alone; the grantor's signature is the
 * first, in the capacity they hold. Categories and purposes named twice are stored once.
 */
export function grantConsent(facts: GrantConsentFacts): GrantConsentDecision {
  const { terms, grantorMemberId, subject, now } = facts;
  if (subject === undefined) return { ok: false, refusal: { reason: 'SUBJECT_NOT_FOUND' } };
  const refusal = capacityRefusal(subject, grantorMemberId, now);
  if (refusal !== null) return { ok: false, refusal };
  if (terms.recipientOrganisationId && !facts.recipientOrganisationRegistered) {
    return { ok: false, refusal: { reason: 'RECIPIENT_NOT_REGISTERED' } };
  }
  return {
    ok: true,
    consent: {
      subjectMemberId: subject.memberId,
      recipientOrganisationId: terms.recipientOrganisationId ?? null,
      recipientDomain: terms.recipientDomain ?? null,
      categories: [...new Set(terms.categories)],
      purposes: [...new Set(terms.purposes)],
      validFrom: terms.validFrom ?? now,
      validUntil: terms.validUntil,
      grantedByMemberId: grantorMemberId,
    },
    signature: { memberId: grantorMemberId, capacity: signatureCapacityOf(subject, grantorMemberId), signedAt: now },
  };
}
