import type { SubjectFacts } from '@kring/consent';
import { countsForItem, itemAgreement, itemsAt, latestAgreements, type AgreedItemFacts, type PlanAgreementFacts } from './plan-agreement';
import type { PlanItemKind } from './plan-vocabulary';

// The De Vries family; ages as on TODAY.
const TODAY = '2026-05-12';
const YESTERDAY = '2026-05-11';
const MARIEKE = 'marieke';
const JOHAN = 'johan';
/** 17. */
const SANNE = 'sanne';
/** 13. */
const DAAN = 'daan';
/** 8. */
const LOTTE = 'lotte';
/** Turns 12 today. */
const NOOR = 'noor';
/** Turns 16 today. */
const TIM = 'tim';
/** Her stored birth date failed its integrity check: her age cannot be established. */
const KIM = 'kim';
/** 6, and nobody in the family holds authority over him (a foster child). */
const BRAM = 'bram';
const PARENTS = [JOHAN, MARIEKE];

const PARENTS_SET: ReadonlySet<string> = new Set(PARENTS);
const SUBJECTS: ReadonlyMap<string, SubjectFacts> = new Map(
  [
    { memberId: MARIEKE, birthDate: '1988-02-10', authorityHolders: new Set<string>() },
    { memberId: JOHAN, birthDate: '1985-01-20', authorityHolders: new Set<string>() },
    { memberId: SANNE, birthDate: '2009-03-03', authorityHolders: PARENTS_SET },
    { memberId: DAAN, birthDate: '2012-09-01', authorityHolders: PARENTS_SET },
    { memberId: LOTTE, birthDate: '2018-04-04', authorityHolders: PARENTS_SET },
    { memberId: NOOR, birthDate: '2014-05-12', authorityHolders: PARENTS_SET },
    { memberId: TIM, birthDate: '2010-05-12', authorityHolders: PARENTS_SET },
    { memberId: KIM, birthDate: null, authorityHolders: PARENTS_SET },
    { memberId: BRAM, birthDate: '2020-01-01', authorityHolders: new Set<string>() },
  ].map((s) => [s.memberId, s]),
);

const CASE_DIRECTOR = 'prof-case-director';
const PREVIOUS_CASE_DIRECTOR = 'prof-previous';

/** The n-th minute of 1 May 2026: agreements are ordered by when they were given. */
const minute = (n: number) => new Date(Date.UTC(2026, 4, 1, 9, n));

/** A member's agreement with version 1, given at minute 1 and not withdrawn; each case changes what it is about. */
const byMember = (memberId: string, over: Partial<PlanAgreementFacts> = {}): PlanAgreementFacts => ({
  memberId,
  professionalId: null,
  version: 1,
  agreedAt: minute(1),
  withdrawnAt: null,
  ...over,
});
const byProfessional = (professionalId: string, over: Partial<PlanAgreementFacts> = {}): PlanAgreementFacts => ({ ...byMember('', over), memberId: null, professionalId });
const byCaseDirector = (over: Partial<PlanAgreementFacts> = {}) => byProfessional(CASE_DIRECTOR, over);

const item = (kind: PlanItemKind, subjectMemberIds: readonly string[], fromVersion = 1): AgreedItemFacts => ({ kind, subjectMemberIds, fromVersion });
const goalAbout = (...subjects: string[]) => item('GOAL', subjects);

