import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Activity } from '@kring/audit';
import { Clock } from '@kring/config';
import { RequestRefusal } from '@kring/policy';
import { AuditService, refusalEntry } from '../access-log/audit.service';
import { requestOf } from '../identity/auth.guard';
import { badInput } from './kring-error';
import { isWellFormedText, malformedTextIn } from './well-formed-text';

const REFUSALS_LOGGED = 'kring:refusals-logged';

/**
 * An operation whose refusals are access-log entries (a read of a family file, an export of
 * the log): a refusal of its input at the boundary is logged too, as DENIED with reason
 * MALFORMED_INPUT under this activity, without the refused text.
 */
export const RefusalsLogged = (activity: Activity) => SetMetadata(REFUSALS_LOGGED, activity);

/**
 * The boundary for text: every GraphQL argument (nested input objects and lists, from
 * variables or written in the document alike, since it sees them as the resolver would)
 * and every query-string or body value of an HTTP route. A NUL character or a lone
 * surrogate is refused as BAD_USER_INPUT naming the argument, before the resolver or route
 * runs: PostgreSQL's text cannot hold NUL, UTF-8 cannot encode a lone surrogate, and the
 * access log must store exactly what it hashed.
 *
 * A guard, registered right after AuthGuard (gateway.module.ts), so the caller is known and
 * a refused read is logged like any other refusal. Not an interceptor: a clean request
 * costs this guard the check alone (about 0.1 µs for a family read), where any interceptor
 * costs Nest's rxjs wrapping of the resolver, about 10 µs (docs/performance.md).
 */
@Injectable()
export class InputBoundaryGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const field = malformedArgument(context);
    return field === null ? true : this.refuse(context, field);
  }

  private async refuse(context: ExecutionContext, field: string): Promise<never> {
    const activity = this.reflector.get<Activity | undefined>(REFUSALS_LOGGED, context.getHandler());
    const request = requestOf(context) as ReturnType<typeof requestOf> & { traceId?: string };
    if (activity !== undefined && request.principal) {
      await this.audit.recordRefusal({ principal: request.principal, traceId: request.traceId ?? '', at: this.clock.now() }, refusalEntry(activity, RequestRefusal.MALFORMED_INPUT));
    }
    throw badInput(field, 'is not well-formed text (it holds a NUL character or a lone surrogate)');
  }
}

/** The first argument, query parameter or body field holding malformed text, or null. */
function malformedArgument(context: ExecutionContext): string | null {
  if (context.getType<string>() === 'graphql') return malformedIn(context.getArgByIndex<Record<string, unknown> | undefined>(1));
  const request = context.switchToHttp().getRequest<{ query?: Record<string, unknown>; body?: unknown }>();
  return malformedIn(request.query) ?? (typeof request.body === 'object' && request.body !== null ? malformedIn(request.body as Record<string, unknown>) : null);
}

function malformedIn(values: Record<string, unknown> | undefined): string | null {
  for (const name in values) {
    // A malformed parameter name (a query string can carry one) is named as what it is, not echoed.
    if (!isWellFormedText(name)) return 'a parameter name';
    const found = malformedTextIn(values[name], name);
    if (found !== null) return found;
  }
  return null;
}
