import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { CLAIM } from './principal';

const ALGORITHM = 'EdDSA';

export interface DevIssuerKeys {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/** What a development token says about its holder. */
export type DevTokenSubject =
  | { readonly kind: 'professional'; readonly professionalId: string; readonly organisationId?: string; readonly roles?: readonly string[] }
  | { readonly kind: 'citizen'; readonly memberId: string };

/**
 * The development OpenID Connect issuer: an Ed25519 key pair generated on first
 * start and kept in `<dataDir>/keys/dev-issuer.jwk.json`. Only used when no
 * external issuer is configured, which production mode refuses.
 */
export class DevIssuer {
  private constructor(
    private readonly privateJwk: JWK,
    private readonly publicJwk: JWK,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  /** Loads the key pair from the data folder, generating it the first time. */
  static async open(dataDir: string, issuer: string, audience: string): Promise<DevIssuer> {
    const file = join(dataDir, 'keys', 'dev-issuer.jwk.json');
    let stored: DevIssuerKeys;
    try {
      stored = JSON.parse(await readFile(file, 'utf8')) as typeof stored;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      stored = await DevIssuer.generateKeys();
      // The data folder itself stays traversable: the embedded PostgreSQL runs as another OS user under root.
      await mkdir(dataDir, { recursive: true });
      await mkdir(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
      try {
        await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600, flag: 'wx' });
      } catch (writeError) {
        if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
        stored = JSON.parse(await readFile(file, 'utf8')) as typeof stored; // another process was first
      }
    }
    return new DevIssuer(stored.privateJwk, stored.publicJwk, issuer, audience);
  }

  /** An issuer with a fresh in-memory key pair (tests). */
  static async ephemeral(issuer: string, audience: string): Promise<DevIssuer> {
    return DevIssuer.fromKeys(await DevIssuer.generateKeys(), issuer, audience);
  }

  /** An issuer over a given key pair; tests use it to sign as another issuer or for another audience. */
  static fromKeys(keys: DevIssuerKeys, issuer: string, audience: string): DevIssuer {
    return new DevIssuer(keys.privateJwk, keys.publicJwk, issuer, audience);
  }

  /** A fresh Ed25519 key pair with a key id. */
  static async generateKeys(): Promise<DevIssuerKeys> {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const kid = `kring-dev-${Date.now().toString(36)}`;
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM };
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
    return { privateJwk, publicJwk };
  }

  /** The public key set, as a JWKS endpoint would serve it. */
  jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk] };
  }

  /** Signs a token for a professional or member, valid for `ttlSeconds`. */
  async sign(subject: DevTokenSubject, ttlSeconds = 8 * 3600): Promise<string> {
    const key = await importJWK(this.privateJwk, ALGORITHM);
    const claims: Record<string, unknown> = { [CLAIM.kind]: subject.kind };
    let sub: string;
    if (subject.kind === 'professional') {
      sub = subject.professionalId;
      if (subject.organisationId !== undefined) claims[CLAIM.organisation] = subject.organisationId;
      if (subject.roles !== undefined) claims[CLAIM.roles] = subject.roles;
    } else {
      sub = `member:${subject.memberId}`;
      claims[CLAIM.member] = subject.memberId;
    }
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(sub)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(key);
  }
}
