import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Activity, Basis } from '@kring/audit';
import { Clock } from '@kring/config';
import { awaitingSignatureFrom, ConsentEntity, ConsentSignatureEntity, ConsentStatus, consentStatus, dutchDate, loadSubjectFacts, proposeConsent, type SubjectFacts } from '@kring/consent';
import { KringCrypto, openSealed, type DataKey } from '@kring/crypto';
import { DataCategory, FamilyMemberEntity, InvolvementEntity, isInvolvedOn, MEMBER_SEALED_FIELDS } from '@kring/family-file';
import { OrganisationEntity, type Principal, type ProfessionalPrincipal } from '@kring/identity';
import { about, actorOf, DenyReason, membersInReach, permissionsFor, PurposeCatalogue, shieldedOrganisationsFor, type KringAbility } from '@kring/policy';
import { acceptReferral, declineReferral, ReferralEntity, referralTextPlace, ReferralStatus, ReferralWriter, referToService, withdrawReferral, type ReferralText } from '@kring/referral';
import { ServiceEntity } from '@kring/social-map';
import { AuditService, decisionOf, operationEntries, refusalEntry, type AuditContext, type EntryDraft } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { answerReferralRefused, proposalRefused, referRefused } from '../common/refusal-errors';
import { organisationModel, type Organisation } from '../directory/organisation.model';
import { openFamily, refused, runOutcome, served, type Outcome } from '../families/family-scope';
import type { FamilySnapshot } from '../families/family-snapshot';
import type { IncomingReferral, Referral, ReferToServiceInput } from './referral.model';

/** The most referrals an organisation's incoming list serves at once, newest first. */
const INCOMING_SIZE = 200;

/** What a referral is, for the log: the category of "who is (to be) involved" (DESIGN.md §3, the Verwijsindex). */
const REFERRAL_CATEGORY = DataCategory.INVOLVEMENT;

/** The state of a referral's consent now, and who must still sign it. */
interface ConsentNow {
  readonly consent: ConsentEntity;
  readonly status: ConsentStatus;
  readonly awaiting: string[];
}

/**
 * Referral (DESIGN.md §9, *verwijzing*; docs/referral.md): an involved professional refers a
 * member to a service on the social map, proposing the consent it needs; the family signs it
 * (signConsent); the service's organisation accepts (then it is involved from that day) or
 * declines. Until acceptance there is no involvement row, so nothing that asks "involved today"
 * (the access rule, the permission table's SQL, the circle) sees the receiving organisation.
 * Every act and read is in the access log, about the member referred.
 */
