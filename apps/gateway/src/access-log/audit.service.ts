import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AccessLogFacts, AccessLogWriter, type Activity, type KnownChainHead, type LoggedDecision, type TargetKind, underBreakGlass } from '@kring/audit';
import { KringLogger } from '@kring/config';
import type { Principal } from '@kring/identity';
import type { DenyReason, RequestRefusal } from '@kring/policy';
import { ErrorCode, KringError } from '../common/kring-error';

/** The facts of an entry that the caller supplies; who and when come from the request. */
export type EntryDraft = Pick<AccessLogFacts, 'activity' | 'purpose' | 'familyId' | 'subjectMemberIds' | 'decisions' | 'breakGlass'>;

/** Who acted and in which request: the part every entry of one request shares. */
export interface AuditContext {
  readonly principal: Principal;
  readonly traceId: string;
  readonly at: Date;
}

/**
 * Writes the access log for the gateway. Fail closed: when the log cannot be
 * written, the whole transaction fails with AUDIT_UNAVAILABLE, so nothing is
 * served or changed without its entry.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogWriter,
    private readonly logger: KringLogger,
  ) {}

  /** Appends the drafts in the caller's transaction; call it last, just before commit (the chain head stays locked until then). */
  async record(manager: EntityManager, context: AuditContext, drafts: readonly EntryDraft[]): Promise<void> {
    await this.recordEach(manager, [{ context, drafts }]);
  }

  /**
   * Appends the drafts of several callers in one append, in the caller's transaction (a live
   * event served to every subscriber of a thread: one read each, one statement for all).
   */
  async recordEach(manager: EntityManager, reads: readonly { readonly context: AuditContext; readonly drafts: readonly EntryDraft[] }[]): Promise<void> {
    const entries = reads.flatMap((read) => this.entriesOf(read.context, read.drafts));
    if (entries.length === 0) return;
    await this.failClosed(() => this.accessLog.append(manager, entries));
  }

  /** The drafts completed with who acted and when; one object literal per entry, no spreads. */
  private entriesOf(context: AuditContext, drafts: readonly EntryDraft[]): AccessLogFacts[] {
    const actor = actorOf(context.principal);
    return drafts.map((draft) => ({
      occurredAt: context.at,
      traceId: context.traceId,
      actorKind: actor.actorKind,
      actorId: actor.actorId,
      actorOrganisationId: actor.actorOrganisationId,
      actorRole: actor.actorRole,
      activity: draft.activity,
      purpose: draft.purpose,
      familyId: draft.familyId === null ? null : lower(draft.familyId),
      subjectMemberIds: lowerAll(draft.subjectMemberIds),
      // The writer puts the decisions' ids in their stored form (lower case) itself.
      decisions: draft.decisions,
      breakGlass: draft.breakGlass,
    }));
  }

  /** Any failure to write becomes AUDIT_UNAVAILABLE, with no detail that could carry a value. */
  private async failClosed(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger.error({ err: { name: (error as Error).name, code: (error as { code?: string }).code } }, 'the access log could not be written; the request is refused');
      throw new KringError(ErrorCode.AUDIT_UNAVAILABLE, 'The access log cannot be written right now, so nothing was served or changed. Try again later.');
    }
  }

  /**
   * Appends a read's entries, outside any transaction. A read changes nothing but the
   * log, so the statement that appends its entries is the transaction that serves it:
   * PostgreSQL runs it atomically, and the answer leaves only after it committed. With
   * the family's chain head as read with its rows, that is one round trip; when another
   * request moved the head in between (or there is none yet), the entries are appended
   * in a transaction of their own, under the head's lock. An explicit BEGIN and COMMIT
   * around the read would add two round trips and, at READ COMMITTED, no guarantee:
   * the rows were read in one statement, one snapshot, either way.
   */
  async recordRead(context: AuditContext, drafts: readonly EntryDraft[], knownHead: KnownChainHead | null): Promise<void> {
    if (drafts.length === 0) return;
    const entries = this.entriesOf(context, drafts);
    await this.failClosed(async () => {
      if (knownHead !== null && (await this.accessLog.appendAfter(this.dataSource.manager, entries, knownHead))) return;
      await this.dataSource.transaction((manager) => this.accessLog.append(manager, entries));
    });
  }

  /** Records a refusal that happened before any transaction (e.g. not involved, unknown purpose), or an operation outside one (an export), in a transaction of its own. */
  async recordRefusal(context: AuditContext, ...drafts: EntryDraft[]): Promise<void> {
    await this.dataSource.transaction((manager) => this.record(manager, context, drafts));
  }
}

