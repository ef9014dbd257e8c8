import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CLAIM, type KringClaims } from './principal';

/** Asymmetric algorithms only: an HMAC or `none` token can never verify. */
const ACCEPTED_ALGORITHMS = ['EdDSA', 'ES256', 'ES384', 'RS256', 'PS256'];

/** Leeway for clocks that disagree a little between issuer and gateway. */
const CLOCK_TOLERANCE_SECONDS = 30;

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** A JWKS URL, or the key set itself (the development issuer). */
  readonly keys: { readonly jwksUrl: string } | { readonly jwks: JSONWebKeySet };
}

/** Why a token was refused; for logs only: the caller only ever hears "UNAUTHENTICATED". */
export class TokenRejected extends Error {
  constructor(readonly reason: string) {
    super(`token rejected: ${reason}`);
    this.name = 'TokenRejected';
  }
}

/** Verifies bearer JWTs: signature against the JWKS, issuer, audience, expiry, and Kring's claims. */
export class TokenVerifier {
  private readonly getKey: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    this.getKey = 'jwksUrl' in options.keys ? createRemoteJWKSet(new URL(options.keys.jwksUrl)) : createLocalJWKSet(options.keys.jwks);
  }

  /** The Kring claims of a valid token; throws TokenRejected otherwise. */
  async verify(token: string): Promise<KringClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw new TokenRejected((error as { code?: string }).code ?? 'invalid');
    }
    return readClaims(payload);
  }
}

function readClaims(payload: JWTPayload): KringClaims {
  const kind = payload[CLAIM.kind];
  if (kind !== 'professional' && kind !== 'citizen') throw new TokenRejected('missing kring_kind claim');
  const organisationId = optionalString(payload[CLAIM.organisation]);
  const memberId = optionalString(payload[CLAIM.member]);
  const rolesClaim = payload[CLAIM.roles];
  const roles = Array.isArray(rolesClaim) && rolesClaim.every((r) => typeof r === 'string') ? (rolesClaim) : null;
  if (kind === 'citizen' && memberId === null) throw new TokenRejected('citizen token without kring_member claim');
  return { subject: payload.sub as string, kind, organisationId, roles, memberId };
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
