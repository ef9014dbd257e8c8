import type { DataSource, EntityManager } from 'typeorm';
import { dutchDate } from '@kring/consent';
import type { KringCrypto } from '@kring/crypto';
import type { Principal } from '@kring/identity';
import type { AuditService, AuditContext, EntryDraft } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import type { KringError } from '../common/kring-error';
import { familySnapshot, loadFamilyRows, loadFamilyRowsForOrganisation, type FamilySnapshot } from './family-snapshot';

/**
 * What an operation in a family's scope ends in (threads, escalations): its answer, or a
 * refusal with the entries that log it.
 */
export type Outcome<T> = { readonly ok: T } | { readonly refused: KringError; readonly log: readonly EntryDraft[] };

/** An answer. */
export function served<T>(ok: T): Outcome<T> {
  return { ok };
}

/** A refusal, logged by the entries given after the transaction that refused it has rolled back. */
export function refused(error: KringError, log: readonly EntryDraft[] = []): Outcome<never> {
  return { refused: error, log };
}

/**
 * Runs `work` in one transaction and answers with what it served; a refusal's entries are
 * written after the transaction rolled back (whatever `work` served, it logged in the
 * transaction itself), then the refusal is thrown.
 */
export async function runOutcome<T>(dataSource: DataSource, audit: AuditService, context: AuditContext, work: (manager: EntityManager) => Promise<Outcome<T>>): Promise<T> {
  const outcome = await dataSource.transaction(work);
  if ('ok' in outcome) return outcome.ok;
  if (outcome.log.length > 0) await audit.recordRefusal(context, ...outcome.log);
  throw outcome.refused;
}

/** A family's scope could not be opened for the caller; `familyExists` says on which chain a refusal is logged. */
export interface ClosedFamily {
  readonly closed: true;
  readonly familyExists: boolean;
}

/** How an operation finds and opens the family scope its target belongs to (threads, escalations). */
export interface FamilyScopeRunner<Target, Scope> {
  /** The family the target belongs to, or null when there is no such target. */
  readonly familyOf: (manager: EntityManager, target: Target) => Promise<string | null>;
  readonly open: (manager: EntityManager, request: FamilyScopeRequest) => Promise<Scope | ClosedFamily>;
  /**
   * The refusal when the target is not in the caller's view: it names no family (`NO_TARGET`,
   * `familyId` null), or its family is closed to them (`CLOSED`, `familyId` when it exists).
   */
  readonly notInView: (familyId: string | null, why: 'NO_TARGET' | 'CLOSED') => Outcome<never>;
}

/**
 * Runs an operation in the scope of the family `target` belongs to, in one transaction: the
 * family found, opened for the caller, and `work` given the scope. What is not in the caller's
 * view is refused by `runner.notInView` (NOT_FOUND, as if it did not exist). A refusal's entries
 * are written after the transaction rolled back; whatever `work` serves, it logged in the
 * transaction itself.
 */
export async function runInFamilyScope<T, Target extends { readonly id: string }, Scope>(
  dataSource: DataSource,
  audit: AuditService,
  context: AuditContext,
  target: Target,
  options: { readonly lock?: boolean },
  runner: FamilyScopeRunner<Target, Scope>,
  work: (manager: EntityManager, scope: Scope) => Promise<Outcome<T>>,
): Promise<T> {
  return runOutcome(dataSource, audit, context, async (manager): Promise<Outcome<T>> => {
    const familyId = isUuid(target.id) ? await runner.familyOf(manager, target) : null;
    if (familyId === null) return runner.notInView(null, 'NO_TARGET');
    const scope = await runner.open(manager, { principal: context.principal, familyId, at: context.at, lock: options.lock === true });
    if (isClosed(scope)) return runner.notInView(scope.familyExists ? familyId : null, 'CLOSED');
    return work(manager, scope);
  });
}

function isClosed<Scope>(scope: Scope | ClosedFamily): scope is ClosedFamily {
  return typeof scope === 'object' && scope !== null && 'closed' in scope && (scope as { closed?: unknown }).closed === true;
}

/** Which family is opened for whom, when; a change locks the family's row (shared) first, so an erasure waits for it, and it for an erasure. */
export interface FamilyScopeRequest {
  readonly principal: Principal;
  readonly familyId: string;
  readonly at: Date;
  readonly lock?: boolean;
}

/**
 * A family's rows and facts for one caller, or `closed`: no such (unerased) family, or (a
 * professional) their organisation is not involved with it today (decided by the database
 * before any row is read); `familyExists` says on which chain a refusal is logged. A member
 * opens only their own family.
 */
export async function openFamily(manager: EntityManager, crypto: KringCrypto, request: FamilyScopeRequest): Promise<FamilySnapshot | { readonly closed: true; readonly familyExists: boolean }> {
  const { principal, familyId, at } = request;
  if (principal.kind === 'citizen' && familyId.toLowerCase() !== principal.familyId.toLowerCase()) return { closed: true, familyExists: false };
  if (request.lock === true) {
    const locked = await manager.query<{ id: string }[]>('SELECT id FROM family WHERE id = $1 AND erased_at IS NULL FOR SHARE', [familyId]);
    if (locked.length === 0) return { closed: true, familyExists: false };
  }
  if (principal.kind === 'professional') {
    const found = await loadFamilyRowsForOrganisation(manager, familyId, at, principal.organisationId, dutchDate(at));
    if (found.kind === 'closed') return { closed: true, familyExists: found.familyExists };
    return familySnapshot(crypto, found.rows);
  }
  const rows = await loadFamilyRows(manager, familyId, at);
  return rows === null ? { closed: true, familyExists: false } : familySnapshot(crypto, rows);
}
