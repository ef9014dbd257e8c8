import { DataCategory } from '@kring/family-file';
import { BlockingKind, EscalationKind } from './escalation-vocabulary';
import { raiseEscalation, type RaiseEscalationFacts, type RaiseEscalationRequest } from './raise-escalation';

const MOTHER = 'aaaaaaaa-0000-4000-8000-000000000001';
const CHILD = 'aaaaaaaa-0000-4000-8000-000000000002';
const FATHER = 'aaaaaaaa-0000-4000-8000-000000000003';
const ORGANISATION = 'bbbbbbbb-0000-4000-8000-000000000001';

const request = (overrides: Partial<RaiseEscalationRequest> = {}): RaiseEscalationRequest => ({
  kind: EscalationKind.STUCK,
  subjectMemberIds: [MOTHER],
  blockingKind: BlockingKind.SCHEME,
  blocks: 'De wachtlijst voor budgetcoaching is 14 weken.',
  tried: 'Twee keer gebeld, voorrang gevraagd.',
  category: DataCategory.FINANCES,
  ...overrides,
});
const professional = (overrides: Partial<RaiseEscalationFacts> = {}): RaiseEscalationFacts => ({
  raiser: { kind: 'PROFESSIONAL', professionalId: 'p', organisationId: ORGANISATION },
  familyMemberIds: [MOTHER, CHILD, FATHER],
  mayRaise: true,
  blockingOrganisationKnown: null,
  closedToRaiser: null,
  today: '2026-12-04',
  decisionWorkingDays: 10,
  ...overrides,
});
const member = (overrides: Partial<RaiseEscalationFacts> = {}) => professional({ raiser: { kind: 'MEMBER', memberId: MOTHER, reach: new Set([MOTHER, CHILD]) }, ...overrides });
const refusalOf = (decision: ReturnType<typeof raiseEscalation>) => (decision.ok ? 'OK' : decision.refusal);

describe('raiseEscalation', () => {
  it('a professional raises one in the category they choose; its deadline is 10 working days after today', () => {
    const decision = raiseEscalation(request({ blocks: '  De wachtlijst voor budgetcoaching is 14 weken.  ' }), professional());

    expect(decision).toEqual({
      ok: true,
      draft: { kind: 'STUCK', subjectMemberIds: [MOTHER], category: 'FINANCES', blockingKind: 'SCHEME', blockingOrganisationId: null, blocks: 'De wachtlijst voor budgetcoaching is 14 weken.', tried: 'Twee keer gebeld, voorrang gevraagd.', dueOn: '2026-12-18' },
    });
  });

  it('a member raises one about their reach, in their own words (OWN_WORDS), whatever category they send', () => {
    const decision = raiseEscalation(request({ subjectMemberIds: [CHILD, MOTHER], category: null }), member());

    expect(decision.ok && decision.draft).toMatchObject({ category: 'OWN_WORDS', subjectMemberIds: [MOTHER, CHILD].sort() });
  });

  it.each<[string, Partial<RaiseEscalationRequest>, Partial<RaiseEscalationFacts> | 'member', string]>([
    ['the permission table says no', {}, { mayRaise: false }, 'NOT_ALLOWED'],
    ['nobody named', { subjectMemberIds: [] }, {}, 'NO_SUBJECTS'],
    ['someone of another family', { subjectMemberIds: ['cccccccc-0000-4000-8000-000000000009'] }, {}, 'NOT_A_MEMBER'],
    ['a member names someone outside their reach (the other parent)', { subjectMemberIds: [FATHER] }, 'member', 'NOT_IN_REACH'],
    ['a professional without a category', { category: null }, {}, 'CATEGORY_NOT_FOR_ESCALATION'],
    ['a professional in NATIONAL_ID', { category: DataCategory.NATIONAL_ID }, {}, 'CATEGORY_NOT_FOR_ESCALATION'],
    ['ORGANISATION without naming one', { blockingKind: BlockingKind.ORGANISATION }, {}, 'BLOCKING_ORGANISATION'],
    ['an organisation named for a RULE', { blockingOrganisationId: ORGANISATION }, { blockingOrganisationKnown: true }, 'BLOCKING_ORGANISATION'],
    ['an organisation Kring does not know', { blockingKind: BlockingKind.ORGANISATION, blockingOrganisationId: ORGANISATION }, { blockingOrganisationKnown: false }, 'BLOCKING_ORGANISATION'],
    ['what blocks in 9 characters (after trimming)', { blocks: '  123456789  ' }, {}, 'BLOCKS_LENGTH'],
    ['what blocks in 2,001 characters', { blocks: 'x'.repeat(2001) }, {}, 'BLOCKS_LENGTH'],
    ['a stuck situation without what was tried', { tried: null }, {}, 'TRIED_LENGTH'],
    ['what was tried in 9 characters', { tried: '123456789' }, {}, 'TRIED_LENGTH'],
    ['the rule would not let the raiser read it', {}, { closedToRaiser: 'PURPOSE_EXCLUDES_CATEGORY' }, 'CLOSED_TO_RAISER'],
  ])('refuses: %s', (_, asked, facts, refusal) => {
    expect(refusalOf(raiseEscalation(request(asked), facts === 'member' ? member() : professional(facts)))).toBe(refusal);
  });

  it('texts of exactly 10 and 2,000 characters are accepted; a request for another case director needs no "tried"', () => {
    expect(refusalOf(raiseEscalation(request({ blocks: '1234567890', tried: 'y'.repeat(2000) }), professional()))).toBe('OK');
    expect(refusalOf(raiseEscalation(request({ kind: EscalationKind.OTHER_CASE_DIRECTOR, tried: null, category: null, blockingKind: BlockingKind.OTHER }), member()))).toBe('OK');
  });

  it('names the blocking organisation in lower case when what blocks is an organisation', () => {
    const decision = raiseEscalation(request({ blockingKind: BlockingKind.ORGANISATION, blockingOrganisationId: ORGANISATION.toUpperCase() }), professional({ blockingOrganisationKnown: true }));

    expect(decision.ok && decision.draft.blockingOrganisationId).toBe(ORGANISATION);
  });
});
