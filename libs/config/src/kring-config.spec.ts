import { ConfigurationError } from './config.error';
import { loadConfig } from './kring-config';

const ROOT = '/srv/kring';
const KEY_1 = Buffer.alloc(32, 1).toString('base64');
const KEY_2 = Buffer.alloc(32, 2).toString('base64');

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://kring:secret@db.internal:5432/kring',
  KRING_JWKS_URL: 'https://login.example.nl/.well-known/jwks.json',
  KRING_OIDC_ISSUER: 'https://login.example.nl',
  KRING_KEY_ENCRYPTION_KEYS: `1:${KEY_1}`,
  KRING_BLIND_INDEX_KEY: KEY_2,
  KRING_AUDIT_SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'),
  KRING_RECEIPT_SIGNING_KEYS: `1:${Buffer.alloc(32, 4).toString('base64')}`,
};

/** The ConfigurationError that loading `env` throws; fails the test when it does not throw one. */
function configurationError(env: Record<string, string>): ConfigurationError {
  try {
    loadConfig(env, ROOT);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected loadConfig to throw a ConfigurationError');
}

describe('loadConfig', () => {
  it('an empty environment gives development defaults: port 3000, .kring data folder, embedded database, development issuer', () => {
    const sut = loadConfig({}, ROOT);

    expect(sut.mode).toBe('development');
    expect(sut.port).toBe(3000);
    expect(sut.dataDir).toBe('/srv/kring/.kring');
    expect(sut.databaseUrl).toBeNull();
    expect(sut.identity.kind).toBe('development-issuer');
    expect(sut.keys).toEqual({ keyEncryptionKeys: null, blindIndexKey: null, auditSigningKey: null, receiptSigningKeys: null });
    expect(sut.seedDemoWorld).toBe(true);
  });

  it('a relative data folder is resolved against the project root, an absolute one kept', () => {
    expect(loadConfig({ KRING_DATA_DIR: 'var/data' }, ROOT).dataDir).toBe('/srv/kring/var/data');
    expect(loadConfig({ KRING_DATA_DIR: '/data/kring' }, ROOT).dataDir).toBe('/data/kring');
  });

  it.each(['8080', '0', '65535'])('PORT %s is accepted', (port) => {
    expect(loadConfig({ PORT: port }, ROOT).port).toBe(Number(port));
  });

  it.each(['65536', '-1', 'http', '80.5'])('PORT %s is refused', (port) => {
    expect(configurationError({ PORT: port }).problems).toEqual(['PORT must be a port number (0 to 65535)']);
  });

  it('production without database, identity provider or keys lists every problem at once', () => {
    const error = configurationError({ NODE_ENV: 'production' });

    expect(error.problems).toHaveLength(6);
    for (const name of ['DATABASE_URL', 'KRING_JWKS_URL', 'KRING_OIDC_ISSUER', 'KRING_KEY_ENCRYPTION_KEYS', 'KRING_BLIND_INDEX_KEY', 'KRING_AUDIT_SIGNING_KEY', 'KRING_RECEIPT_SIGNING_KEYS']) {
      expect(error.message).toContain(name);
    }
  });

  it('production with everything set starts, with the external issuer, its keys, and no demo world', () => {
    const sut = loadConfig(PRODUCTION, ROOT);

    expect(sut.mode).toBe('production');
    expect(sut.databaseUrl).toBe(PRODUCTION.DATABASE_URL);
    expect(sut.identity).toEqual({
      kind: 'external',
      issuer: 'https://login.example.nl',
      audience: 'kring-gateway',
      jwksUrl: PRODUCTION.KRING_JWKS_URL,
      portalClientId: null,
      portalScope: 'openid',
    });
    expect(sut.keys.keyEncryptionKeys?.get(1)).toEqual(new Uint8Array(Buffer.alloc(32, 1)));
    expect(sut.keys.blindIndexKey).toEqual(new Uint8Array(Buffer.alloc(32, 2)));
    expect(sut.seedDemoWorld).toBe(false);
  });

  it('the portal\'s OpenID Connect client and scope come from KRING_OIDC_CLIENT_ID and KRING_OIDC_SCOPE', () => {
    const sut = loadConfig({ ...PRODUCTION, KRING_OIDC_CLIENT_ID: 'kring-portal', KRING_OIDC_SCOPE: 'openid profile' }, ROOT);

    expect(sut.identity).toMatchObject({ kind: 'external', portalClientId: 'kring-portal', portalScope: 'openid profile' });
  });

  it('production refuses a JWKS URL over plain http', () => {
    const error = configurationError({ ...PRODUCTION, KRING_JWKS_URL: 'http://login.example.nl/jwks.json' });

    expect(error.problems).toEqual(['KRING_JWKS_URL must use https in production mode']);
  });

  it('a DATABASE_URL that is not a postgres URL is refused without echoing it', () => {
    const url = 'mysql://kring:hunter2@db/kring';
    const error = configurationError({ DATABASE_URL: url });

    expect(error.problems).toHaveLength(1);
    expect(error.message).not.toContain('hunter2');
  });

  it('versioned key-encryption keys "1:..,2:.." are parsed into a map by version', () => {
    const sut = loadConfig({ KRING_KEY_ENCRYPTION_KEYS: `1:${KEY_1},2:${KEY_2}` }, ROOT);

    expect([...(sut.keys.keyEncryptionKeys?.keys() ?? [])]).toEqual([1, 2]);
    expect(sut.keys.keyEncryptionKeys?.get(2)).toEqual(new Uint8Array(Buffer.alloc(32, 2)));
  });

  const shortKey = Buffer.alloc(16, 7).toString('base64');
  const notBase64 = 'not*base64*at*all*but*long*enough*to*be*a*key*!!';
  it.each([
    ['KRING_KEY_ENCRYPTION_KEYS', 'a key of the wrong length', `1:${shortKey}`, shortKey],
    ['KRING_KEY_ENCRYPTION_KEYS', 'a key that is not base64', `1:${notBase64}`, notBase64],
    ['KRING_KEY_ENCRYPTION_KEYS', 'a version that is not a positive number', `0:${KEY_1}`, KEY_1],
    ['KRING_BLIND_INDEX_KEY', 'a key of the wrong length', shortKey, shortKey],
    ['KRING_BLIND_INDEX_KEY', 'a key that is not base64', notBase64, notBase64],
  ])('%s with %s is reported as malformed without echoing the secret', (name, _case, value, secret) => {
    const error = configurationError({ [name]: value });

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(`${name} is malformed`);
    expect(error.message).not.toContain(secret);
  });
});

describe('loadConfig, strict number and key parsing', () => {
  it.each(['0x1F90', '1e3', '80a', ' 80'])('refuses PORT=%s, which is not a plain decimal port', (port) => {
    expect(() => loadConfig({ PORT: port }, '/srv/kring')).toThrow(/PORT must be a port number/);
  });

  it('refuses a key-encryption key version given twice', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ KRING_KEY_ENCRYPTION_KEYS: `1:${key},1:${key}` }, '/srv/kring')).toThrow(/each version once/);
  });

  it('refuses a key-encryption key entry with more than one colon', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ KRING_KEY_ENCRYPTION_KEYS: `1:${key}:extra` }, '/srv/kring')).toThrow(/KRING_KEY_ENCRYPTION_KEYS is malformed/);
  });
});

