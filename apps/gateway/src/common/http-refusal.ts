import type { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, forbidden, KringError, sendError, unauthenticated } from './kring-error';

/** The largest request body the gateway reads: a query document of 20,000 bytes with room for its variables. */
export const REQUEST_BODY_KB = 100;

/**
 * The refusal for an error of the HTTP layer (the body parser, an unknown route), with a
 * message of our own: the parser's messages quote the body, its charset or its encoding,
 * and Nest's "Cannot POST /path" repeats the path. Null for a server fault (5xx), which
 * is not the caller's to read about.
 */
export function httpRefusalOf(exception: HttpException): KringError | null {
  const status = exception.getStatus();
  if (status >= 500) return null;
  const parserRefusal = BODY_PARSER_REFUSALS[bodyParserTypeOf(exception.cause) ?? ''];
  if (parserRefusal !== undefined) return parserRefusal();
  switch (status) {
    case 401:
      return unauthenticated();
    case 403:
      return forbidden();
    case 404:
      return new KringError(ErrorCode.NOT_FOUND, 'There is nothing at this address.');
    case 413:
      return new KringError(ErrorCode.REQUEST_TOO_LARGE, 'The request is too large.');
    case 415:
      return unsupportedMediaType();
    default:
      return new KringError(ErrorCode.BAD_USER_INPUT, 'The request was not understood.');
  }
}

/** body-parser's own refusals, by the `type` it marks them with. */
const BODY_PARSER_REFUSALS: Readonly<Record<string, () => KringError>> = {
  'entity.parse.failed': () => new KringError(ErrorCode.BAD_USER_INPUT, 'The request body is not valid JSON.'),
  'entity.too.large': () => new KringError(ErrorCode.REQUEST_TOO_LARGE, `The request body is larger than ${REQUEST_BODY_KB} kB.`),
  'charset.unsupported': unsupportedMediaType,
  'encoding.unsupported': unsupportedMediaType,
  'request.aborted': () => new KringError(ErrorCode.BAD_USER_INPUT, 'The request body was incomplete.'),
  'request.size.invalid': () => new KringError(ErrorCode.BAD_USER_INPUT, 'The request body was incomplete.'),
};

/** Refuses a request whose body is not JSON by its content type: no route of the gateway reads anything else. */
export function refuseBodiesOtherThanJson(request: Request, response: Response, next: NextFunction): void {
  // `is` answers null for a request without a body, false for a body of another type.
  if (request.is('application/json') === false) {
    sendError(response, unsupportedMediaType());
    return;
  }
  next();
}

function unsupportedMediaType(): KringError {
  return new KringError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the request body as JSON in UTF-8 (content-type: application/json).');
}

/** body-parser marks its errors with a `type` (http-errors); Nest keeps the original as the cause. */
function bodyParserTypeOf(cause: unknown): string | undefined {
  const type = (cause as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
}
