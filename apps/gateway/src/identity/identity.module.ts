import { Module } from '@nestjs/common';
import { authenticationThrottleProvider } from './authentication-throttle';
import { PrincipalResolver } from './principal.resolver';
import { SignInResolver } from './sign-in.resolver';
import { ViewerResolver } from './viewer.resolver';
import { ViewerService } from './viewer.service';

/**
 * Who is calling: a bearer token turned into a principal (PrincipalResolver, with the
 * authentication throttle), `me`, and how to sign in. AuthGuard, which uses the first two,
 * is registered app-wide in GatewayModule, where the order of the global guards is set.
 */
@Module({
  providers: [PrincipalResolver, authenticationThrottleProvider, ViewerService, ViewerResolver, SignInResolver],
  exports: [PrincipalResolver, authenticationThrottleProvider],
})
export class IdentityModule {}
