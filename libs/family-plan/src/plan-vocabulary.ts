/**
 * The words of the family plan (DESIGN.md §9, *gezinsplan*). Plain data: the gateway's
 * GraphQL enums and the portal's labels are made from these lists.
 */

/**
 * What a plan item is: the family's own words (*wat wij willen bereiken*), a goal, an action
 * (who does what, by when), or the review date the case director sets.
 */
export const PLAN_ITEM_KINDS = ['WORDS', 'GOAL', 'ACTION', 'REVIEW'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/** Where a goal stands. */
export const GOAL_STATUSES = ['OPEN', 'REACHED', 'DROPPED'] as const;
/** Where an action stands. */
export const ACTION_STATUSES = ['PLANNED', 'DONE', 'CANCELLED'] as const;
export type PlanItemStatus = (typeof GOAL_STATUSES)[number] | (typeof ACTION_STATUSES)[number];

/** The statuses an item of each kind may have; words and the review date have none. */
export const STATUSES_OF: Readonly<Record<PlanItemKind, readonly PlanItemStatus[]>> = {
  WORDS: [],
  GOAL: GOAL_STATUSES,
  ACTION: ACTION_STATUSES,
  REVIEW: [],
};

/** Who carries out an action: an involved organisation, a member of the family, or a named person of the family's own network. */
export const PLAN_ACTOR_KINDS = ['ORGANISATION', 'MEMBER', 'NETWORK'] as const;
export type PlanActorKind = (typeof PLAN_ACTOR_KINDS)[number];

/** How a plan version came about: an item written for the first time, or changed. */
export const PLAN_CHANGES = ['ITEM_ADDED', 'ITEM_CHANGED'] as const;
export type PlanChange = (typeof PLAN_CHANGES)[number];

/** A plan item's text: the family's words, a goal or an action, 1 to 2,000 characters. */
export const PLAN_TEXT_LENGTH = { min: 1, max: 2000 } as const;
/** The name of a person from the family's network who carries out an action (a grandmother, a neighbour). */
export const NETWORK_PERSON_LENGTH = { min: 1, max: 200 } as const;
