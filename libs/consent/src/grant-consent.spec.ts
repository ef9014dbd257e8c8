import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';
import type { SubjectFacts } from './consent-capacity';
import { SignatureCapacity } from './consent-signature.entity';
import { checkConsentTerms, grantConsent, type ConsentTerms, type GrantConsentFacts } from './grant-consent';

const NOW = new Date('2026-05-12T10:00:00Z');
const MARIEKE = 'marieke';
const JOHAN = 'johan';
/** Tim turns 16 on 12 May 2026; Marieke holds authority over him, Johan does not. */
const TIM: SubjectFacts = { memberId: 'tim', birthDate: '2010-05-12', authorityHolders: new Set([MARIEKE]) };
const TIM_AT_15: SubjectFacts = { ...TIM, birthDate: '2010-05-13' };
const NOOR_AT_11: SubjectFacts = { memberId: 'noor', birthDate: '2014-05-13', authorityHolders: new Set([MARIEKE]) };
const MARIEKE_HERSELF: SubjectFacts = { memberId: MARIEKE, birthDate: '1988-02-10', authorityHolders: new Set() };

const terms = (overrides: Partial<ConsentTerms> = {}): ConsentTerms => ({
  subjectMemberId: TIM.memberId,
  recipientDomain: Domain.YOUTH_CARE,
  categories: [DataCategory.CONTACT],
  purposes: ['CARE_COORDINATION'],
  validUntil: new Date('2026-11-12T10:00:00Z'),
  ...overrides,
});
const known = (code: string) => code === 'CARE_COORDINATION' || code === 'CHILD_PROTECTION';

describe('checkConsentTerms: what a consent may say', () => {
  it.each<[string, Partial<ConsentTerms>, string | null]>([
    ['a recipient domain alone is enough', {}, null],
    ['a recipient organisation alone is enough', { recipientDomain: null, recipientOrganisationId: 'org' }, null],
    ['both an organisation and a domain is refused', { recipientOrganisationId: 'org' }, 'RECIPIENT_NOT_EXACTLY_ONE'],
    ['neither is refused', { recipientDomain: null }, 'RECIPIENT_NOT_EXACTLY_ONE'],
    ['no categories is refused', { categories: [] }, 'NO_CATEGORIES'],
    ['no purposes is refused', { purposes: [] }, 'NO_PURPOSES'],
    ['a purpose outside the catalogue is refused', { purposes: ['CARE_COORDINATION', 'MARKETING'] }, 'UNKNOWN_PURPOSE'],
    ['starting five minutes ago is within the clock skew allowed', { validFrom: new Date(NOW.getTime() - 5 * 60_000) }, null],
    ['starting five minutes and a millisecond ago lies in the past', { validFrom: new Date(NOW.getTime() - 5 * 60_000 - 1) }, 'VALID_FROM_IN_THE_PAST'],
    ['ending when it starts is refused', { validFrom: NOW, validUntil: NOW }, 'VALID_UNTIL_NOT_AFTER_VALID_FROM'],
    ['exactly twelve months is allowed', { validUntil: new Date('2027-05-12T10:00:00Z') }, null],
    ['twelve months and a millisecond is refused', { validUntil: new Date('2027-05-12T10:00:00.001Z') }, 'VALIDITY_OVER_TWELVE_MONTHS'],
    ['twelve months count from validFrom, not from now', { validFrom: new Date('2026-06-01T00:00:00Z'), validUntil: new Date('2027-06-01T00:00:00Z') }, null],
  ])('%s', (_rule, overrides, refusal) => {
    expect(checkConsentTerms(terms(overrides), NOW, known)?.reason ?? null).toBe(refusal);
  });

  it('names the purpose it does not know', () => {
    expect(checkConsentTerms(terms({ purposes: ['MARKETING'] }), NOW, known)).toEqual({ reason: 'UNKNOWN_PURPOSE', purpose: 'MARKETING' });
  });
});

