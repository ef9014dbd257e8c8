import { dutchDate } from '@kring/consent';
import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';
import { DenyReason, type AccessBasis, type AccessDecision } from './access-decision';
import { decideFieldAccess, isInvolved, type AccessCaller, type AccessQuestion, type BreakGlassFacts, type ConsentGrant, type FamilyFacts, type FieldFacts } from './access-rule';
import { catalogue, DAAN, JEUGDHULP, JOHAN, KIM, LOTTE, MARIEKE, NOOR, OTHER_YOUTH_CARE, SANNE, SUBJECT_LIST as SUBJECTS, TIM, VEILIG_THUIS, WMO_TEAM } from './de-vries.fixture';

/** The professional asking, at Jeugdhulp unless a row says otherwise. */
const PROFESSIONAL = 'prof-jeugdhulp-1';
const COLLEAGUE = 'prof-jeugdhulp-2';

/** The moment of access: Tuesday 12 May 2026, noon in Amsterdam. */
const NOW = '2026-05-12T10:00:00Z';
const JANUARY = '2026-01-01T00:00:00Z';

interface ConsentSpec extends Partial<Pick<ConsentGrant, 'id' | 'subjectMemberId' | 'recipientOrganisationId' | 'recipientDomain' | 'categories' | 'purposes'>> {
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly revokedAt?: string;
  /** [member, instant of signing]; by default the subject signed on 1 January. */
  readonly signedBy?: readonly (readonly [string, string])[];
}

/** A consent of Marieke to Jeugdhulp for CASE_COORDINATION on CONTACT, valid in 2026 and signed by her; each row changes what it is about. */
function consent(spec: ConsentSpec = {}): ConsentGrant {
  const subject = spec.subjectMemberId ?? MARIEKE;
  return {
    id: spec.id ?? `consent-${subject}`,
    subjectMemberId: subject,
    recipientOrganisationId: spec.recipientOrganisationId !== undefined ? spec.recipientOrganisationId : JEUGDHULP.organisationId,
    recipientDomain: spec.recipientDomain ?? null,
    categories: spec.categories ?? [DataCategory.CONTACT],
    purposes: spec.purposes ?? ['CASE_COORDINATION'],
    validFrom: new Date(spec.validFrom ?? JANUARY),
    validUntil: new Date(spec.validUntil ?? '2027-01-01T00:00:00Z'),
    revokedAt: spec.revokedAt === undefined ? null : new Date(spec.revokedAt),
    signatures: (spec.signedBy ?? [[subject, JANUARY]]).map(([memberId, at]) => ({ memberId, signedAt: new Date(at) })),
  };
}

/** A break-glass grant of the caller on CONTACT, HOUSEHOLD and SAFETY, opened an hour ago for four hours. */
function grant(overrides: Partial<BreakGlassFacts> = {}): BreakGlassFacts {
  return {
    id: 'grant-1',
    professionalId: PROFESSIONAL,
    purpose: 'CHILD_PROTECTION',
    categories: [DataCategory.CONTACT, DataCategory.HOUSEHOLD, DataCategory.SAFETY],
    expiresAt: new Date('2026-05-12T13:00:00Z'),
    ...overrides,
  };
}

interface WorldSpec {
  readonly caller?: Partial<AccessCaller>;
  /** A purpose code, looked up in the shipped catalogue. */
  readonly purpose?: string;
  /** Categories added to the purpose's maximum, for a purpose the shipped catalogue does not have. */
  readonly widen?: readonly DataCategory[];
  readonly involvements?: FamilyFacts['involvements'];
  readonly consents?: readonly ConsentGrant[];
  readonly breakGlassGrants?: readonly BreakGlassFacts[];
  readonly field?: Partial<FieldFacts>;
  /** ISO instant; `today` is its date in Amsterdam. */
  readonly at?: string;
}

/**
 * The De Vries family as a professional of Jeugdhulp (involved since September 2025)
 * sees it, asking for CASE_COORDINATION about the WMO team's CONTACT field on Marieke,
 * with no consents and no grants; each row changes what it is about.
 */
