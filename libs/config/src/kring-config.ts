import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError } from './config.error';

export type RuntimeMode = 'development' | 'production' | 'test';

/** Where tokens come from: our own development issuer, or an external OpenID Connect issuer. */
export type IdentityConfig =
  | { readonly kind: 'development-issuer'; readonly issuer: string; readonly audience: string }
  | {
      readonly kind: 'external';
      readonly issuer: string;
      readonly audience: string;
      readonly jwksUrl: string;
      /** The portal's public client (authorisation code with PKCE); null leaves the portal without sign-in. */
      readonly portalClientId: string | null;
      readonly portalScope: string;
    };

/** Key material given through the environment; in development it is generated into the data folder instead. */
export interface KeyMaterialConfig {
  /** Key-encryption keys by version (32 bytes each); the highest version wraps new data keys. */
  readonly keyEncryptionKeys: ReadonlyMap<number, Uint8Array> | null;
  readonly blindIndexKey: Uint8Array | null;
  /** Ed25519 seed that signs access-log checkpoints. */
  readonly auditSigningKey: Uint8Array | null;
  /**
   * Ed25519 seeds that sign consent receipts, by version (docs/consent-receipts.md): the highest
   * version signs; the lower ones are published as previous keys, so old receipts still verify.
   */
  readonly receiptSigningKeys: ReadonlyMap<number, Uint8Array> | null;
}

/** How many failed authentications one client address may make per window before it is refused RATE_LIMITED. */
export interface AuthenticationThrottleConfig {
  readonly maxFailures: number;
  readonly windowSeconds: number;
}

/**
 * The validated configuration of a process. An abstract class rather than an interface so
 * that it is also its own injection token: a class asks for `KringConfig` by type.
 */
export abstract class KringConfig {
  abstract readonly mode: RuntimeMode;
  abstract readonly port: number;
  abstract readonly host: string;
  /** Null means: start the embedded PostgreSQL in the data folder. */
  abstract readonly databaseUrl: string | null;
  abstract readonly dataDir: string;
  abstract readonly embeddedPostgresPort: number | null;
  abstract readonly policyFile: string;
  abstract readonly identity: IdentityConfig;
  abstract readonly keys: KeyMaterialConfig;
  abstract readonly logLevel: string;
  abstract readonly seedDemoWorld: boolean;
  /** How often chain heads of the access log are signed; 0 turns the interval off (tests). */
  abstract readonly checkpointIntervalSeconds: number;
  /** Where the built portal (apps/portal) is, served at `/` when it exists. */
  abstract readonly portalDir: string;
  abstract readonly authenticationThrottle: AuthenticationThrottleConfig;
  /** The working days a team lead has to decide an escalation, counted from the day it was raised (docs/escalation.md). */
  abstract readonly escalationDecisionWorkingDays: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const DEV_ISSUER = 'kring-dev-issuer';
const DEFAULT_AUDIENCE = 'kring-gateway';

/**
 * Reads and validates the whole configuration from the environment, once.
 * Every problem is collected so the operator sees them all in one message.
 */
export function loadConfig(env: Env = process.env, projectRoot: string = process.cwd()): KringConfig {
  const problems: string[] = [];
  const mode = readMode(env['NODE_ENV'], problems);
  const production = mode === 'production';

  const port = readPort(env['PORT'], 'PORT', 3000, problems);
  const embeddedPort = env['KRING_EMBEDDED_PG_PORT'] ? readPort(env['KRING_EMBEDDED_PG_PORT'], 'KRING_EMBEDDED_PG_PORT', 0, problems) : null;

  const databaseUrl = emptyToNull(env['DATABASE_URL']);
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (production && databaseUrl === null) {
    problems.push('DATABASE_URL is required in production mode (the embedded PostgreSQL is for development)');
  }

  const dataDir = absolute(env['KRING_DATA_DIR'] ?? '.kring', projectRoot);
  const policyFile = absolute(env['KRING_POLICY_FILE'] ?? 'libs/policy/purposes.json', projectRoot);

  const identity = readIdentity(env, production, problems);
  const keys: KeyMaterialConfig = {
    keyEncryptionKeys: readKeyEncryptionKeys(env['KRING_KEY_ENCRYPTION_KEYS'], problems),
    blindIndexKey: readKey(env['KRING_BLIND_INDEX_KEY'], 'KRING_BLIND_INDEX_KEY', problems),
    auditSigningKey: readKey(env['KRING_AUDIT_SIGNING_KEY'], 'KRING_AUDIT_SIGNING_KEY', problems),
    receiptSigningKeys: readVersionedKeys(env['KRING_RECEIPT_SIGNING_KEYS'], 'KRING_RECEIPT_SIGNING_KEYS', problems),
  };
  if (production && keys.keyEncryptionKeys === null) {
    problems.push('KRING_KEY_ENCRYPTION_KEYS is required in production mode (format: "1:<base64 of 32 bytes>,2:<...>")');
  }
  if (production && keys.blindIndexKey === null) {
    problems.push('KRING_BLIND_INDEX_KEY is required in production mode (base64 of 32 bytes)');
  }
  if (production && keys.auditSigningKey === null) {
    problems.push('KRING_AUDIT_SIGNING_KEY is required in production mode (base64 of a 32-byte Ed25519 seed)');
  }
  if (production && keys.receiptSigningKeys === null) {
    problems.push('KRING_RECEIPT_SIGNING_KEYS is required in production mode (format: "1:<base64 of a 32-byte Ed25519 seed>,2:<...>")');
  }

  const checkpointIntervalSeconds = readSeconds(env['KRING_CHECKPOINT_INTERVAL_SECONDS'], 'KRING_CHECKPOINT_INTERVAL_SECONDS', mode === 'test' ? 0 : 300, problems);

  const authenticationThrottle: AuthenticationThrottleConfig = {
    // Generous: an office behind one address with expiring tokens stays far below it; a flood does not.
    maxFailures: readCount(env['KRING_AUTH_FAILURE_LIMIT'], 'KRING_AUTH_FAILURE_LIMIT', 100, 1_000_000, problems),
    windowSeconds: readCount(env['KRING_AUTH_FAILURE_WINDOW_SECONDS'], 'KRING_AUTH_FAILURE_WINDOW_SECONDS', 60, 86_400, problems),
  };

  // The Doorbraakmethode's ten working days, unless a municipality agreed on another term.
  const escalationDecisionWorkingDays = readCount(env['KRING_ESCALATION_WORKING_DAYS'], 'KRING_ESCALATION_WORKING_DAYS', 10, 60, problems);

  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return Object.freeze({
    mode,
    port,
    host: env['HOST'] ?? (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    dataDir,
    embeddedPostgresPort: embeddedPort,
    policyFile,
    identity,
    keys,
    logLevel: env['LOG_LEVEL'] ?? (mode === 'test' ? 'silent' : 'info'),
    seedDemoWorld: !production && env['KRING_SEED_DEMO'] !== 'false',
    checkpointIntervalSeconds,
    portalDir: absolute(env['KRING_PORTAL_DIR'] ?? 'dist/portal', projectRoot),
    authenticationThrottle: Object.freeze(authenticationThrottle),
    escalationDecisionWorkingDays,
  });
}

function readMode(value: string | undefined, problems: string[]): RuntimeMode {
  if (value === undefined || value === '' || value === 'development') return 'development';
  if (value === 'production' || value === 'test') return value;
  problems.push(`NODE_ENV must be development, production or test (got "${value}")`);
  return 'development';
}

function readPort(value: string | undefined, name: string, fallback: number, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`${name} must be a port number (0 to 65535)`);
    return fallback;
  }
  return port;
}

