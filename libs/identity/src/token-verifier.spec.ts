import { jest } from '@jest/globals';
import { DevIssuer } from './dev-issuer';
import { TokenRejected, TokenVerifier } from './token-verifier';

const ISSUER = 'https://issuer.kring.test';
const AUDIENCE = 'kring-gateway';
const PROFESSIONAL = { kind: 'professional', professionalId: '00000000-0000-4000-8000-000000000001', organisationId: '00000000-0000-4000-8000-000000000002' } as const;

/** A verifier on a clock the test moves, and a count of the signature checks it really did. */
async function setUp() {
  const issuer = await DevIssuer.ephemeral(ISSUER, AUDIENCE);
  let now = Date.now();
  const verifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwks: issuer.jwks() }, now: () => now });
  const checks = jest.spyOn(verifier as unknown as { check: (token: string) => Promise<unknown> }, 'check');
  return { issuer, verifier, checks, advance: (ms: number) => (now += ms) };
}

describe('TokenVerifier', () => {
  it('checks the signature of a token once, then takes it on trust for a minute', async () => {
    const { issuer, verifier, checks, advance } = await setUp();
    const token = await issuer.sign(PROFESSIONAL, 3600);
    const first = await verifier.verify(token);
    const second = await verifier.verify(token);
    expect(second).toEqual(first);
    expect(first.subject).toBe(PROFESSIONAL.professionalId);
    expect(checks).toHaveBeenCalledTimes(1);
    advance(59_000);
    await verifier.verify(token);
    expect(checks).toHaveBeenCalledTimes(1);
    advance(2_000);
    await verifier.verify(token);
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('takes a token on trust no longer than its expiry (with the clock tolerance) allows', async () => {
    const { issuer, verifier, checks, advance } = await setUp();
    const token = await issuer.sign(PROFESSIONAL, 10);
    await verifier.verify(token);
    advance(10_000 + 29_000);
    await verifier.verify(token);
    expect(checks).toHaveBeenCalledTimes(1);
    advance(2_000);
    // Past expiry plus tolerance on the verifier's clock: the token is checked again, not served from memory.
    await verifier.verify(token).catch(() => undefined);
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('never remembers a token that failed', async () => {
    const { issuer, verifier, checks } = await setUp();
    const other = await DevIssuer.ephemeral(ISSUER, AUDIENCE);
    const forged = await other.sign(PROFESSIONAL, 3600);
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(TokenRejected);
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(TokenRejected);
    expect(checks).toHaveBeenCalledTimes(2);
    // A good token of the real issuer still verifies beside it.
    await expect(verifier.verify(await issuer.sign(PROFESSIONAL, 3600))).resolves.toMatchObject({ kind: 'professional' });
  });
});
