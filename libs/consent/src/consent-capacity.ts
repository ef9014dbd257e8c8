/**
 * Who must sign a consent about a member, by the member's age on the day of
 * access (WGBO art. 7:450, mirrored by Jeugdwet art. 7.3.4):
 * under 12 a parent with authority; 12 to 15 the member and a parent with
 * authority; from 16 the member alone.
 */
export enum CapacityBand {
  PARENT_SIGNS = 'PARENT_SIGNS',
  CHILD_AND_PARENT_SIGN = 'CHILD_AND_PARENT_SIGN',
  SUBJECT_SIGNS = 'SUBJECT_SIGNS',
}

export function capacityBand(age: number): CapacityBand {
  if (age < 12) return CapacityBand.PARENT_SIGNS;
  if (age < 16) return CapacityBand.CHILD_AND_PARENT_SIGN;
  return CapacityBand.SUBJECT_SIGNS;
}

/** What the capacity rule needs to know about the subject of a consent. */
export interface SubjectFacts {
  readonly memberId: string;
  /**
   * YYYY-MM-DD; null when the stored birth date failed its integrity check. Then the
   * member's age, and so their capacity, cannot be established: nothing that needs it counts.
   */
  readonly birthDate: string | null;
  /** Members who hold parental authority over the subject. */
  readonly authorityHolders: ReadonlySet<string>;
}

/** Whether the given signers satisfy the band for this subject. */
export function signaturesSuffice(band: CapacityBand, subject: SubjectFacts, signers: ReadonlySet<string>): boolean {
  const subjectSigned = signers.has(subject.memberId);
  const parentSigned = [...signers].some((signer) => subject.authorityHolders.has(signer));
  switch (band) {
    case CapacityBand.PARENT_SIGNS:
      return parentSigned;
    case CapacityBand.CHILD_AND_PARENT_SIGN:
      return subjectSigned && parentSigned;
    case CapacityBand.SUBJECT_SIGNS:
      return subjectSigned;
  }
}

/** Whether `memberId` is among those whose signature the band requires (they may also sign and revoke). */
export function isRequiredSigner(band: CapacityBand, subject: SubjectFacts, memberId: string): boolean {
  switch (band) {
    case CapacityBand.PARENT_SIGNS:
      return subject.authorityHolders.has(memberId);
    case CapacityBand.CHILD_AND_PARENT_SIGN:
      return memberId === subject.memberId || subject.authorityHolders.has(memberId);
    case CapacityBand.SUBJECT_SIGNS:
      return memberId === subject.memberId;
  }
}
