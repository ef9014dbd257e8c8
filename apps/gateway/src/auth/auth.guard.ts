import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { TokenRejected, type Principal } from '@kring/identity';
import { forbidden, unauthenticated } from '../common/kring-error';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';
import { ACCESS_POLICY, type AccessPolicy } from './access.decorator';
import { PrincipalResolver } from './principal.resolver';

/** The request as it travels through Kring: the verified principal is attached once. */
export interface KringRequest extends Request {
  principal?: Principal | null;
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
    @Inject(KRING_RUNTIME) private readonly runtime: KringRuntime,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (policy === undefined) throw forbidden('This operation has no access policy, so nobody may call it.');
    if (policy.kind === 'public') return true;
    const request = requestOf(context);
    const principal = await this.authenticate(request);
    switch (policy.kind) {
      case 'authenticated':
        return true;
      case 'citizen':
        if (principal.kind !== 'citizen') throw forbidden('Only family members can do this.');
        return true;
      case 'professional':
        if (principal.kind !== 'professional') throw forbidden('Only professionals can do this.');
        if (policy.roles !== undefined && !policy.roles.some((role) => principal.roles.includes(role))) {
          throw forbidden(`This needs one of the roles ${policy.roles.join(', ')}.`);
        }
        return true;
    }
  }

  /** Verifies the bearer token once per request; every failure answers the same. */
  private async authenticate(request: KringRequest): Promise<Principal> {
    if (request.principal !== undefined) {
      if (request.principal === null) throw unauthenticated();
      return request.principal;
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header.trim()) : null;
    if (match === null) {
      request.principal = null;
      throw unauthenticated();
    }
    try {
      request.principal = await this.principals.resolve(match[1] as string);
      return request.principal;
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error;
      request.principal = null;
      // The reason goes to the log, never to the caller.
      this.runtime.logger.info({ context: 'auth', reason: (error as Error).message }, 'refused a bearer token');
      throw unauthenticated();
    }
  }
}

export function requestOf(context: ExecutionContext): KringRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: KringRequest }>().req;
  }
  return context.switchToHttp().getRequest<KringRequest>();
}
