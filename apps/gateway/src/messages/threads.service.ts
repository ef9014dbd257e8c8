import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Clock } from '@kring/config';
import { KringCrypto } from '@kring/crypto';
import { MessagesWriter, startThread, type CandidateProfessional } from '@kring/messages';
import { OrganisationEntity, ProfessionalEntity, type CitizenPrincipal, type Principal, type ProfessionalPrincipal } from '@kring/identity';
import { CASEWORK_ROLES, decideThreadAccess, membersWhoCannotReadWhole, purposeDenyReason, PurposeCatalogue, RequestRefusal, resolvePurpose } from '@kring/policy';
import { AuditService, refusalEntry, type AuditContext } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { ErrorCode, forbidden, KringError } from '../common/kring-error';
import { purposeRefusalError, startThreadRefused } from '../common/refusal-errors';
import type { StartThreadInput, Thread } from './messages.model';
import { messageTarget, refusedStartEntries, threadEntries, threadTarget } from './thread-entries';
import { loadMessageFacts, MESSAGE_FIELDS, ThreadPresenter, THREAD_FIELDS } from './thread-presenter';
import { notInView, refused, served, ThreadScopes, type ThreadScope, type ThreadView } from './thread-scope';

/**
 * The family's threads (DESIGN.md §9, *kringberichten*; docs/messages.md): listing them (a
 * member those about their reach, a professional those they take part in, each open or closed
 * by the access rule), starting one, and a member joining one. Every read and change is in the
 * access log, about the members the threads are about.
 */
@Injectable()
export class ThreadsService {
  private readonly presenter: ThreadPresenter;
  private readonly writer: MessagesWriter;

  constructor(
    crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scopes: ThreadScopes,
  ) {
    this.presenter = new ThreadPresenter(crypto);
    this.writer = new MessagesWriter(crypto);
  }

  /**
   * The threads of a family in the caller's view, oldest first: a member's, about their reach;
   * a professional's, those they take part in (closed ones with the rule's reason, their topic
   * withheld). A professional's organisation not involved today finds no family.
   */
  async list(principal: Principal, familyId: string, traceId: string): Promise<Thread[]> {
    const context = this.context(principal, traceId);
    return this.scopes.run(context, 'READ_THREAD', { kind: 'FAMILY', id: familyId }, {}, async (manager, scope) => {
      const views = scope.threads.map((t) => scope.view(t)).filter((v): v is ThreadView & { inView: true } => v.inView);
      return served(await this.present(manager, context, scope, views));
    });
  }

  /** One thread in the caller's view; one outside it answers like one that does not exist. */
  async one(principal: Principal, threadId: string, traceId: string): Promise<Thread> {
    const context = this.context(principal, traceId);
    return this.scopes.run(context, 'READ_THREAD', { kind: 'THREAD', id: threadId }, {}, async (manager, scope) => {
      const view = scope.viewById(threadId);
      if (!view.inView) return notInView(principal, 'READ_THREAD', scope.familyId, { kind: 'THREAD', id: threadId }, RequestRefusal.NOT_A_PARTICIPANT);
      const [thread] = await this.present(manager, context, scope, [view]);
      return served(thread as Thread);
    });
  }

