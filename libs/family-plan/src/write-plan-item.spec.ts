import { DataCategory } from '@kring/family-file';
import { writePlanItem, type PlanItemRequest, type WritePlanItemFacts } from './write-plan-item';

// The De Vries family: two parents, Sanne (17), Daan (13) and Lotte (8).
const MARIEKE = 'marieke';
const JOHAN = 'johan';
const SANNE = 'sanne';
const DAAN = 'daan';
const LOTTE = 'lotte';
const FAMILY = [MARIEKE, JOHAN, SANNE, DAAN, LOTTE];

// The organisations: Jeugdhulp and the WMO team are involved today; the debt service is not.
const JEUGDHULP = 'org-jeugdhulp';
const WMO = 'org-wmo';
const SCHULDHULP = 'org-schuldhulp';

const asMember = (memberId: string) => ({ kind: 'member', memberId }) as const;
const asProfessional = (organisationId: string) => ({ kind: 'professional', organisationId }) as const;

/** Marieke writes something new the permission table lets her write; each case changes what it is about. */
const facts = (over: Partial<WritePlanItemFacts> = {}): WritePlanItemFacts => ({
  writer: asMember(MARIEKE),
  familyMemberIds: FAMILY,
  involvedOrganisationIds: [JEUGDHULP, WMO],
  current: null,
  mayWrite: true,
  whyNot: 'OUTSIDE_REACH',
  ...over,
});
const byJeugdhulp = (over: Partial<WritePlanItemFacts> = {}) => facts({ writer: asProfessional(JEUGDHULP), whyNot: 'NOT_FOR_WRITER', ...over });

const words = (over: Partial<PlanItemRequest> = {}): PlanItemRequest => ({ kind: 'WORDS', subjectMemberIds: [MARIEKE, LOTTE], text: 'Wij willen weer rust in huis.', ...over });
const goal = (over: Partial<PlanItemRequest> = {}): PlanItemRequest => ({ kind: 'GOAL', subjectMemberIds: [LOTTE], text: 'Lotte gaat weer graag naar school.', ...over });
const action = (over: Partial<PlanItemRequest> = {}): PlanItemRequest => ({
  kind: 'ACTION',
  subjectMemberIds: [LOTTE],
  text: 'Elke ochtend samen naar school fietsen.',
  actor: { kind: 'MEMBER', memberId: MARIEKE },
  ...over,
});
const orgAction = (over: Partial<PlanItemRequest> = {}): PlanItemRequest => action({ text: 'Gesprek met de school plannen.', actor: { kind: 'ORGANISATION' }, ...over });
const review = (over: Partial<PlanItemRequest> = {}): PlanItemRequest => ({ kind: 'REVIEW', subjectMemberIds: [], text: 'Evaluatie met het hele gezin', dueOn: '2027-03-01', ...over });
const network = (name: string | null) => action({ actor: { kind: 'NETWORK', name } });

const refusalOf = (request: PlanItemRequest, given: WritePlanItemFacts = facts()) => {
  const decision = writePlanItem(request, given);
  return decision.ok ? 'ACCEPTED' : decision.refusal;
};
const draftOf = (request: PlanItemRequest, given: WritePlanItemFacts = facts()) => {
  const decision = writePlanItem(request, given);
  if (!decision.ok) throw new Error(`refused: ${decision.refusal}`);
  return decision.draft;
};