describe('agreement with the family plan (DESIGN.md §9, "Agreement")', () => {
  describe('a goal needs each of its subjects, by capacity, and the case director', () => {
    it.each([
      ['a child under 12: a parent with authority agrees', [LOTTE], [MARIEKE], true, []],
      ['a child under 12: the other parent with authority agrees', [LOTTE], [JOHAN], true, []],
      ['a child under 12: the child alone has no say', [LOTTE], [LOTTE], false, PARENTS],
      ['a child under 12: nobody agreed yet, both parents are waited for', [LOTTE], [], false, PARENTS],
      ['a child under 12: an older sister has no say', [LOTTE], [SANNE], false, PARENTS],
      ['a child of 12 to 15: the child and a parent agree', [DAAN], [DAAN, JOHAN], true, []],
      ['a child of 12 to 15: a parent alone does not suffice, the child is waited for', [DAAN], [MARIEKE], false, [DAAN]],
      ['a child of 12 to 15: the child alone does not suffice, the parents are waited for', [DAAN], [DAAN], false, PARENTS],
      ['a child of 12 to 15: nobody agreed yet', [DAAN], [], false, [DAAN, ...PARENTS]],
      ['a member of 16 or over: their own agreement suffices', [SANNE], [SANNE], true, []],
      ['a member of 16 or over: their parents cannot agree for them', [SANNE], PARENTS, false, [SANNE]],
      ['an adult: their own agreement', [MARIEKE], [MARIEKE], true, []],
      ['an adult: their partner cannot agree for them', [MARIEKE], [JOHAN], false, [MARIEKE]],
      ['a goal about a parent and a young child: the parent\'s agreement counts for both', [MARIEKE, LOTTE], [MARIEKE], true, []],
      ['a goal about two children: every subject must be covered', [LOTTE, SANNE], [MARIEKE], false, [SANNE]],
      ['a goal about two children: both covered', [LOTTE, SANNE], [MARIEKE, SANNE], true, []],
      ['a child whose birth date cannot be read: nobody can be shown to count, nobody is waited for', [KIM], [KIM, MARIEKE, JOHAN], false, []],
      ['a member not in the family\'s facts', ['stranger'], [MARIEKE], false, []],
      ['a young child nobody in the family holds authority over: nobody to wait for', [BRAM], [MARIEKE], false, []],
    ] as const)('%s', (_case, subjects, agreeing, agreed, waiting) => {
      const agreements = [byCaseDirector(), ...agreeing.map((id) => byMember(id))];
      expect(itemAgreement(goalAbout(...subjects), agreements, SUBJECTS, CASE_DIRECTOR, TODAY)).toEqual({ agreed, caseDirectorAgreed: true, waitingForMemberIds: [...waiting].sort() });
    });

    it.each([
      ['a parent\'s agreement stops counting the day the child turns 12', NOOR, [MARIEKE], YESTERDAY, TODAY, [NOOR]],
      ['a child of 15 needs a parent too, until the day they turn 16', TIM, [TIM], TODAY, YESTERDAY, PARENTS],
    ] as const)('capacity is judged on the day asked: %s', (_case, subject, agreeing, agreedOn, notAgreedOn, waiting) => {
      const agreements = [byCaseDirector(), ...agreeing.map((id) => byMember(id))];
      expect(itemAgreement(goalAbout(subject), agreements, SUBJECTS, CASE_DIRECTOR, agreedOn).agreed).toBe(true);
      expect(itemAgreement(goalAbout(subject), agreements, SUBJECTS, CASE_DIRECTOR, notAgreedOn)).toEqual({ agreed: false, caseDirectorAgreed: true, waitingForMemberIds: waiting });
    });

    it('every subject agreeing is not enough without the case director', () => {
      expect(itemAgreement(goalAbout(LOTTE), [byMember(MARIEKE)], SUBJECTS, CASE_DIRECTOR, TODAY)).toEqual({ agreed: false, caseDirectorAgreed: false, waitingForMemberIds: [] });
    });
  });

  describe('words, actions and the review date need the case director alone', () => {
    it.each(['WORDS', 'ACTION', 'REVIEW'] as const)('%s: agreed with the case director\'s agreement, no member waited for', (kind) => {
      expect(itemAgreement(item(kind, [LOTTE, SANNE]), [byCaseDirector()], SUBJECTS, CASE_DIRECTOR, TODAY)).toEqual({ agreed: true, caseDirectorAgreed: true, waitingForMemberIds: [] });
    });

    it.each(['WORDS', 'ACTION', 'REVIEW'] as const)('%s: not agreed by the family alone', (kind) => {
      expect(itemAgreement(item(kind, [MARIEKE]), [byMember(MARIEKE)], SUBJECTS, CASE_DIRECTOR, TODAY)).toEqual({ agreed: false, caseDirectorAgreed: false, waitingForMemberIds: [] });
    });
  });

  describe('the case director is whoever holds case direction now', () => {
    it.each([
      ['the previous case director\'s agreement does not count for the new one', [byProfessional(PREVIOUS_CASE_DIRECTOR)], CASE_DIRECTOR, false],
      ['the new case director agrees afresh', [byProfessional(PREVIOUS_CASE_DIRECTOR), byCaseDirector({ agreedAt: minute(5) })], CASE_DIRECTOR, true],
      ['another professional\'s agreement does not count', [byProfessional('prof-colleague')], CASE_DIRECTOR, false],
      ['nobody holds case direction: no plan is agreed', [byCaseDirector()], null, false],
    ] as const)('%s', (_case, agreements, caseDirectorId, caseDirectorAgreed) => {
      const result = itemAgreement(goalAbout(MARIEKE), [...agreements, byMember(MARIEKE)], SUBJECTS, caseDirectorId, TODAY);
      expect(result).toEqual({ agreed: caseDirectorAgreed, caseDirectorAgreed, waitingForMemberIds: [] });
    });
  });

  describe('an agreement with version v covers the items not changed since v', () => {
    it.each([
      ['agreed with an earlier version than the item\'s change', 2, false],
      ['agreed with the version that changed the item', 3, true],
      ['agreed with a later version', 5, true],
    ] as const)('%s', (_case, version, covered) => {
      const goal = item('GOAL', [LOTTE], 3);
      const result = itemAgreement(goal, [byCaseDirector({ version }), byMember(MARIEKE, { version })], SUBJECTS, CASE_DIRECTOR, TODAY);
      expect(result).toEqual({ agreed: covered, caseDirectorAgreed: covered, waitingForMemberIds: covered ? [] : PARENTS });
    });

    it('a change asks again only those whose agreement did not cover it: the case director still counts', () => {
      const goal = item('GOAL', [LOTTE], 3);
      expect(itemAgreement(goal, [byCaseDirector({ version: 3 }), byMember(MARIEKE, { version: 2 })], SUBJECTS, CASE_DIRECTOR, TODAY)).toEqual({
        agreed: false,
        caseDirectorAgreed: true,
        waitingForMemberIds: PARENTS,
      });
    });
  });

  describe('a withdrawn agreement counts for nothing', () => {
    it.each([
      ['a parent withdrew: the parents are waited for again', [byCaseDirector(), byMember(MARIEKE, { withdrawnAt: minute(2) })], false, true, PARENTS],
      ['the case director withdrew', [byCaseDirector({ withdrawnAt: minute(2) }), byMember(MARIEKE)], false, false, []],
      ['a parent withdrew and agreed again', [byCaseDirector(), byMember(MARIEKE, { withdrawnAt: minute(2) }), byMember(MARIEKE, { agreedAt: minute(3) })], true, true, []],
      [
        'an earlier agreement does not revive when the latest is withdrawn',
        [byCaseDirector(), byMember(MARIEKE, { agreedAt: minute(1) }), byMember(MARIEKE, { agreedAt: minute(4), withdrawnAt: minute(5) })],
        false,
        true,
        PARENTS,
      ],
      ['one parent withdrew, the other still agrees', [byCaseDirector(), byMember(MARIEKE, { withdrawnAt: minute(2) }), byMember(JOHAN)], true, true, []],
    ] as const)('%s', (_case, agreements, agreed, caseDirectorAgreed, waiting) => {
      expect(itemAgreement(goalAbout(LOTTE), agreements, SUBJECTS, CASE_DIRECTOR, TODAY)).toEqual({ agreed, caseDirectorAgreed, waitingForMemberIds: waiting });
    });

    it('the order the agreements are given in does not matter, only when they were given', () => {
      const agreements = [byMember(MARIEKE, { agreedAt: minute(4), withdrawnAt: minute(5) }), byCaseDirector(), byMember(MARIEKE, { agreedAt: minute(1) })];
      expect(itemAgreement(goalAbout(LOTTE), agreements, SUBJECTS, CASE_DIRECTOR, TODAY).agreed).toBe(false);
      expect(itemAgreement(goalAbout(LOTTE), [...agreements].reverse(), SUBJECTS, CASE_DIRECTOR, TODAY).agreed).toBe(false);
    });
  });

  describe('each party\'s latest agreement', () => {
    const first = byMember(MARIEKE, { agreedAt: minute(1), withdrawnAt: minute(2) });
    const again = byMember(MARIEKE, { agreedAt: minute(6), version: 4 });
    const johan = byMember(JOHAN, { agreedAt: minute(3) });
    const director = byCaseDirector({ agreedAt: minute(4) });
    const directorAgain = byCaseDirector({ agreedAt: minute(7), version: 4 });
    const previous = byProfessional(PREVIOUS_CASE_DIRECTOR, { agreedAt: minute(5) });
    const given = [directorAgain, again, first, johan, director, previous];

    it('keeps one per member and per professional: the last given, whatever order they come in', () => {
      const latest = latestAgreements(given);
      expect(latest).toHaveLength(4);
      expect(latest).toEqual(expect.arrayContaining([again, johan, directorAgain, previous]));
    });

    it('orders them by when they were given, as its comment says (a party who agreed again moves to the end)', () => {
      expect(latestAgreements(given)).toEqual([johan, previous, again, directorAgain]);
    });

    it('keeps a withdrawal when it is the latest', () => {
      const withdrawn = byMember(SANNE, { agreedAt: minute(3), withdrawnAt: minute(4) });
      expect(latestAgreements([byMember(SANNE, { agreedAt: minute(1) }), withdrawn])).toEqual([withdrawn]);
    });

    it('has nothing when nobody agreed', () => {
      expect(latestAgreements([])).toEqual([]);
    });
  });

  describe('whose agreement (or choice) counts for an item at all', () => {
    it.each([
      ['a parent for a child under 12', MARIEKE, [LOTTE], TODAY, true],
      ['the other parent for a child under 12', JOHAN, [LOTTE], TODAY, true],
      ['not a child under 12 for themselves', LOTTE, [LOTTE], TODAY, false],
      ['not a sister for a child under 12', SANNE, [LOTTE], TODAY, false],
      ['a child of 12 to 15 for themselves', DAAN, [DAAN], TODAY, true],
      ['a parent for a child of 12 to 15', MARIEKE, [DAAN], TODAY, true],
      ['a member of 16 or over for themselves', SANNE, [SANNE], TODAY, true],
      ['not a parent for a member of 16 or over', MARIEKE, [SANNE], TODAY, false],
      ['not a parent for a child whose birth date cannot be read', MARIEKE, [KIM], TODAY, false],
      ['not anyone for a member not in the family\'s facts', MARIEKE, ['stranger'], TODAY, false],
      ['a member of 16 or over for an item also about a young sister', SANNE, [LOTTE, SANNE], TODAY, true],
      ['not a child the day before they turn 12', NOOR, [NOOR], YESTERDAY, false],
      ['a child the day they turn 12', NOOR, [NOOR], TODAY, true],
      ['a parent the day before the child turns 16', MARIEKE, [TIM], YESTERDAY, true],
      ['not a parent the day the child turns 16', MARIEKE, [TIM], TODAY, false],
    ] as const)('%s', (_case, memberId, subjects, today, counts) => {
      expect(countsForItem(memberId, item('GOAL', subjects), SUBJECTS, today)).toBe(counts);
    });
  });

  describe('the plan as it stood at a version', () => {
    const rows = [
      { id: 'a1', fromVersion: 1, untilVersion: 3 },
      { id: 'b', fromVersion: 2, untilVersion: null },
      { id: 'a2', fromVersion: 3, untilVersion: null },
      { id: 'c', fromVersion: 4, untilVersion: 5 },
    ];

    it.each([
      [0, []],
      [1, ['a1']],
      [2, ['a1', 'b']],
      [3, ['b', 'a2']],
      [4, ['b', 'a2', 'c']],
      [5, ['b', 'a2']],
      [9, ['b', 'a2']],
    ] as const)('version %i: %j', (version, ids) => {
      expect(itemsAt(rows, version).map((r) => r.id)).toEqual(ids);
    });
  });
});
