import { rulesToAST } from '@casl/ability/extra';
import { involvedOnSql } from '@kring/family-file';
import type { KringAbility, PermissionAction, PermissionSubjects, PermissionSubjectType } from './permissions';

/**
 * How a condition on one fact of a subject is written in SQL. A plain column compares its
 * value; an array column (`uuid[]`) holds when it contains the value, or shares one with a
 * list; `sql` writes the comparison itself (e.g. an EXISTS over involvements).
 */
export type FactColumn =
  | { readonly column: string }
  /** A list kept as prefixed words in a text[] (the access log's facets: `s:<organisation id>`), under a GIN index. */
  | { readonly facetColumn: string; readonly prefix: string }
  | { readonly arrayColumn: string; readonly elementType: 'uuid' | 'text' }
  | { readonly sql: (operator: 'eq' | 'in', placeholder: string) => string };

/** Where each fact of a subject type is in the query's tables. Facts no list filters on may be left out. */
export type FactColumns<K extends PermissionSubjectType> = Partial<Record<keyof PermissionSubjects[K] & string, FactColumn>>;

/** Adds a value to the statement's parameters and gives back its placeholder (`$3`). */
export type AddParameter = (value: unknown) => string;

/**
 * The SQL condition under which a row is one the caller may `action`: the permission table's
 * rules for that subject type, translated (CASL's rulesToAST, then this small writer). No rule:
 * `FALSE`; a rule without conditions: `TRUE`. A condition this writer does not know fails loudly
 * rather than being dropped, because a dropped condition would widen a list.
 *
 * The same rules answer `ability.can(action, about(type, facts))` for one object; a test runs
 * both over generated worlds and compares (test/permissions-agree.e2e-spec.ts).
 */
export function permittedWhere<K extends PermissionSubjectType>(
  ability: KringAbility,
  action: PermissionAction,
  type: K,
  columns: FactColumns<K>,
  parameter: AddParameter,
): string {
  const ast = rulesToAST(ability, action, type) as Condition | null;
  if (ast === null) return 'FALSE';
  return write(ast, columns, parameter);
}

/** The part of @ucast/core's condition tree that rulesToAST produces for Kring's rules. */
type Condition =
  | { readonly operator: 'and' | 'or'; readonly value: readonly Condition[] }
  | { readonly operator: 'not'; readonly value: Condition | readonly Condition[] }
  | { readonly operator: string; readonly field: string; readonly value: unknown };

