import type { PlanItem, PlanVersion } from '../../api/fragments';
import { gql } from '../../api/generated';
import type { PlanItemStatus, WritePlanItemInput } from '../../api/generated/graphql';
import type { MessageKey, Translate } from '../../i18n/i18n';
import type { BadgeTone } from '../../ui';
import { joinWords, labelOf } from '../member/member-family';

/** The plan's changes, for members and professionals alike; every page reloads the plan after one. */
export const WRITE_PLAN_ITEM = gql(`mutation WritePlanItem($input: WritePlanItemInput!) { writePlanItem(input: $input) { id shownToFamily } }`);
export const AGREE_TO_PLAN = gql(`mutation AgreeToPlan($familyId: ID) { agreeToPlan(familyId: $familyId) { agreedAt } }`);
export const WITHDRAW_PLAN_AGREEMENT = gql(`mutation WithdrawPlanAgreement($familyId: ID) { withdrawPlanAgreement(familyId: $familyId) { withdrawnAt } }`);

/** The statuses a goal and an action can have, in the order they are offered (the first is the default). */
export const STATUSES: Readonly<Record<'GOAL' | 'ACTION', readonly PlanItemStatus[]>> = {
  GOAL: ['OPEN', 'REACHED', 'DROPPED'],
  ACTION: ['PLANNED', 'DONE', 'CANCELLED'],
};

/** A status's badge colour; the badge's word says the status, so colour is never the only signal. */
export const STATUS_TONE: Readonly<Record<PlanItemStatus, BadgeTone>> = {
  OPEN: 'neutral',
  PLANNED: 'neutral',
  REACHED: 'ok',
  DONE: 'ok',
  DROPPED: 'warning',
  CANCELLED: 'warning',
};

/**
 * How a page names members in the plan. A member's page knows only the names in their reach
 * (`myReach`); anyone else the API mentions is named by what they are to the item, never counted.
 */
export interface PlanNames {
  /** A subject, author or actor: a name, or words for a member the page may not name. */
  readonly member: (memberId: string) => string;
  /** A member whose agreement an item still waits for. */
  readonly waiting: (item: PlanItem, memberId: string) => string;
  /** The case director's name, when the page knows it. */
  readonly caseDirector: string | null;
}

/** Whose agreement an item still waits for, in words: the case director first, then the members the API names. */
export function waitingFor(t: Translate, item: PlanItem, names: PlanNames): string[] {
  const words: string[] = [];
  if (!item.caseDirectorAgreed) words.push(names.caseDirector === null ? t('plan.waiting.caseDirector') : t('plan.waiting.caseDirectorNamed', { name: names.caseDirector }));
  for (const id of item.waitingForMemberIds) words.push(names.waiting(item, id));
  return [...new Set(words)];
}

/** Who carries out an action: the organisation, the member, or the person from the family's own circle. */
export function actorOf(t: Translate, item: PlanItem, names: PlanNames): string | null {
  const actor = item.actor;
  if (actor === null) return null;
  if (actor.organisation !== null) return actor.organisation.name;
  if (actor.memberId !== null) return names.member(actor.memberId);
  return t('plan.actor.network', { name: actor.name ?? '' });
}

export function subjectsOf(t: Translate, item: Pick<PlanItem, 'subjectMemberIds'>, names: PlanNames): string {
  return joinWords(t, [...new Set(item.subjectMemberIds.map(names.member))], 'member.and');
}

/** "Doel toegevoegd", "Afspraak veranderd": what a version did, by the kind of the item it touched. */
export function changeOf(t: Translate, version: PlanVersion, kind: string | null): string {
  const what = kind === null ? t('plan.kind.unknown') : labelOf(t, 'plan.kind', kind);
  return t(`plan.change.${version.change}` as MessageKey, { kind: what });
}

/** The item as the API takes it back: the same content, so a change touches only what the caller changes. */
export function rewriteOf(item: PlanItem, familyId: string | null): WritePlanItemInput {
  return {
    ...(familyId === null ? {} : { familyId }),
    itemId: item.id,
    kind: item.kind,
    subjectMemberIds: item.subjectMemberIds,
    category: item.category,
    text: item.text,
    status: item.status,
    dueOn: item.dueOn,
    actor: item.actor === null ? null : { kind: item.actor.kind, memberId: item.actor.memberId, name: item.actor.name },
  };
}
