import pino from 'pino';
import { AuthenticationThrottle, clientKey } from './authentication-throttle';

function throttleLogging(maxFailures: number): { sut: AuthenticationThrottle; lines: string[] } {
  const lines: string[] = [];
  const sut = new AuthenticationThrottle({ maxFailures, windowSeconds: 60 }, pino({ level: 'info' }, { write: (line: string) => lines.push(line) }));
  return { sut, lines };
}

describe('the throttle of failed authentication', () => {
  it('failures of one address never limit another (a valid token elsewhere is not blocked by them)', async () => {
    const { sut } = throttleLogging(2);
    await sut.recordFailure('203.0.113.1', 'ERR_JWS_INVALID');
    await sut.recordFailure('203.0.113.1', 'ERR_JWS_INVALID');

    expect(await sut.secondsUntilAllowed('203.0.113.1')).toBeGreaterThanOrEqual(1);
    expect(await sut.secondsUntilAllowed('203.0.113.1')).toBeLessThanOrEqual(60);
    expect(await sut.secondsUntilAllowed('203.0.113.2')).toBe(0);
    sut.onModuleDestroy();
  });

  it('an address is allowed until its failures reach the limit', async () => {
    const { sut } = throttleLogging(3);
    await sut.recordFailure('203.0.113.1', 'no bearer token');
    await sut.recordFailure('203.0.113.1', 'no bearer token');

    expect(await sut.secondsUntilAllowed('203.0.113.1')).toBe(0);
    await sut.recordFailure('203.0.113.1', 'no bearer token');
    expect(await sut.secondsUntilAllowed('203.0.113.1')).toBeGreaterThan(0);
    sut.onModuleDestroy();
  });

  it('the periodic count gives counts and reasons, never an address; and nothing when nothing was refused', async () => {
    const { sut, lines } = throttleLogging(1);
    sut.logSummary();
    expect(lines).toEqual([]);

    await sut.recordFailure('203.0.113.9', 'ERR_JWT_EXPIRED');
    await sut.recordFailure('2001:db8::9', 'no bearer token');
    sut.recordLimited('203.0.113.9');
    sut.recordLimited('203.0.113.9');
    sut.logSummary();

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 30,
      context: 'auth',
      refused: 2,
      reasons: { ERR_JWT_EXPIRED: 1, 'no bearer token': 1 },
      rateLimited: 2,
      rateLimitedAddresses: 1,
      msg: 'authentication refusals since the last count',
    });
    expect(lines[0]).not.toMatch(/203\.0\.113|2001:db8/);
    sut.logSummary();
    expect(lines).toHaveLength(1);
    sut.onModuleDestroy();
  });
});

describe('the key an address is counted under', () => {
  it.each([
    ['an IPv4 address', '203.0.113.7', '203.0.113.7'],
    ['an IPv4 address mapped into IPv6 (as Node reports it)', '::ffff:203.0.113.7', '203.0.113.7'],
    ['an IPv6 address, by its /64', '2001:db8::1', '2001:db8:0:0::/64'],
    ['another address of the same /64', '2001:0db8:0000:0000:ffff:1:2:3', '2001:db8:0:0::/64'],
    ['an address of the next /64', '2001:db8:0:1::1', '2001:db8:0:1::/64'],
    ['a link-local address with a zone', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['an IPv6 address with a dotted tail', '2001:db8:1:2::203.0.113.7', '2001:db8:1:2::/64'],
    ['the IPv6 loopback', '::1', '0:0:0:0::/64'],
    ['no address (a closed socket)', undefined, 'unknown'],
  ])('%s', (_case, address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});
