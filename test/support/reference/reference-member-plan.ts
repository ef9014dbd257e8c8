import { DataCategory } from '@kring/family-file';
import { amsterdamDate } from './reference-calendar';
import { reachOf } from './reference-member-view';
import { bandOfMember, decisionLine, holdersOf, inPlanOrder, served, shownToFamily, versionOf, type ExpectedPlan } from './reference-plan';
import type { ReferenceWorld } from './reference-world';

/**
 * An independent reference of a member's view of the family plan (`ourPlan`; DESIGN.md §5.7
 * and §9, docs/family-plan.md), sharing no logic with @kring/policy or @kring/family-plan:
 *
 * - A member reads the items all of whose subjects are in their reach, and the items shown to
 *   the whole family: one about every member, or one for whose every subject those whose say
 *   counts by capacity (§3) chose to show it. An item written or carried out by an organisation
 *   with an involvement shielded from the member (a shielding in force, not a lifted one) does
 *   not exist for them. Nothing else of the
 *   plan exists in their view: versions are counted in it, and a member id appears only as a
 *   subject of an item in view, a parent with authority over one (still to agree), who carries
 *   out or wrote an item in view, or someone in their reach.
 */

export interface ExpectedMemberPlan {
  readonly plan: ExpectedPlan;
  /** The log's decisions of the read (`decisionLine`). */
  readonly decisions: string[];
  /** Items that exist and are not in the view: their ids must not appear anywhere in it. */
  readonly outOfView: ReadonlySet<string>;
  /** Every id the view may name: the family, the reach, what is in view and whom it names. */
  readonly mayName: ReadonlySet<string>;
  readonly cases: string[];
}

/** A member's `ourPlan` at `at`, and what else their read may and may not name. */
export function expectedMemberPlan(world: ReferenceWorld, viewerId: string, at: Date): ExpectedMemberPlan {
  const today = amsterdamDate(at);
  const reach = reachOf(world, viewerId, today);
  const shieldedInvolvements = new Set((world.shieldings ?? []).filter((x) => x.memberId === viewerId && x.lifted !== true).map((x) => x.involvementId));
  const shieldedOrganisations = new Set(world.involvements.filter((i) => shieldedInvolvements.has(i.id)).map((i) => i.organisationId));
  const cases: string[] = [];

  const basisOf = new Map<string, 'DATA_SUBJECT' | 'SHOWN_TO_FAMILY'>();
  for (const item of world.plan.items) {
    const aboutReach = item.subjectIds.every((s) => reach.has(s));
    const shown = shownToFamily(world, item, today);
    const byShielded = [item.sourceOrganisationId, item.actor?.kind === 'ORGANISATION' ? item.actor.organisationId : null].some((o) => o !== null && shieldedOrganisations.has(o));
    const basis = aboutReach ? 'DATA_SUBJECT' : shown ? 'SHOWN_TO_FAMILY' : null;
    if (byShielded) {
      cases.push(basis === null ? 'a plan item by a shielded organisation, out of view anyway' : 'a plan item by a shielded organisation');
      continue;
    }
    if (basis === null) {
      cases.push('a plan item out of view');
      if (item.shownBy.length > 0) cases.push('a plan item some chose to show, not shown');
      continue;
    }
    basisOf.set(item.id, basis);
    cases.push(basis === 'DATA_SUBJECT' ? 'a plan item about the reach' : 'a plan item shown to the family');
    if (basis === 'SHOWN_TO_FAMILY') {
      const everyone = world.members.every((m) => item.subjectIds.includes(m.id));
      if (everyone) cases.push('a plan item about every member');
      else for (const s of item.subjectIds) if (!reach.has(s)) cases.push(`a plan item shown by capacity about a member ${bandOfMember(world, s, today)}`);
    }
    if (item.versions.length > 1) cases.push('a changed plan item in view');
  }

  const inView = inPlanOrder(world).filter((item) => basisOf.has(item.id));
  const items = inView.map((item) => served(world, item, today));
  const decisions = inView.flatMap((item) => item.subjectIds.map((s) => decisionLine(s, item.id, DataCategory.SHARED_PLAN, `ALLOWED ${basisOf.get(item.id) as string}`)));
  const mine = world.plan.writes.filter((w) => basisOf.has(w.itemId));
  if (mine.length < world.plan.writes.length && mine.length > 0) cases.push('a plan version out of view beside versions in view');
  const versions = mine.map((w, i) => versionOf(world, w, i + 1, true)).reverse();

  const mayName = new Set<string>([world.familyId, ...reach]);
  for (const item of inView) {
    mayName.add(item.id);
    for (const s of item.subjectIds) for (const id of [s, ...holdersOf(world, s)]) mayName.add(id);
    if (item.sourceOrganisationId !== null) mayName.add(item.sourceOrganisationId);
    if (item.actor?.kind === 'ORGANISATION') mayName.add(item.actor.organisationId);
    if (item.actor?.kind === 'MEMBER') mayName.add(item.actor.memberId);
  }
  for (const w of mine) if (w.byMemberId !== null) mayName.add(w.byMemberId);

  return {
    plan: { version: mine.length, latestVersion: mine.length, items, redactions: [], versions, agreed: false, agreements: [] },
    decisions,
    outOfView: new Set(world.plan.items.filter((i) => !basisOf.has(i.id)).map((i) => i.id)),
    mayName,
    cases,
  };
}

