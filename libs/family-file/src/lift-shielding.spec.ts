import { liftShielding, type LiftShieldingFacts } from './lift-shielding';

const REASON = 'Het onderzoek is afgerond; vader mag het weten.';
const facts = (over: Partial<LiftShieldingFacts> = {}): LiftShieldingFacts => ({
  involvementOrganisationId: 'vt',
  callerOrganisationId: 'vt',
  statutoryTask: true,
  mayShield: true,
  liftedAt: null,
  ...over,
});

describe('lifting a shielding (docs/circle.md)', () => {
  it('lifts a shielding in force, with the reason trimmed', () => {
    expect(liftShielding(`\n ${REASON}  `, facts())).toEqual({ ok: true, reason: REASON });
  });

  it.each([
    ['a reason under 10 characters', 'klaar', facts(), 'REASON_LENGTH'],
    ['a reason over 2000 characters', 'x'.repeat(2001), facts(), 'REASON_LENGTH'],
    ['another organisation\'s shielding', REASON, facts({ mayShield: false, callerOrganisationId: 'wmo' }), 'NOT_OWN_INVOLVEMENT'],
    ['an organisation without a statutory task', REASON, facts({ mayShield: false, statutoryTask: false }), 'NO_STATUTORY_TASK'],
    ['a caller who does not work with families', REASON, facts({ mayShield: false }), 'NOT_CASEWORK'],
    ['a shielding lifted already', REASON, facts({ liftedAt: new Date('2026-06-01T10:00:00Z') }), 'ALREADY_LIFTED'],
  ] as const)('is refused for %s', (_case, reason, given, refusal) => {
    expect(liftShielding(reason, given)).toEqual({ ok: false, refusal });
  });

  it('says who may not lift before saying it was lifted already: the permission first', () => {
    expect(liftShielding(REASON, facts({ mayShield: false, callerOrganisationId: 'wmo', liftedAt: new Date() }))).toEqual({ ok: false, refusal: 'NOT_OWN_INVOLVEMENT' });
  });
});
