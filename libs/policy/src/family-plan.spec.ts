import { dutchDate, type SubjectFacts } from '@kring/consent';
import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';
import { DenyReason, type AccessBasis } from './access-decision';
import type { AccessCaller, ConsentGrant, FamilyFacts } from './access-rule';
import { decideMemberPlanAccess, decidePlanItemAccess, isShownToFamily, planItemCategories, type MemberPlanViewer, type PlanItemFacts } from './family-plan';
import { catalogue, DAAN, JEUGDHULP, JOHAN, KIM, LOTTE, MARIEKE, NOOR, SANNE, SCHULDHULP, SUBJECT_LIST, VEILIG_THUIS, WMO_TEAM } from './de-vries.fixture';

const SUBJECTS: ReadonlyMap<string, SubjectFacts> = new Map(SUBJECT_LIST.map((s) => [s.memberId, s]));
const ALL_MEMBERS = SUBJECT_LIST.map((s) => s.memberId);

/** Tuesday 12 May 2026, noon in Amsterdam. */
const NOW = new Date('2026-05-12T10:00:00Z');
const TODAY = '2026-05-12';
const YESTERDAY = '2026-05-11';
const JANUARY = new Date('2026-01-01T00:00:00Z');

/** A consent to Jeugdhulp for CASE_COORDINATION on SHARED_PLAN, valid in 2026, signed by its subject (or by `signedBy`). */
function consent(subjectMemberId: string, over: Partial<ConsentGrant> & { signedBy?: readonly string[] } = {}): ConsentGrant {
  const { signedBy, ...rest } = over;
  return {
    id: `consent-${subjectMemberId}`,
    subjectMemberId,
    recipientOrganisationId: JEUGDHULP.organisationId,
    recipientDomain: null,
    categories: [DataCategory.SHARED_PLAN],
    purposes: ['CASE_COORDINATION'],
    validFrom: JANUARY,
    validUntil: new Date('2027-01-01T00:00:00Z'),
    revokedAt: null,
    signatures: (signedBy ?? [subjectMemberId]).map((memberId) => ({ memberId, signedAt: JANUARY })),
    ...rest,
  };
}

interface ProfessionalWorld {
  readonly caller?: Omit<AccessCaller, 'professionalId'>;
  readonly purpose?: string;
  readonly involvements?: FamilyFacts['involvements'];
  readonly consents?: readonly ConsentGrant[];
}

/** A professional of Jeugdhulp (involved since September 2025) reading the plan for CASE_COORDINATION, with no consents; each row changes what it is about. */
function professional(world: ProfessionalWorld = {}) {
  const caller: AccessCaller = { professionalId: 'prof-1', ...(world.caller ?? JEUGDHULP) };
  return {
    caller,
    purpose: catalogue.find(world.purpose ?? 'CASE_COORDINATION'),
    family: {
      familyId: 'family-de-vries',
      involvements: world.involvements ?? [{ organisationId: caller.organisationId, startsOn: '2025-09-01', endsOn: null }],
      subjects: SUBJECTS,
      consents: world.consents ?? [],
      breakGlassGrants: [],
    },
    at: NOW,
    today: dutchDate(NOW),
  };
}

/** A goal about Lotte that the family wrote, touching only the plan; each row changes what it is about. */
const planItem = (over: Partial<PlanItemFacts> = {}): PlanItemFacts => ({
  subjectMemberIds: [LOTTE],
  category: DataCategory.SHARED_PLAN,
  sourceOrganisationId: null,
  actorOrganisationId: null,
  ...over,
});
const own = (over: Partial<PlanItemFacts> = {}) => planItem({ sourceOrganisationId: JEUGDHULP.organisationId, ...over });

type Outcome = readonly [DataCategory, { readonly allowed: true; readonly basis: AccessBasis } | { readonly allowed: false; readonly reason: DenyReason }];
const allowed = (category: DataCategory, basis: AccessBasis): Outcome => [category, { allowed: true, basis }];
const denied = (category: DataCategory, reason: DenyReason): Outcome => [category, { allowed: false, reason }];
const OWN_RECORD: AccessBasis = { kind: 'OWN_RECORD' };
const onConsent = (...consentIds: string[]): AccessBasis => ({ kind: 'CONSENT', consentIds });
const { SHARED_PLAN, FINANCES, HEALTH, CARE_TRAJECTORY } = DataCategory;

/** Lotte is 8: a consent about her is signed by a parent. */
const lotteConsent = (over: Partial<ConsentGrant> = {}) => consent(LOTTE, { signedBy: [MARIEKE], ...over });

