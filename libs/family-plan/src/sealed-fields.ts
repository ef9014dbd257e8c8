import { declareSealedFields } from '@kring/crypto';

/**
 * A plan item's content (its text, status, due date and the network person who acts), sealed
 * as one value under the family's data key. Its category is the item's own (a column beside
 * it: SHARED_PLAN plus the category it touches), decided before the value is opened.
 */
export const PLAN_ITEM_SEALED_FIELDS = declareSealedFields('family_plan_item', { content: null });
