import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Activity, TargetKind } from '@kring/audit';
import { dutchDate } from '@kring/consent';
import { KringCrypto, type DataKey } from '@kring/crypto';
import { isInvolvedOn } from '@kring/family-file';
import { ThreadEntity, ThreadParticipantEntity } from '@kring/messages';
import type { Principal } from '@kring/identity';
import {
  about,
  actorOf,
  allInReach,
  decideMemberThreadAccess,
  decideThreadAccess,
  DenyReason,
  membersInReach,
  permissionsFor,
  PurposeCatalogue,
  RequestRefusal,
  shieldedOrganisationsFor,
  type AccessDecision,
  type FamilyFacts,
  type KringAbility,
  type ThreadFacts,
} from '@kring/policy';
import { AuditService, refusalEntry, type AuditContext } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { openFamily, refused, runInFamilyScope, type Outcome } from '../families/family-scope';
import type { FamilyRows } from '../families/family-snapshot';

/** A thread as one caller sees it: not at all, or in view with the rule's decision (closed when it denies). */
export type ThreadView =
  | { readonly inView: false }
  | {
      readonly inView: true;
      readonly thread: ThreadEntity;
      /** The access rule's decision for a professional; DATA_SUBJECT for a member. */
      readonly decision: AccessDecision;
      readonly participants: readonly ThreadParticipantEntity[];
      /** The caller's own participation, if they take part. */
      readonly me: ThreadParticipantEntity | null;
    };

/** What the scope of a family's threads is opened with. */
export interface ScopeRequest {
  readonly principal: Principal;
  readonly familyId: string;
  readonly at: Date;
  /** A change: the family's row is locked (shared) first, so an erasure waits for it, and it for an erasure. */
  readonly lock?: boolean;
}

/**
 * A family's threads as one caller may see them at one moment: the family's facts for the
 * access rule, its data key, and per thread whether it is in the caller's view and open to them.
 * A professional's view holds the threads they take part in, while their organisation is
 * involved today; each is open while the rule of §4 allows its category about every subject for
 * its purpose (`decideThreadAccess`). A member's view holds the threads about their reach that
 * no organisation shielded from them takes part in (`decideMemberThreadAccess`).
 */
export class ThreadScope {
  readonly today: string;
  readonly reach: ReadonlySet<string>;
  private readonly ability: KringAbility;
  private readonly shieldedOrganisationIds: ReadonlySet<string>;

  constructor(
    readonly principal: Principal,
    readonly at: Date,
    readonly rows: FamilyRows,
    readonly key: DataKey,
    readonly facts: FamilyFacts,
    readonly threads: readonly ThreadEntity[],
    readonly participants: readonly ThreadParticipantEntity[],
    private readonly catalogue: PurposeCatalogue,
  ) {
    this.today = dutchDate(at);
    this.reach = principal.kind === 'citizen' ? membersInReach(principal.memberId, facts.subjects.values(), this.today) : new Set();
    this.ability = permissionsFor(actorOf(principal, [...this.reach]));
    this.shieldedOrganisationIds = principal.kind === 'citizen' ? shieldedOrganisationsFor(principal.memberId, rows.involvements, rows.shieldings) : new Set();
  }

  get familyId(): string {
    return this.rows.family.id;
  }

  /** The organisations involved with the family today. */
  get involvedOrganisationIds(): string[] {
    return this.rows.involvements.filter((i) => isInvolvedOn(i, this.today)).map((i) => i.organisationId);
  }

  get memberIds(): string[] {
    return this.rows.members.map((m) => m.id);
  }

  /** The permission table's answer for an action on a thread or its messages, with this scope's facts. */
  may(action: 'read' | 'join', thread: ThreadEntity): boolean;
  may(action: 'read' | 'post' | 'withdraw', thread: ThreadEntity, message: { readonly authorProfessionalId: string | null; readonly authorMemberId: string | null } | 'messages'): boolean;
  may(action: 'read' | 'join' | 'post' | 'withdraw', thread: ThreadEntity, message?: { readonly authorProfessionalId: string | null; readonly authorMemberId: string | null } | 'messages'): boolean {
    const taking = this.participantsOf(thread.id);
    const facts = {
      familyId: this.familyId,
      involvedOrganisationIds: this.involvedOrganisationIds,
      participantProfessionalIds: taking.flatMap((p) => (p.professionalId === null ? [] : [p.professionalId])),
      subjectsInReach: this.principal.kind === 'citizen' && allInReach(this.reach, thread.subjectMemberIds),
    };
    if (message === undefined) return this.ability.can(action, about('Thread', facts));
    const author = message === 'messages' ? { authorProfessionalId: null, authorMemberId: null } : message;
    return this.ability.can(action, about('ThreadMessage', { ...facts, participantMemberIds: taking.flatMap((p) => (p.memberId === null ? [] : [p.memberId])), ...author }));
  }

  /** The permission table's answer: may the caller start a thread around this family? */
  mayStart(): boolean {
    const me = this.principal.kind === 'professional' ? [this.principal.professionalId] : [];
    return this.ability.can('start', about('Thread', { familyId: this.familyId, involvedOrganisationIds: this.involvedOrganisationIds, participantProfessionalIds: me, subjectsInReach: false }));
  }

  participantsOf(threadId: string): ThreadParticipantEntity[] {
    return this.participants.filter((p) => p.threadId === threadId);
  }

  /** A thread of this family as the caller sees it; an id that names none is not in view. */
  viewById(threadId: string): ThreadView {
    const thread = this.threads.find((t) => t.id === threadId.toLowerCase());
    return thread === undefined ? { inView: false } : this.view(thread);
  }