@Injectable()
export class ReferralService {
  private readonly writer: ReferralWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.writer = new ReferralWriter(crypto);
  }

  /** Refers a member to a service, in one step with the consent it proposes; logged about the member. */
  async refer(principal: ProfessionalPrincipal, input: ReferToServiceInput, traceId: string): Promise<Referral> {
    const context = this.context(principal, traceId);
    const { familyId } = input;
    return runOutcome(this.dataSource, this.audit, context, async (manager): Promise<Outcome<Referral>> => {
      const snapshot = isUuid(familyId) ? await openFamily(manager, this.crypto, { principal, familyId, at: context.at, lock: true }) : { closed: true as const, familyExists: false };
      if ('closed' in snapshot) {
        return refused(notFound('family'), [refusalEntry('REFER_TO_SERVICE', DenyReason.NOT_INVOLVED, { familyId: snapshot.familyExists ? familyId : null, targetKind: 'FAMILY', targetIds: isUuid(familyId) ? [familyId] : [] })]);
      }
      const today = dutchDate(context.at);
      const involvedOrganisationIds = involvedOn(snapshot.involvements, today);
      const service = isUuid(input.serviceId) ? await manager.findOneBy(ServiceEntity, { id: input.serviceId.toLowerCase() }) : null;
      const memberId = isUuid(input.memberId) ? input.memberId.toLowerCase() : input.memberId;
      const alreadyProposed = service !== null && isUuid(memberId) && (await manager.existsBy(ReferralEntity, { familyId: snapshot.family.id, subjectMemberId: memberId, serviceId: service.id, status: ReferralStatus.PROPOSED }));
      const ability = permissionsFor(actorOf(principal));
      const mayRefer = ability.can('refer', about('Referral', { familyId: snapshot.family.id, involvedOrganisationIds, subjectsInReach: false, referringOrganisationId: principal.organisationId, receivingOrganisationId: service?.organisationId ?? '' }));
      const decided = referToService(
        { memberId, note: input.note ?? null },
        {
          mayRefer,
          referringOrganisationId: principal.organisationId,
          familyMemberIds: snapshot.members.map((m) => m.id),
          service: service === null ? undefined : { organisationId: service.organisationId, withdrawn: service.withdrawnAt !== null, waitingWeeks: service.waitingWeeks, waitingStatedOn: service.waitingStatedOn },
          involvedOrganisationIds,
          alreadyProposed,
        },
      );
      if (!decided.ok) return refused(referRefused(decided.refusal));
      const { draft } = decided;
      const recipient = await manager.findOneBy(OrganisationEntity, { id: draft.receivingOrganisationId });
      const proposal = proposeConsent({
        terms: { subjectMemberId: draft.subjectMemberId, recipientOrganisationId: draft.receivingOrganisationId, categories: input.categories, purposes: [input.purpose] },
        subject: snapshot.facts.subjects.get(draft.subjectMemberId),
        recipientDomain: recipient?.domain ?? null,
        purposeDomains: (code) => this.catalogue.find(code)?.domains,
        now: context.at,
      });
      if (!proposal.ok) return refused(proposalRefused(proposal.refusal));
      const row = await this.writer.refer(manager, {
        familyId: snapshot.family.id,
        key: snapshot.key,
        serviceId: (service as ServiceEntity).id,
        draft,
        consent: proposal.consent,
        purpose: input.purpose,
        policyVersion: this.catalogue.version,
        by: principal,
        at: context.at,
      });
      await this.audit.record(
        manager,
        context,
        operationEntries({
          activity: 'REFER_TO_SERVICE',
          purpose: input.purpose,
          familyId: row.familyId,
          subjectMemberIds: [row.subjectMemberId],
          decisions: [
            decisionOf({ targetKind: 'REFERRAL', targetIds: [row.id], sourceOrganisationId: principal.organisationId, category: REFERRAL_CATEGORY, fields: draft.note === null ? ['service'] : ['service', 'note'], basis: 'OWN_RECORD' }),
            decisionOf({ targetKind: 'CONSENT', targetIds: [row.consentId], fields: [...proposal.consent.categories], basis: 'OWN_RECORD', basisRefs: [row.consentId] }),
          ],
        }),
      );
      const [model] = await this.present(manager, snapshot, principal, [row]);
      return served((model as { model: Referral }).model);
    });
  }

  /** A family's referrals, oldest first: a professional of an organisation involved today sees every one; a member those about their reach. Logged per member. */
  async list(principal: Principal, familyId: string, traceId: string): Promise<Referral[]> {
    const context = this.context(principal, traceId);
    return runOutcome(this.dataSource, this.audit, context, async (manager): Promise<Outcome<Referral[]>> => {
      const snapshot = isUuid(familyId) ? await openFamily(manager, this.crypto, { principal, familyId, at: context.at }) : { closed: true as const, familyExists: false };
      if ('closed' in snapshot) {
        const log = principal.kind === 'professional' ? [refusalEntry('READ_REFERRALS', DenyReason.NOT_INVOLVED, { familyId: snapshot.familyExists ? familyId : null, targetKind: 'FAMILY', targetIds: isUuid(familyId) ? [familyId] : [] })] : [];
        return refused(notFound('family'), log);
      }
      const rows = await manager.find(ReferralEntity, { where: { familyId: snapshot.family.id }, order: { referredAt: 'ASC', id: 'ASC' } });
      const presented = await this.present(manager, snapshot, principal, rows);
      await this.audit.record(manager, context, readEntries(snapshot.family.id, presented.map((p) => p.logged)));
      return served(presented.map((p) => p.model));
    });
  }

  /**
   * The referrals to the caller's organisation, newest first (at most 200), as the referral rule
   * lets a receiving organisation see them: before the consent is active, who refers, to which
   * service, when, and the terms proposed; the member and the note once it is active; the family
   * once accepted. Logged per family and member.
   */
  async incoming(principal: ProfessionalPrincipal, traceId: string): Promise<IncomingReferral[]> {
    const context = this.context(principal, traceId);
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(ReferralEntity, 'r')
        .innerJoin('family', 'f', 'f.id = r.family_id AND f.erased_at IS NULL')
        .where('r.receiving_organisation_id = :organisationId', { organisationId: principal.organisationId })
        .orderBy('r.referred_at', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .limit(INCOMING_SIZE)
        .getMany();
      const ability = permissionsFor(actorOf(principal));
      const mine = rows.filter((r) => ability.can('read', about('Referral', { familyId: r.familyId, involvedOrganisationIds: [], subjectsInReach: false, referringOrganisationId: r.referringOrganisationId, receivingOrganisationId: r.receivingOrganisationId })));
      const names = await this.namesOf(manager, mine);
      const shown: IncomingReferral[] = [];
      for (const familyId of [...new Set(mine.map((r) => r.familyId))]) {
        const { subjects, key } = await loadSubjectFacts(manager, this.crypto, familyId);
        const ofFamily = mine.filter((r) => r.familyId === familyId);
        const consents = await this.consentsNow(manager, ofFamily, subjects, context.at);
        const members = await manager.find(FamilyMemberEntity, { where: { id: In(ofFamily.map((r) => r.subjectMemberId)) }, select: { id: true, nameCiphertext: true } });
        const logged: LoggedReferral[] = [];
        for (const row of ofFamily) {
          const consent = consents.get(row.id) as ConsentNow;
          const active = consent.status === ConsentStatus.ACTIVE;
          const identity = active && consent.consent.categories.includes(DataCategory.PERSONAL_IDENTITY);
          const member = members.find((m) => m.id === row.subjectMemberId);
          const note = active ? this.open(key, row, 'note') : null;
          const declineReason = this.open(key, row, 'declineReason');
          shown.push({
            ...basicsOf(row, names),
            categories: consent.consent.categories,
            consentActive: active,
            member: identity ? { id: row.subjectMemberId, name: member === undefined ? null : openSealed(this.crypto, key, { field: MEMBER_SEALED_FIELDS.name, rowId: member.id }, member.nameCiphertext) } : null,
            note,
            familyId: row.status === ReferralStatus.ACCEPTED ? row.familyId : null,
            declineReason,
          });
          const fields = ['status', 'service', 'referringOrganisation', ...(identity ? ['member'] : []), ...(note !== null ? ['note'] : []), ...(declineReason !== null ? ['declineReason'] : [])];
          logged.push({ row, fields, basis: active ? 'CONSENT' : 'OWN_RECORD', basisRefs: active ? [row.consentId] : [] });
        }
        await this.audit.record(manager, context, readEntries(familyId, logged));
      }
      const order = new Map(rows.map((r, i) => [r.id, i]));
      return shown.sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number));
    });
  }

  /** The receiving organisation accepts: only while proposed and once the consent is active; it is involved from today, in this transaction. */
  async accept(principal: ProfessionalPrincipal, id: string, traceId: string): Promise<IncomingReferral> {
    return this.answer(principal, id, traceId, 'ACCEPT_REFERRAL', 'accept', async (manager, row, consent) => {
      const decided = acceptReferral({ status: row.status, mayAnswer: true, consentActive: consent.status === ConsentStatus.ACTIVE });
      if (!decided.ok) return { refusal: decided.refusal };
      const today = dutchDate(this.clock.now());
      const involvements = await manager.find(InvolvementEntity, { where: { familyId: row.familyId, organisationId: row.receivingOrganisationId } });
      const running = involvements.find((i) => isInvolvedOn(i, today));
      const after = await this.writer.accept(manager, row, { professionalId: principal.professionalId, running, today, at: this.clock.now() });
      return { after, fields: ['status', 'involvement'], extra: [decisionOf({ targetKind: 'INVOLVEMENT', targetIds: [after.involvementId as string], sourceOrganisationId: principal.organisationId, category: REFERRAL_CATEGORY, fields: ['startsOn'], basis: 'OWN_RECORD' })] };
    });
  }

  /** The receiving organisation declines, with a reason (sealed); the consent it carried ends. */
  async decline(principal: ProfessionalPrincipal, id: string, reason: string, traceId: string): Promise<IncomingReferral> {
    return this.answer(principal, id, traceId, 'DECLINE_REFERRAL', 'decline', async (manager, row, _consent, key) => {
      const decided = declineReferral(reason, { status: row.status, mayAnswer: true });
      if (!decided.ok) return { refusal: decided.refusal };
      const after = await this.writer.decline(manager, row, { key, reason: decided.reason, professionalId: principal.professionalId, at: this.clock.now() });
      return { after, fields: ['status', 'declineReason'], extra: [] };
    });
  }

  /** The referring organisation withdraws a referral still proposed; the consent it carried ends. */
  async withdraw(principal: ProfessionalPrincipal, id: string, traceId: string): Promise<Referral> {
    const context = this.context(principal, traceId);
    return runOutcome(this.dataSource, this.audit, context, async (manager): Promise<Outcome<Referral>> => {
      const row = isUuid(id) ? await manager.findOne(ReferralEntity, { where: { id: id.toLowerCase() }, lock: { mode: 'pessimistic_write' } }) : null;
      const snapshot = row === null ? null : await openFamily(manager, this.crypto, { principal, familyId: row.familyId, at: context.at, lock: true });
      if (row === null || snapshot === null || 'closed' in snapshot) return refused(notFound('referral'), [refusalEntry('WITHDRAW_REFERRAL', DenyReason.NOT_INVOLVED, { familyId: row?.familyId ?? null, targetKind: 'REFERRAL', targetIds: isUuid(id) ? [id] : [] })]);
      const may = permissionsFor(actorOf(principal)).can('withdraw', about('Referral', referralFacts(row, involvedOn(snapshot.involvements, dutchDate(context.at)))));
      const decided = withdrawReferral({ status: row.status, mayAnswer: may });
      if (!decided.ok) return refused(answerReferralRefused(decided.refusal));
      const after = await this.writer.withdraw(manager, row, { professionalId: principal.professionalId, at: context.at });
      await this.audit.record(manager, context, changeEntry('WITHDRAW_REFERRAL', after, principal.organisationId, ['status'], []));
      const [model] = await this.present(manager, snapshot, principal, [after]);
      return served((model as { model: Referral }).model);
    });
  }

  /** Accepting and declining: the referral (locked) and its consent now, for the receiving organisation's professional; another's answers NOT_FOUND. */
  private async answer(
    principal: ProfessionalPrincipal,
    id: string,
    traceId: string,
    activity: Activity,
    action: 'accept' | 'decline',
    work: (manager: EntityManager, row: ReferralEntity, consent: ConsentNow, key: DataKey) => Promise<{ refusal: Parameters<typeof answerReferralRefused>[0] } | { after: ReferralEntity; fields: string[]; extra: ReturnType<typeof decisionOf>[] }>,
  ): Promise<IncomingReferral> {
    const context = this.context(principal, traceId);
    const answered = await runOutcome(this.dataSource, this.audit, context, async (manager): Promise<Outcome<ReferralEntity>> => {
      const row = isUuid(id) ? await manager.findOne(ReferralEntity, { where: { id: id.toLowerCase() }, lock: { mode: 'pessimistic_write' } }) : null;
      // The family's row first (shared), so an erasure waits for this answer, and it for an erasure.
      const family = row === null ? [] : await manager.query<{ id: string }[]>('SELECT id FROM family WHERE id = $1 AND erased_at IS NULL FOR SHARE', [row.familyId]);
      const may = row !== null && permissionsFor(actorOf(principal)).can(action, about('Referral', referralFacts(row, [])));
      if (row === null || family.length === 0 || !may) {
        return refused(notFound('referral'), [refusalEntry(activity, DenyReason.NOT_INVOLVED, { familyId: row?.familyId ?? null, targetKind: 'REFERRAL', targetIds: isUuid(id) ? [id] : [] })]);
      }
      const { subjects, key } = await loadSubjectFacts(manager, this.crypto, row.familyId);
      const consent = (await this.consentsNow(manager, [row], subjects, context.at)).get(row.id) as ConsentNow;
      const outcome = await work(manager, row, consent, key);
      if ('refusal' in outcome) return refused(answerReferralRefused(outcome.refusal));
      await this.audit.record(manager, context, changeEntry(activity, outcome.after, principal.organisationId, outcome.fields, outcome.extra));
      return served(outcome.after);
    });
    const shown = (await this.incoming(principal, traceId)).find((r) => r.id === answered.id);
    if (shown === undefined) throw notFound('referral');
    return shown;
  }

  /** Referrals of one family as the caller sees them, with what each read decided for the log. A member's view leaves out what is outside their reach or shielded from them. */
  private async present(manager: EntityManager, snapshot: FamilySnapshot, principal: Principal, rows: readonly ReferralEntity[]): Promise<{ model: Referral; logged: LoggedReferral }[]> {
    const today = dutchDate(this.clock.now());
    const reach = principal.kind === 'citizen' ? membersInReach(principal.memberId, snapshot.facts.subjects.values(), today) : new Set<string>();
    const ability: KringAbility = permissionsFor(actorOf(principal, [...reach]));
    const shielded = principal.kind === 'citizen' ? shieldedOrganisationsFor(principal.memberId, snapshot.involvements, snapshot.shieldings) : new Set<string>();
    const involved = involvedOn(snapshot.involvements, today);
    const inView = rows.filter(
      (r) =>
        ability.can('read', about('Referral', { ...referralFacts(r, involved), subjectsInReach: reach.has(r.subjectMemberId) })) &&
        !shielded.has(r.referringOrganisationId) &&
        !shielded.has(r.receivingOrganisationId),
    );
    const names = await this.namesOf(manager, inView);
    const consents = await this.consentsNow(manager, inView, snapshot.facts.subjects, this.clock.now());
    return inView.map((row) => {
      const consent = consents.get(row.id) as ConsentNow;
      const own = principal.kind === 'professional' ? principal.organisationId : null;
      const member = principal.kind === 'citizen';
      const seesNote = member || own === row.referringOrganisationId || (own === row.receivingOrganisationId && consent.status === ConsentStatus.ACTIVE);
      const seesReason = member || own === row.referringOrganisationId || own === row.receivingOrganisationId;
      const note = seesNote ? this.open(snapshot.key, row, 'note') : null;
      const declineReason = seesReason ? this.open(snapshot.key, row, 'declineReason') : null;
      const model: Referral = {
        ...basicsOf(row, names),
        familyId: row.familyId,
        subjectMemberId: row.subjectMemberId,
        receivingOrganisation: names.organisation(row.receivingOrganisationId),
        consentId: row.consentId,
        consentStatus: consent.status,
        awaitingSignatureFrom: consent.awaiting,
        note,
        declineReason,
      };
      const basis: Basis = member ? 'DATA_SUBJECT' : own === row.referringOrganisationId || own === row.receivingOrganisationId ? 'OWN_RECORD' : 'INVOLVED_ORGANISATION';
      const fields = ['status', 'service', ...(note !== null ? ['note'] : []), ...(declineReason !== null ? ['declineReason'] : [])];
      return { model, logged: { row, fields, basis, basisRefs: [] } };
    });
  }

  /** The consent each referral carries, judged now against its subject's age today, and who must still sign it. */
  private async consentsNow(manager: EntityManager, rows: readonly ReferralEntity[], subjects: ReadonlyMap<string, SubjectFacts>, at: Date): Promise<Map<string, ConsentNow>> {
    const ids = rows.map((r) => r.consentId);
    const [consents, signatures] = ids.length === 0 ? [[], []] : await Promise.all([manager.find(ConsentEntity, { where: { id: In(ids) } }), manager.find(ConsentSignatureEntity, { where: { consentId: In(ids) } })]);
    const today = dutchDate(at);
    const result = new Map<string, ConsentNow>();
    for (const row of rows) {
      const consent = consents.find((c) => c.id === row.consentId) as ConsentEntity;
      const own = signatures.filter((s) => s.consentId === consent.id);
      const subject = subjects.get(row.subjectMemberId) as SubjectFacts;
      const status = consentStatus({ ...consent, signatures: own }, subject, at);
      result.set(row.id, { consent, status, awaiting: status === ConsentStatus.PENDING ? awaitingSignatureFrom(subject, new Set(own.map((s) => s.memberId)), today) : [] });
    }
    return result;
  }

  /** The names of the services and organisations the referrals name (public: the map and the directory). */
  private async namesOf(manager: EntityManager, rows: readonly ReferralEntity[]) {
    const serviceIds = [...new Set(rows.map((r) => r.serviceId))];
    const organisationIds = [...new Set(rows.flatMap((r) => [r.referringOrganisationId, r.receivingOrganisationId]))];
    const [services, organisations] = await Promise.all([
      serviceIds.length === 0 ? [] : manager.find(ServiceEntity, { where: { id: In(serviceIds) }, select: { id: true, name: true } }),
      organisationIds.length === 0 ? [] : manager.find(OrganisationEntity, { where: { id: In(organisationIds) } }),
    ]);
    return {
      services: new Map(services.map((s) => [s.id, s.name])),
      organisation: (id: string) => organisationModel(organisations.find((o) => o.id === id) as OrganisationEntity),
    };
  }

  private open(key: DataKey, row: ReferralEntity, text: ReferralText): string | null {
    const sealed = text === 'note' ? row.noteCiphertext : row.declineReasonCiphertext;
    return sealed === null ? null : openSealed(this.crypto, key, referralTextPlace(row.id, text), sealed);
  }

  private context(principal: Principal, traceId: string): AuditContext {
    return { principal, traceId, at: this.clock.now() };
  }
}

