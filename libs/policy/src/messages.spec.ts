import { join } from 'node:path';
import type { SubjectFacts } from '@kring/consent';
import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';
import { DenyReason } from './access-decision';
import type { AccessQuestion, ConsentGrant } from './access-rule';
import { decideMemberThreadAccess, decideThreadAccess, mayNotBeKeptOut, membersWhoCannotReadWhole, type ThreadFacts } from './messages';
import { PurposeCatalogue } from './purpose-catalogue';

const catalogue = PurposeCatalogue.fromFile(join(process.cwd(), 'libs/policy/purposes.json'));

// The De Vries family on Tuesday 12 May 2026: the parents, Sanne (17), Daan (13), Lotte (8),
// Noor (12 today) and Kim, whose stored birth date failed its integrity check.
const [MARIEKE, JOHAN, SANNE, DAAN, LOTTE, NOOR, KIM] = ['marieke', 'johan', 'sanne', 'daan', 'lotte', 'noor', 'kim'] as const;
const BORN: Record<string, string | null> = { marieke: '1988-02-10', johan: '1985-01-20', sanne: '2009-03-03', daan: '2012-09-01', lotte: '2018-04-04', noor: '2014-05-12', kim: null };
const PARENTS = new Set([MARIEKE, JOHAN]);
const SUBJECTS: ReadonlyMap<string, SubjectFacts> = new Map(
  Object.entries(BORN).map(([memberId, birthDate]) => [memberId, { memberId, birthDate, authorityHolders: PARENTS.has(memberId as never) ? new Set<string>() : PARENTS }]),
);
const TODAY = '2026-05-12';
const AT = new Date('2026-05-12T10:00:00Z');

const JEUGDHULP = 'org-jeugdhulp';
const WMO = 'org-wmo';
const VEILIG_THUIS = 'org-veilig-thuis';

/** Jeugdhulp's consent about `subject` on `categories` for case coordination, signed on 1 January by `signedBy`. */
const consentAbout = (subject: string, signedBy: readonly string[], extra: Partial<ConsentGrant> = {}): ConsentGrant => ({
  id: `c-${subject}`,
  subjectMemberId: subject,
  recipientOrganisationId: JEUGDHULP,
  recipientDomain: null,
  categories: [DataCategory.FINANCES],
  purposes: ['CASE_COORDINATION'],
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validUntil: new Date('2026-12-31T00:00:00Z'),
  revokedAt: null,
  signatures: signedBy.map((memberId) => ({ memberId, signedAt: new Date('2026-01-01T00:00:00Z') })),
  ...extra,
});

/** A participant of Jeugdhulp (or of `domain`'s organisation), involved since 2025, reading a thread for `purpose`. */
function participant(over: { consents?: readonly ConsentGrant[]; purpose?: string; organisationId?: string; domain?: Domain; endsOn?: string | null; grants?: AccessQuestion['family']['breakGlassGrants'] } = {}): Omit<AccessQuestion, 'field'> {
  const organisationId = over.organisationId ?? JEUGDHULP;
  return {
    caller: { professionalId: 'prof-1', organisationId, domain: over.domain ?? Domain.YOUTH_CARE },
    purpose: catalogue.find(over.purpose ?? 'CASE_COORDINATION'),
    family: { familyId: 'f', involvements: [{ organisationId, startsOn: '2025-01-01', endsOn: over.endsOn ?? null }], subjects: SUBJECTS, consents: over.consents ?? [], breakGlassGrants: over.grants ?? [] },
    at: AT,
    today: TODAY,
  };
}
const thread = (subjectMemberIds: readonly string[], category = DataCategory.FINANCES) => ({ subjectMemberIds, category });
const denies = (reason: DenyReason, category = DataCategory.FINANCES) => ({ allowed: false, category, reason });
const allowsOn = (basis: object, category = DataCategory.FINANCES) => ({ allowed: true, category, basis });

