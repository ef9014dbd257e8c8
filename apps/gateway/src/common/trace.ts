import { randomBytes } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestOf } from '../identity/auth.guard';

/** A W3C `traceparent`: version, 32-hex trace id, 16-hex parent id, flags. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Gives every request a trace id: the caller's W3C `traceparent` when it is well
 * formed (so a request is linked across organisations' logbooks), a fresh one
 * otherwise. The answer carries our own `traceparent` with the same trace id.
 */
export function traceMiddleware(request: Request & { traceId?: string }, response: Response, next: NextFunction): void {
  const header = request.headers['traceparent'];
  const match = typeof header === 'string' ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  const traceId = match !== null && !/^0+$/.test(match[1] as string) ? (match[1] as string) : randomBytes(16).toString('hex');
  request.traceId = traceId;
  response.setHeader('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
  next();
}

/** The trace id of this request. */
export const TraceId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = requestOf(context) as { traceId?: string };
  return request.traceId ?? randomBytes(16).toString('hex');
});
