import type { MadeFamily, MadeOrganisation, Partner } from './world.types';
import type { World } from './world';

/**
 * A parent (40) with authority over a 14-year-old: the family where a consent
 * needs two signatures, the child's and the parent's (DESIGN.md §3).
 * Members: `parent`, `teen`.
 */
export function familyWithTeen(world: World, registeredBy: MadeOrganisation | Partner): Promise<MadeFamily> {
  return world.family({
    registeredBy,
    members: [
      { label: 'parent', age: 40 },
      { label: 'teen', age: 14 },
    ],
    authority: [['parent', 'teen']],
  });
}

/**
 * The household the rule suites read: a mother and a father (both with authority
 * over the children), a 17-year-old, a 14-year-old and an 8-year-old, so every
 * rung of consent capacity (under 12, 12 to 15, from 16) is there at once.
 * Members: `mother`, `father`, `older`, `teen`, `young`.
 */
export function householdOfFive(world: World, registeredBy: MadeOrganisation | Partner): Promise<MadeFamily> {
  return world.family({
    registeredBy,
    members: [
      { label: 'mother', age: 38 },
      { label: 'father', age: 41 },
      { label: 'older', age: 17 },
      { label: 'teen', age: 14 },
      { label: 'young', age: 8 },
    ],
    authority: [
      ['mother', 'older'],
      ['mother', 'teen'],
      ['mother', 'young'],
      ['father', 'older'],
      ['father', 'teen'],
      ['father', 'young'],
    ],
  });
}