  /** One thread as the caller sees it. */
  view(thread: ThreadEntity): ThreadView {
    const participants = this.participantsOf(thread.id);
    const { principal } = this;
    const me = participants.find((p) => (principal.kind === 'citizen' ? p.memberId === principal.memberId : p.professionalId === principal.professionalId)) ?? null;
    if (principal.kind === 'citizen') {
      const facts: ThreadFacts = { subjectMemberIds: thread.subjectMemberIds, category: thread.category, organisationIds: organisationsTakingPart(thread, participants) };
      const decision = decideMemberThreadAccess({ reach: this.reach, shieldedOrganisationIds: this.shieldedOrganisationIds }, facts);
      if (!decision.allowed || !this.may('read', thread)) return { inView: false };
      return { inView: true, thread, decision, participants, me };
    }
    if (!this.may('read', thread)) return { inView: false };
    const decision = decideThreadAccess({ caller: principal, purpose: this.catalogue.find(thread.purpose), family: this.facts, at: this.at, today: this.today }, thread);
    return { inView: true, thread, decision, participants, me };
  }

  /** The members from whom a thread these organisations take part in is shielded: one of them shielded its involvement from them. */
  membersShieldedFrom(organisationIds: readonly string[]): Set<string> {
    const shielded = new Set<string>();
    for (const memberId of this.memberIds) {
      const hidden = shieldedOrganisationsFor(memberId, this.rows.involvements, this.rows.shieldings);
      if (organisationIds.some((id) => hidden.has(id))) shielded.add(memberId);
    }
    return shielded;
  }
}

/** The family a thread or a message belongs to (a family's own id as it is), or null when there is no such thread or message. */
async function familyOf(manager: EntityManager, target: ScopeTarget): Promise<string | null> {
  if (target.kind === 'FAMILY') return target.id;
  const table = target.kind === 'THREAD' ? 'thread' : 'thread_message';
  const [row] = await manager.query<{ family_id: string }[]>(`SELECT family_id FROM ${table} WHERE id = $1`, [target.id]);
  return row?.family_id ?? null;
}

/** The organisations taking part in a thread: the one that started it, and every professional participant's. */
export function organisationsTakingPart(thread: Pick<ThreadEntity, 'startedByOrganisationId'>, participants: readonly Pick<ThreadParticipantEntity, 'organisationId'>[]): string[] {
  return [...new Set([thread.startedByOrganisationId, ...participants.flatMap((p) => (p.organisationId === null ? [] : [p.organisationId]))])];
}

export { refused, served, type Outcome } from '../families/family-scope';

/** What an operation asks for: a thread, a message, or a family's threads. */
export interface ScopeTarget {
  readonly kind: Extract<TargetKind, 'FAMILY' | 'THREAD' | 'MESSAGE'>;
  readonly id: string;
}

/**
 * Not in the caller's view: answered like something that does not exist. A professional's
 * attempt is logged (not involved, or not taking part); a member's is not: what is outside their
 * view is neither counted nor logged as theirs.
 */
export function notInView(principal: Principal, activity: Activity, familyId: string | null, target: ScopeTarget, reason: DenyReason | RequestRefusal): Outcome<never> {
  const what = target.kind === 'FAMILY' ? 'family' : target.kind === 'THREAD' ? 'thread' : 'message';
  const log = principal.kind === 'professional' ? [refusalEntry(activity, reason, { familyId, targetKind: target.kind, targetIds: isUuid(target.id) ? [target.id] : [] })] : [];
  return refused(notFound(what), log);
}

/** Opens a family's threads for one caller (`ThreadScope`), or says it is closed to them; and runs an operation in one. */
@Injectable()
export class ThreadScopes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly audit: AuditService,
  ) {}

  /**
   * Runs an operation in the scope of the family `target` belongs to (a thread's or a message's;
   * `runInFamilyScope`). What is not in the caller's view is NOT_FOUND: a thread or message that
   * does not exist is logged as not taking part, a family closed to them as not involved.
   */
  run<T>(context: AuditContext, activity: Activity, target: ScopeTarget, options: { readonly lock?: boolean }, work: (manager: EntityManager, scope: ThreadScope) => Promise<Outcome<T>>): Promise<T> {
    const reasonFor = (why: 'NO_TARGET' | 'CLOSED') => (why === 'NO_TARGET' && target.kind !== 'FAMILY' ? RequestRefusal.NOT_A_PARTICIPANT : DenyReason.NOT_INVOLVED);
    return runInFamilyScope(
      this.dataSource,
      this.audit,
      context,
      target,
      options,
      { familyOf, open: (manager, request) => this.open(manager, request), notInView: (familyId, why) => notInView(context.principal, activity, familyId, target, reasonFor(why)) },
      work,
    );
  }

  /**
   * The scope, or `closed`: no such (unerased) family, or (a professional) their organisation is
   * not involved with it today; `familyExists` says on which chain a refusal is logged. A member
   * opens only their own family.
   */
  async open(manager: EntityManager, request: ScopeRequest): Promise<ThreadScope | { readonly closed: true; readonly familyExists: boolean }> {
    const snapshot = await openFamily(manager, this.crypto, request);
    if ('closed' in snapshot) return snapshot;
    const threads = await manager.find(ThreadEntity, { where: { familyId: snapshot.family.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const participants = await manager.find(ThreadParticipantEntity, { where: { familyId: snapshot.family.id }, order: { joinedAt: 'ASC', id: 'ASC' } });
    return new ThreadScope(request.principal, request.at, snapshot, snapshot.key, snapshot.facts, threads, participants, this.catalogue);
  }

}
