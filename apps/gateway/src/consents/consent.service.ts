import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Activity } from '@kring/audit';
import { Clock } from '@kring/config';
import {
  awaitingSignatureFrom,
  checkConsentTerms,
  checkRevocationReason,
  CONSENT_SEALED_FIELDS,
  ConsentEntity,
  ConsentSignatureEntity,
  consentStatus,
  ConsentStatus,
  dutchDate,
  grantConsent,
  loadSubjectFacts,
  revokeConsent,
  signConsent,
  type SubjectFacts,
} from '@kring/consent';
import { type DataKey, KringCrypto } from '@kring/crypto';
import { isInvolvedToday } from '@kring/family-file';
import { OrganisationEntity, type CitizenPrincipal, type Principal } from '@kring/identity';
import { actorOf, consentColumns, membersInReach, permissionsFor, permittedWhere, PurposeCatalogue } from '@kring/policy';
import { AuditService, changeEntries } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { namedParameters } from '../common/permitted-sql';
import { grantRefused, revocationReasonTooLong, revokeRefused, signRefused, termsRefused } from '../common/refusal-errors';
import type { Consent } from './consent.model';
import type { GrantConsentInput } from './grant-consent.input';

/** What `list` shows and logs: by default the consents view (`read`, READ_CONSENTS); the FHIR export narrows it to one member. */
export interface ConsentListOptions {
  /** Only the consents about this member (the FHIR search's `patient`). */
  readonly subjectMemberId?: string;
  /** The permission table's action that scopes the list: `read` (the API's view) or `export` (FHIR). */
  readonly action?: 'read' | 'export';
  readonly activity?: Activity;
}