describe('a professional reads a plan item through the one access rule (DESIGN.md §9, §4)', () => {
  it.each([
    ['an item touching only the plan is read under SHARED_PLAN alone', planItem(), [SHARED_PLAN]],
    ['a debt goal is read under SHARED_PLAN and FINANCES', planItem({ category: FINANCES }), [SHARED_PLAN, FINANCES]],
  ] as const)('%s', (_case, item, categories) => {
    expect(planItemCategories(item)).toEqual(categories);
  });

  it.each([
    // The organisation's own items.
    ['its own organisation\'s item is its own record', {}, own(), [allowed(SHARED_PLAN, OWN_RECORD)]],
    ['its own organisation\'s debt goal is its own record in both categories', {}, own({ category: FINANCES }), [allowed(SHARED_PLAN, OWN_RECORD), allowed(FINANCES, OWN_RECORD)]],
    [
      'its own organisation\'s health goal under case coordination: the purpose never reaches HEALTH',
      {},
      own({ category: HEALTH }),
      [allowed(SHARED_PLAN, OWN_RECORD), denied(HEALTH, DenyReason.PURPOSE_EXCLUDES_CATEGORY)],
    ],
    ['its own organisation\'s health goal under support planning', { purpose: 'SUPPORT_PLANNING' }, own({ category: HEALTH }), [allowed(SHARED_PLAN, OWN_RECORD), allowed(HEALTH, OWN_RECORD)]],
    ['its own organisation\'s action for a purpose that never reaches the plan (debt resolution)', { caller: SCHULDHULP, purpose: 'DEBT_RESOLUTION' }, planItem({ sourceOrganisationId: SCHULDHULP.organisationId }), [denied(SHARED_PLAN, DenyReason.PURPOSE_EXCLUDES_CATEGORY)]],

    // The family's items: consent for every subject and every category.
    ['the family\'s item without consent: NO_CONSENT, never its own record', {}, planItem(), [denied(SHARED_PLAN, DenyReason.NO_CONSENT)]],
    ['the family\'s item with a consent for its subject', { consents: [lotteConsent()] }, planItem(), [allowed(SHARED_PLAN, onConsent('consent-lotte'))]],
    ['the family\'s item with a consent to the caller\'s domain', { consents: [lotteConsent({ recipientOrganisationId: null, recipientDomain: Domain.YOUTH_CARE })] }, planItem(), [allowed(SHARED_PLAN, onConsent('consent-lotte'))]],
    ['the family\'s item with a consent to another organisation', { consents: [lotteConsent({ recipientOrganisationId: WMO_TEAM.organisationId })] }, planItem(), [denied(SHARED_PLAN, DenyReason.NO_CONSENT)]],
    ['the family\'s item with a consent for another purpose', { consents: [lotteConsent({ purposes: ['SUPPORT_PLANNING'] })] }, planItem(), [denied(SHARED_PLAN, DenyReason.NO_CONSENT)]],
    ['the family\'s item with a consent that was revoked', { consents: [lotteConsent({ revokedAt: new Date('2026-05-01T00:00:00Z') })] }, planItem(), [denied(SHARED_PLAN, DenyReason.CONSENT_REVOKED)]],
    ['the family\'s item about two members, with consent for one', { consents: [consent(MARIEKE)] }, planItem({ subjectMemberIds: [MARIEKE, LOTTE] }), [denied(SHARED_PLAN, DenyReason.NO_CONSENT)]],
    ['the family\'s item about two members, with consent for both', { consents: [consent(MARIEKE), lotteConsent()] }, planItem({ subjectMemberIds: [MARIEKE, LOTTE] }), [allowed(SHARED_PLAN, onConsent('consent-marieke', 'consent-lotte'))]],
    ['the family\'s item about a 13-year-old, signed by a parent alone', { consents: [consent(DAAN, { signedBy: [MARIEKE] })] }, planItem({ subjectMemberIds: [DAAN] }), [denied(SHARED_PLAN, DenyReason.CONSENT_PENDING)]],
    ['the family\'s item about a child who turns 12 today, signed by a parent alone', { consents: [consent(NOOR, { signedBy: [MARIEKE] })] }, planItem({ subjectMemberIds: [NOOR] }), [denied(SHARED_PLAN, DenyReason.CAPACITY_LAPSED)]],
    [
      'the family\'s debt goal with consent for the plan only: the finances stay closed',
      { consents: [lotteConsent()] },
      planItem({ category: FINANCES }),
      [allowed(SHARED_PLAN, onConsent('consent-lotte')), denied(FINANCES, DenyReason.NO_CONSENT)],
    ],
    [
      'the family\'s debt goal with consent for the plan and the finances',
      { consents: [lotteConsent({ categories: [SHARED_PLAN, FINANCES] })] },
      planItem({ category: FINANCES }),
      [allowed(SHARED_PLAN, onConsent('consent-lotte')), allowed(FINANCES, onConsent('consent-lotte'))],
    ],
    [
      'the family\'s health goal under case coordination, even with consent: PURPOSE_EXCLUDES_CATEGORY',
      { consents: [lotteConsent({ categories: [SHARED_PLAN, HEALTH] })] },
      planItem({ category: HEALTH }),
      [allowed(SHARED_PLAN, onConsent('consent-lotte')), denied(HEALTH, DenyReason.PURPOSE_EXCLUDES_CATEGORY)],
    ],

    // Another organisation's items: not the caller's own record.
    ['another organisation\'s item without consent', {}, planItem({ sourceOrganisationId: WMO_TEAM.organisationId }), [denied(SHARED_PLAN, DenyReason.NO_CONSENT)]],
    ['another organisation\'s care goal with consent for both categories', { consents: [lotteConsent({ categories: [SHARED_PLAN, CARE_TRAJECTORY] })] }, planItem({ sourceOrganisationId: WMO_TEAM.organisationId, category: CARE_TRAJECTORY }), [allowed(SHARED_PLAN, onConsent('consent-lotte')), allowed(CARE_TRAJECTORY, onConsent('consent-lotte'))]],

    // Involvement and statutory tasks.
    ['an organisation not involved, even for its own item and with consent', { involvements: [{ organisationId: WMO_TEAM.organisationId, startsOn: '2025-01-01', endsOn: null }], consents: [lotteConsent()] }, own({ category: FINANCES }), [denied(SHARED_PLAN, DenyReason.NOT_INVOLVED), denied(FINANCES, DenyReason.NOT_INVOLVED)]],
    ['an organisation whose involvement ended yesterday', { involvements: [{ organisationId: JEUGDHULP.organisationId, startsOn: '2025-09-01', endsOn: YESTERDAY }] }, own(), [denied(SHARED_PLAN, DenyReason.NOT_INVOLVED)]],
    ['Veilig Thuis\' statutory task (child protection) never reaches the plan', { caller: VEILIG_THUIS, purpose: 'CHILD_PROTECTION' }, planItem(), [denied(SHARED_PLAN, DenyReason.PURPOSE_EXCLUDES_CATEGORY)]],
    ['a purpose the caller\'s domain may not declare', { purpose: 'DEBT_RESOLUTION', consents: [lotteConsent({ purposes: ['DEBT_RESOLUTION'] })] }, planItem(), [denied(SHARED_PLAN, DenyReason.PURPOSE_NOT_FOR_DOMAIN)]],
  ] as const)('%s', (_case, world, item, outcomes) => {
    const decisions = decidePlanItemAccess(professional(world), item);
    expect(decisions).toEqual(outcomes.map(([category, outcome]) => ({ category, ...outcome })));
  });
});

