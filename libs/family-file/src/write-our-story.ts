import type { SectionType } from './sections/section-field';
import { findSectionType } from './sections/section-types';
import { validateSectionValues } from './sections/section-values';

/** The section type of a member's story (DESIGN.md §9, *ons verhaal*): the family is its source. */
export const OUR_STORY = findSectionType('OurStory') as SectionType;

export interface WriteOurStoryFacts {
  /** The permission table's answer: the writer may write about this member (in their reach, in their family). */
  readonly mayWrite: boolean;
  /** The current version of the writer's own story about this member, which a new one replaces; null for the first. */
  readonly currentVersionId: string | null;
}

export type WriteOurStoryRefusal = 'TEXT_LENGTH' | 'NOT_IN_REACH';

export type WriteOurStoryDecision =
  | { readonly ok: true; readonly values: { readonly text: string }; readonly supersedesRecordId: string | null }
  | { readonly ok: false; readonly refusal: WriteOurStoryRefusal };

/**
 * Whether a member may write this story about a member (DESIGN.md §9): the text, trimmed,
 * is what the section's one field takes (1 to 4000 characters, the catalogue's rule for
 * text); the member written about is in the writer's reach (themselves, or a child under
 * 16 over whom they hold authority: the permission table's answer). Each writer keeps their
 * own story about a member: writing again makes a new version that replaces their current
 * one, which is kept; nobody's words replace another's.
 */
export function writeOurStory(text: string, facts: WriteOurStoryFacts): WriteOurStoryDecision {
  const trimmed = text.trim();
  if (validateSectionValues(OUR_STORY, { text: trimmed }).length > 0) return { ok: false, refusal: 'TEXT_LENGTH' };
  if (!facts.mayWrite) return { ok: false, refusal: 'NOT_IN_REACH' };
  return { ok: true, values: { text: trimmed }, supersedesRecordId: facts.currentVersionId };
}

/** A record's place in its versions: which one it replaces. */
export interface Versioned {
  readonly id: string;
  readonly supersedesRecordId: string | null;
}

/** The records no other of `records` replaces: every organisation's record, and the current version of each story. */
export function currentVersions<R extends Versioned>(records: readonly R[]): R[] {
  const replaced = new Set(records.map((r) => r.supersedesRecordId).filter((id) => id !== null));
  return records.filter((r) => !replaced.has(r.id));
}
