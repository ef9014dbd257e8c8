import { In, type EntityManager } from 'typeorm';
import type { Activity } from '@kring/audit';
import { dutchDate } from '@kring/consent';
import { type DataKey, type KringCrypto, openSealed } from '@kring/crypto';
import { escalationStatus, escalationTextPlace, isOverdue, type EscalationEntity, type EscalationText } from '@kring/escalation';
import { DirectoryWriter, OrganisationEntity, ProfessionalEntity } from '@kring/identity';
import { DenyReason, type AccessDecision } from '@kring/policy';
import type { EntryDraft } from '../access-log/audit.service';
import { organisationModel, type Organisation } from '../directory/organisation.model';
import type { DecidedTarget } from '../families/family-file.assembler';
import { entriesByPurpose } from '../families/read-entries';
import type { Escalation, EscalationProfessional } from './escalation.model';
import type { EscalationView } from './escalation-scope';

/** What a read of the raiser's texts serves, as the log names it; and of the decision. */
export const RAISED_FIELDS = ['blocks', 'tried'];
export const DECIDED_FIELDS = ['decision', 'setAside', 'authority', 'budgetCents'];

/** The professionals and organisations a set of escalations names. */
export interface EscalationPeople {
  readonly professionals: ReadonlyMap<string, EscalationProfessional>;
  readonly organisations: ReadonlyMap<string, Organisation>;
}

/** An escalation in view, as served, and the decisions the log keeps of it. */
export interface PresentedEscalation {
  readonly model: Escalation;
  readonly decided: readonly DecidedTarget[];
}

/**
 * Turns escalations the caller may see into what the API serves: a text is opened only where
 * its decision allows, and one that fails its integrity check is withheld (DATA_INTEGRITY),
 * never served wrong. Status, deadline and who took it on are served to whoever sees it.
 */
export class EscalationPresenter {
  private readonly directory: DirectoryWriter;

  constructor(private readonly crypto: KringCrypto) {
    this.directory = new DirectoryWriter(crypto);
  }

  /** The professionals who raised, took on or decided these escalations, and every organisation they name. */
  async people(manager: EntityManager, escalations: readonly EscalationEntity[]): Promise<EscalationPeople> {
    const ids = [...new Set(escalations.flatMap((e) => [e.raisedByProfessionalId, e.takenOnByProfessionalId, e.decidedByProfessionalId]).filter((id): id is string => id !== null))];
    const professionals = ids.length === 0 ? [] : await manager.find(ProfessionalEntity, { where: { id: In(ids) } });
    const organisationIds = [...new Set([...professionals.map((p) => p.organisationId), ...escalations.flatMap((e) => (e.blockingOrganisationId === null ? [] : [e.blockingOrganisationId]))])];
    const organisations = organisationIds.length === 0 ? [] : await manager.find(OrganisationEntity, { where: { id: In(organisationIds) } });
    const names = this.directory.professionalNames(organisations, professionals);
    const byId = new Map(organisations.map((o) => [o.id, organisationModel(o)]));
    return {
      organisations: byId,
      professionals: new Map(professionals.map((p) => [p.id, { id: p.id, name: names.get(p.id) as string, organisation: byId.get(p.organisationId) as Organisation }])),
    };
  }

