import type { Response } from 'express';

/** Every error code the API answers with (DESIGN.md §6); mapped to GraphQL in one place. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  PURPOSE_REQUIRED = 'PURPOSE_REQUIRED',
  UNKNOWN_PURPOSE = 'UNKNOWN_PURPOSE',
  CONSENT_CAPACITY = 'CONSENT_CAPACITY',
  AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE',
  /** A stored value failed its integrity check (moved, changed, or its key destroyed); nothing of it is returned. */
  DATA_INTEGRITY = 'DATA_INTEGRITY',
  /** The request body is over the size the gateway reads (HTTP 413). */
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  /** The request body is not UTF-8 JSON by its content type, charset or encoding (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** Too many failed authentications from the caller's address; `retryAfterSeconds` says when to try again (HTTP 429). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A limit of live delivery (docs/security.md): subscriptions per connection or per caller, undelivered events; `limit` and `maximum` say which. */
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  /** Live delivery was interrupted (this gateway stopped hearing the database, or is shutting down): subscribe again, and read the page for what was missed. */
  LIVE_INTERRUPTED = 'LIVE_INTERRUPTED',
}

/** An error the caller may see: its message is written for them and carries no personal value or secret. */
export class KringError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Safe details, e.g. `{ field: 'members[0].bsn' }`; never values. */
    readonly details: Readonly<Record<string, string | number | readonly string[]>> = {},
  ) {
    super(message);
    this.name = 'KringError';
  }
}

/** The one answer to every authentication failure, so it reveals nothing about why. */
export function unauthenticated(): KringError {
  return new KringError(ErrorCode.UNAUTHENTICATED, 'Authentication required: send a valid bearer token.');
}

/** The answer to a request from an address that used up its failed authentications for now. */
export function rateLimited(retryAfterSeconds: number): KringError {
  return new KringError(ErrorCode.RATE_LIMITED, `Too many failed authentications from your address: try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}

export function notFound(what: string): KringError {
  return new KringError(ErrorCode.NOT_FOUND, `No ${what} with this id is known to you.`);
}

export function badInput(field: string, problem: string): KringError {
  return new KringError(ErrorCode.BAD_USER_INPUT, `${field} ${problem}.`, { field });
}

export function forbidden(message = 'You are not allowed to do this.'): KringError {
  return new KringError(ErrorCode.FORBIDDEN, message);
}

/** The HTTP status of a domain error on plain HTTP routes (GraphQL answers 200 with the code). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
    case ErrorCode.CONSENT_CAPACITY:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.PURPOSE_REQUIRED:
    case ErrorCode.UNKNOWN_PURPOSE:
      return 400;
    case ErrorCode.REQUEST_TOO_LARGE:
      return 413;
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return 415;
    case ErrorCode.RATE_LIMITED:
    case ErrorCode.LIMIT_EXCEEDED:
      return 429;
    case ErrorCode.LIVE_INTERRUPTED:
      return 503;
    case ErrorCode.AUDIT_UNAVAILABLE:
      return 503;
    case ErrorCode.DATA_INTEGRITY:
      return 500;
  }
}

/** Answers a domain error on a plain HTTP route: its status and the GraphQL error shape. */
export function sendError(response: Response, error: KringError): void {
  response.status(httpStatusOf(error.code)).json(httpErrorBody(error));
}

/** The body of a domain error on plain HTTP routes: the GraphQL error shape, so clients parse one format. */
export function httpErrorBody(error: KringError): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] };
}
