import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema } from 'graphql';

/** One step into an argument: an input field's name, or 0 for the first item of a list. */
type Step = string | 0;

/** A place in an operation's arguments where text goes, e.g. `registerFamily` at `input.members[0].name`. */
export interface TextArgument {
  readonly kind: 'query' | 'mutation';
  readonly field: GraphQLField<unknown, unknown>;
  /** The argument path as the API names it in `extensions.field`. */
  readonly path: string;
  readonly steps: readonly Step[];
}

/** Every String and ID argument of every query and mutation, nested input fields and lists included. */
export function textArguments(schema: GraphQLSchema): TextArgument[] {
  const found: TextArgument[] = [];
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const;
  for (const [kind, root] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const argument of field.args) {
        collect(argument.type, [argument.name], new Set(), (steps) => found.push({ kind, field, steps, path: pathOf(steps) }));
      }
    }
  }
  return found;
}

function collect(type: GraphQLInputType, steps: readonly Step[], seen: ReadonlySet<string>, emit: (steps: readonly Step[]) => void): void {
  if (isNonNullType(type)) return collect(type.ofType, steps, seen, emit);
  if (isListType(type)) return collect(type.ofType, [...steps, 0], seen, emit);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return;
    for (const inner of Object.values(type.getFields())) collect(inner.type, [...steps, inner.name], new Set([...seen, type.name]), emit);
    return;
  }
  if (type.name === 'String' || type.name === 'ID') emit(steps);
}

function pathOf(steps: readonly Step[]): string {
  return steps.map((step, i) => (step === 0 ? '[0]' : i === 0 ? step : `.${step}`)).join('');
}

/** Well-formed values for every required argument, with `value` placed at `steps` (creating what lies on the way). */
export function argumentsWith(field: GraphQLField<unknown, unknown>, steps: readonly Step[], value: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const argument of field.args) {
    if (argument.name === steps[0]) values[argument.name] = along(argument.type, steps.slice(1), value);
    else if (isNonNullType(argument.type) && argument.defaultValue === undefined) values[argument.name] = sample(argument.type);
  }
  return values;
}

function along(type: GraphQLInputType, steps: readonly Step[], value: unknown): unknown {
  if (isNonNullType(type)) return along(type.ofType, steps, value);
  if (steps.length === 0) return value;
  if (isListType(type)) return [along(type.ofType, steps.slice(1), value)];
  if (!isInputObjectType(type)) throw new Error(`no step ${String(steps[0])} into ${type.name}`);
  const object = sample(type) as Record<string, unknown>;
  const inner = type.getFields()[steps[0] as string];
  if (inner === undefined) throw new Error(`no field ${String(steps[0])} in ${type.name}`);
  object[inner.name] = along(inner.type, steps.slice(1), value);
  return object;
}

/** A well-formed value of a type: required input fields only. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isInputObjectType(type)) {
    const object: Record<string, unknown> = {};
    for (const inner of Object.values(type.getFields())) {
      if (isNonNullType(inner.type) && inner.defaultValue === undefined) object[inner.name] = sample(inner.type);
    }
    return object;
  }
  if (isEnumType(type)) return type.getValues()[0]?.name;
  switch (type.name) {
    case 'ID':
      // An id nothing has: a sweep that got through on a broken gateway changes no real row.
      return '00000000-0000-4000-8000-00000000abcd';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2030-01-01T00:00:00Z';
    default:
      return 'x';
  }
}

/** `query($a: T!) { op(a: $a) { __typename } }`: the values travel as variables. */
export function documentWithVariables(kind: string, field: GraphQLField<unknown, unknown>, values: Record<string, unknown>): string {
  const used = field.args.filter((a) => a.name in values);
  const definitions = used.length === 0 ? '' : `(${used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})`;
  const args = used.length === 0 ? '' : `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})`;
  return `${kind}${definitions} { ${field.name}${args}${selection(field)} }`;
}

/** The same operation with the values written into the document as literals. */
export function documentWithLiterals(kind: string, field: GraphQLField<unknown, unknown>, values: Record<string, unknown>): string {
  const used = field.args.filter((a) => a.name in values);
  const args = used.length === 0 ? '' : `(${used.map((a) => `${a.name}: ${literal(a, a.type, values[a.name])}`).join(', ')})`;
  return `${kind} { ${field.name}${args}${selection(field)} }`;
}

function literal(argument: GraphQLArgument, type: GraphQLInputType, value: unknown): string {
  if (isNonNullType(type)) return literal(argument, type.ofType, value);
  if (isListType(type)) return `[${(value as unknown[]).map((item) => literal(argument, type.ofType, item)).join(', ')}]`;
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([name, inner]) => `${name}: ${literal(argument, (fields[name] as { type: GraphQLInputType }).type, inner)}`)
      .join(', ')}}`;
  }
  if (isEnumType(type)) return String(value);
  // JSON's string escapes (\u0000, \ud800) are GraphQL's too.
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function selection(field: GraphQLField<unknown, unknown>): string {
  return isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
}
