import { isInvolvedOn, type InvolvementDates } from '@kring/family-file';
import type { Domain } from '@kring/identity';
import type { Purpose } from './purpose';

/** An involvement as the circle's rule sees it. */
export interface CircleInvolvementFacts extends InvolvementDates {
  readonly id: string;
  readonly organisationId: string;
}

/** An involvement shielded from one member. */
export interface ShieldingFacts {
  readonly involvementId: string;
  readonly memberId: string;
}

/** Who looks at the circle: a member of the family, or a professional of an organisation. */
export type CircleViewer = { readonly kind: 'member'; readonly memberId: string } | { readonly kind: 'professional'; readonly organisationId: string };

/**
 * The circle (*wie helpen er*, DESIGN.md §9): the involvements a viewer sees today (`today`:
 * YYYY-MM-DD, Dutch calendar). Every involvement runs for the whole family, so it concerns
 * every member's reach; a member sees those that run today, except those shielded from them
 * by name, which do not exist in their view. A professional sees every involvement that runs
 * today (the Verwijsindex function), shielded or not, but only while their own organisation
 * is involved today; otherwise nothing. Pure: no I/O, no clock of its own.
 */
export function circleOf<I extends CircleInvolvementFacts>(viewer: CircleViewer, involvements: readonly I[], shieldings: readonly ShieldingFacts[], today: string): I[] {
  const running = involvements.filter((i) => isInvolvedOn(i, today));
  if (viewer.kind === 'professional') return running.some((i) => i.organisationId === viewer.organisationId) ? running : [];
  const shielded = new Set(shieldings.filter((s) => s.memberId === viewer.memberId).map((s) => s.involvementId));
  return running.filter((i) => !shielded.has(i.id));
}

/**
 * The organisations whose involvement is shielded from a member: nothing they do (a plan item
 * they wrote, a thread they take part in) exists in that member's view.
 */
export function shieldedOrganisationsFor(memberId: string, involvements: readonly Pick<CircleInvolvementFacts, 'id' | 'organisationId'>[], shieldings: readonly ShieldingFacts[]): Set<string> {
  const shielded = new Set(shieldings.filter((s) => s.memberId === memberId).map((s) => s.involvementId));
  return new Set(involvements.filter((i) => shielded.has(i.id)).map((i) => i.organisationId));
}

/**
 * Whether an organisation of `domain` has a statutory task (DESIGN.md §3): some purpose of
 * the catalogue rests on a statutory task for that domain. Only such an organisation may
 * shield its involvement from a member.
 */
export function hasStatutoryTask(purposes: readonly Purpose[], domain: Domain): boolean {
  return purposes.some((p) => p.statutoryFor.includes(domain));
}
