import { acceptReferral, declineReferral, withdrawReferral } from './answer-referral';
import { referToService, type ReferToServiceFacts } from './refer-to-service';
import { ReferralStatus } from './referral-vocabulary';

const WMO = 'wmo';
const SCHOOL = 'school';
const facts = (overrides: Partial<ReferToServiceFacts> = {}): ReferToServiceFacts => ({
  mayRefer: true,
  referringOrganisationId: WMO,
  familyMemberIds: ['daan', 'lotte'],
  service: { organisationId: SCHOOL, withdrawn: false, waitingWeeks: 2, waitingStatedOn: '2026-05-01' },
  involvedOrganisationIds: [WMO],
  alreadyProposed: false,
  ...overrides,
});

describe('referToService: who refers whom to what', () => {
  it('refers a member of the family to another organisation\'s service, keeping its waiting time of today and the note trimmed', () => {
    expect(referToService({ memberId: 'DAAN', note: '  Graag contact met school.  ' }, facts())).toEqual({
      ok: true,
      draft: { subjectMemberId: 'daan', receivingOrganisationId: SCHOOL, note: 'Graag contact met school.', waitingWeeks: 2, waitingStatedOn: '2026-05-01' },
    });
  });

  it('a blank note is no note', () => {
    const decided = referToService({ memberId: 'daan', note: '   ' }, facts());
    expect(decided.ok && decided.draft.note).toBeNull();
  });

  it.each<[string, Partial<ReferToServiceFacts>, string, string]>([
    ['a caller the permission table does not let refer', { mayRefer: false }, 'daan', 'NOT_ALLOWED'],
    ['someone who is not a member of the family', {}, 'sanne', 'NOT_A_MEMBER'],
    ['a service the map does not have', { service: undefined }, 'daan', 'UNKNOWN_SERVICE'],
    ['a withdrawn service', { service: { organisationId: SCHOOL, withdrawn: true, waitingWeeks: null, waitingStatedOn: null } }, 'daan', 'SERVICE_WITHDRAWN'],
    ['a service of the referrer\'s own organisation', { service: { organisationId: WMO, withdrawn: false, waitingWeeks: null, waitingStatedOn: null } }, 'daan', 'OWN_ORGANISATION'],
    ['a service of an organisation involved today', { involvedOrganisationIds: [WMO, SCHOOL] }, 'daan', 'ALREADY_INVOLVED'],
    ['a second proposed referral of the member to the same service', { alreadyProposed: true }, 'daan', 'ALREADY_PROPOSED'],
  ])('refuses %s', (_, overrides, memberId, refusal) => {
    const decided = referToService({ memberId }, facts(overrides));
    expect(decided.ok ? null : decided.refusal).toBe(refusal);
  });

  it('refuses a note over 2,000 characters', () => {
    const decided = referToService({ memberId: 'daan', note: 'x'.repeat(2001) }, facts());
    expect(decided.ok ? null : decided.refusal).toBe('NOTE_LENGTH');
  });
});

describe('answering a referral', () => {
  const proposed = { status: ReferralStatus.PROPOSED, mayAnswer: true };

  it('is accepted only while proposed, by the receiving organisation, and only once its consent is active', () => {
    expect(acceptReferral({ ...proposed, consentActive: true })).toEqual({ ok: true });
    expect(acceptReferral({ ...proposed, consentActive: false })).toEqual({ ok: false, refusal: 'CONSENT_NOT_ACTIVE' });
    expect(acceptReferral({ ...proposed, mayAnswer: false, consentActive: true })).toEqual({ ok: false, refusal: 'NOT_ALLOWED' });
    for (const status of [ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.WITHDRAWN]) {
      expect(acceptReferral({ status, mayAnswer: true, consentActive: true })).toEqual({ ok: false, refusal: 'NOT_PROPOSED' });
    }
  });

  it('is declined with a reason of 10 to 2,000 characters', () => {
    expect(declineReferral('  Wij hebben geen plek.  ', proposed)).toEqual({ ok: true, reason: 'Wij hebben geen plek.' });
    expect(declineReferral('Vol.', proposed)).toEqual({ ok: false, refusal: 'REASON_LENGTH' });
    expect(declineReferral('x'.repeat(2001), proposed)).toEqual({ ok: false, refusal: 'REASON_LENGTH' });
    expect(declineReferral('Wij hebben geen plek.', { ...proposed, status: ReferralStatus.ACCEPTED })).toEqual({ ok: false, refusal: 'NOT_PROPOSED' });
  });

  it('is withdrawn by the referrer while proposed', () => {
    expect(withdrawReferral(proposed)).toEqual({ ok: true });
    expect(withdrawReferral({ ...proposed, status: ReferralStatus.DECLINED })).toEqual({ ok: false, refusal: 'NOT_PROPOSED' });
    expect(withdrawReferral({ ...proposed, mayAnswer: false })).toEqual({ ok: false, refusal: 'NOT_ALLOWED' });
  });
});
