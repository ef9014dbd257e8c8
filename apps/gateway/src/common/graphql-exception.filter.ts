import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { httpErrorBody, httpStatusOf, KringError } from './kring-error';

/**
 * Hands every exception of a GraphQL operation to Apollo unchanged, so that the
 * one error formatter decides what the caller sees and what is logged. Without it,
 * Nest logs each expected domain error (a refused token, a missing family) as an
 * application error. On plain HTTP routes a domain error answers with its status and
 * the same `errors[].extensions.code` shape; anything else keeps Nest's own handling.
 */
@Catch()
export class GraphqlExceptionPassThrough extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    if (exception instanceof KringError) {
      const response = host.switchToHttp().getResponse<Response>();
      response.status(httpStatusOf(exception.code)).json(httpErrorBody(exception));
      return undefined;
    }
    super.catch(exception, host);
    return undefined;
  }
}
