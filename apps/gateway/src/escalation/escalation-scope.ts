import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Activity } from '@kring/audit';
import { dutchDate } from '@kring/consent';
import { KringCrypto, type DataKey } from '@kring/crypto';
import { EscalationEntity } from '@kring/escalation';
import { isInvolvedOn } from '@kring/family-file';
import { ProfessionalRole, type Principal } from '@kring/identity';
import {
  about,
  actorOf,
  allInReach,
  decideEscalationAccess,
  decideMemberEscalationAccess,
  DenyReason,
  membersInReach,
  permissionsFor,
  PurposeCatalogue,
  shieldedOrganisationsFor,
  type AccessDecision,
  type EscalationFacts,
  type FamilyFacts,
  type KringAbility,
} from '@kring/policy';
import { AuditService, refusalEntry, type AuditContext } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { notFound } from '../common/kring-error';
import { openFamily, refused, runInFamilyScope, type FamilyScopeRequest, type Outcome } from '../families/family-scope';
import type { FamilyRows } from '../families/family-snapshot';

/** An escalation as one caller sees it: not at all, or in view with the decisions on its texts. */
export type EscalationView =
  | { readonly inView: false }
  | {
      readonly inView: true;
      readonly escalation: EscalationEntity;
      /** On what the raiser wrote: the access rule's for a professional, DATA_SUBJECT for a member. */
      readonly raised: AccessDecision;
      /** On the decision, once there is one. */
      readonly decided: AccessDecision | null;
    };

/** The facts of an escalation the rules decide on. */
export function escalationFacts(e: EscalationEntity): EscalationFacts {
  return {
    subjectMemberIds: e.subjectMemberIds,
    category: e.category,
    raisedByOrganisationId: e.raisedByOrganisationId,
    takenOnByOrganisationId: e.takenOnByOrganisationId,
    blockingOrganisationId: e.blockingOrganisationId,
    raisedByMemberId: e.raisedByMemberId,
  };
}

/**
 * A family's escalations as one caller may see them at one moment: the family's facts for the
 * access rule, its data key, and per escalation whether it is in the caller's view and which of
 * its texts they read. A professional's view holds every escalation of a family their
 * organisation is involved with today, each text decided by the rule (`decideEscalationAccess`);
 * a member's holds those about their reach in which no organisation shielded from them took part
 * (`decideMemberEscalationAccess`).
 */
export class EscalationScope {
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
    readonly escalations: readonly EscalationEntity[],
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

  get memberIds(): string[] {
    return this.rows.members.map((m) => m.id);
  }

  /** The organisations involved with the family today. */
  get involvedOrganisationIds(): string[] {
    return this.rows.involvements.filter((i) => isInvolvedOn(i, this.today)).map((i) => i.organisationId);
  }

  /** Whether `organisationId` shielded its involvement from the member who raised this escalation (none for a professional's). */
  shieldedFromRaiser(escalation: Pick<EscalationEntity, 'raisedByMemberId'>, organisationId: string): boolean {
    return escalation.raisedByMemberId !== null && shieldedOrganisationsFor(escalation.raisedByMemberId, this.rows.involvements, this.rows.shieldings).has(organisationId);
  }

  /** The permission table's answer for an action on an escalation about `subjectMemberIds` (a new one: taken on by nobody). */
  may(action: 'raise' | 'read' | 'takeOn' | 'decide', escalation: { readonly subjectMemberIds: readonly string[]; readonly takenOnByOrganisationId: string | null }): boolean {
    return this.ability.can(
      action,
      about('Escalation', {
        familyId: this.familyId,
        involvedOrganisationIds: this.involvedOrganisationIds,
        subjectsInReach: this.principal.kind === 'citizen' && allInReach(this.reach, escalation.subjectMemberIds),
        takenOnByOrganisationId: escalation.takenOnByOrganisationId,
      }),
    );
  }

  /** An escalation of this family as the caller sees it; an id that names none is not in view. */
  viewById(id: string): EscalationView {
    const escalation = this.escalations.find((e) => e.id === id.toLowerCase());
    return escalation === undefined ? { inView: false } : this.view(escalation);
  }

