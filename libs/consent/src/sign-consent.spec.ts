import type { SubjectFacts } from './consent-capacity';
import { SignatureCapacity } from './consent-signature.entity';
import { ConsentStatus, type ConsentFacts } from './consent-state';
import { awaitingSignatureFrom, signConsent } from './sign-consent';

const NOW = new Date('2026-05-12T10:00:00Z');
const MARIEKE = 'marieke';
const JOHAN = 'johan';
/** Tim turns 16 today; Marieke and Johan both hold authority over him. */
const TIM: SubjectFacts = { memberId: 'tim', birthDate: '2010-05-12', authorityHolders: new Set([MARIEKE, JOHAN]) };
const TIM_AT_15: SubjectFacts = { ...TIM, birthDate: '2010-05-13' };
const NOOR_AT_11: SubjectFacts = { memberId: 'noor', birthDate: '2014-05-13', authorityHolders: new Set([MARIEKE]) };

const consent = (overrides: Partial<ConsentFacts> = {}): ConsentFacts => ({
  id: 'c1',
  subjectMemberId: 'tim',
  validFrom: new Date('2026-05-01T00:00:00Z'),
  validUntil: new Date('2026-11-01T00:00:00Z'),
  revokedAt: null,
  signatures: [{ memberId: MARIEKE, signedAt: new Date('2026-05-01T00:00:00Z') }],
  ...overrides,
});

describe('signConsent: who may co-sign, and what', () => {
  it.each<[string, SubjectFacts, string, Partial<ConsentFacts>, string | null]>([
    ['a 15-year-old co-signs their parent\'s consent', TIM_AT_15, 'tim', {}, null],
    ['a second parent with authority may sign for a 15-year-old', TIM_AT_15, JOHAN, {}, null],
    ['a 16-year-old signs their own consent', TIM, 'tim', {}, null],
    ['a parent no longer signs for a 16-year-old', TIM, JOHAN, {}, 'NOT_A_DECIDER'],
    ['an 11-year-old is not asked to sign', NOOR_AT_11, 'noor', { subjectMemberId: 'noor' }, 'NOT_A_DECIDER'],
    ['a revoked consent cannot be signed', TIM_AT_15, 'tim', { revokedAt: new Date('2026-05-10T00:00:00Z') }, 'CONSENT_ENDED'],
    ['an expired consent cannot be signed', TIM_AT_15, 'tim', { validUntil: NOW }, 'CONSENT_ENDED'],
    ['a consent not yet valid can be signed ahead', TIM_AT_15, 'tim', { validFrom: new Date('2026-06-01T00:00:00Z') }, null],
    ['capacity is judged before the state (the first problem is the one named)', TIM, JOHAN, { revokedAt: new Date('2026-05-10T00:00:00Z') }, 'NOT_A_DECIDER'],
    ['an unreadable birth date leaves open who signs', { ...TIM_AT_15, birthDate: null }, 'tim', {}, 'BIRTH_DATE_UNREADABLE'],
  ])('%s', (_rule, subject, memberId, overrides, refusal) => {
    const decision = signConsent(consent(overrides), subject, memberId, NOW);

    expect(decision.ok ? null : decision.refusal.reason).toBe(refusal);
  });

  it('an ended consent names how it ended', () => {
    expect(signConsent(consent({ validUntil: NOW }), TIM_AT_15, 'tim', NOW)).toEqual({ ok: false, refusal: { reason: 'CONSENT_ENDED', status: ConsentStatus.EXPIRED } });
  });

  it('the signature carries the capacity it is given in and the moment', () => {
    expect(signConsent(consent(), TIM_AT_15, 'tim', NOW)).toEqual({ ok: true, signature: { memberId: 'tim', capacity: SignatureCapacity.SUBJECT, signedAt: NOW } });
    expect(signConsent(consent(), TIM_AT_15, JOHAN, NOW)).toEqual({ ok: true, signature: { memberId: JOHAN, capacity: SignatureCapacity.PARENT_WITH_AUTHORITY, signedAt: NOW } });
  });
});

describe('awaitingSignatureFrom: who still has to sign for a consent to count today', () => {
  it.each<[string, SubjectFacts, readonly string[], readonly string[]]>([
    ['under 12, nobody signed: any parent with authority', NOOR_AT_11, [], [MARIEKE]],
    ['under 12, a parent signed: nobody', NOOR_AT_11, [MARIEKE], []],
    ['15, nobody signed: the child and either parent', TIM_AT_15, [], ['tim', JOHAN, MARIEKE]],
    ['15, a parent signed: the child', TIM_AT_15, [MARIEKE], ['tim']],
    ['15, the child signed: either parent', TIM_AT_15, ['tim'], [JOHAN, MARIEKE]],
    ['16, a parent signed: the subject, alone', TIM, [MARIEKE], ['tim']],
    ['16, the subject signed: nobody', TIM, ['tim'], []],
    ['an unreadable birth date: nobody can make it count, so nobody to wait for', { ...TIM, birthDate: null }, [], []],
  ])('%s', (_rule, subject, signers, awaited) => {
    expect(awaitingSignatureFrom(subject, new Set(signers), '2026-05-12')).toEqual(awaited);
  });
});
