import { DataCategory } from '@kring/family-file';
import { DenyReason, type AccessDecision } from '@kring/policy';
import type { DecidedTarget } from './family-file.assembler';
import { readEntries } from './read-entries';

const OWN = 'org-own';
const OTHER = 'org-other';
const allowed = (category: DataCategory, basis: Extract<AccessDecision, { allowed: true }>['basis']): AccessDecision => ({ allowed: true, category, basis });
const denied = (category: DataCategory, reason: DenyReason): AccessDecision => ({ allowed: false, category, reason });
const target = (
  targetKind: DecidedTarget['targetKind'],
  targetId: string,
  decision: AccessDecision,
  subjectIds: string[],
  fields: string[],
  sourceOrganisationId = OWN,
): DecidedTarget => ({ targetKind, targetId, category: decision.category, subjectIds, sourceOrganisationId, decision, fields });

describe('readEntries: the access-log entries of one read, one per group of decisions', () => {
  it('groups by kind, category, source, decision and basis or reason; lists every target once, in the order first seen', () => {
    const decided = [
      target('MEMBER', 'm-2', allowed(DataCategory.PERSONAL_IDENTITY, { kind: 'OWN_RECORD' }), ['m-2'], ['name', 'birthDate']),
      target('MEMBER', 'm-2', denied(DataCategory.NATIONAL_ID, DenyReason.PURPOSE_EXCLUDES_CATEGORY), ['m-2'], ['bsn']),
      target('MEMBER', 'm-2', allowed(DataCategory.HOUSEHOLD, { kind: 'OWN_RECORD' }), ['m-2'], ['relation']),
      // The same target again in a group (its authority, about it and its children): listed once.
      target('MEMBER', 'm-2', allowed(DataCategory.HOUSEHOLD, { kind: 'OWN_RECORD' }), ['m-2', 'm-3'], ['holdsAuthorityOver']),
      target('MEMBER', 'm-1', allowed(DataCategory.PERSONAL_IDENTITY, { kind: 'OWN_RECORD' }), ['m-1'], ['name', 'birthDate']),
      target('MEMBER', 'm-1', denied(DataCategory.NATIONAL_ID, DenyReason.PURPOSE_EXCLUDES_CATEGORY), ['m-1'], ['bsn']),
      target('RECORD', 'r-9', allowed(DataCategory.FINANCES, { kind: 'CONSENT', consentIds: ['c-2'] }), ['m-2'], ['income'], OTHER),
      target('RECORD', 'r-4', allowed(DataCategory.FINANCES, { kind: 'CONSENT', consentIds: ['c-1', 'c-2'] }), ['m-1', 'm-2'], ['debts', 'creditors'], OTHER),
      // Same category and source, another outcome or reason: other entries.
      target('RECORD', 'r-5', denied(DataCategory.FINANCES, DenyReason.NO_CONSENT), ['m-3'], ['debts'], OTHER),
      target('RECORD', 'r-6', denied(DataCategory.FINANCES, DenyReason.CONSENT_EXPIRED), ['m-3'], ['debts'], OTHER),
      // Same category, another source: another entry.
      target('RECORD', 'r-7', allowed(DataCategory.FINANCES, { kind: 'OWN_RECORD' }), ['m-1'], ['income']),
      target('INVOLVEMENT', 'i-1', allowed(DataCategory.INVOLVEMENT, { kind: 'OWN_RECORD' }), ['m-1', 'm-2', 'm-3'], ['involvement']),
      // Same category as the involvement, another kind: another entry.
      target('RECORD', 'r-9', allowed(DataCategory.INVOLVEMENT, { kind: 'CONSENT', consentIds: ['c-3'] }), ['m-2'], ['sourceOrganisation'], OTHER),
    ];
    const entries = readEntries('READ_FAMILY_FILE', 'CASE_COORDINATION', 'f-1', decided);

    expect(entries.map((e) => [e.targetKind, e.category, e.sourceOrganisationId, e.decision, e.basis ?? e.reason, e.targetIds])).toEqual([
      ['MEMBER', 'PERSONAL_IDENTITY', OWN, 'ALLOWED', 'OWN_RECORD', ['m-2', 'm-1']],
      ['MEMBER', 'NATIONAL_ID', OWN, 'DENIED', 'PURPOSE_EXCLUDES_CATEGORY', ['m-2', 'm-1']],
      ['MEMBER', 'HOUSEHOLD', OWN, 'ALLOWED', 'OWN_RECORD', ['m-2']],
      ['RECORD', 'FINANCES', OTHER, 'ALLOWED', 'CONSENT', ['r-9', 'r-4']],
      ['RECORD', 'FINANCES', OTHER, 'DENIED', 'NO_CONSENT', ['r-5']],
      ['RECORD', 'FINANCES', OTHER, 'DENIED', 'CONSENT_EXPIRED', ['r-6']],
      ['RECORD', 'FINANCES', OWN, 'ALLOWED', 'OWN_RECORD', ['r-7']],
      ['INVOLVEMENT', 'INVOLVEMENT', OWN, 'ALLOWED', 'OWN_RECORD', ['i-1']],
      ['RECORD', 'INVOLVEMENT', OTHER, 'ALLOWED', 'CONSENT', ['r-9']],
    ]);
    expect(entries.every((e) => e.activity === 'READ_FAMILY_FILE' && e.purpose === 'CASE_COORDINATION' && e.familyId === 'f-1')).toBe(true);
  });

  it('unites subjects, fields and basis references, sorted; a denied entry has no basis and no references', () => {
    const entries = readEntries('READ_FAMILY_FILE', 'CASE_COORDINATION', 'f-1', [
      target('RECORD', 'r-9', allowed(DataCategory.FINANCES, { kind: 'CONSENT', consentIds: ['c-2'] }), ['m-2'], ['income', 'employer'], OTHER),
      target('RECORD', 'r-4', allowed(DataCategory.FINANCES, { kind: 'CONSENT', consentIds: ['c-2', 'c-1'] }), ['m-2', 'm-1'], ['debts', 'income'], OTHER),
      target('RECORD', 'r-5', denied(DataCategory.FINANCES, DenyReason.NO_CONSENT), ['m-3'], ['debts'], OTHER),
    ]);
    expect(entries[0]).toEqual({
      activity: 'READ_FAMILY_FILE',
      purpose: 'CASE_COORDINATION',
      familyId: 'f-1',
      subjectMemberIds: ['m-1', 'm-2'],
      targetKind: 'RECORD',
      targetIds: ['r-9', 'r-4'],
      sourceOrganisationId: OTHER,
      category: 'FINANCES',
      fields: ['debts', 'employer', 'income'],
      decision: 'ALLOWED',
      basis: 'CONSENT',
      basisRefs: ['c-1', 'c-2'],
      reason: null,
      breakGlass: false,
    });
    expect(entries[1]).toMatchObject({ decision: 'DENIED', basis: null, basisRefs: [], reason: 'NO_CONSENT', breakGlass: false, targetIds: ['r-5'], subjectMemberIds: ['m-3'] });
  });

  it('break-glass is its own group, marked, with the grant as reference; a citizen\'s read groups the same way', () => {
    const [grant] = readEntries('READ_FAMILY_FILE', 'CHILD_PROTECTION', 'f-1', [
      target('RECORD', 'r-1', allowed(DataCategory.CONTACT, { kind: 'BREAK_GLASS', grantId: 'g-1' }), ['m-1'], ['phone'], OTHER),
      target('RECORD', 'r-2', allowed(DataCategory.CONTACT, { kind: 'BREAK_GLASS', grantId: 'g-1' }), ['m-2'], ['address'], OTHER),
      target('RECORD', 'r-3', allowed(DataCategory.CONTACT, { kind: 'CONSENT', consentIds: ['c-1'] }), ['m-1'], ['phone'], OTHER),
    ]);
    expect(grant).toMatchObject({ basis: 'BREAK_GLASS', breakGlass: true, basisRefs: ['g-1'], targetIds: ['r-1', 'r-2'] });

    const own = readEntries('READ_OWN_FILE', null, 'f-1', [
      target('MEMBER', 'm-1', allowed(DataCategory.PERSONAL_IDENTITY, { kind: 'DATA_SUBJECT' }), ['m-1'], ['name']),
      target('MEMBER', 'm-3', allowed(DataCategory.PERSONAL_IDENTITY, { kind: 'DATA_SUBJECT' }), ['m-3'], ['name']),
      target('MEMBER', 'm-2', denied(DataCategory.PERSONAL_IDENTITY, DenyReason.OTHER_MEMBER), ['m-2'], ['name']),
    ]);
    expect(own.map((e) => [e.activity, e.purpose, e.decision, e.targetIds])).toEqual([
      ['READ_OWN_FILE', null, 'ALLOWED', ['m-1', 'm-3']],
      ['READ_OWN_FILE', null, 'DENIED', ['m-2']],
    ]);
  });

  it('every decided (target, category) is in exactly the entries that hold its outcome, and nothing else is', () => {
    const decided = [
      target('MEMBER', 'm-1', allowed(DataCategory.HOUSEHOLD, { kind: 'OWN_RECORD' }), ['m-1'], ['relation']),
      target('MEMBER', 'm-1', denied(DataCategory.HOUSEHOLD, DenyReason.NO_CONSENT), ['m-1', 'm-3'], ['holdsAuthorityOver']),
      target('RECORD', 'r-1', allowed(DataCategory.CONTACT, { kind: 'OWN_RECORD' }), ['m-1'], ['phone']),
      target('RECORD', 'r-1', allowed(DataCategory.INVOLVEMENT, { kind: 'OWN_RECORD' }), ['m-1'], ['sourceOrganisation']),
    ];
    const entries = readEntries('READ_FAMILY_FILE', 'CASE_COORDINATION', 'f-1', decided);
    const listed = entries.flatMap((e) => e.targetIds.map((id) => `${e.targetKind}|${id}|${e.category}|${e.decision}`)).sort();
    expect(listed).toEqual(decided.map((d) => `${d.targetKind}|${d.targetId}|${d.category}|${d.decision.allowed ? 'ALLOWED' : 'DENIED'}`).sort());
    expect(readEntries('READ_FAMILY_FILE', 'CASE_COORDINATION', 'f-1', [])).toEqual([]);
  });
});