describe('whether an item is shown to the whole family (DESIGN.md §9, "Who sees what")', () => {
  const family = { memberIds: ALL_MEMBERS, subjects: SUBJECTS };
  const shown = (subjects: readonly string[], chosenBy: readonly string[], today = TODAY) => isShownToFamily({ subjectMemberIds: subjects }, new Set(chosenBy), family, today);

  it.each([
    ['an item about every member: family-wide from the start', ALL_MEMBERS, [], true],
    ['an item about every member, named in another order', [...ALL_MEMBERS].reverse(), [], true],
    ['an item about every member but one: not family-wide', ALL_MEMBERS.filter((id) => id !== KIM), [], false],
    ['an item about nobody', [], [MARIEKE], false],
    ['a child under 12: a parent chose so', [LOTTE], [JOHAN], true],
    ['a child under 12: the child alone cannot choose so', [LOTTE], [LOTTE], false],
    ['a child under 12: nobody chose so', [LOTTE], [], false],
    ['a child of 12 to 15: the child and a parent chose so', [DAAN], [DAAN, MARIEKE], true],
    ['a child of 12 to 15: a parent alone cannot', [DAAN], [MARIEKE, JOHAN], false],
    ['a child of 12 to 15: the child alone cannot', [DAAN], [DAAN], false],
    ['a member of 16 or over: they chose so', [SANNE], [SANNE], true],
    ['a member of 16 or over: their parents cannot choose for them', [SANNE], [MARIEKE, JOHAN], false],
    ['an adult: their partner cannot choose for them', [MARIEKE], [JOHAN], false],
    ['two subjects: each one\'s say is needed', [LOTTE, SANNE], [MARIEKE], false],
    ['two subjects: both chose so', [LOTTE, SANNE], [MARIEKE, SANNE], true],
    ['a child whose birth date cannot be read: nobody\'s choice is known to count', [KIM], [KIM, MARIEKE, JOHAN], false],
    ['a member not in the family\'s facts', ['stranger'], [MARIEKE, 'stranger'], false],
  ] as const)('%s', (_case, subjects, chosenBy, expected) => {
    expect(shown(subjects, chosenBy)).toBe(expected);
  });

  it('a parent\'s choice alone stops counting the day the child turns 12', () => {
    expect(shown([NOOR], [MARIEKE], YESTERDAY)).toBe(true);
    expect(shown([NOOR], [MARIEKE], TODAY)).toBe(false);
  });
});

