import { ageOn } from './calendar';
import { CapacityBand, capacityBand, type SubjectFacts } from './consent-capacity';
import { capacityRefusal, signatureCapacityOf, type CapacityRefusal, type NewSignature } from './consent-decider';
import { ConsentStatus, consentStatus, type ConsentFacts } from './consent-state';

export type SignConsentRefusal = CapacityRefusal | { readonly reason: 'CONSENT_ENDED'; readonly status: ConsentStatus.REVOKED | ConsentStatus.EXPIRED };

export type SignConsentDecision = { readonly ok: true; readonly signature: NewSignature } | { readonly ok: false; readonly refusal: SignConsentRefusal };

/**
 * Whether a member may add their signature to a consent now (the co-signature for a 12 to
 * 15 year old, DESIGN.md §3): those whose signature the subject's capacity asks for today,
 * on a consent that was not revoked and has not run out. Signing twice changes nothing:
 * the signature already there stays, with its first date.
 */
export function signConsent(consent: ConsentFacts, subject: SubjectFacts, memberId: string, now: Date): SignConsentDecision {
  const refusal = capacityRefusal(subject, memberId, now);
  if (refusal !== null) return { ok: false, refusal };
  const status = consentStatus(consent, subject, now);
  if (status === ConsentStatus.REVOKED || status === ConsentStatus.EXPIRED) return { ok: false, refusal: { reason: 'CONSENT_ENDED', status } };
  return { ok: true, signature: { memberId, capacity: signatureCapacityOf(subject, memberId), signedAt: now } };
}

/**
 * Who still has to sign for a consent to count on `today`, sorted: any one parent with
 * authority suffices where a parent must sign. Without a readable birth date no signature
 * can make the consent count, so there is nobody to wait for.
 */
export function awaitingSignatureFrom(subject: SubjectFacts, signers: ReadonlySet<string>, today: string): string[] {
  if (subject.birthDate === null) return [];
  const band = capacityBand(ageOn(subject.birthDate, today));
  const parentSigned = [...signers].some((s) => subject.authorityHolders.has(s));
  const parents = parentSigned ? [] : [...subject.authorityHolders].sort();
  switch (band) {
    case CapacityBand.PARENT_SIGNS:
      return parents;
    case CapacityBand.CHILD_AND_PARENT_SIGN:
      return [...(signers.has(subject.memberId) ? [] : [subject.memberId]), ...parents];
    case CapacityBand.SUBJECT_SIGNS:
      return signers.has(subject.memberId) ? [] : [subject.memberId];
  }
}
