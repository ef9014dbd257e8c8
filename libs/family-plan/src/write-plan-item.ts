import { DataCategory, isDataCategory, isIsoDate } from '@kring/family-file';
import {
  NETWORK_PERSON_LENGTH,
  PLAN_ACTOR_KINDS,
  PLAN_ITEM_KINDS,
  PLAN_TEXT_LENGTH,
  STATUSES_OF,
  type PlanActorKind,
  type PlanItemKind,
  type PlanItemStatus,
} from './plan-vocabulary';

/** What a writer asks for: a new item, or (with `itemId`) a new version of one. */
export interface PlanItemRequest {
  readonly itemId?: string | null;
  readonly kind: string;
  readonly subjectMemberIds: readonly string[];
  readonly category?: string | null;
  readonly text: string;
  readonly status?: string | null;
  readonly actor?: { readonly kind: string; readonly organisationId?: string | null; readonly memberId?: string | null; readonly name?: string | null } | null;
  /** YYYY-MM-DD: an action's due date, or the plan's review date. */
  readonly dueOn?: string | null;
}

/** Who writes: a member of the family, or a professional of an organisation. */
export type PlanWriter = { readonly kind: 'member'; readonly memberId: string } | { readonly kind: 'professional'; readonly organisationId: string };

export interface WritePlanItemFacts {
  readonly writer: PlanWriter;
  readonly familyMemberIds: readonly string[];
  /** The organisations involved with the family today. */
  readonly involvedOrganisationIds: readonly string[];
  /** The item's current version when a change is asked (null: no such item in this family's plan). */
  readonly current?: { readonly kind: PlanItemKind; readonly sourceOrganisationId: string | null } | null;
  /**
   * The permission table's answer for this item (docs/permissions.md): a member for their
   * reach, a professional of an involved organisation for its own actions and proposed goals,
   * the case director for the review date. `whyNot` names the first fact that failed.
   */
  readonly mayWrite: boolean;
  readonly whyNot: 'OUTSIDE_REACH' | 'NOT_CASE_DIRECTOR' | 'NOT_FOR_WRITER';
}

export type WritePlanItemRefusal =
  | 'UNKNOWN_KIND'
  | 'TEXT_LENGTH'
  | 'NO_SUBJECTS'
  | 'NOT_A_MEMBER'
  | 'CATEGORY_NOT_FOR_PLAN'
  | 'STATUS_NOT_FOR_KIND'
  | 'ACTOR_REQUIRED'
  | 'ACTOR_NOT_FOR_KIND'
  | 'ACTOR_NOT_ALLOWED'
  | 'ACTOR_NOT_INVOLVED'
  | 'NETWORK_PERSON_LENGTH'
  | 'DUE_DATE'
  | 'REVIEW_DATE_REQUIRED'
  | 'UNKNOWN_ITEM'
  | 'KIND_CHANGED'
  | 'NOT_YOURS'
  | 'OUTSIDE_REACH'
  | 'NOT_CASE_DIRECTOR'
  | 'NOT_FOR_WRITER';

/** The item as it will be stored: its clear facts, and the content that is sealed. */
export interface PlanItemDraft {
  readonly kind: PlanItemKind;
  readonly subjectMemberIds: readonly string[];
  readonly category: DataCategory;
  readonly sourceOrganisationId: string | null;
  readonly actor: { readonly kind: PlanActorKind; readonly organisationId: string | null; readonly memberId: string | null } | null;
  readonly content: PlanItemContent;
}

/** What is sealed: the words, where the item stands, by when, and the network person who acts. */
export interface PlanItemContent {
  readonly text: string;
  readonly status: PlanItemStatus | null;
  readonly dueOn: string | null;
  readonly networkPerson: string | null;
}

export type WritePlanItemDecision = { readonly ok: true; readonly draft: PlanItemDraft } | { readonly ok: false; readonly refusal: WritePlanItemRefusal };

/** Categories a plan item never touches: who someone is, and their BSN, are not plan matters. */
const NOT_FOR_PLAN: readonly DataCategory[] = [DataCategory.PERSONAL_IDENTITY, DataCategory.NATIONAL_ID];

/**
 * Whether a plan item may be written, and as what (DESIGN.md §9, "Who writes"). The words,
 * goals and actions of the family are the family's: a member writes them about their reach
 * (a child from 12 is in their own reach, so writes their own goals), and an action a member
 * writes is carried out by a member or a person of the family's network, never assigned to
 * an organisation. A professional writes actions of their own organisation, and proposes
 * goals, as their organisation's. The case director sets the review date, about the whole
 * family. An item is changed only by who wrote it (the family, or the same organisation)
 * and keeps its kind. Ids are compared in lower case.
 */
