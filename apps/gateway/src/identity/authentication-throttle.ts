import { isIPv6 } from 'node:net';
import type { FactoryProvider, OnModuleDestroy } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { type AuthenticationThrottleConfig, KringConfig, KringLogger } from '@kring/config';

/** How often the count of refusals is logged at info (when there were any). */
const SUMMARY_INTERVAL_MS = 60_000;

/**
 * Failed authentications per client address. Only failures count: a request to a public
 * operation, or one with a valid token, neither counts nor resets the count. An address
 * that has used its failures of the window is refused every operation that needs
 * authentication, before its token is verified, until the window ends. The count lives in
 * this process's memory (rate-limiter-flexible's RateLimiterMemory): each replica counts
 * alone. Addresses are personal data: only counts are logged.
 */
export class AuthenticationThrottle implements OnModuleDestroy {
  private readonly failures: RateLimiterMemory;
  private tally = emptyTally();
  private readonly summary: NodeJS.Timeout;

  constructor(
    private readonly config: AuthenticationThrottleConfig,
    private readonly logger: KringLogger,
  ) {
    this.failures = new RateLimiterMemory({ points: config.maxFailures, duration: config.windowSeconds });
    this.summary = setInterval(() => this.logSummary(), SUMMARY_INTERVAL_MS);
    this.summary.unref();
  }

  /** Whole seconds until this address may authenticate again; 0 when it may now. */
  async secondsUntilAllowed(address: string | undefined): Promise<number> {
    const state = await this.failures.get(clientKey(address));
    if (state === null || state.consumedPoints < this.config.maxFailures) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1_000));
  }

  /** Counts a failed authentication of this address; the reason (a fixed phrase) goes to the periodic count. */
  async recordFailure(address: string | undefined, reason: string): Promise<void> {
    this.tally.refused += 1;
    this.tally.reasons.set(reason, (this.tally.reasons.get(reason) ?? 0) + 1);
    // Rejects (with the limiter's state, not an Error) once the address is over its failures; it is then refused anyway.
    await this.failures.consume(clientKey(address)).catch((rejection: unknown) => {
      if (rejection instanceof Error) throw rejection;
    });
  }

  /** Counts a request refused because its address is limited. */
  recordLimited(address: string | undefined): void {
    this.tally.limited += 1;
    this.tally.limitedAddresses.add(clientKey(address));
  }

  /** Logs at info what was refused since the last count, if anything: counts and reasons, never an address or a token. */
  logSummary(): void {
    const { refused, reasons, limited, limitedAddresses } = this.tally;
    this.tally = emptyTally();
    if (refused === 0 && limited === 0) return;
    this.logger.info(
      { context: 'auth', refused, reasons: Object.fromEntries(reasons), rateLimited: limited, rateLimitedAddresses: limitedAddresses.size, ...this.config },
      'authentication refusals since the last count',
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.summary);
  }
}

export const authenticationThrottleProvider: FactoryProvider<AuthenticationThrottle> = {
  provide: AuthenticationThrottle,
  useFactory: (config: KringConfig, logger: KringLogger) => new AuthenticationThrottle(config.authenticationThrottle, logger),
  inject: [KringConfig, KringLogger],
};

function emptyTally() {
  return { refused: 0, reasons: new Map<string, number>(), limited: 0, limitedAddresses: new Set<string>() };
}

/**
 * The key an address is counted under: an IPv4 address itself (also when mapped into
 * IPv6), an IPv6 address by its /64 network, which one site holds whole (counting single
 * IPv6 addresses would let one client rotate through billions).
 */
export function clientKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped !== null) return mapped[1] as string;
  const withoutZone = address.split('%')[0] as string;
  if (!isIPv6(withoutZone)) return address;
  return `${ipv6Groups(withoutZone).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded, without leading zeros (a dotted IPv4 tail, past the /64, as two zeros). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const part = (text: string) => (text === '' ? [] : text.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])));
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return groups.map((group) => parseInt(group, 16).toString(16));
}
