import { Ability, subject as tagSubject, type MatchConditions } from '@casl/ability';
import type { AccessDecision } from './access-decision';
import type { FieldFacts } from './access-rule';

/** A field of the family file as a CASL subject. */
export type FamilyFieldSubject = FieldFacts & { readonly __caslSubjectType__: 'FamilyField' };

type FieldCondition = (field: FieldFacts) => boolean;

/** The per-request ability: may this caller read this field now? */
export type FieldAbility = Ability<['read', 'FamilyField' | FamilyFieldSubject], FieldCondition>;

/**
 * Builds the request's CASL ability from the access rule, already bound to the
 * caller, purpose, family facts and moment. Its one rule delegates to the rule
 * itself (CASL's lambda matcher): the rule stays the single place that decides,
 * and the ability is what the rest of the request asks. Denied by default: a
 * field no rule matches cannot be read.
 */
export function buildFieldAbility(decide: (field: FieldFacts) => AccessDecision): FieldAbility {
  const readable: FieldCondition = (field) => decide(field).allowed;
  return new Ability<['read', 'FamilyField' | FamilyFieldSubject], FieldCondition>([{ action: 'read', subject: 'FamilyField', conditions: readable }], {
    conditionsMatcher: (condition: FieldCondition) => condition as unknown as MatchConditions,
  });
}

/** Tags field facts as the FamilyField subject type. */
export function familyField(field: FieldFacts): FamilyFieldSubject {
  return tagSubject('FamilyField', { ...field });
}