  /**
   * Starts a thread (docs/messages.md, `startThread`): the purpose must be one the starter's
   * organisation may use, the family one it is involved with today, and the access rule must let
   * the starter read what they start. The thread, its professionals and its opening message are
   * stored under the family's lock, and logged about every member it is about.
   */
  async start(principal: ProfessionalPrincipal, input: StartThreadInput, traceId: string): Promise<Thread> {
    const context = this.context(principal, traceId);
    const resolved = resolvePurpose(this.catalogue, principal.domain, input.purpose);
    if (!resolved.ok) {
      await this.audit.recordRefusal(context, refusalEntry('START_THREAD', purposeDenyReason(resolved.refusal)));
      throw purposeRefusalError(resolved.refusal, { code: input.purpose, domain: principal.domain });
    }
    const purpose = resolved.purpose;
    return this.scopes.run(context, 'START_THREAD', { kind: 'FAMILY', id: input.familyId }, { lock: true }, async (manager, scope) => {
      if (!scope.mayStart()) throw forbidden();
      const named = input.subjectMemberIds.map((id) => id.toLowerCase());
      const candidates = await candidatesFor(manager, input.participantProfessionalIds ?? []);
      const organisations = [principal.organisationId, ...[...candidates.values()].map((c) => c.organisationId)];
      const starterDecision = decideThreadAccess({ caller: principal, purpose, family: scope.facts, at: scope.at, today: scope.today }, { subjectMemberIds: named, category: input.category });
      const decision = startThread(
        { ...input, purpose: purpose.code },
        {
          starter: principal,
          familyMemberIds: scope.memberIds,
          involvedOrganisationIds: scope.involvedOrganisationIds,
          candidates,
          purposeDomains: purpose.domains,
          membersWhoCannotReadWhole: membersWhoCannotReadWhole(named, scope.facts.subjects, scope.today, scope.membersShieldedFrom(organisations)),
          closedToStarter: starterDecision.allowed ? null : starterDecision.reason,
        },
      );
      if (!decision.ok) {
        const error = startThreadRefused(decision.refusal, decision.reason);
        // The rule's refusal is an access denied, logged about the members it would have been about; bad input is not.
        if (decision.refusal !== 'CLOSED_TO_STARTER' || starterDecision.allowed) throw error;
        return refused(error, refusedStartEntries(scope, purpose.code, [...new Set(named)].sort(), starterDecision));
      }
      const started = await this.writer.startThread(manager, { familyId: scope.familyId, key: scope.key, draft: decision.draft, at: scope.at });
      const { thread, participants, firstMessage } = started;
      const targets = [threadTarget(thread, starterDecision, THREAD_FIELDS)];
      if (firstMessage !== null) targets.push(messageTarget(thread, firstMessage, starterDecision, MESSAGE_FIELDS));
      await this.audit.record(manager, context, threadEntries('START_THREAD', scope, [{ thread, targets }]));
      const view = { inView: true, thread, decision: starterDecision, participants, me: participants[0] ?? null } as const;
      const people = await this.presenter.people(manager, [thread], participants);
      return served(this.presenter.thread(scope, view, people, firstMessage === null ? [] : [firstMessage]).model);
    });
  }

  /**
   * A member joins a thread about their reach (DESIGN.md §9: they may always join one); from then
   * on they read and post in it, and the others see that they take part.
   */
  async join(principal: CitizenPrincipal, threadId: string, traceId: string): Promise<Thread> {
    const context = this.context(principal, traceId);
    return this.scopes.run(context, 'JOIN_THREAD', { kind: 'THREAD', id: threadId }, { lock: true }, async (manager, scope) => {
      const view = scope.viewById(threadId);
      if (!view.inView) return notInView(principal, 'JOIN_THREAD', scope.familyId, { kind: 'THREAD', id: threadId }, RequestRefusal.NOT_A_PARTICIPANT);
      if (view.me !== null) throw new KringError(ErrorCode.BAD_USER_INPUT, 'You take part in this thread already.', { field: 'threadId', refusal: 'ALREADY_JOINED' });
      if (!scope.may('join', view.thread)) throw forbidden();
      const me = await this.writer.join(manager, view.thread, principal.memberId, scope.at);
      await this.audit.record(manager, context, threadEntries('JOIN_THREAD', scope, [{ thread: view.thread, targets: [threadTarget(view.thread, view.decision, ['participants'])] }]));
      const joined = { ...view, participants: [...view.participants, me], me };
      const people = await this.presenter.people(manager, [view.thread], joined.participants);
      return served(this.presenter.thread(scope, joined, people, await loadMessageFacts(manager, { threadId: view.thread.id })).model);
    });
  }

  /** Threads in view as served, their read logged: one decision per thread, open or closed. */
  private async present(manager: EntityManager, context: AuditContext, scope: ThreadScope, views: readonly (ThreadView & { inView: true })[]): Promise<Thread[]> {
    const people = await this.presenter.people(manager, views.map((v) => v.thread), views.flatMap((v) => v.participants));
    const messages = views.length === 0 ? [] : await loadMessageFacts(manager, { familyId: scope.familyId });
    const presented = views.map((v) => ({ thread: v.thread, ...this.presenter.thread(scope, v, people, messages) }));
    await this.audit.record(manager, context, threadEntries('READ_THREAD', scope, presented.map((p) => ({ thread: p.thread, targets: [p.decided] }))));
    return presented.map((p) => p.model);
  }

  private context(principal: Principal, traceId: string): AuditContext {
    return { principal, traceId, at: this.clock.now() };
  }
}

/** The professionals named to take part, as the directory knows them (ids that name nobody are left out). */
async function candidatesFor(manager: EntityManager, ids: readonly string[]): Promise<Map<string, CandidateProfessional>> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const professionals = await manager.find(ProfessionalEntity, { where: { id: In(wanted) } });
  const organisations = await manager.find(OrganisationEntity, { where: { id: In([...new Set(professionals.map((p) => p.organisationId))]) } });
  const domains = new Map(organisations.map((o) => [o.id, o.domain]));
  return new Map(
    professionals.map((p) => [p.id, { professionalId: p.id, organisationId: p.organisationId, domain: domains.get(p.organisationId) ?? '', casework: p.roles.some((r) => CASEWORK_ROLES.includes(r)) }]),
  );
}
