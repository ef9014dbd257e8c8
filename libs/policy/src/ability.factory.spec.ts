import { join } from 'node:path';
import { dutchDate, type SubjectFacts } from '@kring/consent';
import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';
import { buildFieldAbility, familyField } from './ability.factory';
import { DenyReason, type AccessDecision } from './access-decision';
import { decideFieldAccess, type AccessQuestion, type FieldFacts } from './access-rule';
import { PurposeCatalogue } from './purpose-catalogue';

const catalogue = PurposeCatalogue.fromFile(join(process.cwd(), 'libs/policy/purposes.json'));

const JEUGDHULP = 'org-jeugdhulp';
const WMO_TEAM = 'org-wmo';
const MARIEKE = 'marieke';
const JOHAN = 'johan';
const AT = new Date('2026-05-12T10:00:00Z');

const adult = (memberId: string, birthDate: string): SubjectFacts => ({ memberId, birthDate, authorityHolders: new Set() });

/** Jeugdhulp, involved, asks for CASE_COORDINATION; Marieke consented to CONTACT for it, Johan to nothing. */
const request: Omit<AccessQuestion, 'field'> = {
  caller: { professionalId: 'prof-jeugdhulp-1', organisationId: JEUGDHULP, domain: Domain.YOUTH_CARE },
  purpose: catalogue.find('CASE_COORDINATION'),
  family: {
    familyId: 'family-de-vries',
    involvements: [{ organisationId: JEUGDHULP, startsOn: '2025-09-01', endsOn: null }],
    subjects: new Map([adult(MARIEKE, '1988-02-10'), adult(JOHAN, '1985-01-20')].map((s) => [s.memberId, s])),
    consents: [
      {
        id: 'consent-marieke',
        subjectMemberId: MARIEKE,
        recipientOrganisationId: JEUGDHULP,
        recipientDomain: null,
        categories: [DataCategory.CONTACT],
        purposes: ['CASE_COORDINATION'],
        validFrom: new Date('2026-01-01T00:00:00Z'),
        validUntil: new Date('2027-01-01T00:00:00Z'),
        revokedAt: null,
        signatures: [{ memberId: MARIEKE, signedAt: new Date('2026-01-01T00:00:00Z') }],
      },
    ],
    breakGlassGrants: [],
  },
  at: AT,
  today: dutchDate(AT),
};

const decide = (field: FieldFacts): AccessDecision => decideFieldAccess({ ...request, field });

const FIELDS: readonly [string, FieldFacts, boolean][] = [
  ['its own record', { category: DataCategory.FINANCES, sourceOrganisationId: JEUGDHULP, subjectIds: [JOHAN] }, true],
  ['a field with a consent that counts', { category: DataCategory.CONTACT, sourceOrganisationId: WMO_TEAM, subjectIds: [MARIEKE] }, true],
  ['a field the purpose excludes', { category: DataCategory.HEALTH, sourceOrganisationId: WMO_TEAM, subjectIds: [MARIEKE] }, false],
  ['a field without consent', { category: DataCategory.FINANCES, sourceOrganisationId: WMO_TEAM, subjectIds: [JOHAN] }, false],
  ['a joint field where one subject has not consented', { category: DataCategory.CONTACT, sourceOrganisationId: WMO_TEAM, subjectIds: [MARIEKE, JOHAN] }, false],
  ['a field about nobody from another source', { category: DataCategory.CONTACT, sourceOrganisationId: WMO_TEAM, subjectIds: [] }, false],
];

describe('buildFieldAbility: the CASL ability delegates to the access rule', () => {
  const sut = buildFieldAbility(decide);

  it.each(FIELDS)('%s: the ability reads exactly when the rule allows', (_case, field, allowed) => {
    expect(decide(field).allowed).toBe(allowed);
    expect(sut.can('read', familyField(field))).toBe(allowed);
    expect(sut.cannot('read', familyField(field))).toBe(!allowed);
  });

  it('a field whose decision denies cannot be read (deny by default)', () => {
    const denyAll = buildFieldAbility((field) => ({ allowed: false, category: field.category, reason: DenyReason.NO_CONSENT }));
    const field: FieldFacts = { category: DataCategory.CONTACT, sourceOrganisationId: JEUGDHULP, subjectIds: [MARIEKE] };

    expect(denyAll.can('read', familyField(field))).toBe(false);
    expect(denyAll.cannot('read', familyField(field))).toBe(true);
  });

  it('the ability asks the rule about the very field it is given, each time', () => {
    const asked: FieldFacts[] = [];
    const ability = buildFieldAbility((field) => {
      asked.push({ category: field.category, sourceOrganisationId: field.sourceOrganisationId, subjectIds: [...field.subjectIds] });
      return decide(field);
    });
    const [, first] = FIELDS[0] ?? [];
    const [, second] = FIELDS[2] ?? [];
    if (first === undefined || second === undefined) throw new Error('the table lost its rows');

    expect(ability.can('read', familyField(first))).toBe(true);
    expect(ability.can('read', familyField(second))).toBe(false);
    expect(asked).toEqual([first, second]);
  });

  it('familyField tags the facts as a FamilyField without changing them', () => {
    const field: FieldFacts = { category: DataCategory.CONTACT, sourceOrganisationId: WMO_TEAM, subjectIds: [MARIEKE] };
    const tagged = familyField(field);

    expect(tagged).toMatchObject(field);
    expect(tagged).not.toBe(field);
    expect(tagged.__caslSubjectType__).toBe('FamilyField');
  });
});
