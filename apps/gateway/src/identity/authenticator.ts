import { Injectable } from '@nestjs/common';
import { KringLogger } from '@kring/config';
import { TokenRejected } from '@kring/identity';
import { rateLimited, unauthenticated } from '../common/kring-error';
import { AuthenticationThrottle } from './authentication-throttle';
import { PrincipalResolver, type Session } from './principal.resolver';

/** What a caller presents: the `Authorization` value (an HTTP header, or a WebSocket's `connectionParams.authorization`) and where it comes from. */
export interface Credentials {
  readonly authorization: unknown;
  readonly address: string | undefined;
}

/**
 * The one way a caller is authenticated, for an HTTP request (AuthGuard) and a live
 * connection (LiveServer) alike: a bearer token verified and turned into a principal,
 * failures counted per address by the authentication throttle. Every failure answers the
 * same UNAUTHENTICATED (or RATE_LIMITED, with the seconds to wait); why goes to the log.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly principals: PrincipalResolver,
    private readonly throttle: AuthenticationThrottle,
    private readonly logger: KringLogger,
  ) {}

  /**
   * An address over its failed authentications gets no signature checked: only a token
   * this gateway verified before and still takes on trust goes on (a session already signed
   * in, e.g. a colleague behind the same office address as the flood); anything else is
   * refused. Otherwise each failure counts against the address. Refusals are logged at
   * debug (a flood would otherwise fill the log); the throttle logs their count at info
   * once a minute.
   */
  async authenticate({ authorization, address }: Credentials): Promise<Session> {
    const match = typeof authorization === 'string' ? /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization.trim()) : null;
    const waitSeconds = await this.throttle.secondsUntilAllowed(address);
    if (waitSeconds > 0) {
      const session = match === null ? null : await this.principals.rememberedSession(match[1] as string).catch(refusedAsNull);
      if (session !== null) return session;
      this.throttle.recordLimited(address);
      this.logger.debug({ context: 'auth' }, 'refused a request from an address over its failed authentications');
      throw rateLimited(waitSeconds);
    }
    if (match === null) {
      await this.throttle.recordFailure(address, 'no bearer token');
      throw unauthenticated();
    }
    try {
      return await this.principals.session(match[1] as string);
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error;
      // The reason goes to the log, never to the caller.
      this.logger.debug({ context: 'auth', reason: error.message }, 'refused a bearer token');
      await this.throttle.recordFailure(address, error.reason);
      throw unauthenticated();
    }
  }
}

/** A remembered token whose registration no longer checks out is refused like any other while the address is limited. */
function refusedAsNull(error: unknown): null {
  if (error instanceof TokenRejected) return null;
  throw error;
}
