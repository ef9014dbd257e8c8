import { Field, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { KringConfig } from '@kring/config';
import { Public } from './access.decorator';

export enum SignInMethod {
  /** The demo personas, signed by the gateway's own development issuer. */
  DEVELOPMENT_PERSONAS = 'DEVELOPMENT_PERSONAS',
  /** OpenID Connect authorisation code with PKCE against the configured issuer. */
  OPENID_CONNECT = 'OPENID_CONNECT',
}
registerEnumType(SignInMethod, { name: 'SignInMethod' });

@ObjectType({ description: 'How the portal signs people in. Public: it is asked before anyone has a token.' })
export class SignInOptions {
  @Field(() => SignInMethod)
  method!: SignInMethod;

  @Field({ description: 'The token issuer (for OPENID_CONNECT, its discovery document is at /.well-known/openid-configuration).' })
  issuer!: string;

  @Field(() => String, { nullable: true, description: 'The portal\'s public OpenID Connect client id; null when the portal sign-in is not configured.' })
  clientId!: string | null;

  @Field({ description: 'Scopes to request.' })
  scope!: string;
}

@Resolver(() => SignInOptions)
export class SignInResolver {
  constructor(private readonly config: KringConfig) {}

  @Public()
  @Query(() => SignInOptions, { description: 'How to sign in: development personas, or OpenID Connect with PKCE.' })
  signInOptions(): SignInOptions {
    const identity = this.config.identity;
    if (identity.kind === 'development-issuer') {
      return { method: SignInMethod.DEVELOPMENT_PERSONAS, issuer: identity.issuer, clientId: null, scope: 'openid' };
    }
    return { method: SignInMethod.OPENID_CONNECT, issuer: identity.issuer, clientId: identity.portalClientId, scope: identity.portalScope };
  }
}
