import { Kind, parse, visit, type DocumentNode, type GraphQLError, type ValueNode } from 'graphql';

/**
 * The argument a scalar refused, named as the API names fields (`input.validUntil`,
 * `filter.from`, `ids[2]`): from the document the error points into. GraphQL reports a
 * value written in the document as a validation error on that value, and a variable's
 * value as an error on the variable's definition with the path inside the variable in its
 * message; both are traced back to the argument that received them. Only called for
 * refusals, so the document is parsed again here rather than kept for every request.
 */
export function refusedArgumentPath(error: GraphQLError): string | null {
  const node = error.nodes?.[0];
  if (node === undefined || error.source === undefined) return null;
  let document: DocumentNode;
  try {
    document = parse(error.source);
  } catch {
    return null;
  }
  if (node.kind === Kind.VARIABLE_DEFINITION) {
    const name = node.variable.name.value;
    // graphql-js: `Variable "$input" got invalid value … at "input.validUntil"; …`; quotes inside the value are escaped.
    const within = [...error.message.matchAll(/ at "([^"]+)"; /g)].at(-1)?.[1]?.slice(name.length) ?? '';
    const usage = argumentPathWhere(document, (value) => value.kind === Kind.VARIABLE && value.name.value === name);
    return `${usage ?? `$${name}`}${within}`;
  }
  const start = node.loc?.start;
  return start === undefined ? null : argumentPathWhere(document, (value) => value.loc?.start === start);
}

function argumentPathWhere(document: DocumentNode, matches: (value: ValueNode) => boolean): string | null {
  let found: string | null = null;
  visit(document, {
    Argument(argument) {
      found ??= pathWithin(argument.value, argument.name.value, matches);
    },
    VariableDefinition(definition) {
      if (definition.defaultValue !== undefined) found ??= pathWithin(definition.defaultValue, `$${definition.variable.name.value}`, matches);
    },
  });
  return found;
}

function pathWithin(value: ValueNode, path: string, matches: (value: ValueNode) => boolean): string | null {
  if (matches(value)) return path;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = pathWithin(field.value, `${path}.${field.name.value}`, matches);
      if (found !== null) return found;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [i, item] of value.values.entries()) {
      const found = pathWithin(item, `${path}[${i}]`, matches);
      if (found !== null) return found;
    }
  }
  return null;
}