function write(condition: Condition, columns: Partial<Record<string, FactColumn>>, parameter: AddParameter): string {
  switch (condition.operator) {
    case 'and':
    case 'or': {
      const parts = (condition.value as readonly Condition[]).map((c) => write(c, columns, parameter));
      if (parts.length === 0) return condition.operator === 'and' ? 'TRUE' : 'FALSE';
      return `(${parts.join(condition.operator === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not': {
      // rulesToAST wraps a `cannot` rule's conditions in a list (all of which must hold).
      const negated = ([] as Condition[]).concat(condition.value as Condition | Condition[]);
      const inner = write({ operator: 'and', value: negated }, columns, parameter);
      // NOT over a comparison with NULL is NULL, which would exclude the row; a `cannot` rule
      // means "not when this holds", so a fact that does not hold must not exclude: IS NOT TRUE.
      return `(${inner} IS NOT TRUE)`;
    }
    case 'eq':
    case 'in':
      return compare(condition.operator, (condition as { field: string }).field, condition.value, columns, parameter);
    default:
      throw new Error(`permission-sql: the operator ${condition.operator} has no SQL form`);
  }
}

function compare(operator: 'eq' | 'in', field: string, value: unknown, columns: Partial<Record<string, FactColumn>>, parameter: AddParameter): string {
  const fact = columns[field];
  if (fact === undefined) throw new Error(`permission-sql: the fact ${field} has no column in this query`);
  if (operator === 'in' && !Array.isArray(value)) throw new Error(`permission-sql: ${field} $in needs a list`);
  if ('sql' in fact) return fact.sql(operator, parameter(value));
  if ('facetColumn' in fact) {
    // Containment (@>, &&) with the words themselves, so the GIN index and its per-word statistics apply.
    const words = (operator === 'eq' ? [value] : (value as unknown[])).map((v) => `${fact.prefix}${String(v)}`);
    return operator === 'eq' ? `${fact.facetColumn} @> ${parameter(words)}::text[]` : `${fact.facetColumn} && ${parameter(words)}::text[]`;
  }
  if ('arrayColumn' in fact) {
    const cast = `${fact.elementType}[]`;
    return operator === 'eq' ? `${parameter(value)}::${fact.elementType} = ANY(${fact.arrayColumn})` : `${fact.arrayColumn} && ${parameter(value)}::${cast}`;
  }
  // A NULL fact equals nothing, as CASL's matcher has it (null !== 'x').
  return operator === 'eq' ? `${fact.column} = ${parameter(value)}` : `${fact.column} = ANY(${parameter(value)})`;
}

/** Where the facts of an access-log entry are in `access_log_entry` (the officers' and members' log pages). */
export const ACCESS_LOG_ENTRY_COLUMNS: FactColumns<'AccessLogEntry'> = {
  familyId: { column: 'family_id' },
  actorOrganisationId: { column: 'actor_organisation_id' },
  sourceOrganisationIds: { facetColumn: 'facets', prefix: 's:' },
  subjectMemberIds: { arrayColumn: 'subject_member_ids', elementType: 'uuid' },
};

/**
 * Where the facts of one decision are: the entry's actor organisation, and the decision's
 * source organisation in the element `d` of the entry's `decisions` jsonb (the access
 * log's officers' filters and counts, in an EXISTS over `jsonb_array_elements(decisions) d`).
 */
export const ACCESS_LOG_DECISION_COLUMNS: FactColumns<'AccessLogDecision'> = {
  actorOrganisationId: { column: 'actor_organisation_id' },
  sourceOrganisationId: { column: "(d ->> 'sourceOrganisationId')::uuid" },
};

/** Where the facts of an emergency grant are in `break_glass_grant` (aliased `g`). */
export const BREAK_GLASS_GRANT_COLUMNS: FactColumns<'BreakGlassGrant'> = {
  organisationId: { column: 'g.organisation_id' },
  professionalId: { column: 'g.professional_id' },
};

/** "Organisation X is involved with the family of `familyIdSql` on `day`", as the access rule has it (`involvedOnSql`). */
function involvedWith(familyIdSql: string, day: string): FactColumn {
  return {
    sql: (operator, placeholder) =>
      `EXISTS (SELECT 1 FROM involvement inv WHERE inv.family_id = ${familyIdSql} AND inv.organisation_id ${operator === 'eq' ? `= ${placeholder}` : `= ANY(${placeholder})`} AND ${involvedOnSql('inv', day)})`,
  };
}

/**
 * Where the facts of a family file are, for a query over `family` (aliased `familyAlias`) on the
 * day in the SQL expression `day`: the organisations involved today are those with an
 * involvement running that day (`involvedOnSql`, the same definition the access rule uses).
 */
export function familyFileColumns(familyAlias: string, day: string): FactColumns<'FamilyFile'> {
  return { familyId: { column: `${familyAlias}.id` }, involvedOrganisationIds: involvedWith(`${familyAlias}.id`, day) };
}

/** Where the facts of a request for another case director are, for a query over `case_director_request` (aliased `requestAlias`) on the day in `day`. */
export function caseDirectorRequestColumns(requestAlias: string, day: string): FactColumns<'CaseDirectorRequest'> {
  return {
    familyId: { column: `${requestAlias}.family_id` },
    memberId: { column: `${requestAlias}.member_id` },
    involvedOrganisationIds: involvedWith(`${requestAlias}.family_id`, day),
  };
}

/** Where the facts of a consent are, for a query over `consent` (aliased `consentAlias`) on the day in `day`. */
export function consentColumns(consentAlias: string, day: string): FactColumns<'Consent'> {
  return {
    familyId: { column: `${consentAlias}.family_id` },
    subjectMemberId: { column: `${consentAlias}.subject_member_id` },
    recipientOrganisationId: { column: `${consentAlias}.recipient_organisation_id` },
    recipientDomain: { column: `${consentAlias}.recipient_domain::text` },
    involvedOrganisationIds: involvedWith(`${consentAlias}.family_id`, day),
  };
}

/** Where the facts of an escalation are, for a query over `escalation` (aliased `alias`) on the day in `day`. */
export function escalationColumns(alias: string, day: string): FactColumns<'Escalation'> {
  return {
    familyId: { column: `${alias}.family_id` },
    takenOnByOrganisationId: { column: `${alias}.taken_on_by_organisation_id` },
    involvedOrganisationIds: involvedWith(`${alias}.family_id`, day),
  };
}

/**
 * Where the facts of a family member are, for a privacy officer's lookup over `family_member`
 * (aliased `memberAlias`): an organisation is among `loggedOrganisationIds` when an entry of the
 * access log about this member has it as actor or as the source of a decision (its facets), the
 * same condition under which its privacy officer reads that entry (ACCESS_LOG_ENTRY_COLUMNS).
 * Lookups themselves do not count: the chain privacy officer's lookup, written under their
 * organisation, must not bring a member into that organisation's privacy officer's reach.
 */
export function familyMemberColumns(memberAlias: string): FactColumns<'FamilyMember'> {
  return {
    familyId: { column: `${memberAlias}.family_id` },
    memberId: { column: `${memberAlias}.id` },
    loggedOrganisationIds: {
      sql: (operator, placeholder) => {
        const actor = operator === 'eq' ? `e.actor_organisation_id = ${placeholder}::uuid` : `e.actor_organisation_id = ANY(${placeholder}::uuid[])`;
        const source = operator === 'eq' ? `e.facets @> ARRAY['s:' || lower(${placeholder}::text)]` : `e.facets && ARRAY(SELECT 's:' || lower(o::text) FROM unnest(${placeholder}::uuid[]) o)`;
        return `EXISTS (SELECT 1 FROM access_log_entry e WHERE e.family_id = ${memberAlias}.family_id AND e.subject_member_ids @> ARRAY[${memberAlias}.id] AND e.activity NOT IN (${LOOKUP_ACTIVITIES}) AND (${actor} OR ${source}))`;
      },
    },
  };
}

/** The officers' lookups (access-log-vocabulary.ts), as an SQL list: they never widen a lookup's scope. */
const LOOKUP_ACTIVITIES = ['LOOK_UP_MEMBER_BY_BSN', 'LOOK_UP_MEMBERS_BY_NAME', 'LOOK_UP_PROFESSIONALS'].map((a) => `'${a}'`).join(', ');

/** Where the facts of a professional are, for a privacy officer's lookup over `professional` (aliased `professionalAlias`). */
export function professionalColumns(professionalAlias: string): FactColumns<'Professional'> {
  return { professionalId: { column: `${professionalAlias}.id` }, organisationId: { column: `${professionalAlias}.organisation_id` } };
}