function world(spec: WorldSpec = {}): AccessQuestion {
  const caller: AccessCaller = { professionalId: PROFESSIONAL, ...JEUGDHULP, ...spec.caller };
  const at = new Date(spec.at ?? NOW);
  const purpose = catalogue.find(spec.purpose ?? 'CASE_COORDINATION');
  return {
    caller,
    purpose: purpose === undefined || spec.widen === undefined ? purpose : { ...purpose, maxCategories: [...purpose.maxCategories, ...spec.widen] },
    family: {
      familyId: 'family-de-vries',
      involvements: spec.involvements ?? [{ organisationId: caller.organisationId, startsOn: '2025-09-01', endsOn: null }],
      subjects: new Map(SUBJECTS.map((s) => [s.memberId, s])),
      consents: spec.consents ?? [],
      breakGlassGrants: spec.breakGlassGrants ?? [],
    },
    field: { category: DataCategory.CONTACT, sourceOrganisationId: WMO_TEAM.organisationId, subjectIds: [MARIEKE], ...spec.field },
    at,
    today: dutchDate(at),
  };
}

type Outcome = { readonly allowed: true; readonly basis: AccessBasis } | { readonly allowed: false; readonly reason: DenyReason };
const allows = (basis: AccessBasis): Outcome => ({ allowed: true, basis });
const denies = (reason: DenyReason): Outcome => ({ allowed: false, reason });
const onConsent = (...consentIds: string[]): Outcome => allows({ kind: 'CONSENT', consentIds });

interface Row {
  readonly rule: string;
  readonly question: AccessQuestion;
  readonly expected: Outcome;
}
const row = (rule: string, spec: WorldSpec, expected: Outcome): Row => ({ rule, question: world(spec), expected });

const OWN = { sourceOrganisationId: JEUGDHULP.organisationId };
/** Marieke's story: her own words, the family its source. */
const STORY: Partial<FieldFacts> = { category: DataCategory.OWN_WORDS, sourceOrganisationId: null };
const involvedFrom = (startsOn: string, endsOn: string | null = null): FamilyFacts['involvements'] => [{ organisationId: JEUGDHULP.organisationId, startsOn, endsOn }];
const veiligThuisInvolved: FamilyFacts['involvements'] = [{ organisationId: VEILIG_THUIS.organisationId, startsOn: '2026-05-01', endsOn: null }];
/** A consent about a child, by default Noor's, signed by Marieke alone in January. */
const parentOnly = (subjectMemberId: string, spec: ConsentSpec = {}): ConsentGrant => consent({ subjectMemberId, signedBy: [[MARIEKE, JANUARY]], ...spec });

