import type { Activity, Basis, TargetKind } from '@kring/audit';
import { DataCategory } from '@kring/family-file';
import type { ShieldingFacts } from '@kring/policy';
import { decisionOf, type EntryDraft } from '../access-log/audit.service';

/** One involvement a circle operation concerned, and on which basis. */
export interface CircleDecision {
  readonly involvementId: string;
  readonly organisationId: string;
  readonly basis: Basis;
  readonly fields: readonly string[];
}

/**
 * The access-log entries of one operation on the circle (DESIGN.md §10): one per member it
 * concerns, each listing the involvements it concerned, less those shielded from that member:
 * a member reads their own entries, and those must not tell them a shielded involvement
 * exists. What is shielded from every member it concerns goes in one entry about no member,
 * so no decision is lost. An operation that concerned no involvement (an empty circle) is one
 * entry about no member, its decision naming the family, on `basis`.
 */
export function circleEntries(
  activity: Activity,
  familyId: string,
  subjectIds: readonly string[],
  concerned: readonly CircleDecision[],
  shieldings: readonly ShieldingFacts[],
  basis: Basis,
): EntryDraft[] {
  const shieldedFrom = (memberId: string, involvementId: string) => shieldings.some((s) => s.memberId === memberId && s.involvementId === involvementId);
  const decided = (d: CircleDecision) =>
    decisionOf({ targetKind: 'INVOLVEMENT', targetIds: [d.involvementId], sourceOrganisationId: d.organisationId, category: DataCategory.INVOLVEMENT, fields: [...d.fields], basis: d.basis });
  const subjects = [...new Set(subjectIds)].sort();
  const entries: EntryDraft[] = [];
  for (const subject of subjects) {
    const theirs = concerned.filter((d) => !shieldedFrom(subject, d.involvementId));
    if (theirs.length > 0) entries.push({ activity, purpose: null, familyId, subjectMemberIds: [subject], decisions: theirs.map(decided), breakGlass: false });
  }
  const nobodys = concerned.filter((d) => subjects.length === 0 || subjects.every((s) => shieldedFrom(s, d.involvementId)));
  if (nobodys.length > 0) entries.push({ activity, purpose: null, familyId, subjectMemberIds: [], decisions: nobodys.map(decided), breakGlass: false });
  if (entries.length === 0) {
    const empty = decisionOf({ targetKind: 'FAMILY', targetIds: [familyId], category: DataCategory.INVOLVEMENT, basis });
    entries.push({ activity, purpose: null, familyId, subjectMemberIds: [], decisions: [empty], breakGlass: false });
  }
  return entries;
}

/** One row a list showed: about which member of which family, and what (its id as the basis reference). */
export interface ListedRow {
  readonly familyId: string;
  readonly memberId: string;
  readonly targetKind: TargetKind;
  readonly targetId: string;
  readonly sourceOrganisationId: string | null;
  readonly ref: string;
  /** The sealed fields the list showed of it. */
  readonly fields: readonly string[];
  /** Why the caller may read it. */
  readonly basis: Basis;
}

/** A read of a list (shieldings, requests): one entry per family and member whose rows were shown; one about no member when none were. */
export function listEntries(activity: Activity, rows: readonly ListedRow[]): EntryDraft[] {
  if (rows.length === 0) return [{ activity, purpose: null, familyId: null, subjectMemberIds: [], decisions: [decisionOf({})], breakGlass: false }];
  const keys = [...new Set(rows.map((r) => `${r.familyId}|${r.memberId}`))].sort();
  return keys.map((key) => {
    const [familyId, memberId] = key.split('|') as [string, string];
    const theirs = rows.filter((r) => r.familyId === familyId && r.memberId === memberId);
    const decisions = theirs.map((r) =>
      decisionOf({ targetKind: r.targetKind, targetIds: [r.targetId], sourceOrganisationId: r.sourceOrganisationId, fields: [...r.fields], basis: r.basis, basisRefs: [r.ref] }),
    );
    return { activity, purpose: null, familyId, subjectMemberIds: [memberId], decisions, breakGlass: false };
  });
}
