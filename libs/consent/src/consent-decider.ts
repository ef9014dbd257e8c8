import { ageOn, dutchDate } from './calendar';
import { type CapacityBand, capacityBand, isRequiredSigner, type SubjectFacts } from './consent-capacity';
import { SignatureCapacity } from './consent-signature.entity';

/**
 * Why a member may not grant, sign or revoke a consent about this subject today.
 * BIRTH_DATE_UNREADABLE: whose decision it is depends on the subject's age, and a damaged
 * birth date leaves that open, so nobody's counts.
 */
export type CapacityRefusal = { readonly reason: 'BIRTH_DATE_UNREADABLE' } | { readonly reason: 'NOT_A_DECIDER'; readonly band: CapacityBand };

/**
 * Whether `memberId` decides about consents of `subject` at `at` (DESIGN.md §3): those
 * whose signature the subject's capacity band asks for on that day in the Netherlands;
 * null when they do, the refusal when they do not.
 */
export function capacityRefusal(subject: SubjectFacts, memberId: string, at: Date): CapacityRefusal | null {
  if (subject.birthDate === null) return { reason: 'BIRTH_DATE_UNREADABLE' };
  const band = capacityBand(ageOn(subject.birthDate, dutchDate(at)));
  return isRequiredSigner(band, subject, memberId) ? null : { reason: 'NOT_A_DECIDER', band };
}

/** In what capacity a member who may decide signs: as the subject, or as a parent with authority. */
export function signatureCapacityOf(subject: SubjectFacts, memberId: string): SignatureCapacity {
  return memberId === subject.memberId ? SignatureCapacity.SUBJECT : SignatureCapacity.PARENT_WITH_AUTHORITY;
}

/** A signature to store. */
export interface NewSignature {
  readonly memberId: string;
  readonly capacity: SignatureCapacity;
  readonly signedAt: Date;
}
