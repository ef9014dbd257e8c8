import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CLAIM, type KringClaims } from './principal';

/** Asymmetric algorithms only: an HMAC or `none` token can never verify. */
const ACCEPTED_ALGORITHMS = ['EdDSA', 'ES256', 'ES384', 'RS256', 'PS256'];

/** Leeway for clocks that disagree a little between issuer and gateway. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * How long a verified token is taken on trust before its signature is checked again.
 * A portal session sends the same token with every request, and checking an EdDSA
 * signature was a tenth of the gateway's work per read (docs/performance.md). Expiry is
 * still checked on every request; the price is that a key withdrawn from the issuer's
 * JWKS keeps its already-verified tokens working for at most this long.
 */
const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Enough for every active session of a municipality; the oldest entry makes room. */
const VERIFIED_TOKEN_LIMIT = 2_000;

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** A JWKS URL, or the key set itself (the development issuer). */
  readonly keys: { readonly jwksUrl: string } | { readonly jwks: JSONWebKeySet };
  /** The time in ms, for tests; the signature check itself uses the real clock. */
  readonly now?: () => number;
}

interface VerifiedToken {
  readonly claims: KringClaims;
  /** Until when the cached verification holds: the token's expiry (with tolerance) or the TTL, whichever is first. */
  readonly validUntilMs: number;
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
  /** Tokens that verified, by the token itself; only ever holds tokens that passed every check. */
  private readonly verified = new Map<string, VerifiedToken>();
  private readonly now: () => number;

  constructor(private readonly options: TokenVerifierOptions) {
    this.getKey = 'jwksUrl' in options.keys ? createRemoteJWKSet(new URL(options.keys.jwksUrl)) : createLocalJWKSet(options.keys.jwks);
    this.now = options.now ?? Date.now;
  }

  /** The Kring claims of a valid token; throws TokenRejected otherwise. */
  async verify(token: string): Promise<KringClaims> {
    const now = this.now();
    const known = this.remembered(token, now);
    if (known !== null) return known;
    const { claims, expiresAtMs } = await this.check(token);
    if (this.verified.size >= VERIFIED_TOKEN_LIMIT) {
      const oldest = this.verified.keys().next();
      if (oldest.done !== true) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { claims, validUntilMs: Math.min(expiresAtMs + CLOCK_TOLERANCE_SECONDS * 1000, now + VERIFIED_TOKEN_TTL_MS) });
    return claims;
  }

  /**
   * The claims of a token this verifier checked recently and still takes on trust, or null:
   * nothing is verified here, so it costs no signature check (the authentication throttle
   * lets sessions that were already signed in go on while their address is limited).
   */
  remembered(token: string, now: number = this.now()): KringClaims | null {
    const known = this.verified.get(token);
    if (known === undefined) return null;
    if (now < known.validUntilMs) return known.claims;
    this.verified.delete(token);
    return null;
  }

  private async check(token: string): Promise<{ claims: KringClaims; expiresAtMs: number }> {
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
    const expiresAtMs = (payload.exp as number) * 1000;
    return { claims: readClaims(payload, expiresAtMs), expiresAtMs };
  }
}

function readClaims(payload: JWTPayload, expiresAtMs: number): KringClaims {
  const kind = payload[CLAIM.kind];
  if (kind !== 'professional' && kind !== 'citizen') throw new TokenRejected('missing kring_kind claim');
  const organisationId = optionalString(payload[CLAIM.organisation]);
  const memberId = optionalString(payload[CLAIM.member]);
  const rolesClaim = payload[CLAIM.roles];
  const roles = Array.isArray(rolesClaim) && rolesClaim.every((r) => typeof r === 'string') ? (rolesClaim) : null;
  if (kind === 'citizen' && memberId === null) throw new TokenRejected('citizen token without kring_member claim');
  return { subject: payload.sub as string, kind, organisationId, roles, memberId, expiresAtMs };
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