describe('what a member sees of the plan (DESIGN.md §9, "Who sees what")', () => {
  /** Marieke: herself, Daan and Lotte are in her reach (Sanne is 17); nothing is shielded from her. */
  const marieke = (shieldedOrganisationIds: readonly string[] = []): MemberPlanViewer => ({
    memberId: MARIEKE,
    reach: new Set([MARIEKE, DAAN, LOTTE]),
    shieldedOrganisationIds: new Set(shieldedOrganisationIds),
  });
  const SHIELDED = [VEILIG_THUIS.organisationId];
  const byVeiligThuis = { sourceOrganisationId: VEILIG_THUIS.organisationId };
  const dataSubject = { allowed: true, basis: { kind: 'DATA_SUBJECT' } };
  const shownToFamily = { allowed: true, basis: { kind: 'SHOWN_TO_FAMILY' } };
  const otherMember = { allowed: false, reason: DenyReason.OTHER_MEMBER };

  it.each([
    ['an item about a child in her reach', marieke(), planItem(), false, dataSubject],
    ['an item about herself and a child in her reach', marieke(), planItem({ subjectMemberIds: [MARIEKE, LOTTE] }), false, dataSubject],
    ['an organisation\'s debt goal about her', marieke(), planItem({ subjectMemberIds: [MARIEKE], category: FINANCES, sourceOrganisationId: SCHULDHULP.organisationId }), false, dataSubject],
    ['an item about her 17-year-old, not shown to the family', marieke(), planItem({ subjectMemberIds: [SANNE] }), false, otherMember],
    ['an item about her 17-year-old, shown to the family', marieke(), planItem({ subjectMemberIds: [SANNE] }), true, shownToFamily],
    ['an item about a child in her reach and one outside it, not shown', marieke(), planItem({ subjectMemberIds: [LOTTE, SANNE] }), false, otherMember],
    ['an item about a child in her reach and one outside it, shown', marieke(), planItem({ subjectMemberIds: [LOTTE, SANNE] }), true, shownToFamily],
    ['an item about nobody', marieke(), planItem({ subjectMemberIds: [] }), false, otherMember],
    ['an item about her child written by an organisation shielded from her', marieke(SHIELDED), planItem(byVeiligThuis), false, otherMember],
    ['an item about herself carried out by an organisation shielded from her', marieke(SHIELDED), planItem({ subjectMemberIds: [MARIEKE], sourceOrganisationId: JEUGDHULP.organisationId, actorOrganisationId: VEILIG_THUIS.organisationId }), false, otherMember],
    ['an item shown to the family but written by an organisation shielded from her', marieke(SHIELDED), planItem({ subjectMemberIds: [SANNE], ...byVeiligThuis }), true, otherMember],
    ['an item by an organisation shielded from someone else, not from her', marieke([WMO_TEAM.organisationId]), planItem(byVeiligThuis), false, dataSubject],
  ] as const)('%s', (_case, viewer, item, shown, outcome) => {
    expect(decideMemberPlanAccess(viewer, item, shown)).toEqual({ category: SHARED_PLAN, ...outcome });
  });

  it('a father sees his 17-year-old\'s goal once she chose to show it to the family, and not before', () => {
    const johan: MemberPlanViewer = { memberId: JOHAN, reach: new Set([JOHAN, DAAN, LOTTE]), shieldedOrganisationIds: new Set() };
    const goal = planItem({ subjectMemberIds: [SANNE], category: FINANCES });
    const family = { memberIds: ALL_MEMBERS, subjects: SUBJECTS };
    expect(decideMemberPlanAccess(johan, goal, isShownToFamily(goal, new Set(), family, TODAY)).allowed).toBe(false);
    expect(decideMemberPlanAccess(johan, goal, isShownToFamily(goal, new Set([SANNE]), family, TODAY))).toEqual({ category: SHARED_PLAN, ...shownToFamily });
  });
});
