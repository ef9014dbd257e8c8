import { dutchDate, type SubjectFacts } from '@kring/consent';
import { DataCategory } from '@kring/family-file';
import { DenyReason } from './access-decision';
import { decideCitizenAccess, type CitizenQuestion } from './citizen-access';
import { membersInReach } from './member-reach';

// The De Vries family; ages as on 12 May 2026. Marieke and Johan hold authority over the children; Opa over nobody.
const MARIEKE = 'marieke';
const JOHAN = 'johan';
const OPA = 'opa';
/** 17. */
const SANNE = 'sanne';
/** 13. */
const DAAN = 'daan';
/** 8. */
const LOTTE = 'lotte';
/** Turns 16 on 12 May 2026. */
const TIM = 'tim';

const PARENTS: ReadonlySet<string> = new Set([MARIEKE, JOHAN]);
const SUBJECTS: ReadonlyMap<string, SubjectFacts> = new Map(
  [
    { memberId: MARIEKE, birthDate: '1988-02-10', authorityHolders: new Set<string>() },
    { memberId: JOHAN, birthDate: '1985-01-20', authorityHolders: new Set<string>() },
    { memberId: OPA, birthDate: '1955-07-30', authorityHolders: new Set<string>() },
    { memberId: SANNE, birthDate: '2009-03-03', authorityHolders: PARENTS },
    { memberId: DAAN, birthDate: '2012-09-01', authorityHolders: PARENTS },
    { memberId: LOTTE, birthDate: '2018-04-04', authorityHolders: PARENTS },
    { memberId: TIM, birthDate: '2010-05-12', authorityHolders: PARENTS },
  ].map((s) => [s.memberId, s]),
);

const TODAY = '2026-05-12';

function question(memberId: string, subjectIds: readonly string[], today = TODAY): CitizenQuestion {
  return { reach: membersInReach(memberId, SUBJECTS.values(), today), field: { category: DataCategory.CARE_TRAJECTORY, subjectIds } };
}

const SHOWN = { allowed: true, category: DataCategory.CARE_TRAJECTORY, basis: { kind: 'DATA_SUBJECT' } };
const HIDDEN = { allowed: false, category: DataCategory.CARE_TRAJECTORY, reason: DenyReason.OTHER_MEMBER };

describe('decideCitizenAccess: what a family member reads (DESIGN.md §4, last paragraph)', () => {
  it.each<[string, string, readonly string[], typeof SHOWN | typeof HIDDEN]>([
    ['an adult reads their own data', MARIEKE, [MARIEKE], SHOWN],
    ['a 13-year-old reads their own data', DAAN, [DAAN], SHOWN],
    ['a 17-year-old reads their own data', SANNE, [SANNE], SHOWN],
    ['a parent with authority reads the data of a child under 16', MARIEKE, [DAAN], SHOWN],
    ['the other parent with authority reads it too', JOHAN, [LOTTE], SHOWN],
    ['a record about a parent and her children under 16 together is shown to her', MARIEKE, [MARIEKE, DAAN, LOTTE], SHOWN],
    ['a parent does not read the data of a 17-year-old child (OTHER_MEMBER)', MARIEKE, [SANNE], HIDDEN],
    ['a parent does not read the data of a child on their 16th birthday', MARIEKE, [TIM], HIDDEN],
    ['someone without authority does not read a young child\'s data', OPA, [LOTTE], HIDDEN],
    ['a child does not read a parent\'s data', DAAN, [MARIEKE], HIDDEN],
    ['a 17-year-old does not read a younger sibling\'s data', SANNE, [LOTTE], HIDDEN],
    ['a joint record with another adult is OTHER_MEMBER', MARIEKE, [MARIEKE, JOHAN], HIDDEN],
    ['a joint record with a child of 16 or over is OTHER_MEMBER for the parent', MARIEKE, [MARIEKE, SANNE], HIDDEN],
    ['a joint record about the child and the parent is OTHER_MEMBER for the child', DAAN, [DAAN, MARIEKE], HIDDEN],
    ['data about someone the family does not know is OTHER_MEMBER', MARIEKE, ['stranger'], HIDDEN],
    ['deny by default: a field about nobody is not shown', MARIEKE, [], HIDDEN],
  ])('%s', (_rule, memberId, subjectIds, expected) => {
    expect(decideCitizenAccess(question(memberId, subjectIds))).toEqual(expected);
  });

  it('the day before the 16th birthday a parent with authority still reads the child\'s data', () => {
    expect(decideCitizenAccess(question(MARIEKE, [TIM], '2026-05-11'))).toEqual(SHOWN);
  });

  it('the 16th birthday begins at midnight in Amsterdam: at 00:30 CEST (22:30 UTC the day before) the parent no longer reads', () => {
    const today = dutchDate(new Date('2026-05-11T22:30:00Z'));

    expect(today).toBe('2026-05-12');
    expect(decideCitizenAccess(question(MARIEKE, [TIM], today))).toEqual(HIDDEN);
  });

  it('at 23:59 in Amsterdam the evening before the 16th birthday the parent still reads', () => {
    const today = dutchDate(new Date('2026-05-11T21:59:00Z'));

    expect(decideCitizenAccess(question(MARIEKE, [TIM], today))).toEqual(SHOWN);
  });

  it('the child of 16 keeps reading their own data', () => {
    expect(decideCitizenAccess(question(TIM, [TIM]))).toEqual(SHOWN);
  });

  it('a child whose birth date cannot be read (it failed its integrity check) is not in a parent\'s reach: under 16 cannot be established', () => {
    const damaged = new Map(SUBJECTS);
    damaged.set(DAAN, { memberId: DAAN, birthDate: null, authorityHolders: PARENTS });
    expect(membersInReach(MARIEKE, damaged.values(), TODAY)).toEqual(new Set([MARIEKE, LOTTE]));
    expect(membersInReach(DAAN, damaged.values(), TODAY)).toEqual(new Set([DAAN]));
  });

  it('a parent\'s reach: themselves and the children under 16 over whom they hold authority', () => {
    expect(membersInReach(MARIEKE, SUBJECTS.values(), TODAY)).toEqual(new Set([MARIEKE, DAAN, LOTTE]));
    expect(membersInReach(OPA, SUBJECTS.values(), TODAY)).toEqual(new Set([OPA]));
    expect(membersInReach(SANNE, SUBJECTS.values(), TODAY)).toEqual(new Set([SANNE]));
  });
});
