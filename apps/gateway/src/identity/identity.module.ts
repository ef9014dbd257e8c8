import { Module } from '@nestjs/common';
import { authenticationThrottleProvider } from './authentication-throttle';
import { Authenticator } from './authenticator';
import { PrincipalResolver } from './principal.resolver';
import { SignInResolver } from './sign-in.resolver';
import { ViewerResolver } from './viewer.resolver';
import { ViewerService } from './viewer.service';

/**
 * Who is calling: a bearer token turned into a principal (Authenticator: PrincipalResolver with
 * the authentication throttle), `me`, and how to sign in. AuthGuard, which uses the first,
 * is registered app-wide in GatewayModule, where the order of the global guards is set.
 */
@Module({
  providers: [PrincipalResolver, authenticationThrottleProvider, Authenticator, ViewerService, ViewerResolver, SignInResolver],
  exports: [PrincipalResolver, authenticationThrottleProvider, Authenticator],
})
export class IdentityModule {}