/** Granting, co-signing, revoking and listing consents, with the capacity rule deciding who may do each. */
@Injectable()
export class ConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** The log entry of a consent change; the consent receipt id is its basis reference. */
  private async logChange(manager: EntityManager, principal: CitizenPrincipal, traceId: string, at: Date, activity: Activity, consent: { id: string; familyId: string; subjectMemberId: string; categories: readonly string[] }): Promise<void> {
    await this.audit.record(manager, { principal, traceId, at }, [
      ...changeEntries({ activity, familyId: consent.familyId, subjectMemberIds: [consent.subjectMemberId], targetKind: 'CONSENT', targetIds: [consent.id], fields: [...consent.categories], basis: 'DATA_SUBJECT', basisRefs: [consent.id] }),
    ]);
  }

  async grant(principal: CitizenPrincipal, input: GrantConsentInput, traceId: string): Promise<Consent> {
    const now = this.clock.now();
    if (!isUuid(input.subjectMemberId)) throw notFound('member');
    const termsRefusal = checkConsentTerms(input, now, (code) => this.catalogue.find(code) !== undefined);
    if (termsRefusal !== null) throw termsRefused(termsRefusal);
    return this.dataSource.transaction(async (manager) => {
      const subjects = await this.subjectsOf(manager, principal.familyId);
      const organisationId = input.recipientOrganisationId;
      const recipientOrganisationRegistered = organisationId ? isUuid(organisationId) && (await manager.existsBy(OrganisationEntity, { id: organisationId })) : false;
      const decision = grantConsent({ terms: input, grantorMemberId: principal.memberId, subject: subjects.get(input.subjectMemberId), recipientOrganisationRegistered, now });
      if (!decision.ok) throw grantRefused(decision.refusal);
      const { consent, signature } = decision;
      const id = randomUUID();
      await manager.insert(ConsentEntity, {
        id,
        familyId: principal.familyId,
        ...consent,
        collectionMethod: 'KRING_API',
        policyVersion: this.catalogue.version,
        revokedAt: null,
        revokedByMemberId: null,
        revocationReasonCiphertext: null,
      });
      await manager.insert(ConsentSignatureEntity, { consentId: id, ...signature });
      await this.logChange(manager, principal, traceId, now, 'GRANT_CONSENT', { id, familyId: principal.familyId, subjectMemberId: consent.subjectMemberId, categories: input.categories });
      return this.present(manager, [id], subjects, now).then((list) => list[0] as Consent);
    });
  }

  /** Adds the caller's signature (the co-signature for a 12 to 15 year old); signing twice changes nothing. */
  async sign(principal: CitizenPrincipal, consentId: string, traceId: string): Promise<Consent> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const { consent, subjects, subject } = await this.ownConsent(manager, principal, consentId);
      const decision = signConsent(await this.facts(manager, consent), subject, principal.memberId, now);
      if (!decision.ok) throw signRefused(decision.refusal);
      // A second signature by the same member is ignored, so two sign requests at once cannot fail or change the first date.
      await manager.createQueryBuilder().insert().into(ConsentSignatureEntity).values({ consentId: consent.id, ...decision.signature }).orIgnore().execute();
      await this.logChange(manager, principal, traceId, now, 'SIGN_CONSENT', consent);
      return this.present(manager, [consent.id], subjects, now).then((list) => list[0] as Consent);
    });
  }

  /** Revokes with immediate effect: the first request that starts after this returns is decided without it. */
  async revoke(principal: CitizenPrincipal, consentId: string, reason: string | null, traceId: string): Promise<Consent> {
    const now = this.clock.now();
    if (checkRevocationReason(reason) !== null) throw revocationReasonTooLong();
    return this.dataSource.transaction(async (manager) => {
      const { consent, subjects, subject, key } = await this.ownConsent(manager, principal, consentId);
      const decision = revokeConsent(consent, subject, principal.memberId, reason, now);
      if (!decision.ok) throw revokeRefused(decision.refusal);
      const { revocation } = decision;
      if (revocation !== null) {
        await manager.update(ConsentEntity, { id: consent.id }, {
          revokedAt: revocation.revokedAt,
          revokedByMemberId: revocation.revokedByMemberId,
          revocationReasonCiphertext: revocation.reason === null ? null : this.crypto.cipher.encrypt(key, { field: CONSENT_SEALED_FIELDS.revocationReason, rowId: consent.id }, revocation.reason),
        });
        await this.logChange(manager, principal, traceId, now, 'REVOKE_CONSENT', consent);
      }
      return this.present(manager, [consent.id], subjects, now).then((list) => list[0] as Consent);
    });
  }

  /**
   * Consents of a family. A member sees those about themselves and the children under 16
   * over whom they hold authority; a professional of an involved organisation sees those
   * naming their organisation or domain as recipient.
   */
  async list(principal: Principal, familyId: string, traceId: string, options: ConsentListOptions = {}): Promise<Consent[]> {
    const action = options.action ?? 'read';
    const activity = options.activity ?? 'READ_CONSENTS';
    if (!isUuid(familyId)) throw notFound('family');
    const now = this.clock.now();
    const today = dutchDate(now);
    return this.dataSource.transaction(async (manager) => {
      // Whose consents exist is told only to those the family file is open to: the member's own
      // family, or an organisation involved today. Which consents: the permission table's rule for
      // reading them (a member: about their reach; an organisation: given to it or its domain), as SQL.
      if (principal.kind === 'citizen' ? principal.familyId !== familyId : !(await isInvolvedToday(manager, principal.organisationId, familyId, today))) throw notFound('family');
      const subjects = await this.subjectsOf(manager, familyId);
      const reach = principal.kind === 'citizen' ? [...membersInReach(principal.memberId, subjects.values(), today)] : [];
      const scope: Record<string, unknown> = { familyId, today, ...(options.subjectMemberId === undefined ? {} : { subjectMemberId: options.subjectMemberId }) };
      const permitted = permittedWhere(permissionsFor(actorOf(principal, reach)), action, 'Consent', consentColumns('c', ':today'), namedParameters(scope));
      const aboutSubject = options.subjectMemberId === undefined ? '' : ' AND c.subject_member_id = :subjectMemberId';
      const consents = await manager
        .getRepository(ConsentEntity)
        .createQueryBuilder('c')
        .where(`c.family_id = :familyId${aboutSubject} AND ${permitted}`, scope)
        .orderBy('c.created_at', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .getMany();
      const presented = await this.present(manager, consents.map((c) => c.id), subjects, now);
      // Reading consents is reading about the family: one entry, naming the receipts shown.
      await this.audit.record(manager, { principal, traceId, at: now }, [
        // One entry per member whose consents were shown, naming that member's receipts.
        ...[...new Set(consents.map((c) => c.subjectMemberId))].sort().flatMap((member) =>
          changeEntries({
            activity,
            familyId,
            subjectMemberIds: [member],
            targetKind: 'FAMILY',
            targetIds: [familyId],
            basis: principal.kind === 'citizen' ? 'DATA_SUBJECT' : 'OWN_RECORD',
            basisRefs: consents.filter((c) => c.subjectMemberId === member).map((c) => c.id),
          }),
        ),
      ]);
      return presented;
    });
  }

  private async ownConsent(manager: EntityManager, principal: CitizenPrincipal, consentId: string) {
    if (!isUuid(consentId)) throw notFound('consent');
    const consent = await manager.findOne(ConsentEntity, { where: { id: consentId }, lock: { mode: 'pessimistic_write' } });
    if (consent === null || consent.familyId !== principal.familyId) throw notFound('consent');
    const { subjects, key } = await this.subjectsAndKey(manager, consent.familyId);
    const subject = subjects.get(consent.subjectMemberId);
    if (subject === undefined) throw notFound('consent');
    return { consent, subjects, subject, key };
  }

  private async subjectsOf(manager: EntityManager, familyId: string): Promise<Map<string, SubjectFacts>> {
    return (await this.subjectsAndKey(manager, familyId)).subjects;
  }

  private subjectsAndKey(manager: EntityManager, familyId: string): Promise<{ subjects: Map<string, SubjectFacts>; key: DataKey }> {
    return loadSubjectFacts(manager, this.crypto, familyId);
  }

  private async facts(manager: EntityManager, consent: ConsentEntity) {
    const signatures = await manager.find(ConsentSignatureEntity, { where: { consentId: consent.id } });
    return { ...consent, signatures };
  }

  private async present(manager: EntityManager, ids: string[], subjects: Map<string, SubjectFacts>, now: Date): Promise<Consent[]> {
    if (ids.length === 0) return [];
    const [consents, signatures] = await Promise.all([
      manager.find(ConsentEntity, { where: { id: In(ids) } }),
      manager.find(ConsentSignatureEntity, { where: { consentId: In(ids) }, order: { signedAt: 'ASC' } }),
    ]);
    const organisationIds = [...new Set(consents.map((c) => c.recipientOrganisationId).filter((id): id is string => id !== null))];
    // A consent proposed with a referral names it (docs/referral.md).
    const referrals = await manager.query<{ id: string; consent_id: string }[]>('SELECT id, consent_id FROM referral WHERE consent_id = ANY($1::uuid[])', [ids]);
    const organisations = organisationIds.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In(organisationIds) }, select: { id: true, name: true, domain: true } });
    const today = dutchDate(now);
    const byId = new Map(consents.map((c) => [c.id, c]));
    return ids.map((id) => {
      const c = byId.get(id) as ConsentEntity;
      const own = signatures.filter((s) => s.consentId === id);
      const subject = subjects.get(c.subjectMemberId) as SubjectFacts;
      const status = consentStatus({ ...c, signatures: own }, subject, now);
      const organisation = organisations.find((o) => o.id === c.recipientOrganisationId);
      return {
        id: c.id,
        familyId: c.familyId,
        subjectMemberId: c.subjectMemberId,
        categories: c.categories,
        purposes: c.purposes,
        recipientOrganisation: organisation === undefined ? null : { id: organisation.id, name: organisation.name, domain: organisation.domain },
        recipientDomain: c.recipientDomain,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
        status,
        signatures: own.map((s) => ({ memberId: s.memberId, capacity: s.capacity, signedAt: s.signedAt })),
        awaitingSignatureFrom: status === ConsentStatus.PENDING ? awaitingSignatureFrom(subject, new Set(own.map((s) => s.memberId)), today) : [],
        grantedByMemberId: c.grantedByMemberId,
        referralId: referrals.find((r) => r.consent_id === c.id)?.id ?? null,
        collectionMethod: c.collectionMethod,
        policyVersion: c.policyVersion,
        controller: this.catalogue.controller,
        jurisdiction: 'NL',
        createdAt: c.createdAt,
        revokedAt: c.revokedAt,
      };
    });
  }
}



