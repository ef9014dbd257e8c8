import type { DataSource, EntityManager } from 'typeorm';
import { dutchDate } from '@kring/consent';
import type { KringCrypto } from '@kring/crypto';
import type { Principal } from '@kring/identity';
import type { AuditService, AuditContext, EntryDraft } from '../access-log/audit.service';
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