  /** One escalation as the caller sees it. */
  view(escalation: EscalationEntity): EscalationView {
    const { principal } = this;
    const facts = escalationFacts(escalation);
    if (principal.kind === 'citizen') {
      const decision = decideMemberEscalationAccess({ memberId: principal.memberId, reach: this.reach, shieldedOrganisationIds: this.shieldedOrganisationIds }, facts);
      if (!decision.allowed || !this.may('read', escalation)) return { inView: false };
      return { inView: true, escalation, raised: decision, decided: escalation.decidedAt === null ? null : decision };
    }
    if (!this.may('read', escalation)) return { inView: false };
    const question = { caller: principal, purpose: this.catalogue.find(escalation.purpose), family: this.facts, at: this.at, today: this.today };
    const teamLead = principal.roles.includes(ProfessionalRole.TEAM_LEAD);
    const raised = decideEscalationAccess(question, facts, 'RAISED', teamLead);
    const decided = escalation.decidedAt === null ? null : decideEscalationAccess(question, facts, 'DECIDED', teamLead);
    return { inView: true, escalation, raised, decided };
  }
}

/** What an operation asks for: an escalation, or a family's escalations. */
export interface EscalationTarget {
  readonly kind: 'FAMILY' | 'ESCALATION';
  readonly id: string;
}

/**
 * Not in the caller's view: answered like something that does not exist. A professional's
 * attempt is logged; a member's is not (what is outside their view is not theirs, not even as a
 * refusal).
 */
export function notInView(principal: Principal, activity: Activity, familyId: string | null, target: EscalationTarget): Outcome<never> {
  const log = principal.kind === 'professional' ? [refusalEntry(activity, DenyReason.NOT_INVOLVED, { familyId, targetKind: target.kind, targetIds: isUuid(target.id) ? [target.id] : [] })] : [];
  return refused(notFound(target.kind === 'FAMILY' ? 'family' : 'escalation'), log);
}

/** Opens a family's escalations for one caller (`EscalationScope`), and runs an operation in one. */
@Injectable()
export class EscalationScopes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly catalogue: PurposeCatalogue,
    private readonly audit: AuditService,
  ) {}

  /** Runs an operation in the scope of the family `target` belongs to (`runInFamilyScope`); what is not in the caller's view is NOT_FOUND. */
  run<T>(context: AuditContext, activity: Activity, target: EscalationTarget, options: { readonly lock?: boolean }, work: (manager: EntityManager, scope: EscalationScope) => Promise<Outcome<T>>): Promise<T> {
    return runInFamilyScope(
      this.dataSource,
      this.audit,
      context,
      target,
      options,
      { familyOf, open: (manager, request) => this.open(manager, request), notInView: (familyId) => notInView(context.principal, activity, familyId, target) },
      work,
    );
  }

  /** The scope of a family's escalations for one caller, or `closed` (`openFamily`: not involved today, no such family, not the member's own). */
  async open(manager: EntityManager, request: FamilyScopeRequest): Promise<EscalationScope | { readonly closed: true; readonly familyExists: boolean }> {
    const snapshot = await openFamily(manager, this.crypto, request);
    if ('closed' in snapshot) return snapshot;
    const escalations = await manager.find(EscalationEntity, { where: { familyId: snapshot.family.id }, order: { raisedAt: 'ASC', id: 'ASC' } });
    return new EscalationScope(request.principal, request.at, snapshot, snapshot.key, snapshot.facts, escalations, this.catalogue);
  }
}

/** The family an escalation belongs to (a family's own id as it is), or null when there is no such escalation. */
async function familyOf(manager: EntityManager, target: EscalationTarget): Promise<string | null> {
  if (target.kind === 'FAMILY') return target.id;
  const [row] = await manager.query<{ family_id: string }[]>('SELECT family_id FROM escalation WHERE id = $1', [target.id]);
  return row?.family_id ?? null;
}
