import { randomFillSync } from 'node:crypto';

/**
 * A time-ordered id for an access-log entry: a UUID of version 7 (RFC 9562), 48 bits of
 * Unix milliseconds followed by 74 random bits. Why: entries arrive in time order, so with
 * these ids the primary-key index grows at its right edge, on pages already in PostgreSQL's
 * buffer cache. With random (version 4) ids every entry landed on a random leaf page of an
 * index that, at millions of entries, no longer fits in that cache (docs/performance.md,
 * the scale run). The time in the id is no secret: the entry's `occurred_at` says it too.
 */
export function timeOrderedId(now: number = Date.now()): string {
  const bytes = Buffer.allocUnsafe(16);
  randomBytesInto(bytes);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // variant 10 (RFC 9562)
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Random bytes from a pool filled 4 kB at a time: a read makes about 21 ids, and asking
 * the CSPRNG for 16 bytes at a time cost more than all the rest of making them (the way
 * Node.js's own randomUUID keeps a cache of random bytes). Each pool byte is used once.
 */
const pool = Buffer.allocUnsafe(4096);
let used = pool.length;

function randomBytesInto(target: Buffer): void {
  if (used + target.length > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  pool.copy(target, 0, used, used + target.length);
  used += target.length;
}