const ROWS: readonly Row[] = [
  // 1. The purpose: in the catalogue, usable by the caller's domain, reaching the category.
  row('a purpose outside the catalogue is UNKNOWN_PURPOSE', { purpose: 'MARKETING', consents: [consent()] }, denies(DenyReason.UNKNOWN_PURPOSE)),
  row('a purpose outside the catalogue is UNKNOWN_PURPOSE even for the organisation\'s own record', { purpose: 'MARKETING', field: OWN }, denies(DenyReason.UNKNOWN_PURPOSE)),
  row(
    'youth care may not declare DEBT_RESOLUTION (PURPOSE_NOT_FOR_DOMAIN), even with consent',
    { purpose: 'DEBT_RESOLUTION', field: { category: DataCategory.FINANCES }, consents: [consent({ purposes: ['DEBT_RESOLUTION'], categories: [DataCategory.FINANCES] })] },
    denies(DenyReason.PURPOSE_NOT_FOR_DOMAIN),
  ),
  row(
    'Veilig Thuis may not declare SUPPORT_PLANNING (PURPOSE_NOT_FOR_DOMAIN)',
    { caller: VEILIG_THUIS, purpose: 'SUPPORT_PLANNING', involvements: veiligThuisInvolved },
    denies(DenyReason.PURPOSE_NOT_FOR_DOMAIN),
  ),
  row(
    'case coordination never reaches HEALTH (PURPOSE_EXCLUDES_CATEGORY), even with consent',
    { field: { category: DataCategory.HEALTH }, consents: [consent({ categories: [DataCategory.HEALTH] })] },
    denies(DenyReason.PURPOSE_EXCLUDES_CATEGORY),
  ),
  row(
    'case coordination never reaches HEALTH, not even in the organisation\'s own record',
    { field: { ...OWN, category: DataCategory.HEALTH } },
    denies(DenyReason.PURPOSE_EXCLUDES_CATEGORY),
  ),
  row(
    'child protection never reaches FINANCES, not even on Veilig Thuis\' statutory task',
    { caller: VEILIG_THUIS, purpose: 'CHILD_PROTECTION', involvements: veiligThuisInvolved, field: { category: DataCategory.FINANCES } },
    denies(DenyReason.PURPOSE_EXCLUDES_CATEGORY),
  ),
  row(
    'a break-glass grant does not widen a purpose: case coordination never reaches SAFETY',
    { field: { category: DataCategory.SAFETY }, breakGlassGrants: [grant()] },
    denies(DenyReason.PURPOSE_EXCLUDES_CATEGORY),
  ),
  row(
    'support planning reaches HEALTH with a consent that names it',
    { purpose: 'SUPPORT_PLANNING', field: { category: DataCategory.HEALTH }, consents: [consent({ purposes: ['SUPPORT_PLANNING'], categories: [DataCategory.HEALTH] })] },
    onConsent('consent-marieke'),
  ),

  // 2. The caller's organisation is involved with the family today.
  row(
    'an organisation not involved with the family is NOT_INVOLVED, even with consent',
    { involvements: [{ organisationId: WMO_TEAM.organisationId, startsOn: '2025-01-01', endsOn: null }], consents: [consent()] },
    denies(DenyReason.NOT_INVOLVED),
  ),
  row(
    'the involvement of another organisation of the same domain does not count',
    { involvements: [{ organisationId: OTHER_YOUTH_CARE.organisationId, startsOn: '2025-01-01', endsOn: null }], field: OWN },
    denies(DenyReason.NOT_INVOLVED),
  ),
  row('an involvement that ended yesterday is NOT_INVOLVED, even for its own records', { involvements: involvedFrom('2025-09-01', '2026-05-11'), field: OWN }, denies(DenyReason.NOT_INVOLVED)),
  row('an involvement that ends today has ended (endsOn is exclusive)', { involvements: involvedFrom('2025-09-01', '2026-05-12'), field: OWN }, denies(DenyReason.NOT_INVOLVED)),
  row('an involvement that ends tomorrow is active today', { involvements: involvedFrom('2025-09-01', '2026-05-13'), field: OWN }, allows({ kind: 'OWN_RECORD' })),
  row('an involvement that starts tomorrow is NOT_INVOLVED', { involvements: involvedFrom('2026-05-13'), field: OWN }, denies(DenyReason.NOT_INVOLVED)),
  row('an involvement that starts today is active today', { involvements: involvedFrom('2026-05-12'), field: OWN }, allows({ kind: 'OWN_RECORD' })),
  row(
    'an ended involvement does not hide a current one',
    { involvements: [...involvedFrom('2024-01-01', '2024-06-01'), ...involvedFrom('2026-02-01')], field: OWN },
    allows({ kind: 'OWN_RECORD' }),
  ),
  row(
    'the involvement is judged on the Amsterdam calendar: at 00:30 CEST on its end date it has ended',
    { involvements: involvedFrom('2025-09-01', '2026-05-12'), field: OWN, at: '2026-05-11T22:30:00Z' },
    denies(DenyReason.NOT_INVOLVED),
  ),
  row(
    'Veilig Thuis, when not involved, does not read for CHILD_PROTECTION (NOT_INVOLVED)',
    { caller: VEILIG_THUIS, purpose: 'CHILD_PROTECTION', field: { category: DataCategory.SAFETY, subjectIds: [DAAN] }, involvements: [] },
    denies(DenyReason.NOT_INVOLVED),
  ),
  row(
    'a break-glass grant does not open a family the organisation is not involved with (§4, condition 2)',
    { purpose: 'CHILD_PROTECTION', field: { category: DataCategory.SAFETY, subjectIds: [DAAN] }, involvements: [], breakGlassGrants: [grant()] },
    denies(DenyReason.NOT_INVOLVED),
  ),

  // 3a. Own records.
  row('an organisation always reads its own records (OWN_RECORD), without consent', { field: { ...OWN, category: DataCategory.FINANCES } }, allows({ kind: 'OWN_RECORD' })),
  row(
    'an organisation reads its own records even when the subject revoked consent',
    { field: OWN, consents: [consent({ revokedAt: '2026-05-01T00:00:00Z' })] },
    allows({ kind: 'OWN_RECORD' }),
  ),

  // 3b. Statutory task.
  row(
    'Veilig Thuis reads for CHILD_PROTECTION without consent (STATUTORY_TASK)',
    { caller: VEILIG_THUIS, purpose: 'CHILD_PROTECTION', involvements: veiligThuisInvolved, field: { category: DataCategory.SAFETY, sourceOrganisationId: JEUGDHULP.organisationId, subjectIds: [DAAN] } },
    allows({ kind: 'STATUTORY_TASK' }),
  ),
  row(
    'Veilig Thuis\' statutory task does not depend on consent: a revoked one does not stop it',
    {
      caller: VEILIG_THUIS,
      purpose: 'CHILD_PROTECTION',
      involvements: veiligThuisInvolved,
      consents: [consent({ recipientOrganisationId: VEILIG_THUIS.organisationId, purposes: ['CHILD_PROTECTION'], revokedAt: '2026-05-01T00:00:00Z' })],
    },
    allows({ kind: 'STATUTORY_TASK' }),
  ),
  row(
    'CHILD_PROTECTION is no statutory task for youth care: without consent it is NO_CONSENT',
    { purpose: 'CHILD_PROTECTION', field: { category: DataCategory.SAFETY, subjectIds: [DAAN] } },
    denies(DenyReason.NO_CONSENT),
  ),

  // 3c. Consent: for every subject, one that counts now and covers recipient, purpose and category.
  row('a consent to the organisation counts (CONSENT)', { consents: [consent()] }, onConsent('consent-marieke')),
  row(
    'a consent to the organisation\'s domain counts (CONSENT)',
    { consents: [consent({ recipientOrganisationId: null, recipientDomain: Domain.YOUTH_CARE })] },
    onConsent('consent-marieke'),
  ),
  row('no consent at all is NO_CONSENT', {}, denies(DenyReason.NO_CONSENT)),
  row('a consent for another organisation does not count (NO_CONSENT)', { consents: [consent({ recipientOrganisationId: WMO_TEAM.organisationId })] }, denies(DenyReason.NO_CONSENT)),
  row(
    'a consent for another organisation of the same domain does not count (NO_CONSENT)',
    { consents: [consent({ recipientOrganisationId: OTHER_YOUTH_CARE.organisationId })] },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'a consent for another domain does not count (NO_CONSENT)',
    { consents: [consent({ recipientOrganisationId: null, recipientDomain: Domain.WMO })] },
    denies(DenyReason.NO_CONSENT),
  ),
  row('a consent for another purpose does not count (NO_CONSENT)', { consents: [consent({ purposes: ['SUPPORT_PLANNING'] })] }, denies(DenyReason.NO_CONSENT)),
  row('a consent for another category does not count (NO_CONSENT)', { consents: [consent({ categories: [DataCategory.HOUSEHOLD] })] }, denies(DenyReason.NO_CONSENT)),
  row('a consent about another member does not count (NO_CONSENT)', { consents: [consent({ subjectMemberId: JOHAN })] }, denies(DenyReason.NO_CONSENT)),
  row(
    'a consent covering several purposes and categories counts for each of them',
    {
      field: { category: DataCategory.HOUSEHOLD },
      consents: [consent({ purposes: ['SUPPORT_PLANNING', 'CASE_COORDINATION'], categories: [DataCategory.CONTACT, DataCategory.HOUSEHOLD] })],
    },
    onConsent('consent-marieke'),
  ),
  row(
    'a record about two members needs both consents: one missing is NO_CONSENT',
    { field: { subjectIds: [MARIEKE, JOHAN] }, consents: [consent()] },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'a record about two members with both consents is shared on both',
    { field: { subjectIds: [MARIEKE, JOHAN] }, consents: [consent(), consent({ subjectMemberId: JOHAN })] },
    onConsent('consent-marieke', 'consent-johan'),
  ),
  row(
    'a record about two members: one consent that counts does not make up for the other\'s revoked one',
    { field: { subjectIds: [MARIEKE, JOHAN] }, consents: [consent(), consent({ subjectMemberId: JOHAN, revokedAt: '2026-05-01T00:00:00Z' })] },
    denies(DenyReason.CONSENT_REVOKED),
  ),
  row('a revoked consent is CONSENT_REVOKED', { consents: [consent({ revokedAt: '2026-05-01T00:00:00Z' })] }, denies(DenyReason.CONSENT_REVOKED)),
  row('revocation has immediate effect: revoked at the moment of access is CONSENT_REVOKED', { consents: [consent({ revokedAt: NOW })] }, denies(DenyReason.CONSENT_REVOKED)),
  row('a revocation dated after the moment of access has not happened yet', { consents: [consent({ revokedAt: '2026-05-12T10:00:01Z' })] }, onConsent('consent-marieke')),
  row('an expired consent is CONSENT_EXPIRED', { consents: [consent({ validUntil: '2026-05-01T00:00:00Z' })] }, denies(DenyReason.CONSENT_EXPIRED)),
  row('validUntil is exclusive: at that instant the consent is CONSENT_EXPIRED', { consents: [consent({ validUntil: NOW })] }, denies(DenyReason.CONSENT_EXPIRED)),
  row('a millisecond before validUntil the consent still counts', { consents: [consent({ validUntil: '2026-05-12T10:00:00.001Z' })] }, onConsent('consent-marieke')),
  row('a consent not yet valid is CONSENT_PENDING', { consents: [consent({ validFrom: '2026-06-01T00:00:00Z' })] }, denies(DenyReason.CONSENT_PENDING)),
  row('validFrom is inclusive: a consent counts from its first instant', { consents: [consent({ validFrom: NOW })] }, onConsent('consent-marieke')),

  // Consent capacity, judged at the moment of access against the subject's age that day.
  row('a parent-only consent of an 8-year-old counts', { field: { subjectIds: [LOTTE] }, consents: [parentOnly(LOTTE)] }, onConsent('consent-lotte')),
  row(
    'a parent-only consent of an 11-year-old counts',
    { field: { subjectIds: [NOOR] }, consents: [parentOnly(NOOR)], at: '2026-05-11T10:00:00Z' },
    onConsent('consent-noor'),
  ),
  row(
    'a consent signed by a parent alone stops counting the day the child turns 12 (CAPACITY_LAPSED)',
    { field: { subjectIds: [NOOR] }, consents: [parentOnly(NOOR)] },
    denies(DenyReason.CAPACITY_LAPSED),
  ),
  row(
    'the 12th birthday begins at midnight in Amsterdam: at 00:30 CEST the parent-only consent has lapsed',
    { field: { subjectIds: [NOOR] }, consents: [parentOnly(NOOR)], at: '2026-05-11T22:30:00Z' },
    denies(DenyReason.CAPACITY_LAPSED),
  ),
  row(
    'at 23:59:59 in Amsterdam the evening before the 12th birthday the parent-only consent still counts',
    { field: { subjectIds: [NOOR] }, consents: [parentOnly(NOOR)], at: '2026-05-11T21:59:59Z' },
    onConsent('consent-noor'),
  ),
  row(
    'a lapsed consent counts again once the 12-year-old co-signs',
    { field: { subjectIds: [NOOR] }, consents: [parentOnly(NOOR, { signedBy: [[MARIEKE, JANUARY], [NOOR, '2026-05-12T08:00:00Z']] })] },
    onConsent('consent-noor'),
  ),
  row(
    'a 13-year-old\'s consent signed by the child and a parent with authority counts',
    { field: { subjectIds: [DAAN] }, consents: [consent({ subjectMemberId: DAAN, signedBy: [[DAAN, JANUARY], [JOHAN, JANUARY]] })] },
    onConsent('consent-daan'),
  ),
  row(
    'a 13-year-old\'s consent signed by the child alone waits for a parent (CONSENT_PENDING)',
    { field: { subjectIds: [DAAN] }, consents: [consent({ subjectMemberId: DAAN })] },
    denies(DenyReason.CONSENT_PENDING),
  ),
  row(
    'a 13-year-old\'s consent signed by a parent alone waits for the child (CONSENT_PENDING)',
    { field: { subjectIds: [DAAN] }, consents: [parentOnly(DAAN)] },
    denies(DenyReason.CONSENT_PENDING),
  ),
  row(
    'a signature by someone without authority does not count: the 13-year-old and an older sister (CONSENT_PENDING)',
    { field: { subjectIds: [DAAN] }, consents: [consent({ subjectMemberId: DAAN, signedBy: [[DAAN, JANUARY], [SANNE, JANUARY]] })] },
    denies(DenyReason.CONSENT_PENDING),
  ),
  row(
    'a signature by someone without authority does not count: an 8-year-old\'s consent signed by her sister (CONSENT_PENDING)',
    { field: { subjectIds: [LOTTE] }, consents: [consent({ subjectMemberId: LOTTE, signedBy: [[SANNE, JANUARY]] })] },
    denies(DenyReason.CONSENT_PENDING),
  ),
  row(
    'a 15-year-old\'s consent signed by the child and a parent still counts on the 16th birthday',
    { field: { subjectIds: [TIM] }, consents: [consent({ subjectMemberId: TIM, signedBy: [[TIM, JANUARY], [MARIEKE, JANUARY]] })] },
    onConsent('consent-tim'),
  ),
  row(
    'a 15-year-old\'s consent signed by a parent alone never counted and still waits on the 16th birthday (CONSENT_PENDING)',
    { field: { subjectIds: [TIM] }, consents: [parentOnly(TIM)] },
    denies(DenyReason.CONSENT_PENDING),
  ),
  row(
    // Only reachable with a validity longer than the 12 months of DESIGN.md §3; the rule itself does not cap validity.
    'a consent without the child\'s own signature, sufficient when a parent signed before 12, does not count at 16 (CAPACITY_LAPSED)',
    { field: { subjectIds: [TIM] }, consents: [parentOnly(TIM, { signedBy: [[MARIEKE, '2021-06-01T00:00:00Z']], validFrom: '2021-06-01T00:00:00Z' })] },
    denies(DenyReason.CAPACITY_LAPSED),
  ),
  row(
    'a 16-year-old signs alone',
    { field: { subjectIds: [TIM] }, consents: [consent({ subjectMemberId: TIM, signedBy: [[TIM, '2026-05-12T08:00:00Z']] })] },
    onConsent('consent-tim'),
  ),
  row(
    'a 17-year-old\'s consent signed by a parent alone does not count (CONSENT_PENDING)',
    { field: { subjectIds: [SANNE] }, consents: [parentOnly(SANNE)] },
    denies(DenyReason.CONSENT_PENDING),
  ),
  row('a signature dated after the moment of access does not count yet (CONSENT_PENDING)', { consents: [consent({ signedBy: [[MARIEKE, '2026-05-12T10:00:01Z']] })] }, denies(DenyReason.CONSENT_PENDING)),
  row('a signature given at the moment of access counts', { consents: [consent({ signedBy: [[MARIEKE, NOW]] })] }, onConsent('consent-marieke')),

  // A subject whose birth date cannot be read: whose signatures count cannot be established, so consent does not count.
  row(
    'a consent signed by the child and a parent does not count when the child\'s birth date failed its integrity check (DATA_INTEGRITY)',
    { field: { subjectIds: [KIM] }, consents: [consent({ subjectMemberId: KIM, signedBy: [[KIM, JANUARY], [MARIEKE, JANUARY]] })] },
    denies(DenyReason.DATA_INTEGRITY),
  ),
  row(
    'an unreadable birth date does not touch what needs no consent: the organisation\'s own record about that child',
    { field: { subjectIds: [KIM], sourceOrganisationId: JEUGDHULP.organisationId } },
    allows({ kind: 'OWN_RECORD' }),
  ),

  // Of several covering consents: one that counts is enough; otherwise CAPACITY_LAPSED > PENDING > EXPIRED > REVOKED.
  row(
    'one covering consent that counts is enough, whatever the others\' state',
    { consents: [consent({ id: 'consent-old', revokedAt: '2026-03-01T00:00:00Z' }), consent({ id: 'consent-new' })] },
    onConsent('consent-new'),
  ),
  row(
    'of an expired and a revoked consent the reason is CONSENT_EXPIRED',
    { consents: [consent({ id: 'a', revokedAt: '2026-03-01T00:00:00Z' }), consent({ id: 'b', validUntil: '2026-05-01T00:00:00Z' })] },
    denies(DenyReason.CONSENT_EXPIRED),
  ),
  row(
    'of a pending and an expired consent the reason is CONSENT_PENDING',
    { consents: [consent({ id: 'a', validUntil: '2026-05-01T00:00:00Z' }), consent({ id: 'b', signedBy: [] })] },
    denies(DenyReason.CONSENT_PENDING),
  ),
  row(
    'of a not-yet-valid and a revoked consent the reason is CONSENT_PENDING',
    { consents: [consent({ id: 'a', revokedAt: '2026-03-01T00:00:00Z' }), consent({ id: 'b', validFrom: '2026-06-01T00:00:00Z' })] },
    denies(DenyReason.CONSENT_PENDING),
  ),
  row(
    'of a pending and a lapsed consent the reason is CAPACITY_LAPSED',
    { field: { subjectIds: [NOOR] }, consents: [consent({ id: 'a', subjectMemberId: NOOR, signedBy: [[NOOR, JANUARY]] }), parentOnly(NOOR, { id: 'b' })] },
    denies(DenyReason.CAPACITY_LAPSED),
  ),
  row(
    'of a lapsed, a pending, an expired and a revoked consent the reason is CAPACITY_LAPSED',
    {
      field: { subjectIds: [NOOR] },
      consents: [
        parentOnly(NOOR, { id: 'revoked', revokedAt: '2026-03-01T00:00:00Z' }),
        parentOnly(NOOR, { id: 'expired', validUntil: '2026-05-01T00:00:00Z' }),
        consent({ id: 'pending', subjectMemberId: NOOR, signedBy: [] }),
        parentOnly(NOOR, { id: 'lapsed' }),
      ],
    },
    denies(DenyReason.CAPACITY_LAPSED),
  ),

  // 3d. Break-glass.
  row(
    'a break-glass grant of the caller covering the category allows (BREAK_GLASS)',
    { purpose: 'CHILD_PROTECTION', field: { category: DataCategory.SAFETY, subjectIds: [DAAN] }, breakGlassGrants: [grant()] },
    allows({ kind: 'BREAK_GLASS', grantId: 'grant-1' }),
  ),
  row(
    'another professional\'s grant, even of the same organisation, does not count',
    { purpose: 'CHILD_PROTECTION', field: { category: DataCategory.SAFETY, subjectIds: [DAAN] }, breakGlassGrants: [grant({ professionalId: COLLEAGUE })] },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'an expired grant does not count',
    { purpose: 'CHILD_PROTECTION', field: { category: DataCategory.SAFETY, subjectIds: [DAAN] }, breakGlassGrants: [grant({ expiresAt: new Date('2026-05-12T09:59:59Z') })] },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'a grant expiring at the moment of access has expired',
    { purpose: 'CHILD_PROTECTION', field: { category: DataCategory.SAFETY, subjectIds: [DAAN] }, breakGlassGrants: [grant({ expiresAt: new Date(NOW) })] },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'a grant counts only for reads declaring its purpose, CHILD_PROTECTION',
    { purpose: 'CASE_COORDINATION', field: { category: DataCategory.CONTACT, subjectIds: [DAAN] }, breakGlassGrants: [grant()] },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'a grant not covering the category does not count',
    { purpose: 'CHILD_PROTECTION', field: { category: DataCategory.CARE_TRAJECTORY, subjectIds: [DAAN] }, breakGlassGrants: [grant()] },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'a break-glass grant allows where the covering consent was revoked',
    { purpose: 'CHILD_PROTECTION', field: { category: DataCategory.CONTACT }, consents: [consent({ purposes: ['CHILD_PROTECTION'], revokedAt: '2026-05-01T00:00:00Z' })], breakGlassGrants: [grant()] },
    allows({ kind: 'BREAK_GLASS', grantId: 'grant-1' }),
  ),
  row(
    'when the break-glass grant does not count either, the consent\'s reason is reported',
    { purpose: 'CHILD_PROTECTION', field: { category: DataCategory.CONTACT }, consents: [consent({ purposes: ['CHILD_PROTECTION'], revokedAt: '2026-05-01T00:00:00Z' })], breakGlassGrants: [grant({ professionalId: COLLEAGUE })] },
    denies(DenyReason.CONSENT_REVOKED),
  ),

  // 3e. Our story (OWN_WORDS, DESIGN.md §9): the family is its source, and it is shared only by consent.
  row(
    'our story is shared with a consent of its subject covering OWN_WORDS (CONSENT)',
    { field: STORY, consents: [consent({ categories: [DataCategory.OWN_WORDS] })] },
    onConsent('consent-marieke'),
  ),
  row('our story without a consent is NO_CONSENT: no organisation is its source', { field: STORY }, denies(DenyReason.NO_CONSENT)),
  row(
    'our story is reached by support planning too, with a consent that names it',
    { purpose: 'SUPPORT_PLANNING', field: STORY, consents: [consent({ purposes: ['SUPPORT_PLANNING'], categories: [DataCategory.OWN_WORDS] })] },
    onConsent('consent-marieke'),
  ),
  row(
    'our story is never reached for reintegration (PURPOSE_EXCLUDES_CATEGORY), even with consent',
    { caller: WMO_TEAM, purpose: 'REINTEGRATION', field: STORY, consents: [consent({ recipientOrganisationId: WMO_TEAM.organisationId, purposes: ['REINTEGRATION'], categories: [DataCategory.OWN_WORDS] })] },
    denies(DenyReason.PURPOSE_EXCLUDES_CATEGORY),
  ),
  row(
    'OWN_WORDS is consent-only: not even an organisation named as its source reads it as its own record',
    { field: { ...STORY, ...OWN } },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'OWN_WORDS is consent-only: a statutory task does not reach it, even where a purpose might',
    { caller: VEILIG_THUIS, purpose: 'CHILD_PROTECTION', widen: [DataCategory.OWN_WORDS], involvements: veiligThuisInvolved, field: STORY },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'OWN_WORDS is consent-only: a break-glass grant covering it does not count',
    { purpose: 'CHILD_PROTECTION', widen: [DataCategory.OWN_WORDS], field: STORY, breakGlassGrants: [grant({ categories: [DataCategory.OWN_WORDS] })] },
    denies(DenyReason.NO_CONSENT),
  ),
  row(
    'OWN_WORDS is consent-only: where consent was revoked, its reason is reported, not an emergency grant\'s allowance',
    {
      purpose: 'CHILD_PROTECTION',
      widen: [DataCategory.OWN_WORDS],
      field: STORY,
      consents: [consent({ purposes: ['CHILD_PROTECTION'], categories: [DataCategory.OWN_WORDS], revokedAt: '2026-05-01T00:00:00Z' })],
      breakGlassGrants: [grant({ categories: [DataCategory.OWN_WORDS] })],
    },
    denies(DenyReason.CONSENT_REVOKED),
  ),
  row(
    'a story about a 13-year-old follows his capacity: a parent\'s signature alone waits for his (CONSENT_PENDING)',
    { field: { ...STORY, subjectIds: [DAAN] }, consents: [parentOnly(DAAN, { categories: [DataCategory.OWN_WORDS] })] },
    denies(DenyReason.CONSENT_PENDING),
  ),

  // Deny by default.
  row(
    'deny by default: a field about nobody, from another source, is NO_CONSENT even with every consent in place',
    { field: { subjectIds: [] }, consents: [consent(), consent({ subjectMemberId: JOHAN })] },
    denies(DenyReason.NO_CONSENT),
  ),
  row('deny by default: a field about someone the family does not know is NO_CONSENT', { field: { subjectIds: ['stranger'] }, consents: [consent({ subjectMemberId: 'stranger' })] }, denies(DenyReason.NO_CONSENT)),
];

