import { CapacityBand, capacityBand, isRequiredSigner, signaturesSuffice, type SubjectFacts } from './consent-capacity';

/** Daan; Marieke holds authority over him, Johan (his father) in this world does not, Sanne is his sister. */
const DAAN = 'daan';
const MARIEKE = 'marieke';
const JOHAN = 'johan';
const SANNE = 'sanne';

const subject: SubjectFacts = { memberId: DAAN, birthDate: '2012-09-01', authorityHolders: new Set([MARIEKE]) };

describe('capacityBand: who must sign, by age on the day of access', () => {
  it.each<[number, CapacityBand]>([
    [0, CapacityBand.PARENT_SIGNS],
    [11, CapacityBand.PARENT_SIGNS],
    [12, CapacityBand.CHILD_AND_PARENT_SIGN],
    [15, CapacityBand.CHILD_AND_PARENT_SIGN],
    [16, CapacityBand.SUBJECT_SIGNS],
    [17, CapacityBand.SUBJECT_SIGNS],
    [40, CapacityBand.SUBJECT_SIGNS],
  ])('at %i the band is %s', (age, band) => {
    expect(capacityBand(age)).toBe(band);
  });
});

describe('signaturesSuffice', () => {
  type Row = [string, CapacityBand, readonly string[], boolean];

  it.each<Row>([
    ['under 12, nobody signed: not enough', CapacityBand.PARENT_SIGNS, [], false],
    ['under 12, a parent with authority signed: enough', CapacityBand.PARENT_SIGNS, [MARIEKE], true],
    ['under 12, a parent without authority signed: not enough', CapacityBand.PARENT_SIGNS, [JOHAN], false],
    ['under 12, the child alone signed: not enough', CapacityBand.PARENT_SIGNS, [DAAN], false],
    ['under 12, a sibling signed: not enough', CapacityBand.PARENT_SIGNS, [SANNE], false],
    ['under 12, a parent with authority and the child signed: enough', CapacityBand.PARENT_SIGNS, [MARIEKE, DAAN], true],
    ['12 to 15, nobody signed: not enough', CapacityBand.CHILD_AND_PARENT_SIGN, [], false],
    ['12 to 15, a parent with authority alone: not enough', CapacityBand.CHILD_AND_PARENT_SIGN, [MARIEKE], false],
    ['12 to 15, the child alone: not enough', CapacityBand.CHILD_AND_PARENT_SIGN, [DAAN], false],
    ['12 to 15, the child and a parent with authority: enough', CapacityBand.CHILD_AND_PARENT_SIGN, [DAAN, MARIEKE], true],
    ['12 to 15, the child and a parent without authority: not enough', CapacityBand.CHILD_AND_PARENT_SIGN, [DAAN, JOHAN], false],
    ['12 to 15, the child and a sibling: not enough', CapacityBand.CHILD_AND_PARENT_SIGN, [DAAN, SANNE], false],
    ['12 to 15, a parent with authority and a sibling: not enough', CapacityBand.CHILD_AND_PARENT_SIGN, [MARIEKE, SANNE], false],
    ['from 16, nobody signed: not enough', CapacityBand.SUBJECT_SIGNS, [], false],
    ['from 16, the subject alone: enough', CapacityBand.SUBJECT_SIGNS, [DAAN], true],
    ['from 16, a parent with authority alone: not enough', CapacityBand.SUBJECT_SIGNS, [MARIEKE], false],
    ['from 16, a parent without authority alone: not enough', CapacityBand.SUBJECT_SIGNS, [JOHAN], false],
    ['from 16, a sibling alone: not enough', CapacityBand.SUBJECT_SIGNS, [SANNE], false],
    ['from 16, the subject and a parent: enough (the extra signature does no harm)', CapacityBand.SUBJECT_SIGNS, [DAAN, MARIEKE], true],
  ])('%s', (_rule, band, signers, suffices) => {
    expect(signaturesSuffice(band, subject, new Set(signers))).toBe(suffices);
  });
});

describe('isRequiredSigner: whose signature the band asks for (they may also revoke)', () => {
  type Row = [string, CapacityBand, string, boolean];

  it.each<Row>([
    ['under 12, the child is not asked', CapacityBand.PARENT_SIGNS, DAAN, false],
    ['under 12, a parent with authority is asked', CapacityBand.PARENT_SIGNS, MARIEKE, true],
    ['under 12, a parent without authority is not asked', CapacityBand.PARENT_SIGNS, JOHAN, false],
    ['under 12, a sibling is not asked', CapacityBand.PARENT_SIGNS, SANNE, false],
    ['12 to 15, the child is asked', CapacityBand.CHILD_AND_PARENT_SIGN, DAAN, true],
    ['12 to 15, a parent with authority is asked', CapacityBand.CHILD_AND_PARENT_SIGN, MARIEKE, true],
    ['12 to 15, a parent without authority is not asked', CapacityBand.CHILD_AND_PARENT_SIGN, JOHAN, false],
    ['12 to 15, a sibling is not asked', CapacityBand.CHILD_AND_PARENT_SIGN, SANNE, false],
    ['from 16, the subject is asked', CapacityBand.SUBJECT_SIGNS, DAAN, true],
    ['from 16, a parent with authority is no longer asked', CapacityBand.SUBJECT_SIGNS, MARIEKE, false],
    ['from 16, a parent without authority is not asked', CapacityBand.SUBJECT_SIGNS, JOHAN, false],
    ['from 16, a sibling is not asked', CapacityBand.SUBJECT_SIGNS, SANNE, false],
  ])('%s', (_rule, band, memberId, required) => {
    expect(isRequiredSigner(band, subject, memberId)).toBe(required);
  });

  it('an adult with no authority holders is the only one asked about their own consent', () => {
    const adult: SubjectFacts = { memberId: MARIEKE, birthDate: '1988-02-10', authorityHolders: new Set() };

    expect([MARIEKE, JOHAN, DAAN].filter((m) => isRequiredSigner(CapacityBand.SUBJECT_SIGNS, adult, m))).toEqual([MARIEKE]);
  });
});