describe('writing a plan item (DESIGN.md §9, "Who writes")', () => {
  describe('refuses', () => {
    it.each([
      ['a kind the plan does not have', goal({ kind: 'WISH' }), facts(), 'UNKNOWN_KIND'],
      ['a kind in the wrong case', goal({ kind: 'goal' }), facts(), 'UNKNOWN_KIND'],
      ['an item about nobody', goal({ subjectMemberIds: [] }), facts(), 'NO_SUBJECTS'],
      ['an item about someone outside the family', goal({ subjectMemberIds: [LOTTE, 'buurjongen'] }), facts(), 'NOT_A_MEMBER'],
      ['a category that does not exist', goal({ category: 'DREAMS' }), facts(), 'CATEGORY_NOT_FOR_PLAN'],
      ['a category in the wrong case', goal({ category: 'finances' }), facts(), 'CATEGORY_NOT_FOR_PLAN'],
      ['an empty category', goal({ category: '' }), facts(), 'CATEGORY_NOT_FOR_PLAN'],
      ['who someone is (PERSONAL_IDENTITY): not a plan matter', goal({ category: DataCategory.PERSONAL_IDENTITY }), facts(), 'CATEGORY_NOT_FOR_PLAN'],
      ['a BSN (NATIONAL_ID): not a plan matter', goal({ category: DataCategory.NATIONAL_ID }), facts(), 'CATEGORY_NOT_FOR_PLAN'],
      ['an action\'s status on a goal', goal({ status: 'DONE' }), facts(), 'STATUS_NOT_FOR_KIND'],
      ['a goal\'s status on an action', action({ status: 'REACHED' }), facts(), 'STATUS_NOT_FOR_KIND'],
      ['a status that does not exist', goal({ status: 'STUCK' }), facts(), 'STATUS_NOT_FOR_KIND'],
      ['a status on the family\'s words', words({ status: 'OPEN' }), facts(), 'STATUS_NOT_FOR_KIND'],
      ['a status on the review date', review({ status: 'PLANNED' }), byJeugdhulp(), 'STATUS_NOT_FOR_KIND'],
      ['an action without anyone to carry it out', action({ actor: null }), facts(), 'ACTOR_REQUIRED'],
      ['an action by a kind of actor that does not exist', action({ actor: { kind: 'NEIGHBOURHOOD' } }), facts(), 'ACTOR_REQUIRED'],
      ['someone to carry out a goal', goal({ actor: { kind: 'MEMBER', memberId: MARIEKE } }), facts(), 'ACTOR_NOT_FOR_KIND'],
      ['someone to carry out the family\'s words', words({ actor: { kind: 'NETWORK', name: 'Oma' } }), facts(), 'ACTOR_NOT_FOR_KIND'],
      ['someone to carry out the review date', review({ actor: { kind: 'ORGANISATION' } }), byJeugdhulp(), 'ACTOR_NOT_FOR_KIND'],
      ['a member assigning an action to an organisation', action({ actor: { kind: 'ORGANISATION', organisationId: JEUGDHULP } }), facts(), 'ACTOR_NOT_ALLOWED'],
      ['a professional assigning an action to another organisation', orgAction({ actor: { kind: 'ORGANISATION', organisationId: WMO } }), byJeugdhulp(), 'ACTOR_NOT_ALLOWED'],
      ['a professional assigning an action to a member', action(), byJeugdhulp(), 'ACTOR_NOT_ALLOWED'],
      ['a professional assigning an action to the family\'s network', network('Oma Truus'), byJeugdhulp(), 'ACTOR_NOT_ALLOWED'],
      ['an action of an organisation not involved today', orgAction(), facts({ writer: asProfessional(SCHULDHULP), whyNot: 'NOT_FOR_WRITER' }), 'ACTOR_NOT_INVOLVED'],
      ['an action by a member of another family', action({ actor: { kind: 'MEMBER', memberId: 'buurvrouw' } }), facts(), 'NOT_A_MEMBER'],
      ['an action by a member not named', action({ actor: { kind: 'MEMBER' } }), facts(), 'NOT_A_MEMBER'],
      ['the review date without a date', review({ dueOn: null }), byJeugdhulp(), 'REVIEW_DATE_REQUIRED'],
      ['a change of an item this plan does not have', goal({ itemId: 'item-1' }), facts({ current: null }), 'UNKNOWN_ITEM'],
      ['a goal turned into an action', action({ itemId: 'item-1' }), facts({ current: { kind: 'GOAL', sourceOrganisationId: null } }), 'KIND_CHANGED'],
      ['the family\'s words turned into a goal', goal({ itemId: 'item-1' }), facts({ current: { kind: 'WORDS', sourceOrganisationId: null } }), 'KIND_CHANGED'],
      ['a member changing a goal a professional proposed', goal({ itemId: 'item-1' }), facts({ current: { kind: 'GOAL', sourceOrganisationId: JEUGDHULP } }), 'NOT_YOURS'],
      ['a professional changing the family\'s goal', goal({ itemId: 'item-1' }), byJeugdhulp({ current: { kind: 'GOAL', sourceOrganisationId: null } }), 'NOT_YOURS'],
      ['a professional changing another organisation\'s action', orgAction({ itemId: 'item-1' }), byJeugdhulp({ current: { kind: 'ACTION', sourceOrganisationId: WMO } }), 'NOT_YOURS'],
    ] as const)('%s', (_case, request, given, refusal) => {
      expect(refusalOf(request, given)).toBe(refusal);
    });

    it.each([
      ['a member writing outside their reach', goal({ subjectMemberIds: [SANNE] }), facts({ mayWrite: false, whyNot: 'OUTSIDE_REACH' }), 'OUTSIDE_REACH'],
      ['a professional who is not the case director setting the review date', review(), byJeugdhulp({ mayWrite: false, whyNot: 'NOT_CASE_DIRECTOR' }), 'NOT_CASE_DIRECTOR'],
      ['a member setting the review date', review(), facts({ mayWrite: false, whyNot: 'NOT_FOR_WRITER' }), 'NOT_FOR_WRITER'],
      ['a professional writing what the permission table does not let them', words(), byJeugdhulp({ mayWrite: false }), 'NOT_FOR_WRITER'],
    ] as const)('what the permission table refuses, with its reason: %s', (_case, request, given, refusal) => {
      expect(refusalOf(request, given)).toBe(refusal);
    });
  });

  describe('the text: 1 to 2,000 characters, trimmed', () => {
    it.each([
      ['one character', 'x', 'ACCEPTED'],
      ['2,000 characters', 'x'.repeat(2000), 'ACCEPTED'],
      ['2,000 characters with spaces around them', `  ${'x'.repeat(2000)}\n`, 'ACCEPTED'],
      ['no text', '', 'TEXT_LENGTH'],
      ['only white space', ' \n\t ', 'TEXT_LENGTH'],
      ['2,001 characters', 'x'.repeat(2001), 'TEXT_LENGTH'],
    ] as const)('a goal of %s: %s', (_case, text, outcome) => {
      expect(refusalOf(goal({ text }))).toBe(outcome);
    });

    it('stores the text without the white space around it', () => {
      expect(draftOf(goal({ text: '  Lotte slaapt weer door.\n' })).content.text).toBe('Lotte slaapt weer door.');
    });

    it.each([
      ['may be empty', '', 'ACCEPTED'],
      ['may be only white space', '   ', 'ACCEPTED'],
      ['may be 2,000 characters', 'x'.repeat(2000), 'ACCEPTED'],
      ['may not be 2,001 characters', 'x'.repeat(2001), 'TEXT_LENGTH'],
    ] as const)('the review date\'s text %s', (_case, text, outcome) => {
      expect(refusalOf(review({ text }), byJeugdhulp())).toBe(outcome);
    });
  });

  describe('a person of the family\'s network: a name of 1 to 200 characters, trimmed', () => {
    it.each([
      ['one character', 'O', 'ACCEPTED'],
      ['200 characters', 'o'.repeat(200), 'ACCEPTED'],
      ['no name', null, 'NETWORK_PERSON_LENGTH'],
      ['an empty name', '', 'NETWORK_PERSON_LENGTH'],
      ['only white space', '   ', 'NETWORK_PERSON_LENGTH'],
      ['201 characters', 'o'.repeat(201), 'NETWORK_PERSON_LENGTH'],
    ] as const)('%s: %s', (_case, name, outcome) => {
      expect(refusalOf(network(name))).toBe(outcome);
    });

    it('is stored sealed with the content, trimmed, and not as a member or an organisation', () => {
      const draft = draftOf(network('  Oma Truus  '));
      expect(draft.actor).toEqual({ kind: 'NETWORK', organisationId: null, memberId: null });
      expect(draft.content.networkPerson).toBe('Oma Truus');
    });
  });

  describe('the due date: a real calendar date, YYYY-MM-DD', () => {
    it.each([
      ['a date', '2027-02-28', 'ACCEPTED'],
      ['29 February in a leap year', '2028-02-29', 'ACCEPTED'],
      ['30 February', '2027-02-30', 'DUE_DATE'],
      ['29 February in a common year', '2027-02-29', 'DUE_DATE'],
      ['a 13th month', '2027-13-01', 'DUE_DATE'],
      ['day 0', '2027-03-00', 'DUE_DATE'],
      ['a date without leading zeros', '2027-3-1', 'DUE_DATE'],
      ['a Dutch-ordered date', '01-03-2027', 'DUE_DATE'],
      ['a date with a time', '2027-03-01T00:00:00Z', 'DUE_DATE'],
      ['an empty date', '', 'DUE_DATE'],
    ] as const)('an action due on %s: %s', (_case, dueOn, outcome) => {
      expect(refusalOf(action({ dueOn }))).toBe(outcome);
    });

    it('is checked on the review date too', () => {
      expect(refusalOf(review({ dueOn: '2027-02-30' }), byJeugdhulp())).toBe('DUE_DATE');
    });

    it('is not required for an action', () => {
      expect(draftOf(action({ dueOn: null })).content.dueOn).toBeNull();
    });
  });

  describe('accepts', () => {
    it('a member\'s own words about their reach, about the plan only, written by the family', () => {
      expect(draftOf(words())).toEqual({
        kind: 'WORDS',
        subjectMemberIds: [LOTTE, MARIEKE],
        category: DataCategory.SHARED_PLAN,
        sourceOrganisationId: null,
        actor: null,
        content: { text: 'Wij willen weer rust in huis.', status: null, dueOn: null, networkPerson: null },
      });
    });

    it('a member\'s goal touching a category, OPEN unless said otherwise', () => {
      expect(draftOf(goal({ category: DataCategory.FINANCES }))).toEqual({
        kind: 'GOAL',
        subjectMemberIds: [LOTTE],
        category: DataCategory.FINANCES,
        sourceOrganisationId: null,
        actor: null,
        content: { text: 'Lotte gaat weer graag naar school.', status: 'OPEN', dueOn: null, networkPerson: null },
      });
    });

    it('a member\'s action carried out by a member of the family, PLANNED unless said otherwise', () => {
      expect(draftOf(action({ actor: { kind: 'MEMBER', memberId: 'JOHAN' }, dueOn: '2026-09-01' }))).toEqual({
        kind: 'ACTION',
        subjectMemberIds: [LOTTE],
        category: DataCategory.SHARED_PLAN,
        sourceOrganisationId: null,
        actor: { kind: 'MEMBER', organisationId: null, memberId: JOHAN },
        content: { text: 'Elke ochtend samen naar school fietsen.', status: 'PLANNED', dueOn: '2026-09-01', networkPerson: null },
      });
    });

    it.each([
      ['a goal reached', goal({ status: 'REACHED' }), 'REACHED'],
      ['a goal dropped', goal({ status: 'DROPPED' }), 'DROPPED'],
      ['an action done', action({ status: 'DONE' }), 'DONE'],
      ['an action cancelled', action({ status: 'CANCELLED' }), 'CANCELLED'],
    ] as const)('a status of its kind: %s', (_case, request, status) => {
      expect(draftOf(request).content.status).toBe(status);
    });

    it('a professional\'s proposed goal, as their organisation\'s', () => {
      const draft = draftOf(goal({ category: DataCategory.CARE_TRAJECTORY }), byJeugdhulp());
      expect(draft).toMatchObject({ kind: 'GOAL', sourceOrganisationId: JEUGDHULP, category: DataCategory.CARE_TRAJECTORY, actor: null });
      expect(draft.content.status).toBe('OPEN');
    });

    it.each([
      ['naming no organisation: their own', { kind: 'ORGANISATION' }],
      ['naming their own organisation', { kind: 'ORGANISATION', organisationId: JEUGDHULP }],
      ['naming their own organisation in capitals', { kind: 'ORGANISATION', organisationId: JEUGDHULP.toUpperCase() }],
    ] as const)('a professional\'s action of their own organisation, %s', (_case, actor) => {
      const draft = draftOf(orgAction({ actor }), byJeugdhulp());
      expect(draft).toMatchObject({ kind: 'ACTION', sourceOrganisationId: JEUGDHULP, actor: { kind: 'ORGANISATION', organisationId: JEUGDHULP, memberId: null } });
      expect(draft.content).toEqual({ text: 'Gesprek met de school plannen.', status: 'PLANNED', dueOn: null, networkPerson: null });
    });

    it('the review date, by the case director: about every member and the plan alone, whatever was asked', () => {
      const draft = draftOf(review({ subjectMemberIds: [LOTTE], category: DataCategory.FINANCES }), byJeugdhulp());
      expect(draft).toEqual({
        kind: 'REVIEW',
        subjectMemberIds: [...FAMILY].sort(),
        category: DataCategory.SHARED_PLAN,
        sourceOrganisationId: JEUGDHULP,
        actor: null,
        content: { text: 'Evaluatie met het hele gezin', status: null, dueOn: '2027-03-01', networkPerson: null },
      });
    });

    it('subjects named in any case and more than once, as a sorted list of ids in lower case', () => {
      expect(draftOf(goal({ subjectMemberIds: ['LOTTE', DAAN, 'Lotte', 'Daan'] })).subjectMemberIds).toEqual([DAAN, LOTTE]);
    });

    it('a family whose ids are stored in capitals: compared in lower case', () => {
      expect(draftOf(goal({ subjectMemberIds: [LOTTE] }), facts({ familyMemberIds: FAMILY.map((id) => id.toUpperCase()) })).subjectMemberIds).toEqual([LOTTE]);
    });

    it('a member changing the family\'s goal, keeping its kind', () => {
      const draft = draftOf(goal({ itemId: 'item-1', status: 'REACHED' }), facts({ current: { kind: 'GOAL', sourceOrganisationId: null } }));
      expect(draft).toMatchObject({ kind: 'GOAL', sourceOrganisationId: null });
      expect(draft.content.status).toBe('REACHED');
    });

    it('a professional changing their own organisation\'s action', () => {
      const draft = draftOf(orgAction({ itemId: 'item-1', status: 'DONE' }), byJeugdhulp({ current: { kind: 'ACTION', sourceOrganisationId: JEUGDHULP } }));
      expect(draft).toMatchObject({ kind: 'ACTION', sourceOrganisationId: JEUGDHULP });
      expect(draft.content.status).toBe('DONE');
    });

    it('a null item id as a new item, even when the plan has none to change', () => {
      expect(refusalOf(goal({ itemId: null }), facts({ current: null }))).toBe('ACCEPTED');
    });
  });

  describe('after a handover of case direction (DESIGN.md §9, "Case direction")', () => {
    // A handover always goes to another involved organisation (transfer-case-direction.ts), and
    // the permission table lets only the case director write the review date.
    it('the new case director may change the review date the previous one set', () => {
      const reviewByWmo = { kind: 'REVIEW', sourceOrganisationId: WMO } as const;
      expect(refusalOf(review({ itemId: 'review-1', dueOn: '2027-06-01' }), byJeugdhulp({ current: reviewByWmo }))).toBe('ACCEPTED');
    });
  });
});
