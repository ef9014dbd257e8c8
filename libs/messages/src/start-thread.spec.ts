import { DataCategory } from '@kring/family-file';
import { startThread, type CandidateProfessional, type StartThreadFacts, type StartThreadRequest } from './start-thread';

// The De Vries family; the WMO team starts, Jeugdhulp is involved today, the debt service no longer is.
const FAMILY = ['marieke', 'johan', 'sanne', 'daan', 'lotte'];
const WMO = { professionalId: 'prof-wmo', organisationId: 'org-wmo' };
const candidate = (professionalId: string, organisationId: string, domain: string, casework = true): [string, CandidateProfessional] => [professionalId, { professionalId, organisationId, domain, casework }];
const CANDIDATES = new Map([
  candidate('prof-jeugdhulp', 'org-jeugdhulp', 'YOUTH_CARE'),
  candidate('prof-schuldhulp', 'org-schuldhulp', 'DEBT_ASSISTANCE'),
  candidate('fg-jeugdhulp', 'org-jeugdhulp', 'YOUTH_CARE', false),
  candidate('prof-participatie', 'org-participatie', 'PARTICIPATION'),
]);

/** What the gateway found when the WMO team starts a thread for debt resolution; each case changes what it is about. */
const facts = (over: Partial<StartThreadFacts> = {}): StartThreadFacts => ({
  starter: WMO,
  familyMemberIds: FAMILY,
  involvedOrganisationIds: ['org-wmo', 'org-jeugdhulp', 'org-participatie'],
  candidates: CANDIDATES,
  purposeDomains: ['DEBT_ASSISTANCE', 'WMO', 'YOUTH_CARE'],
  membersWhoCannotReadWhole: [],
  closedToStarter: null,
  ...over,
});
const request = (over: Partial<StartThreadRequest> = {}): StartThreadRequest => ({
  topic: '  Het budgetplan  ',
  subjectMemberIds: ['MARIEKE'],
  category: 'FINANCES',
  purpose: 'DEBT_RESOLUTION',
  participantProfessionalIds: ['prof-jeugdhulp'],
  firstMessage: ' Zullen we samen kijken? ',
  ...over,
});

describe('starting a thread (DESIGN.md §9, kringberichten)', () => {
  it('a thread of the starter\'s organisation, the colleagues named, its topic and opening message without the spaces around them', () => {
    expect(startThread(request(), facts())).toEqual({
      ok: true,
      draft: {
        topic: 'Het budgetplan',
        subjectMemberIds: ['marieke'],
        category: DataCategory.FINANCES,
        purpose: 'DEBT_RESOLUTION',
        professionals: [WMO, { professionalId: 'prof-jeugdhulp', organisationId: 'org-jeugdhulp' }],
        firstMessage: 'Zullen we samen kijken?',
      },
    });
  });

  it('the starter named again, or a colleague twice, takes part once; without colleagues or an opening message it is the starter\'s alone', () => {
    const twice = startThread(request({ participantProfessionalIds: ['prof-jeugdhulp', 'PROF-JEUGDHULP', 'prof-wmo'] }), facts());
    expect(twice.ok && twice.draft.professionals).toEqual([WMO, { professionalId: 'prof-jeugdhulp', organisationId: 'org-jeugdhulp' }]);
    const alone = startThread(request({ participantProfessionalIds: null, firstMessage: null }), facts());
    expect(alone.ok && [alone.draft.professionals, alone.draft.firstMessage]).toEqual([[WMO], null]);
  });

  it.each([
    ['an empty topic', request({ topic: '   ' }), facts(), 'TOPIC_LENGTH'],
    ['a topic over 200 characters', request({ topic: 'x'.repeat(201) }), facts(), 'TOPIC_LENGTH'],
    ['about nobody', request({ subjectMemberIds: [] }), facts(), 'NO_SUBJECTS'],
    ['about someone outside the family', request({ subjectMemberIds: ['marieke', 'buurvrouw'] }), facts(), 'NOT_A_MEMBER'],
    ['about who someone is', request({ category: 'PERSONAL_IDENTITY' }), facts(), 'CATEGORY_NOT_FOR_THREAD'],
    ['about a BSN', request({ category: 'NATIONAL_ID' }), facts(), 'CATEGORY_NOT_FOR_THREAD'],
    ['about a category that does not exist', request({ category: 'GOSSIP' }), facts(), 'CATEGORY_NOT_FOR_THREAD'],
    ['twenty others besides the starter', request({ participantProfessionalIds: Array.from({ length: 20 }, (_, i) => `p-${i}`) }), facts(), 'TOO_MANY_PARTICIPANTS'],
    ['a professional the directory does not know', request({ participantProfessionalIds: ['nobody'] }), facts(), 'PARTICIPANT_NOT_INVOLVED'],
    ['a professional of an organisation no longer involved', request({ participantProfessionalIds: ['prof-schuldhulp'] }), facts(), 'PARTICIPANT_NOT_INVOLVED'],
    ['a privacy officer of an involved organisation', request({ participantProfessionalIds: ['fg-jeugdhulp'] }), facts(), 'PARTICIPANT_NOT_INVOLVED'],
    ['a professional whose domain may not use the purpose', request({ participantProfessionalIds: ['prof-participatie'] }), facts(), 'PURPOSE_NOT_FOR_PARTICIPANT'],
    ['subjects someone it may not be kept from could not read whole', request({ subjectMemberIds: ['marieke', 'johan'] }), facts({ membersWhoCannotReadWhole: ['johan', 'marieke'] }), 'NOT_SHARED_WHOLE'],
    ['an empty opening message', request({ firstMessage: '  ' }), facts(), 'BODY_LENGTH'],
    ['an opening message over 4,000 characters', request({ firstMessage: 'x'.repeat(4001) }), facts(), 'BODY_LENGTH'],
    ['a thread the rule would keep closed to its starter', request(), facts({ closedToStarter: 'NO_CONSENT' }), 'CLOSED_TO_STARTER'],
  ] as const)('refused: %s', (_case, asked, found, refusal) => {
    expect(startThread(asked, found)).toMatchObject({ ok: false, refusal });
  });

  it('the rule\'s refusal carries its reason, and comes only after the input is right', () => {
    expect(startThread(request(), facts({ closedToStarter: 'CONSENT_REVOKED' }))).toEqual({ ok: false, refusal: 'CLOSED_TO_STARTER', reason: 'CONSENT_REVOKED' });
    expect(startThread(request({ topic: '' }), facts({ closedToStarter: 'CONSENT_REVOKED' }))).toEqual({ ok: false, refusal: 'TOPIC_LENGTH' });
  });

  it('the limits are inclusive: a topic of 200 characters, a message of 4,000, nineteen others', () => {
    const others = Array.from({ length: 19 }, (_, i) => `p-${i}`);
    const many = new Map(others.map((id) => candidate(id, 'org-jeugdhulp', 'YOUTH_CARE')));
    expect(startThread(request({ topic: 'x'.repeat(200), firstMessage: 'y'.repeat(4000), participantProfessionalIds: others }), facts({ candidates: many })).ok).toBe(true);
  });
});
