import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Hands every exception of a GraphQL operation to Apollo unchanged, so that the
 * one error formatter decides what the caller sees and what is logged. Without it,
 * Nest logs each expected domain error (a refused token, a missing family) as an
 * application error. Plain HTTP routes keep Nest's own handling.
 */
@Catch()
export class GraphqlExceptionPassThrough extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    super.catch(exception, host);
    return undefined;
  }
}
