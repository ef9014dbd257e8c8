import type { SubjectFacts } from './consent-capacity';
import { revokeConsent } from './revoke-consent';

const NOW = new Date('2026-05-12T10:00:00Z');
const MARIEKE = 'marieke';
/** Tim turns 16 today; Marieke holds authority over him. */
const TIM: SubjectFacts = { memberId: 'tim', birthDate: '2010-05-12', authorityHolders: new Set([MARIEKE]) };
const TIM_AT_15: SubjectFacts = { ...TIM, birthDate: '2010-05-13' };
const OPEN = { revokedAt: null };

describe('revokeConsent: who may revoke, and what changes', () => {
  it.each<[string, SubjectFacts, string, string | null, string | null]>([
    ['a parent with authority revokes for a 15-year-old', TIM_AT_15, MARIEKE, null, null],
    ['a 15-year-old revokes their own consent', TIM_AT_15, 'tim', null, null],
    ['a parent no longer revokes for a 16-year-old: the authority has lapsed', TIM, MARIEKE, null, 'NOT_A_DECIDER'],
    ['a 16-year-old revokes alone', TIM, 'tim', null, null],
    ['a sibling never revokes', TIM_AT_15, 'sanne', null, 'NOT_A_DECIDER'],
    ['a reason of 1000 characters is accepted', TIM, 'tim', 'x'.repeat(1000), null],
    ['a reason of 1001 characters is too long', TIM, 'tim', 'x'.repeat(1001), 'REASON_TOO_LONG'],
    ['an unreadable birth date leaves open who revokes', { ...TIM, birthDate: null }, 'tim', null, 'BIRTH_DATE_UNREADABLE'],
  ])('%s', (_rule, subject, memberId, reason, refusal) => {
    const decision = revokeConsent(OPEN, subject, memberId, reason, NOW);

    expect(decision.ok ? null : decision.refusal.reason).toBe(refusal);
  });

  it('revoking takes effect at once and records who and why', () => {
    expect(revokeConsent(OPEN, TIM, 'tim', 'Ik wil dit niet meer.', NOW)).toEqual({ ok: true, revocation: { revokedAt: NOW, revokedByMemberId: 'tim', reason: 'Ik wil dit niet meer.' } });
  });

  it('an empty reason is no reason', () => {
    expect(revokeConsent(OPEN, TIM, 'tim', '', NOW)).toEqual({ ok: true, revocation: { revokedAt: NOW, revokedByMemberId: 'tim', reason: null } });
  });

  it('revoking a revoked consent changes nothing: the first revocation stands', () => {
    expect(revokeConsent({ revokedAt: new Date('2026-05-01T00:00:00Z') }, TIM, 'tim', 'Nog een keer.', NOW)).toEqual({ ok: true, revocation: null });
  });
});