function readSeconds(value: string | undefined, name: string, fallback: number, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  const seconds = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(seconds)) {
    problems.push(`${name} must be a whole number of seconds (0 turns it off)`);
    return fallback;
  }
  return seconds;
}

function readCount(value: string | undefined, name: string, fallback: number, max: number, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  const count = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > max) {
    problems.push(`${name} must be a whole number from 1 to ${max}`);
    return fallback;
  }
  return count;
}

function readIdentity(env: Env, production: boolean, problems: string[]): IdentityConfig {
  const jwksUrl = emptyToNull(env['KRING_JWKS_URL']);
  const issuer = emptyToNull(env['KRING_OIDC_ISSUER']);
  const audience = emptyToNull(env['KRING_OIDC_AUDIENCE']) ?? DEFAULT_AUDIENCE;
  if (jwksUrl === null) {
    if (production) {
      problems.push('KRING_JWKS_URL and KRING_OIDC_ISSUER are required in production mode (the development issuer is not served there)');
    }
    return { kind: 'development-issuer', issuer: DEV_ISSUER, audience };
  }
  if (!/^https?:\/\//.test(jwksUrl)) problems.push('KRING_JWKS_URL must be an http(s) URL');
  if (production && !jwksUrl.startsWith('https://')) problems.push('KRING_JWKS_URL must use https in production mode');
  if (issuer === null) problems.push('KRING_OIDC_ISSUER is required when KRING_JWKS_URL is set');
  if (issuer !== null && !/^https?:\/\//.test(issuer)) problems.push('KRING_OIDC_ISSUER must be an http(s) URL');
  const portalClientId = emptyToNull(env['KRING_OIDC_CLIENT_ID']);
  const portalScope = emptyToNull(env['KRING_OIDC_SCOPE']) ?? 'openid';
  return { kind: 'external', issuer: issuer ?? '', audience, jwksUrl, portalClientId, portalScope };
}

function readKeyEncryptionKeys(value: string | undefined, problems: string[]): ReadonlyMap<number, Uint8Array> | null {
  return readVersionedKeys(value, 'KRING_KEY_ENCRYPTION_KEYS', problems);
}

/** Keys by version, `1:<base64 of 32 bytes>,2:<...>`: the form of the key-encryption keys and the receipt signing keys. */
function readVersionedKeys(value: string | undefined, name: string, problems: string[]): ReadonlyMap<number, Uint8Array> | null {
  if (value === undefined || value === '') return null;
  const keys = new Map<number, Uint8Array>();
  for (const part of value.split(',')) {
    const pieces = part.split(':');
    const [versionText, keyText] = pieces;
    const version = /^\d+$/.test(versionText?.trim() ?? '') ? Number(versionText) : NaN;
    const key = keyText === undefined || pieces.length !== 2 ? null : decodeKey(keyText);
    if (!Number.isInteger(version) || version < 1 || key === null || keys.has(version)) {
      // Never echo the value: it is a secret.
      problems.push(`${name} is malformed (format: "1:<base64 of 32 bytes>,2:<...>", each version once)`);
      return null;
    }
    keys.set(version, key);
  }
  return keys;
}

function readKey(value: string | undefined, name: string, problems: string[]): Uint8Array | null {
  if (value === undefined || value === '') return null;
  const key = decodeKey(value);
  if (key === null) problems.push(`${name} is malformed (base64 of 32 bytes expected)`);
  return key;
}

function decodeKey(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text.trim())) return null;
  const bytes = Buffer.from(text.trim(), 'base64');
  return bytes.length === 32 ? new Uint8Array(bytes) : null;
}

function emptyToNull(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function absolute(path: string, root: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}
