import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { CryptoError, CryptoErrorCode } from '@kring/crypto';
import { refusedArgumentPath } from './argument-path';
import { InvalidScalarValue } from './date-time.scalar';
import { badInput, ErrorCode, KringError, notFound } from './kring-error';
import { selectionLimitRefusal } from './query-limits';

/** Apollo's own codes for requests that never reached a resolver; their messages are safe to pass on. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** The GraphQL `extensions.code` of each domain error code; exhaustive, so a new code that nobody maps fails to compile. */
export function graphqlCode(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.PURPOSE_REQUIRED:
    case ErrorCode.UNKNOWN_PURPOSE:
    case ErrorCode.CONSENT_CAPACITY:
    case ErrorCode.AUDIT_UNAVAILABLE:
    case ErrorCode.DATA_INTEGRITY:
    case ErrorCode.REQUEST_TOO_LARGE:
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
    case ErrorCode.RATE_LIMITED:
    case ErrorCode.LIMIT_EXCEEDED:
    case ErrorCode.LIVE_INTERRUPTED:
      return code;
    default: {
      const unmapped: never = code;
      return unmapped;
    }
  }
}

/**
 * Shapes every error the API returns: domain errors keep their code and message;
 * request errors keep Apollo's; anything else is logged here and answered as a bare
 * internal error, so no stack trace, SQL or value ever reaches a caller.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original = selectionLimitRefusal(formatted) ?? domainErrorOf(error);
    const base = { locations: formatted.locations, path: formatted.path };
    const cause = (original as { originalError?: unknown } | null)?.originalError;
    if (cause instanceof InvalidScalarValue) {
      // A strict scalar refused a value. GraphQL says so as a validation error when the value was written in
      // the document, as a variable error when it came as a variable: both are the caller's input, named by argument.
      original = badInput(refusedArgumentPath(original as GraphQLError) ?? 'an argument', cause.rule);
    }
    if (original instanceof KringError) {
      return { ...base, message: original.message, extensions: { code: graphqlCode(original.code), ...original.details } };
    }
    if (original instanceof CryptoError && original.code === CryptoErrorCode.KEY_DESTROYED) {
      // A safety net: every path checks erasure itself, but one that reaches an erased family's key answers as if it never existed.
      const missing = notFound('family');
      return { ...base, message: missing.message, extensions: { code: graphqlCode(missing.code) } };
    }
    if (original instanceof CryptoError) {
      // Never a wrong value: a ciphertext that does not authenticate stops the answer.
      logger.error({ cryptoError: original.code, path: formatted.path }, 'a stored value failed its integrity check');
      return { ...base, message: 'A stored value failed its integrity check and was not returned. The incident has been logged.', extensions: { code: graphqlCode(ErrorCode.DATA_INTEGRITY) } };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
      return { ...base, message: formatted.message, extensions: { code } };
    }
    logger.error({ err: describe(original), path: formatted.path }, 'unexpected error while serving a request');
    return { ...base, message: 'Internal error. It has been logged; no data was returned for this field.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** The error behind a GraphQL error: thrown in a resolver, or carried by a validation rule's report (the query limits). */
function domainErrorOf(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  return unwrapped instanceof GraphQLError && unwrapped.originalError instanceof KringError ? unwrapped.originalError : unwrapped;
}

/** Name and stack only: messages of driver errors can quote values. */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, code: (error as { code?: unknown }).code, stack: error.stack?.split('\n').slice(1, 6).join('\n') };
  return { type: typeof error };
}
