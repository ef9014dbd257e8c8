import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';
import type { SubjectFacts } from './consent-capacity';
import { ConsentStatus, consentStatus } from './consent-state';
import { proposeConsent, type ProposeConsentFacts } from './propose-consent';
import { awaitingSignatureFrom, signConsent } from './sign-consent';

const NOW = new Date('2026-05-12T10:00:00Z');
const PARENTS: ReadonlySet<string> = new Set(['marieke', 'johan']);
/** 13 years old: he and a parent sign. */
const DAAN: SubjectFacts = { memberId: 'daan', birthDate: '2012-09-01', authorityHolders: PARENTS };
const DOMAINS: Record<string, readonly Domain[]> = { SUPPORT_PLANNING: [Domain.EDUCATION, Domain.WMO], DEBT_RESOLUTION: [Domain.DEBT_ASSISTANCE] };

const facts = (overrides: Partial<ProposeConsentFacts> = {}, terms: Partial<ProposeConsentFacts['terms']> = {}): ProposeConsentFacts => ({
  terms: { subjectMemberId: DAAN.memberId, recipientOrganisationId: 'school', categories: [DataCategory.CONTACT, DataCategory.CONTACT], purposes: ['SUPPORT_PLANNING'], ...terms },
  subject: DAAN,
  recipientDomain: Domain.EDUCATION,
  purposeDomains: (code) => DOMAINS[code],
  now: NOW,
  ...overrides,
});

describe('proposeConsent: the consent a referral carries', () => {
  it('is a grant\'s terms for twelve months, naming the organisation, with no grantor and no signature', () => {
    const decided = proposeConsent(facts());
    expect(decided).toEqual({
      ok: true,
      consent: { subjectMemberId: 'daan', recipientOrganisationId: 'school', recipientDomain: null, categories: [DataCategory.CONTACT], purposes: ['SUPPORT_PLANNING'], validFrom: NOW, validUntil: new Date('2027-05-12T10:00:00Z') },
    });
  });

  it.each<[string, Partial<ProposeConsentFacts>, Partial<ProposeConsentFacts['terms']>, string]>([
    ['a purpose outside the catalogue', {}, { purposes: ['MARKETING'] }, 'UNKNOWN_PURPOSE'],
    ['a purpose the recipient\'s domain may not use', {}, { purposes: ['SUPPORT_PLANNING', 'DEBT_RESOLUTION'] }, 'PURPOSE_NOT_FOR_RECIPIENT'],
    ['no categories', {}, { categories: [] }, 'NO_CATEGORIES'],
    ['more than twelve months', {}, { validUntil: new Date('2027-05-12T10:00:00.001Z') }, 'VALIDITY_OVER_TWELVE_MONTHS'],
    ['an unregistered recipient', { recipientDomain: null }, {}, 'RECIPIENT_NOT_REGISTERED'],
    ['a member the family does not have', { subject: undefined }, {}, 'SUBJECT_NOT_FOUND'],
    ['a subject whose age cannot be established', { subject: { ...DAAN, birthDate: null } }, {}, 'BIRTH_DATE_UNREADABLE'],
  ])('refuses %s', (_, overrides, terms, reason) => {
    const decided = proposeConsent(facts(overrides, terms));
    expect(decided.ok ? null : decided.refusal.reason).toBe(reason);
  });

  it('a proposed consent is PENDING until the subject and a parent signed, and counts only then', () => {
    const decided = proposeConsent(facts());
    if (!decided.ok) throw new Error('refused');
    const stored = { id: 'c', ...decided.consent, revokedAt: null, signatures: [] as { memberId: string; signedAt: Date }[] };
    expect(consentStatus(stored, DAAN, NOW)).toBe(ConsentStatus.PENDING);
    expect(awaitingSignatureFrom(DAAN, new Set(), '2026-05-12')).toEqual(['daan', 'johan', 'marieke']);
    for (const member of ['daan', 'marieke']) {
      const signed = signConsent(stored, DAAN, member, NOW);
      if (!signed.ok) throw new Error(`${member} may not sign`);
      stored.signatures.push(signed.signature);
      expect(consentStatus(stored, DAAN, NOW)).toBe(member === 'daan' ? ConsentStatus.PENDING : ConsentStatus.ACTIVE);
    }
  });

  it('nobody outside the capacity rule signs it: not a sister, not the professional', () => {
    const decided = signConsent({ id: 'c', subjectMemberId: 'daan', validFrom: NOW, validUntil: new Date('2027-01-01T00:00:00Z'), revokedAt: null, signatures: [] }, DAAN, 'sanne', NOW);
    expect(decided.ok ? null : decided.refusal.reason).toBe('NOT_A_DECIDER');
  });
});
