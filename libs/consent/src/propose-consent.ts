import type { Domain } from '@kring/identity';
import type { SubjectFacts } from './consent-capacity';
import { checkConsentTerms, latestValidUntil, type ConsentTerms, type ConsentTermsRefusal, type GrantedConsent } from './grant-consent';

/** The facts a proposal is decided on, read in the transaction that stores it. */
export interface ProposeConsentFacts {
  /** The terms the professional proposes: one recipient organisation, its purposes and categories; twelve months when no end is given. */
  readonly terms: Omit<ConsentTerms, 'validUntil' | 'recipientDomain'> & { readonly recipientOrganisationId: string; readonly validUntil?: Date | null };
  /** The subject as the capacity rule sees them; undefined when the family has no such member. */
  readonly subject: SubjectFacts | undefined;
  /** The recipient organisation's domain; null when it is not registered. */
  readonly recipientDomain: Domain | null;
  /** The catalogue: the domains that may use a purpose, undefined for a code it does not have. */
  readonly purposeDomains: (code: string) => readonly Domain[] | undefined;
  readonly now: Date;
}

export type ProposeConsentRefusal =
  | ConsentTermsRefusal
  | { readonly reason: 'SUBJECT_NOT_FOUND' }
  | { readonly reason: 'BIRTH_DATE_UNREADABLE' }
  | { readonly reason: 'RECIPIENT_NOT_REGISTERED' }
  | { readonly reason: 'PURPOSE_NOT_FOR_RECIPIENT'; readonly purpose: string };

/** A proposed consent to store: a grant's terms, without a grantor and without a signature. */
export type ProposedConsent = Omit<GrantedConsent, 'grantedByMemberId'>;

export type ProposeConsentDecision = { readonly ok: true; readonly consent: ProposedConsent } | { readonly ok: false; readonly refusal: ProposeConsentRefusal };

/**
 * Whether a professional may propose a consent with these terms about this subject now (a
 * referral, DESIGN.md §9): the terms as any grant's (`checkConsentTerms`: purposes of the
 * catalogue, categories, at most twelve months, by default exactly twelve), a registered
 * recipient organisation whose domain may use every purpose, and a subject whose capacity can
 * be established. It carries no signature: it is PENDING until those the capacity rule names
 * sign it (`signConsent`, `awaitingSignatureFrom`), and counts for the access rule only then.
 */
export function proposeConsent(facts: ProposeConsentFacts): ProposeConsentDecision {
  const { terms, subject, now } = facts;
  const validFrom = terms.validFrom ?? now;
  const validUntil = terms.validUntil ?? latestValidUntil(validFrom);
  const termsRefusal = checkConsentTerms({ ...terms, validFrom, validUntil }, now, (code) => facts.purposeDomains(code) !== undefined);
  if (termsRefusal !== null) return { ok: false, refusal: termsRefusal };
  if (subject === undefined) return { ok: false, refusal: { reason: 'SUBJECT_NOT_FOUND' } };
  if (subject.birthDate === null) return { ok: false, refusal: { reason: 'BIRTH_DATE_UNREADABLE' } };
  const domain = facts.recipientDomain;
  if (domain === null) return { ok: false, refusal: { reason: 'RECIPIENT_NOT_REGISTERED' } };
  const excluded = terms.purposes.find((p) => !(facts.purposeDomains(p) ?? []).includes(domain));
  if (excluded !== undefined) return { ok: false, refusal: { reason: 'PURPOSE_NOT_FOR_RECIPIENT', purpose: excluded } };
  return {
    ok: true,
    consent: {
      subjectMemberId: subject.memberId,
      recipientOrganisationId: terms.recipientOrganisationId,
      recipientDomain: null,
      categories: [...new Set(terms.categories)],
      purposes: [...new Set(terms.purposes)],
      validFrom,
      validUntil,
    },
  };
}
