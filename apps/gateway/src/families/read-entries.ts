import { underBreakGlass, type Activity, type LoggedDecision } from '@kring/audit';
import { decisionOf, operationEntries, type EntryDraft } from '../access-log/audit.service';
import type { DecidedTarget } from './family-file.assembler';

/** A decision being filled: its facts so far, and the sets it unites. */
interface Group {
  readonly first: DecidedTarget;
  /** Sets keep insertion order: the targets stay in the order the file decided them. */
  readonly targetIds: Set<string>;
  readonly fields: Set<string>;
  readonly basisRefs: Set<string>;
}

/**
 * The access-log entries of one read of a family file (DESIGN.md §10): one entry per data
 * subject the read decided about, plus one for decisions about no member, each listing
 * that subject's decisions. A decision unites the targets of the same kind, category,
 * source organisation, outcome, basis kind and deny reason, and lists every target id
 * (first seen first, each once) with the union of their fields and basis references
 * (sorted). A target about several members (a record about a parent and a child) is in
 * the entry of each. No decision is lost: every (target, category, subject) decided is in
 * exactly one decision of one entry, with its outcome.
 *
 * Why this shape: one entry per group of decisions across members made a read write 20 to
 * 27 hashed, indexed rows; now it writes at most the family's members plus one, and a
 * member's entries are theirs alone. This runs on every read: one pass, one Map per subject.
 */
export function readEntries(activity: Activity, purpose: string | null, familyId: string, decided: readonly DecidedTarget[]): EntryDraft[] {
  /** Per subject (the empty string for no member), its groups by key. Maps keep the order subjects were first met. */
  const subjects = new Map<string, Map<string, Group>>();
  for (const d of decided) {
    const { decision } = d;
    // The basis kind or deny reason, with a prefix so a basis and a reason never collide.
    const outcome = decision.allowed ? `A:${decision.basis.kind}` : `D:${decision.reason}`;
    const key = `${d.targetKind}|${d.category}|${d.sourceOrganisationId}|${outcome}`;
    for (const subject of d.subjectIds.length === 0 ? NO_MEMBER : d.subjectIds) {
      let groups = subjects.get(subject);
      if (groups === undefined) subjects.set(subject, (groups = new Map<string, Group>()));
      let group = groups.get(key);
      if (group === undefined) {
        group = { first: d, targetIds: new Set(), fields: new Set(), basisRefs: new Set() };
        groups.set(key, group);
      }
      group.targetIds.add(d.targetId);
      for (const f of d.fields) group.fields.add(f);
      if (decision.allowed) {
        const { basis } = decision;
        if (basis.kind === 'CONSENT') for (const c of basis.consentIds) group.basisRefs.add(c);
        else if (basis.kind === 'BREAK_GLASS') group.basisRefs.add(basis.grantId);
      }
    }
  }
  const entries: EntryDraft[] = [];
  for (const [subject, groups] of subjects) {
    const decisions = [...groups.values()].map(loggedDecision);
    entries.push({ activity, purpose, familyId, subjectMemberIds: subject === '' ? [] : [subject], decisions, breakGlass: underBreakGlass(decisions) });
  }
  return entries;
}

/** The one subject of decisions about no member. */
const NO_MEMBER = [''];

function loggedDecision(group: Group): LoggedDecision {
  const { first } = group;
  const { decision } = first;
  return {
    targetKind: first.targetKind,
    targetIds: [...group.targetIds],
    sourceOrganisationId: first.sourceOrganisationId,
    category: first.category,
    fields: [...group.fields].sort(),
    outcome: decision.allowed ? 'ALLOWED' : 'DENIED',
    basis: decision.allowed ? decision.basis.kind : null,
    basisRefs: [...group.basisRefs].sort(),
    reason: decision.allowed ? null : decision.reason,
  };
}

/**
 * The entries of one operation on things of a family that are each read for a purpose of their
 * own (threads, escalations): one per member it was about, with its decisions; a professional's
 * under each thing's purpose, a member's under none. An operation that found nothing in the
 * caller's view is one entry naming the family: about the member who asked, or (a
 * professional's) about no member.
 */
export function entriesByPurpose(
  activity: Activity,
  caller: { readonly kind: 'citizen'; readonly memberId: string } | { readonly kind: 'professional' },
  familyId: string,
  decided: readonly { readonly purpose: string; readonly targets: readonly DecidedTarget[] }[],
): EntryDraft[] {
  if (decided.length === 0) {
    const member = caller.kind === 'citizen';
    return operationEntries({
      activity,
      familyId,
      subjectMemberIds: member ? [caller.memberId] : [],
      decisions: [decisionOf({ targetKind: 'FAMILY', targetIds: [familyId], basis: member ? 'DATA_SUBJECT' : 'INVOLVED_ORGANISATION' })],
    });
  }
  const byPurpose = new Map<string | null, DecidedTarget[]>();
  for (const { purpose, targets } of decided) {
    const logged = caller.kind === 'professional' ? purpose : null;
    byPurpose.set(logged, [...(byPurpose.get(logged) ?? []), ...targets]);
  }
  return [...byPurpose].flatMap(([purpose, targets]) => readEntries(activity, purpose, familyId, targets));
}
