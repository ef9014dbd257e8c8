import { join } from 'node:path';
import type { SubjectFacts } from '@kring/consent';
import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';
import { DenyReason } from './access-decision';
import type { AccessQuestion, ConsentGrant } from './access-rule';
import { decideEscalationAccess, decideMemberEscalationAccess, type EscalationFacts } from './escalation';
import { PurposeCatalogue } from './purpose-catalogue';

const catalogue = PurposeCatalogue.fromFile(join(process.cwd(), 'libs/policy/purposes.json'));

// The De Vries family on Tuesday 12 May 2026: the parents and Daan (13).
const [MARIEKE, JOHAN, DAAN] = ['marieke', 'johan', 'daan'] as const;
const PARENTS = new Set<string>([MARIEKE, JOHAN]);
const SUBJECTS: ReadonlyMap<string, SubjectFacts> = new Map([
  [MARIEKE, { memberId: MARIEKE, birthDate: '1988-02-10', authorityHolders: new Set<string>() }],
  [JOHAN, { memberId: JOHAN, birthDate: '1985-01-20', authorityHolders: new Set<string>() }],
  [DAAN, { memberId: DAAN, birthDate: '2012-09-01', authorityHolders: PARENTS }],
]);
const AT = new Date('2026-05-12T10:00:00Z');
const WMO = 'org-wmo';
const SCHULDHULP = 'org-schuldhulp';
const VEILIG_THUIS = 'org-veilig-thuis';

const consentTo = (organisationId: string, category: DataCategory): ConsentGrant => ({
  id: `c-${organisationId}`,
  subjectMemberId: MARIEKE,
  recipientOrganisationId: organisationId,
  recipientDomain: null,
  categories: [category],
  purposes: ['CASE_COORDINATION'],
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validUntil: new Date('2026-12-31T00:00:00Z'),
  revokedAt: null,
  signatures: [{ memberId: MARIEKE, signedAt: new Date('2026-01-01T00:00:00Z') }],
});

/** A professional of `organisationId` (WMO's or debt assistance's), involved since 2025, asking for case coordination. */
function reader(organisationId: string, consents: readonly ConsentGrant[] = []): Omit<AccessQuestion, 'field'> {
  return {
    caller: { professionalId: 'p', organisationId, domain: organisationId === WMO ? Domain.WMO : Domain.DEBT_ASSISTANCE },
    purpose: catalogue.find('CASE_COORDINATION'),
    family: {
      familyId: 'f',
      involvements: [WMO, SCHULDHULP].map((o) => ({ organisationId: o, startsOn: '2025-01-01', endsOn: null })),
      subjects: SUBJECTS,
      consents,
      breakGlassGrants: [],
    },
    at: AT,
    today: '2026-05-12',
  };
}
const raisedBy = (organisationId: string | null, over: Partial<EscalationFacts> = {}): EscalationFacts => ({
  subjectMemberIds: [MARIEKE],
  category: organisationId === null ? DataCategory.OWN_WORDS : DataCategory.FINANCES,
  raisedByOrganisationId: organisationId,
  takenOnByOrganisationId: null,
  blockingOrganisationId: null,
  raisedByMemberId: organisationId === null ? MARIEKE : null,
  ...over,
});

