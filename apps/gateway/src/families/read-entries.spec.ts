import { DataCategory } from '@kring/family-file';
import { DenyReason, type AccessDecision } from '@kring/policy';
import type { DecidedTarget } from './family-file.assembler';
import type { EntryDraft } from '../access-log/audit.service';
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

/** A decision as a line: kind, category, source, outcome, basis or reason, targets. */
const line = (d: EntryDraft['decisions'][number]) => [d.targetKind, d.category, d.sourceOrganisationId, d.outcome, d.basis ?? d.reason, d.targetIds];

describe('readEntries: the access-log entries of one read, one per data subject (DESIGN.md §10)', () => {
  it('writes one entry per subject, in the order first met, each with that subject\'s decisions grouped by kind, category, source and outcome', () => {
    const decided = [
      target('MEMBER', 'm-2', allowed(DataCategory.PERSONAL_IDENTITY, { kind: 'OWN_RECORD' }), ['m-2'], ['name', 'birthDate']),
      target('MEMBER', 'm-2', denied(DataCategory.NATIONAL_ID, DenyReason.PURPOSE_EXCLUDES_CATEGORY), ['m-2'], ['bsn']),
      target('MEMBER', 'm-2', allowed(DataCategory.HOUSEHOLD, { kind: 'OWN_RECORD' }), ['m-2'], ['relation']),
      // The same target again (its authority, about it and its children): listed once in m-2's entry, and in m-3's.
      target('MEMBER', 'm-2', allowed(DataCategory.HOUSEHOLD, { kind: 'OWN_RECORD' }), ['m-2', 'm-3'], ['holdsAuthorityOver']),
      target('MEMBER', 'm-1', allowed(DataCategory.PERSONAL_IDENTITY, { kind: 'OWN_RECORD' }), ['m-1'], ['name', 'birthDate']),
      target('RECORD', 'r-9', allowed(DataCategory.FINANCES, { kind: 'CONSENT', consentIds: ['c-2'] }), ['m-2'], ['income'], OTHER),
      target('RECORD', 'r-4', allowed(DataCategory.FINANCES, { kind: 'CONSENT', consentIds: ['c-1', 'c-2'] }), ['m-1', 'm-2'], ['debts', 'creditors'], OTHER),
      // Same category and source, another reason: another decision.
      target('RECORD', 'r-5', denied(DataCategory.FINANCES, DenyReason.NO_CONSENT), ['m-3'], ['debts'], OTHER),
      target('RECORD', 'r-6', denied(DataCategory.FINANCES, DenyReason.CONSENT_EXPIRED), ['m-3'], ['debts'], OTHER),
      // Same category, another source: another decision.
      target('RECORD', 'r-7', allowed(DataCategory.FINANCES, { kind: 'OWN_RECORD' }), ['m-1'], ['income']),
      // About no member: the entry of no subject.
      target('INVOLVEMENT', 'i-1', allowed(DataCategory.INVOLVEMENT, { kind: 'OWN_RECORD' }), [], ['involvement']),
    ];
    const entries = readEntries('READ_FAMILY_FILE', 'CASE_COORDINATION', 'f-1', decided);

    expect(entries.map((e) => e.subjectMemberIds)).toEqual([['m-2'], ['m-3'], ['m-1'], []]);
    const [m2, m3, m1, none] = entries as [EntryDraft, EntryDraft, EntryDraft, EntryDraft];
    expect(m2.decisions.map(line)).toEqual([
      ['MEMBER', 'PERSONAL_IDENTITY', OWN, 'ALLOWED', 'OWN_RECORD', ['m-2']],
      ['MEMBER', 'NATIONAL_ID', OWN, 'DENIED', 'PURPOSE_EXCLUDES_CATEGORY', ['m-2']],
      ['MEMBER', 'HOUSEHOLD', OWN, 'ALLOWED', 'OWN_RECORD', ['m-2']],
      ['RECORD', 'FINANCES', OTHER, 'ALLOWED', 'CONSENT', ['r-9', 'r-4']],
    ]);
    expect(m3.decisions.map(line)).toEqual([
      ['MEMBER', 'HOUSEHOLD', OWN, 'ALLOWED', 'OWN_RECORD', ['m-2']],
      ['RECORD', 'FINANCES', OTHER, 'DENIED', 'NO_CONSENT', ['r-5']],
      ['RECORD', 'FINANCES', OTHER, 'DENIED', 'CONSENT_EXPIRED', ['r-6']],
    ]);
    expect(m1.decisions.map(line)).toEqual([
      ['MEMBER', 'PERSONAL_IDENTITY', OWN, 'ALLOWED', 'OWN_RECORD', ['m-1']],
      ['RECORD', 'FINANCES', OTHER, 'ALLOWED', 'CONSENT', ['r-4']],
      ['RECORD', 'FINANCES', OWN, 'ALLOWED', 'OWN_RECORD', ['r-7']],
    ]);
    expect(none.decisions.map(line)).toEqual([['INVOLVEMENT', 'INVOLVEMENT', OWN, 'ALLOWED', 'OWN_RECORD', ['i-1']]]);
    expect(entries.every((e) => e.activity === 'READ_FAMILY_FILE' && e.purpose === 'CASE_COORDINATION' && e.familyId === 'f-1' && !e.breakGlass)).toBe(true);
  });

  it('unites fields and basis references, sorted; a denied decision has no basis and no references', () => {
    const [m2, m1] = readEntries('READ_FAMILY_FILE', 'CASE_COORDINATION', 'f-1', [
      target('RECORD', 'r-9', allowed(DataCategory.FINANCES, { kind: 'CONSENT', consentIds: ['c-2'] }), ['m-2'], ['income', 'employer'], OTHER),
      target('RECORD', 'r-4', allowed(DataCategory.FINANCES, { kind: 'CONSENT', consentIds: ['c-2', 'c-1'] }), ['m-2', 'm-1'], ['debts', 'income'], OTHER),
      target('RECORD', 'r-5', denied(DataCategory.FINANCES, DenyReason.NO_CONSENT), ['m-1'], ['debts'], OTHER),
    ]) as [EntryDraft, EntryDraft];
    expect(m2).toEqual({
      activity: 'READ_FAMILY_FILE',
      purpose: 'CASE_COORDINATION',
      familyId: 'f-1',
      subjectMemberIds: ['m-2'],
      decisions: [
        { targetKind: 'RECORD', targetIds: ['r-9', 'r-4'], sourceOrganisationId: OTHER, category: 'FINANCES', fields: ['debts', 'employer', 'income'], outcome: 'ALLOWED', basis: 'CONSENT', basisRefs: ['c-1', 'c-2'], reason: null },
      ],
      breakGlass: false,
    });
    expect(m1.decisions).toEqual([
      { targetKind: 'RECORD', targetIds: ['r-4'], sourceOrganisationId: OTHER, category: 'FINANCES', fields: ['debts', 'income'], outcome: 'ALLOWED', basis: 'CONSENT', basisRefs: ['c-1', 'c-2'], reason: null },
      { targetKind: 'RECORD', targetIds: ['r-5'], sourceOrganisationId: OTHER, category: 'FINANCES', fields: ['debts'], outcome: 'DENIED', basis: null, basisRefs: [], reason: 'NO_CONSENT' },
    ]);
  });

  it("break-glass is a decision of its own, with the grant as reference, and marks the subject's entry; a citizen's read has the same shape", () => {
    const [m1, m2] = readEntries('READ_FAMILY_FILE', 'CHILD_PROTECTION', 'f-1', [
      target('RECORD', 'r-1', allowed(DataCategory.CONTACT, { kind: 'BREAK_GLASS', grantId: 'g-1' }), ['m-1'], ['phone'], OTHER),
      target('RECORD', 'r-3', allowed(DataCategory.CONTACT, { kind: 'CONSENT', consentIds: ['c-1'] }), ['m-2'], ['phone'], OTHER),
    ]) as [EntryDraft, EntryDraft];
    expect(m1).toMatchObject({ breakGlass: true, decisions: [{ basis: 'BREAK_GLASS', basisRefs: ['g-1'], targetIds: ['r-1'] }] });
    expect(m2.breakGlass).toBe(false);

    const own = readEntries('READ_OWN_FILE', null, 'f-1', [
      target('MEMBER', 'm-1', allowed(DataCategory.PERSONAL_IDENTITY, { kind: 'DATA_SUBJECT' }), ['m-1'], ['name']),
      target('MEMBER', 'm-3', allowed(DataCategory.PERSONAL_IDENTITY, { kind: 'DATA_SUBJECT' }), ['m-3'], ['name']),
      target('MEMBER', 'm-2', denied(DataCategory.PERSONAL_IDENTITY, DenyReason.OTHER_MEMBER), ['m-2'], ['name']),
    ]);
    expect(own.map((e) => [e.activity, e.purpose, e.subjectMemberIds, e.decisions.map((d) => d.outcome)])).toEqual([
      ['READ_OWN_FILE', null, ['m-1'], ['ALLOWED']],
      ['READ_OWN_FILE', null, ['m-3'], ['ALLOWED']],
      ['READ_OWN_FILE', null, ['m-2'], ['DENIED']],
    ]);
  });

  it('every decided (target, category, subject) is in exactly one decision that holds its outcome, and nothing else is', () => {
    const decided = [
      target('MEMBER', 'm-1', allowed(DataCategory.HOUSEHOLD, { kind: 'OWN_RECORD' }), ['m-1'], ['relation']),
      target('MEMBER', 'm-1', denied(DataCategory.HOUSEHOLD, DenyReason.NO_CONSENT), ['m-1', 'm-3'], ['holdsAuthorityOver']),
      target('RECORD', 'r-1', allowed(DataCategory.CONTACT, { kind: 'OWN_RECORD' }), ['m-1'], ['phone']),
      target('RECORD', 'r-1', allowed(DataCategory.INVOLVEMENT, { kind: 'OWN_RECORD' }), ['m-1'], ['sourceOrganisation']),
      target('INVOLVEMENT', 'i-1', allowed(DataCategory.INVOLVEMENT, { kind: 'OWN_RECORD' }), [], ['involvement']),
    ];
    const entries = readEntries('READ_FAMILY_FILE', 'CASE_COORDINATION', 'f-1', decided);
    const listed = entries.flatMap((e) => e.decisions.flatMap((d) => d.targetIds.map((id) => `${e.subjectMemberIds[0] ?? '-'}|${d.targetKind}|${id}|${d.category}|${d.outcome}`))).sort();
    const expected = decided.flatMap((d) => (d.subjectIds.length === 0 ? ['-'] : d.subjectIds).map((s) => `${s}|${d.targetKind}|${d.targetId}|${d.category}|${d.decision.allowed ? 'ALLOWED' : 'DENIED'}`)).sort();
    expect(listed).toEqual(expected);
    // At most one entry per member and one about no member.
    expect(entries.length).toBe(3);
    expect(readEntries('READ_FAMILY_FILE', 'CASE_COORDINATION', 'f-1', [])).toEqual([]);
  });
});
