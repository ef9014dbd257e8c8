import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { KringLogger } from '@kring/config';
import { TokenRejected, type Principal } from '@kring/identity';
import { actorOf, ANYONE, permissionsFor } from '@kring/policy';
import { forbidden, KringError, rateLimited, unauthenticated } from '../common/kring-error';
import { ACCESS_POLICY, type AccessPolicy, type Permission } from './access.decorator';
import { AuthenticationThrottle } from './authentication-throttle';
import { PrincipalResolver } from './principal.resolver';

/** The request as it travels through Kring: the verified principal (or the refusal) is attached once. */
export interface KringRequest extends Request {
  principal?: Principal | null;
  authenticationRefusal?: KringError;
}

/**
 * The one gate for every GraphQL operation and HTTP route. Closed by default: an
 * operation without an access policy is refused, whoever calls it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalResolver,
    private readonly throttle: AuthenticationThrottle,
    private readonly logger: KringLogger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (policy === undefined) throw forbidden('This operation has no access policy, so nobody may call it.');
    // Public operations never look at a token: a visitor and a signed-in caller are answered alike.
    if (policy.kind === 'public') return policy.permission === undefined || permittedToAnyone(policy.permission);
    const request = requestOf(context);
    const principal = await this.authenticate(request);
    switch (policy.kind) {
      case 'authenticated':
        return true;
      case 'citizen':
        if (principal.kind !== 'citizen') throw forbidden('Only family members can do this.');
        return permitted(principal, policy.permission);
      case 'professional':
        if (principal.kind !== 'professional') throw forbidden('Only professionals can do this.');
        return permitted(principal, policy.permission);
    }
  }

  /** Verifies the bearer token once per request (a GraphQL request runs the guard per field); every failure answers the same. */
  private async authenticate(request: KringRequest): Promise<Principal> {
    if (request.principal === null) throw request.authenticationRefusal ?? unauthenticated();
    if (request.principal !== undefined) return request.principal;
    try {
      request.principal = await this.verify(request);
      return request.principal;
    } catch (error) {
      if (error instanceof KringError) {
        request.principal = null;
        request.authenticationRefusal = error;
      }
      throw error;
    }
  }

  /**
   * An address over its failed authentications gets no signature checked: only a token
   * this gateway verified before and still takes on trust goes on (a session already signed
   * in, e.g. a colleague behind the same office address as the flood); anything else is
   * refused. Otherwise each failure counts against the address. Refusals are logged at
   * debug (a flood would otherwise fill the log); the throttle logs their count at info
   * once a minute.
   */
  private async verify(request: KringRequest): Promise<Principal> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header.trim()) : null;
    const waitSeconds = await this.throttle.secondsUntilAllowed(request.ip);
    if (waitSeconds > 0) {
      const session = match === null ? null : await this.principals.resolveRemembered(match[1] as string).catch(refusedAsNull);
      if (session !== null) return session;
      this.throttle.recordLimited(request.ip);
      this.logger.debug({ context: 'auth' }, 'refused a request from an address over its failed authentications');
      request.res?.setHeader('Retry-After', String(waitSeconds));
      throw rateLimited(waitSeconds);
    }
    if (match === null) {
      await this.throttle.recordFailure(request.ip, 'no bearer token');
      throw unauthenticated();
    }
    try {
      return await this.principals.resolve(match[1] as string);
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error;
      // The reason goes to the log, never to the caller.
      this.logger.debug({ context: 'auth', reason: error.message }, 'refused a bearer token');
      await this.throttle.recordFailure(request.ip, error.reason);
      throw unauthenticated();
    }
  }
}

/**
 * Whether the permission table lets this caller ever do the action on that kind of thing
 * (its conditions, e.g. "their organisation's", are the service's to check per object).
 */
function permitted(principal: Principal, permission: Permission | null): true {
  if (permission === null) return true;
  const [action, subject] = permission;
  if (!permissionsFor(actorOf(principal)).can(action, subject)) throw forbidden(`Your roles do not allow this (${action} ${subject}; docs/permissions.md).`);
  return true;
}

/** Whether the permission table grants the action to anyone, signed in or not. */
function permittedToAnyone([action, subject]: Permission): true {
  if (!permissionsFor(ANYONE).can(action, subject)) throw forbidden(`This is not public (${action} ${subject}; docs/permissions.md).`);
  return true;
}

/** A remembered token whose registration no longer checks out is refused like any other while the address is limited. */
function refusedAsNull(error: unknown): null {
  if (error instanceof TokenRejected) return null;
  throw error;
}

export function requestOf(context: ExecutionContext): KringRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: KringRequest }>().req;
  }
  return context.switchToHttp().getRequest<KringRequest>();
}