/** The bases a professional's access can rest on; a new kind missing here fails to compile. */
// INVOLVED_ORGANISATION is not the rule's: team leads read what a member addressed to them on it (escalation.ts).
const PROFESSIONAL_BASES: Record<Exclude<AccessBasis['kind'], 'DATA_SUBJECT' | 'SHOWN_TO_FAMILY' | 'INVOLVED_ORGANISATION'>, true> = { OWN_RECORD: true, STATUTORY_TASK: true, CONSENT: true, BREAK_GLASS: true };
/** Every reason code except the citizens' own. */
const PROFESSIONAL_REASONS = Object.values(DenyReason).filter((reason) => reason !== DenyReason.OTHER_MEMBER);

describe('decideFieldAccess: the one access rule (DESIGN.md §4)', () => {
  it.each(ROWS)('$rule', ({ question, expected }) => {
    const decision: AccessDecision = decideFieldAccess(question);

    expect(decision).toEqual({ ...expected, category: question.field.category });
  });

  it('the table proves every reason code and every basis of the professional rule, and nothing else', () => {
    const decisions = ROWS.map((r) => decideFieldAccess(r.question));
    const reasons = new Set(decisions.flatMap((d) => (d.allowed ? [] : [d.reason])));
    const bases = new Set(decisions.flatMap((d) => (d.allowed ? [d.basis.kind] : [])));

    expect([...reasons].sort()).toEqual([...PROFESSIONAL_REASONS].sort());
    expect([...bases].sort()).toEqual(Object.keys(PROFESSIONAL_BASES).sort());
  });

  it('every row names a different rule', () => {
    const names = ROWS.map((r) => r.rule);

    expect(new Set(names).size).toBe(names.length);
  });
});

describe('isInvolved', () => {
  const family = {
    involvements: [
      { organisationId: JEUGDHULP.organisationId, startsOn: '2026-01-01', endsOn: '2026-05-12' },
      { organisationId: WMO_TEAM.organisationId, startsOn: '2026-05-12', endsOn: null },
    ],
  };

  it.each<[string, string, string, boolean]>([
    ['on the first day of an involvement the organisation is involved', JEUGDHULP.organisationId, '2026-01-01', true],
    ['the day before it starts it is not', JEUGDHULP.organisationId, '2025-12-31', false],
    ['on the last day before its end date it is involved', JEUGDHULP.organisationId, '2026-05-11', true],
    ['on its end date it no longer is (endsOn is exclusive)', JEUGDHULP.organisationId, '2026-05-12', false],
    ['an involvement without an end date goes on', WMO_TEAM.organisationId, '2036-05-12', true],
    ['an organisation without an involvement is not involved', VEILIG_THUIS.organisationId, '2026-05-12', false],
  ])('%s', (_rule, organisationId, today, involved) => {
    expect(isInvolved(family, organisationId, today)).toBe(involved);
  });
});
