import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Principal } from '@kring/identity';
import { actorOf, ANYONE, permissionsFor } from '@kring/policy';
import { forbidden, KringError, unauthenticated } from '../common/kring-error';
import { ACCESS_POLICY, type AccessPolicy, type Permission } from './access.decorator';
import { Authenticator } from './authenticator';

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
    private readonly authenticator: Authenticator,
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
      request.principal = (await this.authenticator.authenticate({ authorization: request.headers.authorization, address: request.ip })).principal;
      return request.principal;
    } catch (error) {
      if (error instanceof KringError) {
        request.principal = null;
        request.authenticationRefusal = error;
        const retryAfter = error.details['retryAfterSeconds'];
        if (retryAfter !== undefined) request.res?.setHeader('Retry-After', String(retryAfter));
      }
      throw error;
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

export function requestOf(context: ExecutionContext): KringRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: KringRequest }>().req;
  }
  return context.switchToHttp().getRequest<KringRequest>();
}