  /** One escalation in view as served, with what its read decided (for the log). */
  escalation(key: DataKey, today: string, view: EscalationView & { inView: true }, people: EscalationPeople): PresentedEscalation {
    const { escalation: e } = view;
    const open = (decision: AccessDecision, texts: readonly EscalationText[]) => {
      if (!decision.allowed) return { decision, values: new Map<EscalationText, string | null>() };
      const values = new Map<EscalationText, string | null>();
      let damaged = false;
      for (const text of texts) {
        const sealed = ciphertextOf(e, text);
        const value = sealed === null ? null : openSealed(this.crypto, key, escalationTextPlace(e.id, text), sealed);
        if (sealed !== null && value === null) damaged = true;
        values.set(text, value);
      }
      return { decision: damaged ? ({ allowed: false, category: e.category, reason: DenyReason.DATA_INTEGRITY } as const) : decision, values: damaged ? new Map<EscalationText, string | null>() : values };
    };
    const raised = open(view.raised, ['blocks', 'tried']);
    const decided = view.decided === null ? null : open(view.decided, ['decision', 'setAside', 'authority', 'budget']);
    const professional = (id: string | null) => (id === null ? null : (people.professionals.get(id) ?? null));
    const closedOf = (d: AccessDecision) => (d.allowed ? null : { category: d.category, reason: d.reason });
    const model: Escalation = {
      id: e.id,
      familyId: e.familyId,
      kind: e.kind,
      subjectMemberIds: [...e.subjectMemberIds],
      category: e.category,
      purpose: e.purpose,
      blockingKind: e.blockingKind,
      blockingOrganisation: e.blockingOrganisationId === null ? null : (people.organisations.get(e.blockingOrganisationId) ?? null),
      blocks: raised.values.get('blocks') ?? null,
      tried: raised.values.get('tried') ?? null,
      closed: closedOf(raised.decision),
      raisedBy: e.raisedByMemberId !== null ? { kind: 'MEMBER', memberId: e.raisedByMemberId, professional: null } : { kind: 'PROFESSIONAL', memberId: null, professional: professional(e.raisedByProfessionalId) },
      raisedAt: e.raisedAt,
      ageInDays: daysBetween(dutchDate(e.raisedAt), today),
      status: escalationStatus(e),
      dueOn: e.dueOn,
      overdue: isOverdue(e, today),
      takenOnBy: professional(e.takenOnByProfessionalId),
      takenOnAt: e.takenOnAt,
      decision:
        decided === null || e.decidedAt === null
          ? null
          : {
              decision: decided.values.get('decision') ?? null,
              setAside: decided.values.get('setAside') ?? null,
              authority: decided.values.get('authority') ?? null,
              budgetCents: centsOf(decided.values.get('budget') ?? null),
              decidedAt: e.decidedAt,
              decidedBy: professional(e.decidedByProfessionalId) as EscalationProfessional,
            },
      decisionClosed: decided === null ? null : closedOf(decided.decision),
    };
    const targets = [escalationTarget(e, e.raisedByOrganisationId, raised.decision, raised.decision.allowed ? RAISED_FIELDS : [])];
    if (decided !== null) targets.push(escalationTarget(e, e.takenOnByOrganisationId, decided.decision, decided.decision.allowed ? DECIDED_FIELDS : []));
    return { model, decided: targets };
  }
}

/** An escalation decided on, for the log: about its subjects, in its category, from the organisation that wrote that part (none for a member's). */
export function escalationTarget(e: Pick<EscalationEntity, 'id' | 'category' | 'subjectMemberIds'>, source: string | null, decision: AccessDecision, fields: readonly string[]): DecidedTarget {
  return { targetKind: 'ESCALATION', targetId: e.id, category: e.category, subjectIds: e.subjectMemberIds, sourceOrganisationId: source, decision, fields: [...fields] };
}

/** The access-log entries of one operation on escalations (DESIGN.md §10): `entriesByPurpose`, each escalation read for its own purpose. */
export function escalationEntries(
  activity: Activity,
  caller: { readonly kind: 'citizen'; readonly memberId: string } | { readonly kind: 'professional' },
  familyId: string,
  decided: readonly { readonly escalation: Pick<EscalationEntity, 'purpose'>; readonly targets: readonly DecidedTarget[] }[],
): EntryDraft[] {
  return entriesByPurpose(activity, caller, familyId, decided.map(({ escalation, targets }) => ({ purpose: escalation.purpose, targets })));
}

function ciphertextOf(e: EscalationEntity, text: EscalationText): Buffer | null {
  switch (text) {
    case 'blocks':
      return e.blocksCiphertext;
    case 'tried':
      return e.triedCiphertext;
    case 'decision':
      return e.decisionCiphertext;
    case 'setAside':
      return e.setAsideCiphertext;
    case 'authority':
      return e.authorityCiphertext;
    case 'budget':
      return e.budgetCiphertext;
  }
}

function centsOf(digits: string | null): number | null {
  return digits === null ? null : Number(digits);
}

function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
}