describe('loadConfig, the access-log checkpoint interval', () => {
  it('defaults to 300 seconds, and to off in test mode', () => {
    expect(loadConfig({}, '/srv/kring').checkpointIntervalSeconds).toBe(300);
    expect(loadConfig({ NODE_ENV: 'test' }, '/srv/kring').checkpointIntervalSeconds).toBe(0);
  });

  it.each(['-5', '1.5', 'often'])('refuses KRING_CHECKPOINT_INTERVAL_SECONDS=%s', (value) => {
    expect(() => loadConfig({ KRING_CHECKPOINT_INTERVAL_SECONDS: value }, '/srv/kring')).toThrow(/whole number of seconds/);
  });
});

describe('loadConfig, the throttle of failed authentication', () => {
  it('defaults to 100 failures per client address per 60 seconds', () => {
    expect(loadConfig({}, ROOT).authenticationThrottle).toEqual({ maxFailures: 100, windowSeconds: 60 });
  });

  it('reads KRING_AUTH_FAILURE_LIMIT and KRING_AUTH_FAILURE_WINDOW_SECONDS', () => {
    expect(loadConfig({ KRING_AUTH_FAILURE_LIMIT: '5', KRING_AUTH_FAILURE_WINDOW_SECONDS: '900' }, ROOT).authenticationThrottle).toEqual({ maxFailures: 5, windowSeconds: 900 });
  });

  it.each([
    ['KRING_AUTH_FAILURE_LIMIT', '0'],
    ['KRING_AUTH_FAILURE_LIMIT', '-1'],
    ['KRING_AUTH_FAILURE_LIMIT', 'many'],
    ['KRING_AUTH_FAILURE_WINDOW_SECONDS', '1.5'],
    ['KRING_AUTH_FAILURE_WINDOW_SECONDS', '86401'],
  ])('refuses %s=%s, listed with the other problems', (name, value) => {
    const error = configurationError({ [name]: value, PORT: 'x' });

    expect(error.message).toMatch(new RegExp(`${name} must be a whole number from 1 to`));
    expect(error.message).toMatch(/PORT must be a port number/);
  });

  it('gives a team lead 10 working days to decide an escalation, unless KRING_ESCALATION_WORKING_DAYS says otherwise (1 to 60)', () => {
    expect(loadConfig({}, ROOT).escalationDecisionWorkingDays).toBe(10);
    expect(loadConfig({ KRING_ESCALATION_WORKING_DAYS: '15' }, ROOT).escalationDecisionWorkingDays).toBe(15);
    for (const bad of ['0', '61', 'tien', '-1']) expect(() => loadConfig({ KRING_ESCALATION_WORKING_DAYS: bad }, ROOT)).toThrow(/KRING_ESCALATION_WORKING_DAYS must be a whole number from 1 to 60/);
  });
});