describe('a professional reads an escalation through the one access rule (DESIGN.md §9, §4)', () => {
  it('what a professional raised is their organisation\'s own record: a team lead of that organisation reads it', () => {
    expect(decideEscalationAccess(reader(WMO), raisedBy(WMO), 'RAISED', true)).toEqual({ allowed: true, category: 'FINANCES', basis: { kind: 'OWN_RECORD' } });
  });

  it('another organisation\'s team lead reads it only with the family\'s consent: without, NO_CONSENT (its texts withheld, the escalation still listed)', () => {
    expect(decideEscalationAccess(reader(SCHULDHULP), raisedBy(WMO), 'RAISED', true)).toEqual({ allowed: false, category: 'FINANCES', reason: DenyReason.NO_CONSENT });
    expect(decideEscalationAccess(reader(SCHULDHULP, [consentTo(SCHULDHULP, DataCategory.FINANCES)]), raisedBy(WMO), 'RAISED', true)).toEqual({
      allowed: true,
      category: 'FINANCES',
      basis: { kind: 'CONSENT', consentIds: [`c-${SCHULDHULP}`] },
    });
  });

  it('the decision is the deciding organisation\'s record: its team leads read it, the raiser\'s organisation needs consent', () => {
    const decided = raisedBy(WMO, { takenOnByOrganisationId: SCHULDHULP });
    expect(decideEscalationAccess(reader(SCHULDHULP), decided, 'DECIDED', true)).toMatchObject({ allowed: true, basis: { kind: 'OWN_RECORD' } });
    expect(decideEscalationAccess(reader(WMO), decided, 'DECIDED', false)).toMatchObject({ allowed: false, reason: DenyReason.NO_CONSENT });
    expect(decideEscalationAccess(reader(WMO), decided, 'RAISED', false)).toMatchObject({ allowed: true, basis: { kind: 'OWN_RECORD' } });
  });

  it('a member\'s escalation is addressed to the team leads of the involved organisations: they read it (INVOLVED_ORGANISATION), a professional who is not a team lead only with consent to their own words', () => {
    expect(decideEscalationAccess(reader(SCHULDHULP), raisedBy(null), 'RAISED', true)).toEqual({ allowed: true, category: 'OWN_WORDS', basis: { kind: 'INVOLVED_ORGANISATION' } });
    expect(decideEscalationAccess(reader(SCHULDHULP), raisedBy(null), 'RAISED', false)).toEqual({ allowed: false, category: 'OWN_WORDS', reason: DenyReason.NO_CONSENT });
    expect(decideEscalationAccess(reader(SCHULDHULP, [consentTo(SCHULDHULP, DataCategory.OWN_WORDS)]), raisedBy(null), 'RAISED', false)).toMatchObject({ allowed: true, basis: { kind: 'CONSENT' } });
  });

  it('a team lead whose organisation is no longer involved reads nothing on that ground: NOT_INVOLVED', () => {
    const ended = reader(SCHULDHULP);
    const question = { ...ended, family: { ...ended.family, involvements: [{ organisationId: SCHULDHULP, startsOn: '2025-01-01', endsOn: '2026-05-01' }] } };
    expect(decideEscalationAccess(question, raisedBy(null), 'RAISED', true)).toMatchObject({ allowed: false, reason: DenyReason.NOT_INVOLVED });
  });
});

describe('a member sees the escalations about their reach, and no other', () => {
  const viewer = (memberId: string, shielded: readonly string[] = []) => ({ memberId, reach: new Set(memberId === DAAN ? [DAAN] : [memberId, DAAN]), shieldedOrganisationIds: new Set(shielded) });

  it.each([
    ['about themselves', MARIEKE, raisedBy(WMO), true],
    ['about a child in their care', JOHAN, raisedBy(WMO, { subjectMemberIds: [DAAN] }), true],
    ['about the other parent: not in view', JOHAN, raisedBy(WMO), false],
    ['about the mother and the child, to the child: not in view', DAAN, raisedBy(WMO, { subjectMemberIds: [MARIEKE, DAAN] }), false],
    ['raised by an organisation shielded from them: not in view', MARIEKE, raisedBy(VEILIG_THUIS), false],
    ['taken on by a team lead of an organisation shielded from them: not in view', MARIEKE, raisedBy(WMO, { takenOnByOrganisationId: VEILIG_THUIS }), false],
    ['naming a shielded organisation as what blocks, raised by another member: not in view', MARIEKE, raisedBy(null, { blockingOrganisationId: VEILIG_THUIS, raisedByMemberId: JOHAN }), false],
    ['naming a shielded organisation as what blocks, raised by themselves (they named it; it tells them nothing)', MARIEKE, raisedBy(null, { blockingOrganisationId: VEILIG_THUIS }), true],
    ['raised by themselves, taken on by a team lead of an organisation shielded from them: not in view', MARIEKE, raisedBy(null, { takenOnByOrganisationId: VEILIG_THUIS }), false],
  ])('%s', (_, memberId, escalation, inView) => {
    const decision = decideMemberEscalationAccess(viewer(memberId, [VEILIG_THUIS]), escalation);
    expect(decision.allowed).toBe(inView);
    if (inView) expect(decision).toMatchObject({ basis: { kind: 'DATA_SUBJECT' } });
  });
});
