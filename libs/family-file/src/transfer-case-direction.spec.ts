import { transferCaseDirection, type HandoverInvolvement, type TransferCaseDirectionFacts } from './transfer-case-direction';

const TODAY = '2026-06-01';
const wmo: HandoverInvolvement = { id: 'i-wmo', organisationId: 'wmo', startsOn: '2026-01-01', endsOn: null, caseDirection: true };
const youth: HandoverInvolvement = { id: 'i-youth', organisationId: 'youth', startsOn: '2026-02-01', endsOn: null, caseDirection: false };
const debt: HandoverInvolvement = { id: 'i-debt', organisationId: 'debt', startsOn: '2025-01-01', endsOn: TODAY, caseDirection: false };
const NOTE = 'Daan heeft nu vooral jeugdhulp nodig.';
const facts = (over: Partial<TransferCaseDirectionFacts> = {}): TransferCaseDirectionFacts => ({
  involvements: [wmo, youth, debt],
  today: TODAY,
  mayTransfer: true,
  target: { organisationId: 'youth', worksWithFamilies: true },
  ...over,
});

describe('handing over case direction (DESIGN.md §9)', () => {
  it('goes from the involvement holding case direction to the new case director\'s organisation, with the note trimmed', () => {
    expect(transferCaseDirection(`  ${NOTE}  `, facts())).toEqual({ ok: true, note: NOTE, from: wmo, to: youth });
  });

  it.each([
    ['a note under 10 characters', 'kort', facts(), 'NOTE_LENGTH'],
    ['a note over 4000 characters', 'x'.repeat(4001), facts(), 'NOTE_LENGTH'],
    ['a caller the permission table does not let hand over', NOTE, facts({ mayTransfer: false }), 'NOT_CASE_DIRECTOR'],
    ['a family where nobody holds case direction', NOTE, facts({ involvements: [{ ...wmo, caseDirection: false }, youth] }), 'NOT_CASE_DIRECTOR'],
    ['a case direction whose involvement ended', NOTE, facts({ involvements: [{ ...wmo, endsOn: TODAY }, youth] }), 'NOT_CASE_DIRECTOR'],
    ['a new case director at the directing organisation itself', NOTE, facts({ target: { organisationId: 'wmo', worksWithFamilies: true } }), 'TARGET_NOT_INVOLVED'],
    ['a new case director at an organisation no longer involved', NOTE, facts({ target: { organisationId: 'debt', worksWithFamilies: true } }), 'TARGET_NOT_INVOLVED'],
    ['a new case director who does not work with families (an officer)', NOTE, facts({ target: { organisationId: 'youth', worksWithFamilies: false } }), 'TARGET_NOT_INVOLVED'],
    ['an unknown new case director', NOTE, facts({ target: null }), 'TARGET_NOT_INVOLVED'],
  ] as const)('is refused for %s', (_case, note, given, refusal) => {
    expect(transferCaseDirection(note, given)).toEqual({ ok: false, refusal });
  });
});