export function writePlanItem(request: PlanItemRequest, facts: WritePlanItemFacts): WritePlanItemDecision {
  const refuse = (refusal: WritePlanItemRefusal): WritePlanItemDecision => ({ ok: false, refusal });
  const { writer } = facts;
  if (!(PLAN_ITEM_KINDS as readonly string[]).includes(request.kind)) return refuse('UNKNOWN_KIND');
  const kind = request.kind as PlanItemKind;
  const sourceOrganisationId = writer.kind === 'professional' ? writer.organisationId : null;

  const text = request.text.trim();
  const minText = kind === 'REVIEW' ? 0 : PLAN_TEXT_LENGTH.min;
  if (text.length < minText || text.length > PLAN_TEXT_LENGTH.max) return refuse('TEXT_LENGTH');

  const members = facts.familyMemberIds.map((id) => id.toLowerCase());
  const named = kind === 'REVIEW' ? [...members] : [...new Set(request.subjectMemberIds.map((id) => id.toLowerCase()))];
  if (named.length === 0) return refuse('NO_SUBJECTS');
  if (!named.every((id) => members.includes(id))) return refuse('NOT_A_MEMBER');

  const categoryText = request.category ?? DataCategory.SHARED_PLAN;
  if (!isDataCategory(categoryText) || NOT_FOR_PLAN.includes(categoryText)) return refuse('CATEGORY_NOT_FOR_PLAN');
  const category = kind === 'REVIEW' ? DataCategory.SHARED_PLAN : categoryText;

  const statuses = STATUSES_OF[kind];
  const statusText = request.status ?? statuses[0] ?? null;
  if (statusText === null ? statuses.length > 0 : !(statuses as readonly string[]).includes(statusText)) return refuse('STATUS_NOT_FOR_KIND');
  const status = statusText as PlanItemStatus | null;

  const dueOn = request.dueOn ?? null;
  if (dueOn !== null && !isIsoDate(dueOn)) return refuse('DUE_DATE');
  if (kind === 'REVIEW' && dueOn === null) return refuse('REVIEW_DATE_REQUIRED');

  const actor = decideActor(kind, request.actor ?? null, writer, members, facts.involvedOrganisationIds);
  if (typeof actor === 'string') return refuse(actor);

  if (request.itemId !== undefined && request.itemId !== null) {
    if (facts.current === undefined || facts.current === null) return refuse('UNKNOWN_ITEM');
    if (facts.current.kind !== kind) return refuse('KIND_CHANGED');
    // The review date is case direction's, not an organisation's: after a handover the new case
    // director (of another organisation) sets it; who may is the permission table's (below).
    const same = (facts.current.sourceOrganisationId?.toLowerCase() ?? null) === (sourceOrganisationId?.toLowerCase() ?? null);
    if (kind !== 'REVIEW' && !same) return refuse('NOT_YOURS');
  }
  if (!facts.mayWrite) return refuse(facts.whyNot);

  return {
    ok: true,
    draft: {
      kind,
      subjectMemberIds: named.sort(),
      category,
      sourceOrganisationId,
      actor: actor === null ? null : { kind: actor.kind, organisationId: actor.organisationId, memberId: actor.memberId },
      content: { text, status, dueOn, networkPerson: actor?.networkPerson ?? null },
    },
  };
}

type DecidedActor = { kind: PlanActorKind; organisationId: string | null; memberId: string | null; networkPerson: string | null } | null;

function decideActor(
  kind: PlanItemKind,
  requested: NonNullable<PlanItemRequest['actor']> | null,
  writer: PlanWriter,
  members: readonly string[],
  involved: readonly string[],
): DecidedActor | WritePlanItemRefusal {
  if (kind !== 'ACTION') return requested === null ? null : 'ACTOR_NOT_FOR_KIND';
  if (requested === null) return 'ACTOR_REQUIRED';
  if (!(PLAN_ACTOR_KINDS as readonly string[]).includes(requested.kind)) return 'ACTOR_REQUIRED';
  const actorKind = requested.kind as PlanActorKind;
  if (actorKind === 'ORGANISATION') {
    // A professional's action is their own organisation's; the family does not assign work to an organisation.
    if (writer.kind === 'member') return 'ACTOR_NOT_ALLOWED';
    const organisationId = (requested.organisationId ?? writer.organisationId).toLowerCase();
    if (organisationId !== writer.organisationId.toLowerCase()) return 'ACTOR_NOT_ALLOWED';
    if (!involved.map((id) => id.toLowerCase()).includes(organisationId)) return 'ACTOR_NOT_INVOLVED';
    return { kind: actorKind, organisationId, memberId: null, networkPerson: null };
  }
  if (writer.kind === 'professional') return 'ACTOR_NOT_ALLOWED';
  if (actorKind === 'MEMBER') {
    const memberId = (requested.memberId ?? '').toLowerCase();
    if (!members.includes(memberId)) return 'NOT_A_MEMBER';
    return { kind: actorKind, organisationId: null, memberId, networkPerson: null };
  }
  const name = (requested.name ?? '').trim();
  if (name.length < NETWORK_PERSON_LENGTH.min || name.length > NETWORK_PERSON_LENGTH.max) return 'NETWORK_PERSON_LENGTH';
  return { kind: actorKind, organisationId: null, memberId: null, networkPerson: name };
}