function actorOf(principal: Principal): Pick<AccessLogFacts, 'actorKind' | 'actorId' | 'actorOrganisationId' | 'actorRole'> {
  return principal.kind === 'professional'
    ? { actorKind: 'PROFESSIONAL', actorId: lower(principal.professionalId), actorOrganisationId: lower(principal.organisationId), actorRole: [...principal.roles].sort().join(',') }
    : { actorKind: 'CITIZEN', actorId: lower(principal.memberId), actorOrganisationId: null, actorRole: 'FAMILY_MEMBER' };
}

/**
 * Ids as PostgreSQL gives them back: uuid columns store no case, and answer in lower case.
 * The hash must cover what is stored, and the chain key is made of the family id, so an id
 * a caller typed in capitals (`family(id: "0B6F...")`, which PostgreSQL matches) would
 * otherwise open a chain of its own whose entries fail verification as CHANGED. Ids that
 * came from the database are lower case already: their list is kept as it is, not copied.
 */
function lowerAll(ids: readonly string[]): readonly string[] {
  return ids.some((id) => UPPER_CASE.test(id)) ? ids.map(lower) : ids;
}

const UPPER_CASE = /[A-Z]/;

/** V8 returns the same string when nothing changes, so ids that are already lower case cost a scan. */
function lower(id: string): string {
  return id.toLowerCase();
}

/** What an operation decided, with everything it does not name left empty: allowed, about no target. */
export function decisionOf(facts: Partial<LoggedDecision>): LoggedDecision {
  return {
    targetKind: facts.targetKind ?? null,
    targetIds: facts.targetIds ?? [],
    sourceOrganisationId: facts.sourceOrganisationId ?? null,
    category: facts.category ?? null,
    fields: facts.fields ?? [],
    outcome: facts.outcome ?? 'ALLOWED',
    basis: facts.basis ?? null,
    basisRefs: facts.basisRefs ?? [],
    reason: facts.reason ?? null,
  };
}

/**
 * The entries of one operation (DESIGN.md §10): one per data subject it concerns, each with
 * the operation's decisions, or one about no member when it concerns none.
 */
export function operationEntries(input: {
  activity: Activity;
  purpose?: string | null;
  familyId: string | null;
  subjectMemberIds: readonly string[];
  decisions: readonly LoggedDecision[];
  /** The operation concerns emergency access (opening or reviewing a grant); otherwise it follows from the decision's basis. */
  breakGlass?: boolean;
}): EntryDraft[] {
  const subjects = input.subjectMemberIds.length === 0 ? [null] : [...new Set(input.subjectMemberIds)].sort();
  const { decisions } = input;
  const breakGlass = input.breakGlass ?? underBreakGlass(decisions);
  return subjects.map((subject) => ({ activity: input.activity, purpose: input.purpose ?? null, familyId: input.familyId, subjectMemberIds: subject === null ? [] : [subject], decisions, breakGlass }));
}

/** The entries of a change to the family file or its consents (not a read): who did what to which target, one entry per member it concerns. */
export function changeEntries(input: {
  activity: Activity;
  familyId: string;
  subjectMemberIds: readonly string[];
  targetKind: TargetKind;
  /** A change is about exactly one target. */
  targetIds: readonly [string];
  fields?: readonly string[];
  category?: string | null;
  sourceOrganisationId?: string | null;
  basis: 'OWN_RECORD' | 'DATA_SUBJECT' | null;
  basisRefs?: readonly string[];
  purpose?: string | null;
  breakGlass?: boolean;
}): EntryDraft[] {
  return operationEntries({
    activity: input.activity,
    purpose: input.purpose ?? null,
    familyId: input.familyId,
    subjectMemberIds: input.subjectMemberIds,
    breakGlass: input.breakGlass ?? false,
    decisions: [
      decisionOf({
      targetKind: input.targetKind,
      targetIds: [...input.targetIds],
      sourceOrganisationId: input.sourceOrganisationId ?? null,
      category: input.category ?? null,
      fields: [...(input.fields ?? [])],
      basis: input.basis,
      basisRefs: [...(input.basisRefs ?? [])],
      }),
    ],
  });
}

/**
 * An entry for a request refused before anything was read or decided. By default it records
 * no purpose, family or target: a request refused for its input (e.g. text that is not well
 * formed) stores none of that input. A refused read of a family says what was asked for.
 */
export function refusalEntry(
  activity: Activity,
  reason: DenyReason | RequestRefusal,
  about: { readonly purpose?: string | null; readonly familyId?: string | null; readonly targetKind?: TargetKind; readonly targetIds?: readonly string[] } = {},
): EntryDraft {
  return {
    activity,
    purpose: about.purpose ?? null,
    familyId: about.familyId ?? null,
    subjectMemberIds: [],
    decisions: [decisionOf({ targetKind: about.targetKind ?? null, targetIds: about.targetIds ?? [], outcome: 'DENIED', reason })],
    breakGlass: false,
  };
}
