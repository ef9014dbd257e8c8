import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { httpRefusalOf } from './http-refusal';
import { KringError, sendError } from './kring-error';

/**
 * Hands every exception of a GraphQL operation to Apollo unchanged, so that the
 * one error formatter decides what the caller sees and what is logged. Without it,
 * Nest logs each expected domain error (a refused token, a missing family) as an
 * application error. On plain HTTP routes a domain error answers with its status and
 * the same `errors[].extensions.code` shape, and so does a refusal of the HTTP layer
 * (a body that is not JSON or too large, an unknown route), in words of our own that
 * repeat nothing of the request; a server fault keeps Nest's handling (logged, a bare 500).
 */
@Catch()
export class GraphqlExceptionPassThrough extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const refusal = exception instanceof KringError ? exception : exception instanceof HttpException ? httpRefusalOf(exception) : null;
    if (refusal !== null) {
      sendError(host.switchToHttp().getResponse<Response>(), refusal);
      return undefined;
    }
    super.catch(exception, host);
    return undefined;
  }
}