describe('a professional participant reads a thread through the one access rule (DESIGN.md §9, §4)', () => {
  it.each([
    ['with a consent that counts for its one subject', participant({ consents: [consentAbout(MARIEKE, [MARIEKE])] }), thread([MARIEKE]), allowsOn({ kind: 'CONSENT', consentIds: ['c-marieke'] })],
    ['without a consent: NO_CONSENT, even for the organisation that started it (a thread is nobody\'s own record)', participant(), thread([MARIEKE]), denies(DenyReason.NO_CONSENT)],
    ['about two members, with a consent for one only', participant({ consents: [consentAbout(MARIEKE, [MARIEKE])] }), thread([MARIEKE, LOTTE]), denies(DenyReason.NO_CONSENT)],
    [
      'about two members, with a consent for each',
      participant({ consents: [consentAbout(MARIEKE, [MARIEKE]), consentAbout(LOTTE, [JOHAN])] }),
      thread([MARIEKE, LOTTE]),
      allowsOn({ kind: 'CONSENT', consentIds: ['c-marieke', 'c-lotte'] }),
    ],
    ['a consent revoked: closed from that moment', participant({ consents: [consentAbout(MARIEKE, [MARIEKE], { revokedAt: new Date('2026-05-12T09:00:00Z') })] }), thread([MARIEKE]), denies(DenyReason.CONSENT_REVOKED)],
    ['a consent expired', participant({ consents: [consentAbout(MARIEKE, [MARIEKE], { validUntil: new Date('2026-05-01T00:00:00Z') })] }), thread([MARIEKE]), denies(DenyReason.CONSENT_EXPIRED)],
    ['a parent\'s consent alone for a child who turns 12 today: capacity lapsed', participant({ consents: [consentAbout(NOOR, [MARIEKE])] }), thread([NOOR]), denies(DenyReason.CAPACITY_LAPSED)],
    ['a parent\'s consent alone for a child of 13: waits for the child', participant({ consents: [consentAbout(DAAN, [MARIEKE])] }), thread([DAAN]), denies(DenyReason.CONSENT_PENDING)],
    ['the child and a parent signed for a child of 13', participant({ consents: [consentAbout(DAAN, [DAAN, MARIEKE])] }), thread([DAAN]), allowsOn({ kind: 'CONSENT', consentIds: ['c-daan'] })],
    ['its organisation\'s involvement ended yesterday', participant({ consents: [consentAbout(MARIEKE, [MARIEKE])], endsOn: '2026-05-11' }), thread([MARIEKE]), denies(DenyReason.NOT_INVOLVED)],
    ['a thread whose purpose never reaches its category (health under case coordination)', participant({ consents: [consentAbout(MARIEKE, [MARIEKE], { categories: [DataCategory.HEALTH] })] }), thread([MARIEKE], DataCategory.HEALTH), denies(DenyReason.PURPOSE_EXCLUDES_CATEGORY, DataCategory.HEALTH)],
    ['a thread whose purpose the participant\'s domain may not use (debt resolution for youth care)', participant({ purpose: 'DEBT_RESOLUTION' }), thread([MARIEKE]), denies(DenyReason.PURPOSE_NOT_FOR_DOMAIN)],
    ['a thread whose purpose left the catalogue', participant({ purpose: 'NO_LONGER_A_PURPOSE' }), thread([MARIEKE]), denies(DenyReason.UNKNOWN_PURPOSE)],
    [
      'Veilig Thuis on a child-protection thread about safety: its statutory task',
      participant({ organisationId: VEILIG_THUIS, domain: Domain.CHILD_SAFETY, purpose: 'CHILD_PROTECTION' }),
      thread([LOTTE], DataCategory.SAFETY),
      allowsOn({ kind: 'STATUTORY_TASK' }, DataCategory.SAFETY),
    ],
    [
      'an emergency grant of the participant covering the thread\'s category',
      participant({ purpose: 'CHILD_PROTECTION', grants: [{ id: 'g-1', professionalId: 'prof-1', purpose: 'CHILD_PROTECTION', categories: [DataCategory.SAFETY], expiresAt: new Date('2026-05-12T12:00:00Z') }] }),
      thread([LOTTE], DataCategory.SAFETY),
      allowsOn({ kind: 'BREAK_GLASS', grantId: 'g-1' }, DataCategory.SAFETY),
    ],
  ] as const)('%s', (_case, question, facts, expected) => {
    expect(decideThreadAccess(question, facts)).toEqual(expected);
  });
});

