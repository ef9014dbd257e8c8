import { DataCategory } from '@kring/family-file';
import { wholeYearsOn } from './reference-calendar';
import { bandOf, capacitySatisfied, ruleForRequest, type CapacityBand, type DenialReason, type RequestError } from './reference-access-rule';
import type { ReferencePlanItem, ReferencePlanItemKind, ReferencePurpose, ReferenceRequest, ReferenceWorld } from './reference-world';

/**
 * An independent reference of who reads what of the family plan (DESIGN.md §4 and §9,
 * docs/family-plan.md), sharing no logic with @kring/policy or @kring/family-plan; a
 * member's view is reference-member-plan.ts.
 *
 * - A professional reads an item when SHARED_PLAN and the category the item touches are both
 *   allowed by the rule of §4 (this reference's `RuleForRequest`) about every one of its
 *   subjects, for the declared purpose. The family's items have no source organisation, so
 *   they are never an organisation's own record. A withheld item is a redaction (its kind, the
 *   first category withheld, SHARED_PLAN before the other, the reason, its subjects), never
 *   what it says, nor who wrote it: its versions count in the family's numbering and name no
 *   one. The read is logged per item about each subject: every category's decision when the
 *   item is served, the refused ones when it is withheld.
 * - Nobody has agreed with the plans of these worlds: no item is agreed, and a goal waits, for
 *   each subject, for those whose agreement counts by capacity.
 */

export interface ExpectedPlanItem {
  readonly id: string;
  readonly kind: ReferencePlanItemKind;
  readonly subjectMemberIds: string[];
  readonly category: DataCategory;
  readonly text: string;
  readonly status: string | null;
  readonly dueOn: string | null;
  readonly actor: { readonly kind: string; readonly organisationId: string | null; readonly memberId: string | null; readonly name: string | null } | null;
  readonly sourceOrganisationId: string | null;
  readonly shownToFamily: boolean;
  readonly agreed: boolean;
  readonly caseDirectorAgreed: boolean;
  readonly waitingForMemberIds: string[];
}

export interface ExpectedPlanRedaction {
  readonly itemId: string;
  readonly kind: ReferencePlanItemKind;
  readonly category: DataCategory;
  readonly reason: DenialReason;
  readonly subjectMemberIds: string[];
}

export interface ExpectedPlanVersion {
  readonly version: number;
  readonly change: 'ITEM_ADDED' | 'ITEM_CHANGED';
  readonly itemId: string;
  readonly byMemberId: string | null;
  readonly byOrganisationId: string | null;
}

export interface ExpectedPlan {
  readonly version: number;
  readonly latestVersion: number;
  /** Words, goals, actions, the review date; within a kind in the order first written. */
  readonly items: ExpectedPlanItem[];
  readonly redactions: ExpectedPlanRedaction[];
  /** Newest first. */
  readonly versions: ExpectedPlanVersion[];
  readonly agreed: boolean;
  readonly agreements: { readonly memberId: string | null; readonly version: number }[];
}

/** What a professional's `familyPlan(familyId, purpose)` answers. */
export type ExpectedPlanAnswer =
  | { readonly kind: 'error'; readonly code: RequestError }
  | {
      readonly kind: 'plan';
      readonly plan: ExpectedPlan;
      /** The log's decisions of the read, one line per subject, item and category (`decisionLine`). */
      readonly decisions: string[];
      /** What the world offered, so a run can prove its worlds reach every case. */
      readonly cases: string[];
    };

/** One logged decision about one subject: who, which item, which category, and the outcome (`ALLOWED basis` or `DENIED reason`). */
export function decisionLine(subjectId: string, itemId: string, category: string, outcome: string): string {
  return `${subjectId} ${itemId} ${category} ${outcome}`;
}

/** The log's word for each of this reference's bases. */
const LOGGED_BASIS = { OWN_RECORD: 'OWN_RECORD', STATUTORY: 'STATUTORY_TASK', CONSENT: 'CONSENT', BREAK_GLASS: 'BREAK_GLASS' } as const;

