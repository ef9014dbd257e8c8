import { ApolloServerValidationErrorCode } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, type GraphQLFormattedError, Lexer, Source, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode, KringError, sendError } from './kring-error';

/** Bounds on what one request may ask, so no single query can exhaust the gateway. */
export interface QueryLimits {
  /** Checked before parsing, with the token count. */
  readonly maxDocumentBytes: number;
  readonly maxTokens: number;
  /** Fields, fragment spreads and inline fragments of one operation, every fragment counted where it is spread. */
  readonly maxSelections: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
}

export const QUERY_LIMITS: QueryLimits = { maxDocumentBytes: 20_000, maxTokens: 1_000, maxSelections: 600, maxDepth: 12, maxAliases: 20, maxDirectives: 20 };

function limitExceeded(limit: keyof QueryLimits, maximum: number, message: string): KringError {
  return new KringError(ErrorCode.BAD_USER_INPUT, message, { limit, maximum });
}

/**
 * Refuses a `/graphql` request whose document is over the byte or token limit, before
 * Apollo parses it: parsing and validating cost grows with the document (graphql-js's
 * check that same-named fields can merge is quadratic), so the size is bounded first.
 */
export function refuseOversizedDocuments(limits: QueryLimits = QUERY_LIMITS) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const document = documentOf(request);
    const refusal = document === undefined ? null : documentRefusal(document, limits);
    if (refusal === null) {
      next();
      return;
    }
    sendError(response, refusal);
  };
}

/** The query of a POST body or of a GET query string; anything else is Apollo's to refuse. */
function documentOf(request: Request): string | undefined {
  const source: unknown = request.method === 'GET' ? (request.query as Record<string, unknown>)['query'] : (request.body as Record<string, unknown> | undefined)?.['query'];
  return typeof source === 'string' ? source : undefined;
}

/** The limit a document breaks before parsing, or null. */
export function documentRefusal(document: string, limits: QueryLimits = QUERY_LIMITS): KringError | null {
  if (Buffer.byteLength(document) > limits.maxDocumentBytes) {
    return limitExceeded('maxDocumentBytes', limits.maxDocumentBytes, `The query document is larger than ${limits.maxDocumentBytes} bytes.`);
  }
  if (countTokens(document, limits.maxTokens) > limits.maxTokens) {
    return limitExceeded('maxTokens', limits.maxTokens, `The query document has more than ${limits.maxTokens} tokens.`);
  }
  return null;
}

/** Tokens (comments excluded), counting no further than one past `stopAbove`; a syntax error ends the count, for the parser to report. */
export function countTokens(document: string, stopAbove: number): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (count <= stopAbove && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return count;
  }
  return count;
}

/**
 * Depth, aliases and directives, by graphql-armor's validation rules (each fragment is
 * measured once and reused wherever it is spread). Apollo runs them after graphql-js's
 * own rules and its `maxRecursiveSelections` count, so only a valid document of a
 * bounded size reaches them; a refusal carries our error, answered as BAD_USER_INPUT.
 */
export function queryLimitRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  const reporting = (refusal: KringError) => ({
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(new GraphQLError(refusal.message, { originalError: refusal }))],
  });
  const armor = new ApolloArmor({
    // Depth counts a fragment's fields at the depth of its spread, as an inline fragment's.
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reporting(limitExceeded('maxDepth', limits.maxDepth, `The query is nested more than ${limits.maxDepth} levels deep.`)) },
    // Aliased __typename counts too: every alias is another execution of its field.
    maxAliases: { n: limits.maxAliases, allowList: [], ...reporting(limitExceeded('maxAliases', limits.maxAliases, `The query uses more than ${limits.maxAliases} aliases.`)) },
    maxDirectives: { n: limits.maxDirectives, ...reporting(limitExceeded('maxDirectives', limits.maxDirectives, `The query uses more than ${limits.maxDirectives} directives.`)) },
    // Its Apollo plugin throws while parsing, which Apollo answers with HTTP 500; tokens are counted before parsing instead.
    maxTokens: { enabled: false },
    // Its cost multiplies a list by a literal `first` (not a variable one): the portal's own access-log page
    // (first: 50) would cost 1,800 at one point per field. Apollo's `maxRecursiveSelections` counts instead.
    costLimit: { enabled: false },
    // Production hides suggestions through Apollo's hideSchemaDetailsFromClientErrors; development keeps them.
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}

/** Apollo's `maxRecursiveSelections` refusal, as our BAD_USER_INPUT naming the limit; null for any other error. */
export function selectionLimitRefusal(formatted: GraphQLFormattedError, limits: QueryLimits = QUERY_LIMITS): KringError | null {
  if (formatted.extensions?.['validationErrorCode'] !== ApolloServerValidationErrorCode.MAX_RECURSIVE_SELECTIONS_EXCEEDED) return null;
  return limitExceeded('maxSelections', limits.maxSelections, `The query makes more than ${limits.maxSelections} selections (fields and fragments, each fragment counted wherever it is spread).`);
}
