import { decideEscalation, type DecideEscalationRequest } from './decide-escalation';
import { escalationStatus, isOverdue } from './escalation-status';
import { takeOnEscalation } from './take-on-escalation';

type Times = { readonly takenOnAt: Date | null; readonly decidedAt: Date | null };

const OPEN: Times = { takenOnAt: null, decidedAt: null };
const TAKEN: Times = { takenOnAt: new Date('2026-12-04T10:00:00Z'), decidedAt: null };
const DECIDED: Times = { takenOnAt: new Date('2026-12-04T10:00:00Z'), decidedAt: new Date('2026-12-07T10:00:00Z') };
const decision = (overrides: Partial<DecideEscalationRequest> = {}): DecideEscalationRequest => ({
  decision: 'Budgetcoaching start volgende week via het sociaal team.',
  setAside: 'De wachtlijstvolgorde van de budgetcoaching.',
  authority: 'Teamleider Wmo, mandaat doorbraakbudget.',
  budgetCents: 150_000,
  ...overrides,
});
const refusalOf = (outcome: { ok: boolean; refusal?: string }) => (outcome.ok ? 'OK' : outcome.refusal);

describe('taking an escalation on', () => {
  it('a team lead of an involved organisation takes an open one on', () => {
    expect(takeOnEscalation({ escalation: OPEN, mayTakeOn: true, shieldedFromRaiser: false })).toEqual({ ok: true });
  });

  it.each([
    ['someone who is not a team lead of an involved organisation', OPEN, false, 'NOT_A_TEAM_LEAD'],
    ['one taken on already', TAKEN, true, 'ALREADY_TAKEN_ON'],
    ['one decided already', DECIDED, true, 'ALREADY_TAKEN_ON'],
  ])('refuses %s', (_, escalation, mayTakeOn, refusal) => {
    expect(refusalOf(takeOnEscalation({ escalation, mayTakeOn, shieldedFromRaiser: false }))).toBe(refusal);
  });

  it('refuses a team lead of an organisation shielded from the member who raised it', () => {
    expect(refusalOf(takeOnEscalation({ escalation: OPEN, mayTakeOn: true, shieldedFromRaiser: true }))).toBe('SHIELDED_FROM_RAISER');
  });
});

describe('deciding an escalation', () => {
  it('the team lead who took it on records the decision, trimmed; what is set aside and the budget are optional', () => {
    expect(decideEscalation(decision({ decision: '  Budgetcoaching start volgende week via het sociaal team.  ' }), { escalation: TAKEN, mayDecide: true })).toEqual({
      ok: true,
      draft: { decision: 'Budgetcoaching start volgende week via het sociaal team.', setAside: 'De wachtlijstvolgorde van de budgetcoaching.', authority: 'Teamleider Wmo, mandaat doorbraakbudget.', budgetCents: 150_000 },
    });
    expect(decideEscalation(decision({ setAside: null, budgetCents: null }), { escalation: TAKEN, mayDecide: true })).toMatchObject({ ok: true, draft: { setAside: null, budgetCents: null } });
  });

  it.each<[string, Times, boolean, Partial<DecideEscalationRequest>, string]>([
    ['one nobody took on', OPEN, true, {}, 'NOT_TAKEN_ON'],
    ['one decided already (a decision is final)', DECIDED, true, {}, 'ALREADY_DECIDED'],
    ['by a team lead of another organisation', TAKEN, false, {}, 'NOT_YOURS'],
    ['a decision of 9 characters', TAKEN, true, { decision: '123456789' }, 'DECISION_LENGTH'],
    ['what is set aside in 2,001 characters', TAKEN, true, { setAside: 'x'.repeat(2001) }, 'SET_ASIDE_LENGTH'],
    ['no authority', TAKEN, true, { authority: '' }, 'AUTHORITY_LENGTH'],
    ['a negative budget', TAKEN, true, { budgetCents: -1 }, 'BUDGET_RANGE'],
    ['a budget over a million euro', TAKEN, true, { budgetCents: 100_000_001 }, 'BUDGET_RANGE'],
    ['a budget in fractions of a cent', TAKEN, true, { budgetCents: 10.5 }, 'BUDGET_RANGE'],
  ])('refuses %s', (_, escalation, mayDecide, asked, refusal) => {
    expect(refusalOf(decideEscalation(decision(asked), { escalation, mayDecide }))).toBe(refusal);
  });

  it('a budget of 0 and of exactly a million euro are accepted', () => {
    expect(refusalOf(decideEscalation(decision({ budgetCents: 0 }), { escalation: TAKEN, mayDecide: true }))).toBe('OK');
    expect(refusalOf(decideEscalation(decision({ budgetCents: 100_000_000 }), { escalation: TAKEN, mayDecide: true }))).toBe('OK');
  });
});

describe('status and deadline', () => {
  it('open, taken on, decided', () => {
    expect([OPEN, TAKEN, DECIDED].map(escalationStatus)).toEqual(['OPEN', 'TAKEN_ON', 'DECIDED']);
  });

  it('overdue from the day after its last day, until decided', () => {
    expect(isOverdue({ ...TAKEN, dueOn: '2026-12-18' }, '2026-12-18')).toBe(false);
    expect(isOverdue({ ...TAKEN, dueOn: '2026-12-18' }, '2026-12-19')).toBe(true);
    expect(isOverdue({ ...OPEN, dueOn: '2026-12-18' }, '2026-12-21')).toBe(true);
    expect(isOverdue({ ...DECIDED, dueOn: '2026-12-18' }, '2027-01-04')).toBe(false);
  });
});