describe('who a thread may not be kept from (DESIGN.md §9)', () => {
  it.each([
    ['a thread about a member of 16 or more: that member', [SANNE], [SANNE]],
    ['about an adult: that adult, not their partner', [MARIEKE], [MARIEKE]],
    ['about a child of 13: the parents with authority, not the child', [DAAN], [JOHAN, MARIEKE]],
    ['about a child who turns 12 today: the parents', [NOOR], [JOHAN, MARIEKE]],
    ['about a child whose age cannot be established: the child and the parents', [KIM], [JOHAN, KIM, MARIEKE]],
    ['about two children under 16: the parents', [DAAN, LOTTE], [JOHAN, MARIEKE]],
    ['about someone the family does not know: nobody', ['stranger'], []],
  ] as const)('%s', (_case, subjects, expected) => {
    expect([...mayNotBeKeptOut(subjects, SUBJECTS, TODAY)].sort()).toEqual(expected);
  });

  it.each([
    ['a thread about one member: everyone it may not be kept from reads it whole', [MARIEKE], [], []],
    ['about two children under 16: both parents have both in reach', [DAAN, LOTTE], [], []],
    ['about both parents: neither has the other in reach', [MARIEKE, JOHAN], [], [JOHAN, MARIEKE]],
    ['about a 17-year-old and her brother of 13: she has not him in reach, nor her parents her', [SANNE, DAAN], [], [JOHAN, MARIEKE, SANNE]],
    ['about the mother and her son of 13: the father may not be kept out, and has not the mother in reach', [MARIEKE, DAAN], [], [JOHAN]],
    ['the same, shielded from the father: it does not exist in his view, so it can be shared whole', [MARIEKE, DAAN], [JOHAN], []],
    ['about a child whose age cannot be established: the parents cannot have the child in reach', [KIM], [], [JOHAN, MARIEKE]],
  ] as const)('%s', (_case, subjects, exempt, expected) => {
    expect(membersWhoCannotReadWhole(subjects, SUBJECTS, TODAY, new Set(exempt))).toEqual(expected);
  });
});

describe('which threads exist in a member\'s view (DESIGN.md §9)', () => {
  const marieke = (shielded: readonly string[] = []) => ({ reach: new Set([MARIEKE, DAAN, LOTTE]), shieldedOrganisationIds: new Set(shielded) });
  const facts = (subjectMemberIds: readonly string[], organisationIds: readonly string[] = [WMO]): ThreadFacts => ({ subjectMemberIds, category: DataCategory.FINANCES, organisationIds });
  const inView = { allowed: true, category: DataCategory.FINANCES, basis: { kind: 'DATA_SUBJECT' } };
  const absent = { allowed: false, category: DataCategory.FINANCES, reason: DenyReason.OTHER_MEMBER };

  it.each([
    ['a thread about herself', marieke(), facts([MARIEKE]), inView],
    ['about two children in her reach', marieke(), facts([DAAN, LOTTE]), inView],
    ['about her 17-year-old', marieke(), facts([SANNE]), absent],
    ['about a child in her reach and her 17-year-old', marieke(), facts([DAAN, SANNE]), absent],
    ['about the father', marieke(), facts([JOHAN]), absent],
    ['about nobody', marieke(), facts([]), absent],
    ['about her child, started by an organisation shielded from her', marieke([VEILIG_THUIS]), facts([LOTTE], [VEILIG_THUIS]), absent],
    ['about herself, with an organisation shielded from her taking part', marieke([VEILIG_THUIS]), facts([MARIEKE], [WMO, VEILIG_THUIS]), absent],
    ['about herself, with another organisation shielded from someone else', marieke([JEUGDHULP]), facts([MARIEKE], [WMO, VEILIG_THUIS]), inView],
  ] as const)('%s', (_case, viewer, thread, expected) => {
    expect(decideMemberThreadAccess(viewer, thread)).toEqual(expected);
  });
});