describe('grantConsent: who may grant a consent about whom', () => {
  const facts = (overrides: Partial<GrantConsentFacts>): GrantConsentFacts => ({ terms: terms(), grantorMemberId: MARIEKE, subject: TIM, recipientOrganisationRegistered: false, now: NOW, ...overrides });
  const refusalOf = (overrides: Partial<GrantConsentFacts>) => {
    const decision = grantConsent(facts(overrides));
    return decision.ok ? null : decision.refusal.reason;
  };

  it.each<[string, Partial<GrantConsentFacts>, string | null]>([
    ['a parent with authority grants for an 11-year-old', { subject: NOOR_AT_11, grantorMemberId: MARIEKE }, null],
    ['an 11-year-old cannot grant for themselves', { subject: NOOR_AT_11, grantorMemberId: NOOR_AT_11.memberId }, 'NOT_A_DECIDER'],
    ['a 15-year-old grants, to be co-signed', { subject: TIM_AT_15, grantorMemberId: TIM.memberId }, null],
    ['a parent with authority grants for a 15-year-old, to be co-signed', { subject: TIM_AT_15, grantorMemberId: MARIEKE }, null],
    ['a 16-year-old grants alone', { subject: TIM, grantorMemberId: TIM.memberId }, null],
    ['a parent no longer grants for a 16-year-old: the authority has lapsed', { subject: TIM, grantorMemberId: MARIEKE }, 'NOT_A_DECIDER'],
    ['a parent without authority never grants', { subject: NOOR_AT_11, grantorMemberId: JOHAN }, 'NOT_A_DECIDER'],
    ['an adult grants about themselves', { subject: MARIEKE_HERSELF, grantorMemberId: MARIEKE }, null],
    ['a member not in the family is not found', { subject: undefined }, 'SUBJECT_NOT_FOUND'],
    ['an unreadable birth date leaves open who decides, so nobody does', { subject: { ...NOOR_AT_11, birthDate: null } }, 'BIRTH_DATE_UNREADABLE'],
    ['a recipient organisation must be registered', { subject: NOOR_AT_11, terms: terms({ recipientDomain: null, recipientOrganisationId: 'org' }) }, 'RECIPIENT_NOT_REGISTERED'],
    ['a registered recipient organisation is accepted', { subject: NOOR_AT_11, terms: terms({ recipientDomain: null, recipientOrganisationId: 'org' }), recipientOrganisationRegistered: true }, null],
  ])('%s', (_rule, overrides, refusal) => {
    expect(refusalOf(overrides)).toBe(refusal);
  });

  it('the 16th birthday begins at midnight in Amsterdam: at 23:59:59.999 the evening before a parent still grants', () => {
    expect(refusalOf({ subject: TIM, grantorMemberId: MARIEKE, now: new Date('2026-05-11T21:59:59.999Z') })).toBeNull();
    expect(refusalOf({ subject: TIM, grantorMemberId: MARIEKE, now: new Date('2026-05-11T22:00:00Z') })).toBe('NOT_A_DECIDER');
  });

  it('the grant is the consent to store and the grantor\'s first signature, in their capacity', () => {
    const decision = grantConsent(facts({ subject: NOOR_AT_11, terms: terms({ subjectMemberId: 'noor', categories: [DataCategory.CONTACT, DataCategory.CONTACT], purposes: ['CARE_COORDINATION', 'CARE_COORDINATION'] }) }));

    expect(decision).toEqual({
      ok: true,
      consent: {
        subjectMemberId: 'noor',
        recipientOrganisationId: null,
        recipientDomain: Domain.YOUTH_CARE,
        categories: [DataCategory.CONTACT],
        purposes: ['CARE_COORDINATION'],
        validFrom: NOW,
        validUntil: new Date('2026-11-12T10:00:00Z'),
        grantedByMemberId: MARIEKE,
      },
      signature: { memberId: MARIEKE, capacity: SignatureCapacity.PARENT_WITH_AUTHORITY, signedAt: NOW },
    });
  });

  it('a subject who grants signs as the subject', () => {
    const decision = grantConsent(facts({ subject: TIM, grantorMemberId: TIM.memberId }));

    expect(decision.ok && decision.signature.capacity).toBe(SignatureCapacity.SUBJECT);
  });
});
