import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Bounds on what one request may ask, so no single query can exhaust the gateway. */
export interface QueryLimits {
  readonly maxDocumentBytes: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  /** Field selections after expanding fragments: a simple, predictable cost measure. */
  readonly maxFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDocumentBytes: 20_000, maxDepth: 12, maxAliases: 20, maxFields: 600 };

/** An Apollo plugin that refuses documents over the limits with BAD_USER_INPUT before anything executes. */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        // Errors thrown here reach the caller as themselves (earlier hooks turn them into internal errors).
        // Parsing before the size check is bounded by the HTTP body limit.
        didResolveOperation({ document, request }) {
          if (request.query !== undefined && Buffer.byteLength(request.query) > limits.maxDocumentBytes) {
            throw refuse(`The query document is larger than ${limits.maxDocumentBytes} bytes.`);
          }
          const measured = measure(document);
          if (measured.depth > limits.maxDepth) throw refuse(`The query is nested ${measured.depth} levels deep; at most ${limits.maxDepth} are allowed.`);
          if (measured.aliases > limits.maxAliases) throw refuse(`The query uses ${measured.aliases} aliases; at most ${limits.maxAliases} are allowed.`);
          if (measured.fields > limits.maxFields) throw refuse(`The query selects ${measured.fields} fields; at most ${limits.maxFields} are allowed.`);
          return Promise.resolve();
        },
      });
    },
  };
}

function refuse(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

interface Measure {
  depth: number;
  aliases: number;
  fields: number;
}

/** Depth, aliases and fields over every operation, fragments expanded (validation has already refused cycles). */
export function measure(document: DocumentNode): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const total: Measure = { depth: 0, aliases: 0, fields: 0 };
  const walk = (set: SelectionSetNode, depth: number, seen: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total.fields += 1;
        if (selection.alias !== undefined) total.aliases += 1;
        total.depth = Math.max(total.depth, depth);
        if (selection.selectionSet !== undefined) walk(selection.selectionSet, depth + 1, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment !== undefined && !seen.has(fragment.name.value)) walk(fragment.selectionSet, depth, new Set([...seen, fragment.name.value]));
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1, new Set());
  }
  return total;
}