/** A referral shown, and what its read decided, for the log. */
interface LoggedReferral {
  readonly row: ReferralEntity;
  readonly fields: readonly string[];
  readonly basis: Basis;
  readonly basisRefs: readonly string[];
}

/** What every view of a referral says: the service, who referred, status, dates, the waiting time at referral, the purpose (no personal data). */
function basicsOf(row: ReferralEntity, names: { services: ReadonlyMap<string, string>; organisation: (id: string) => Organisation }) {
  return {
    id: row.id,
    service: { id: row.serviceId, name: names.services.get(row.serviceId) ?? '' },
    referringOrganisation: names.organisation(row.referringOrganisationId),
    status: row.status,
    referredAt: row.referredAt,
    answeredAt: row.answeredAt,
    waitingWeeks: row.waitingWeeks,
    waitingTimeStatedOn: row.waitingStatedOn,
    purpose: row.purpose,
  };
}

/** The organisations involved on `today` (`isInvolvedOn`, the access rule's definition). */
function involvedOn(involvements: readonly InvolvementEntity[], today: string): string[] {
  return involvements.filter((i) => isInvolvedOn(i, today)).map((i) => i.organisationId);
}

/** The facts of a referral the permission table decides on. */
function referralFacts(row: ReferralEntity, involvedOrganisationIds: readonly string[]) {
  return { familyId: row.familyId, involvedOrganisationIds, subjectsInReach: false, referringOrganisationId: row.referringOrganisationId, receivingOrganisationId: row.receivingOrganisationId };
}

