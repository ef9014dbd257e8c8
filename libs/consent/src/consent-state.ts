import { ageOn, dutchDate } from './calendar';
import { capacityBand, signaturesSuffice, type SubjectFacts } from './consent-capacity';

export enum ConsentStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

/** The facts of a consent that decide its state. */
export interface ConsentFacts {
  readonly id: string;
  readonly subjectMemberId: string;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly revokedAt: Date | null;
  readonly signatures: readonly { readonly memberId: string; readonly signedAt: Date }[];
}

/**
 * Why a consent does not count at a moment; null when it counts.
 * CAPACITY_LAPSED: its signatures sufficed when the last one was given, but no
 * longer do for the subject's age today (a parent-only consent after the 12th
 * birthday, one without the child's signature after the 16th).
 * CAPACITY_UNKNOWN: the subject's birth date cannot be read (it failed its integrity
 * check), so whose signatures count cannot be established; deny by default.
 */
export type ConsentShortfall = 'REVOKED' | 'EXPIRED' | 'NOT_YET_VALID' | 'PENDING' | 'CAPACITY_LAPSED' | 'CAPACITY_UNKNOWN';

/** Judges one consent at instant `at`, against the subject's age on that day. */
export function consentShortfall(consent: ConsentFacts, subject: SubjectFacts, at: Date): ConsentShortfall | null {
  if (consent.revokedAt !== null && consent.revokedAt.getTime() <= at.getTime()) return 'REVOKED';
  if (at.getTime() >= consent.validUntil.getTime()) return 'EXPIRED';
  if (at.getTime() < consent.validFrom.getTime()) return 'NOT_YET_VALID';
  const { birthDate } = subject;
  if (birthDate === null) return 'CAPACITY_UNKNOWN';
  const signers = new Set(consent.signatures.filter((s) => s.signedAt.getTime() <= at.getTime()).map((s) => s.memberId));
  const bandToday = capacityBand(ageOn(birthDate, dutchDate(at)));
  if (signaturesSuffice(bandToday, subject, signers)) return null;
  const lastSigned = consent.signatures.reduce<Date | null>((latest, s) => (s.signedAt.getTime() <= at.getTime() && (latest === null || s.signedAt > latest) ? s.signedAt : latest), null);
  if (lastSigned !== null) {
    const bandThen = capacityBand(ageOn(birthDate, dutchDate(lastSigned)));
    if (signaturesSuffice(bandThen, subject, signers)) return 'CAPACITY_LAPSED';
  }
  return 'PENDING';
}

/** The status a consent shows at `at`. A consent whose capacity lapsed (or cannot be established) shows PENDING: it does not count. */
export function consentStatus(consent: ConsentFacts, subject: SubjectFacts, at: Date): ConsentStatus {
  const shortfall = consentShortfall(consent, subject, at);
  switch (shortfall) {
    case null:
      return ConsentStatus.ACTIVE;
    case 'REVOKED':
      return ConsentStatus.REVOKED;
    case 'EXPIRED':
      return ConsentStatus.EXPIRED;
    case 'NOT_YET_VALID':
    case 'PENDING':
    case 'CAPACITY_LAPSED':
    case 'CAPACITY_UNKNOWN':
      return ConsentStatus.PENDING;
  }
}