/** `familyPlan(world.familyId, request.purpose)` asked by `request.caller` at `request.at`. */
export function expectedFamilyPlan(world: ReferenceWorld, request: ReferenceRequest, catalogue: readonly ReferencePurpose[]): ExpectedPlanAnswer {
  // The plan's verdicts are counted apart from the file's, in `cases`.
  const answered = ruleForRequest(world, request, catalogue);
  if (answered.kind === 'error') return answered;
  const { rule, today } = answered;
  const items: ExpectedPlanItem[] = [];
  const redactions: ExpectedPlanRedaction[] = [];
  const decisions: string[] = [];
  const cases: string[] = [];
  for (const item of inPlanOrder(world)) {
    const now = latestOf(item);
    const categories = now.category === DataCategory.SHARED_PLAN ? [DataCategory.SHARED_PLAN] : [DataCategory.SHARED_PLAN, now.category];
    const verdicts = categories.map((category) => ({ category, verdict: rule.decide({ category, sourceOrganisationId: item.sourceOrganisationId, subjectIds: item.subjectIds }) }));
    for (const { verdict } of verdicts) cases.push(verdict.allowed ? `plan allowed ${verdict.basis}` : `plan denied ${verdict.reason}`);
    const withheld = verdicts.filter((v) => !v.verdict.allowed);
    const first = withheld[0];
    for (const { category, verdict } of withheld.length > 0 ? withheld : verdicts) {
      const outcome = verdict.allowed ? `ALLOWED ${LOGGED_BASIS[verdict.basis]}` : `DENIED ${verdict.reason}`;
      for (const s of item.subjectIds) decisions.push(decisionLine(s, item.id, category, outcome));
    }
    if (first !== undefined && !first.verdict.allowed) {
      redactions.push({ itemId: item.id, kind: item.kind, category: first.category, reason: first.verdict.reason, subjectMemberIds: [...item.subjectIds] });
      cases.push('a plan item withheld');
      if (first.category !== DataCategory.SHARED_PLAN) cases.push('a plan item withheld for its category');
      continue;
    }
    items.push(served(world, item, today));
    cases.push('a plan item served');
    if (item.sourceOrganisationId === null) cases.push("a family's plan item served");
    if (item.sourceOrganisationId !== null && item.sourceOrganisationId !== request.caller.id) cases.push("another organisation's plan item served");
    if (item.subjectIds.length > 1) cases.push('a plan item about several members served');
    if (item.versions.length > 1) cases.push('a changed plan item served');
  }
  // Every version, in the family's numbering; who made it only for the items served (who wrote an item is part of it).
  const servedIds = new Set(items.map((i) => i.id));
  const versions = world.plan.writes.map((w, i) => versionOf(world, w, i + 1, servedIds.has(w.itemId))).reverse();
  const latestVersion = world.plan.writes.length;
  return { kind: 'plan', plan: { version: latestVersion, latestVersion, items, redactions, versions, agreed: false, agreements: [] }, decisions, cases };
}

/** An item as whoever may read it is served it: as its latest version says. */
export function served(world: ReferenceWorld, item: ReferencePlanItem, today: string): ExpectedPlanItem {
  const now = latestOf(item);
  const { actor } = item;
  return {
    id: item.id,
    kind: item.kind,
    subjectMemberIds: [...item.subjectIds],
    category: now.category,
    text: now.text,
    status: now.status,
    dueOn: now.dueOn,
    actor:
      actor === null
        ? null
        : {
            kind: actor.kind,
            organisationId: actor.kind === 'ORGANISATION' ? actor.organisationId : null,
            memberId: actor.kind === 'MEMBER' ? actor.memberId : null,
            name: actor.kind === 'NETWORK' ? actor.name : null,
          },
    sourceOrganisationId: item.sourceOrganisationId,
    shownToFamily: shownToFamily(world, item, today),
    agreed: false,
    caseDirectorAgreed: false,
    waitingForMemberIds: item.kind === 'GOAL' ? waitingFor(world, item, today) : [],
  };
}

/** About every member, or for every subject, those whose say counts by capacity chose to show it. */
export function shownToFamily(world: ReferenceWorld, item: ReferencePlanItem, today: string): boolean {
  if (world.members.every((m) => item.subjectIds.includes(m.id))) return true;
  const chose = new Set(item.shownBy);
  return item.subjectIds.every((s) => capacitySatisfied(world, s, bandOfMember(world, s, today), chose));
}

/** Nobody agreed: per subject, the subject from 12, and the parents with authority under 16. */
function waitingFor(world: ReferenceWorld, item: ReferencePlanItem, today: string): string[] {
  const waiting = new Set<string>();
  for (const s of item.subjectIds) {
    const band = bandOfMember(world, s, today);
    if (band !== 'UNDER_12') waiting.add(s);
    if (band !== 'FROM_16') for (const h of holdersOf(world, s)) waiting.add(h);
  }
  return [...waiting].sort();
}

/** A write as a version numbered `version`; `named`: with who made it (a member, or the item's source organisation). */
export function versionOf(world: ReferenceWorld, w: ReferenceWorld['plan']['writes'][number], version: number, named: boolean): ExpectedPlanVersion {
  const item = world.plan.items.find((i) => i.id === w.itemId) as ReferencePlanItem;
  return { version, change: w.nth === 0 ? 'ITEM_ADDED' : 'ITEM_CHANGED', itemId: w.itemId, byMemberId: named ? w.byMemberId : null, byOrganisationId: named ? item.sourceOrganisationId : null };
}

const KIND_ORDER: readonly ReferencePlanItemKind[] = ['WORDS', 'GOAL', 'ACTION', 'REVIEW'];

/** Words first, then goals, actions and the review date; within a kind, in the order first written. */
export function inPlanOrder(world: ReferenceWorld): ReferencePlanItem[] {
  const firstWritten = (item: ReferencePlanItem) => world.plan.writes.findIndex((w) => w.itemId === item.id);
  return [...world.plan.items].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || firstWritten(a) - firstWritten(b));
}

function latestOf(item: ReferencePlanItem) {
  const now = item.versions.at(-1);
  if (now === undefined) throw new Error('a plan item without a version');
  return now;
}

export function holdersOf(world: ReferenceWorld, memberId: string): string[] {
  return world.authority.filter((a) => a.childId === memberId).map((a) => a.adultId);
}

export function bandOfMember(world: ReferenceWorld, memberId: string, today: string): CapacityBand {
  const member = world.members.find((m) => m.id === memberId);
  if (member === undefined) throw new Error(`a plan item names ${memberId}, who is not a member of the family`);
  return bandOf(wholeYearsOn(member.birthDate, today));
}