/** A read of referrals: one entry per member they are about, naming each referral shown and its fields. */
function readEntries(familyId: string, logged: readonly LoggedReferral[]): EntryDraft[] {
  return [...new Set(logged.map((l) => l.row.subjectMemberId))].sort().flatMap((member) =>
    operationEntries({
      activity: 'READ_REFERRALS',
      familyId,
      subjectMemberIds: [member],
      decisions: logged
        .filter((l) => l.row.subjectMemberId === member)
        .map((l) => decisionOf({ targetKind: 'REFERRAL', targetIds: [l.row.id], sourceOrganisationId: l.row.referringOrganisationId, category: REFERRAL_CATEGORY, fields: [...l.fields], basis: l.basis, basisRefs: [...l.basisRefs] })),
    }),
  );
}

/** A change to a referral, about its member. */
function changeEntry(activity: Activity, row: ReferralEntity, organisationId: string, fields: readonly string[], extra: readonly ReturnType<typeof decisionOf>[]): EntryDraft[] {
  return operationEntries({
    activity,
    familyId: row.familyId,
    subjectMemberIds: [row.subjectMemberId],
    decisions: [decisionOf({ targetKind: 'REFERRAL', targetIds: [row.id], sourceOrganisationId: organisationId, category: REFERRAL_CATEGORY, fields: [...fields], basis: 'OWN_RECORD' }), ...extra],
  });
}
