import type { Activity } from '@kring/audit';
import type { ThreadEntity } from '@kring/messages';
import type { AccessDecision } from '@kring/policy';
import { decisionOf, operationEntries, type EntryDraft } from '../access-log/audit.service';
import type { DecidedTarget } from '../families/family-file.assembler';
import { entriesByPurpose } from '../families/read-entries';
import type { ThreadScope } from './thread-scope';

/** A thread decided on, for the log: about its subjects, in its category; no organisation's own. */
export function threadTarget(thread: Pick<ThreadEntity, 'id' | 'category' | 'subjectMemberIds'>, decision: AccessDecision, fields: readonly string[]): DecidedTarget {
  return { targetKind: 'THREAD', targetId: thread.id, category: thread.category, subjectIds: thread.subjectMemberIds, sourceOrganisationId: null, decision, fields: [...fields] };
}

/** A message decided on: about its thread's subjects, in its category, from its author's organisation (none when a member wrote it). */
export function messageTarget(
  thread: Pick<ThreadEntity, 'category' | 'subjectMemberIds'>,
  message: { readonly id: string; readonly authorOrganisationId: string | null },
  decision: AccessDecision,
  fields: readonly string[],
): DecidedTarget {
  return { targetKind: 'MESSAGE', targetId: message.id, category: thread.category, subjectIds: thread.subjectMemberIds, sourceOrganisationId: message.authorOrganisationId, decision, fields: [...fields] };
}

/** The access-log entries of one operation on a family's threads (DESIGN.md §10): `entriesByPurpose`, each thread read for its own purpose. */
export function threadEntries(activity: Activity, scope: ThreadScope, decided: readonly { readonly thread: Pick<ThreadEntity, 'purpose'>; readonly targets: readonly DecidedTarget[] }[]): EntryDraft[] {
  return entriesByPurpose(activity, scope.principal, scope.familyId, decided.map(({ thread, targets }) => ({ purpose: thread.purpose, targets })));
}

/** A start the rule refused: no thread exists to name, so the family, about the members it would have been about. */
export function refusedStartEntries(scope: ThreadScope, purpose: string, subjectMemberIds: readonly string[], decision: AccessDecision & { allowed: false }): EntryDraft[] {
  return operationEntries({
    activity: 'START_THREAD',
    purpose,
    familyId: scope.familyId,
    subjectMemberIds,
    decisions: [decisionOf({ targetKind: 'FAMILY', targetIds: [scope.familyId], category: decision.category, outcome: 'DENIED', reason: decision.reason })],
  });
}
