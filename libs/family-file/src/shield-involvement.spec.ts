import { shieldInvolvement, type ShieldInvolvementFacts } from './shield-involvement';

const REASON = 'Onderzoek loopt; vader mag het nog niet weten.';
const facts = (over: Partial<ShieldInvolvementFacts> = {}): ShieldInvolvementFacts => ({
  involvementOrganisationId: 'vt',
  callerOrganisationId: 'vt',
  statutoryTask: true,
  mayShield: true,
  familyMemberIds: ['father', 'mother'],
  shieldedFrom: [],
  ...over,
});

describe('shielding an involvement from named members (DESIGN.md §9)', () => {
  it('shields it from each member named once, with the reason trimmed', () => {
    expect(shieldInvolvement(`  ${REASON} `, ['FATHER', 'father'], facts())).toEqual({ ok: true, reason: REASON, memberIds: ['father'] });
  });

  it.each([
    ['a reason under 10 characters', 'kort', ['father'], facts(), 'REASON_LENGTH'],
    ['a reason over 2000 characters', 'x'.repeat(2001), ['father'], facts(), 'REASON_LENGTH'],
    ['another organisation\'s involvement', REASON, ['father'], facts({ mayShield: false, callerOrganisationId: 'wmo' }), 'NOT_OWN_INVOLVEMENT'],
    ['an organisation without a statutory task', REASON, ['father'], facts({ mayShield: false, statutoryTask: false }), 'NO_STATUTORY_TASK'],
    ['a caller who does not work with families', REASON, ['father'], facts({ mayShield: false }), 'NOT_CASEWORK'],
    ['no members', REASON, [], facts(), 'NO_MEMBERS'],
    ['someone outside the family', REASON, ['neighbour'], facts(), 'NOT_A_MEMBER'],
    ['a member it is shielded from already', REASON, ['mother', 'father'], facts({ shieldedFrom: ['father'] }), 'ALREADY_SHIELDED'],
  ] as const)('is refused for %s', (_case, reason, members, given, refusal) => {
    expect(shieldInvolvement(reason, members, given)).toEqual({ ok: false, refusal });
  });
});
