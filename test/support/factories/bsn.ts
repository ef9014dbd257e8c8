import { randomInt } from 'node:crypto';

const handedOut = new Set<string>();

/**
 * A BSN that passes the eleven-proof (elfproef), different from every other one
 * this process handed out: two suites, or two families of one suite, never share one.
 */
export function uniqueBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? randomInt(1, 10) : randomInt(0, 10)));
    const weighted = digits.reduce((total, digit, i) => total + digit * (9 - i), 0);
    // The last digit counts -1: it must equal the weighted sum modulo 11, so 10 has no digit and is drawn again.
    const check = weighted % 11;
    if (check === 10) continue;
    const bsn = `${digits.join('')}${check}`;
    if (handedOut.has(bsn)) continue;
    handedOut.add(bsn);
    return bsn;
  }
}
