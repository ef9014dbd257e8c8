import type { Activity } from '@kring/audit';
import type { EntryDraft } from '../access-log/audit.service';
import type { DecidedTarget } from './family-file.assembler';

/** A group being filled: the entry's facts so far, and the sets it unites. */
interface Group {
  readonly first: DecidedTarget;
  /** Sets keep insertion order: the targets stay in the order the file decided them. */
  readonly targetIds: Set<string>;
  readonly subjectIds: Set<string>;
  readonly fields: Set<string>;
  readonly basisRefs: Set<string>;
}

/**
 * The access-log entries of one read of a family file: one entry per group of decisions
 * with the same target kind, category, source organisation, decision, basis kind and
 * deny reason (break-glass follows from the basis kind). Each entry lists every target id
 * of its group (first seen first, each once), and the unions of their subjects, fields
 * and basis references (sorted). No decision is lost: every (target, category) decided is
 * in exactly one entry, with its outcome.
 *
 * Why: one entry per target and category made a read of a family file write dozens of
 * hashed, indexed rows (38 for the demo family, about 65 on the benchmark world; now 20 and
 * about 21). The log is written on every read, so this runs on every read: one pass, one
 * Map, a string key.
 */
export function readEntries(activity: Activity, purpose: string | null, familyId: string, decided: readonly DecidedTarget[]): EntryDraft[] {
  const groups = new Map<string, Group>();
  for (const d of decided) {
    const { decision } = d;
    // The basis kind or deny reason, with a prefix so a basis and a reason never collide.
    const outcome = decision.allowed ? `A:${decision.basis.kind}` : `D:${decision.reason}`;
    const key = `${d.targetKind}|${d.category}|${d.sourceOrganisationId}|${outcome}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { first: d, targetIds: new Set(), subjectIds: new Set(), fields: new Set(), basisRefs: new Set() };
      groups.set(key, group);
    }
    group.targetIds.add(d.targetId);
    for (const s of d.subjectIds) group.subjectIds.add(s);
    for (const f of d.fields) group.fields.add(f);
    if (decision.allowed) {
      const { basis } = decision;
      if (basis.kind === 'CONSENT') for (const c of basis.consentIds) group.basisRefs.add(c);
      else if (basis.kind === 'BREAK_GLASS') group.basisRefs.add(basis.grantId);
    }
  }
  const entries: EntryDraft[] = [];
  for (const group of groups.values()) {
    const { first } = group;
    const { decision } = first;
    entries.push({
      activity,
      purpose,
      familyId,
      subjectMemberIds: [...group.subjectIds].sort(),
      targetKind: first.targetKind,
      targetIds: [...group.targetIds],
      sourceOrganisationId: first.sourceOrganisationId,
      category: first.category,
      fields: [...group.fields].sort(),
      decision: decision.allowed ? 'ALLOWED' : 'DENIED',
      basis: decision.allowed ? decision.basis.kind : null,
      basisRefs: [...group.basisRefs].sort(),
      reason: decision.allowed ? null : decision.reason,
      breakGlass: decision.allowed && decision.basis.kind === 'BREAK_GLASS',
    });
  }
  return entries;
}
