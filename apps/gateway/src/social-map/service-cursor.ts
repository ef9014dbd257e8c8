import { createHash } from 'node:crypto';
import type { SearchPosition, ServiceFilters } from '@kring/social-map';
import { badInput } from '../common/kring-error';

/**
 * The social map's cursors: opaque (base64url JSON) and bound to their search, so a cursor of
 * one search is refused by another (`after` BAD_USER_INPUT) instead of paging through something
 * else. A ranked position carries PostgreSQL's rank as text, so the next page compares exactly.
 */
export function encodeServiceCursor(filters: ServiceFilters, position: SearchPosition): string {
  return Buffer.from(JSON.stringify({ s: searchKey(filters), ...position })).toString('base64url');
}

/** The position a cursor names, for this search; anything else is BAD_USER_INPUT on `after`. */
export function decodeServiceCursor(filters: ServiceFilters, cursor: string): SearchPosition {
  const refused = () => badInput('after', 'is not a cursor of this search');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (typeof value !== 'object' || value === null) throw refused();
  const v = value as Record<string, unknown>;
  if (v['s'] !== searchKey(filters) || typeof v['id'] !== 'string' || !UUID.test(v['id'])) throw refused();
  if (filters.text !== null && v['kind'] === 'RANKED' && (v['inexact'] === 0 || v['inexact'] === 1) && typeof v['rank'] === 'string' && RANK.test(v['rank'])) {
    return { kind: 'RANKED', inexact: v['inexact'], rank: v['rank'], id: v['id'] };
  }
  if (filters.text === null && v['kind'] === 'BY_NAME' && typeof v['name'] === 'string') return { kind: 'BY_NAME', name: v['name'], id: v['id'] };
  throw refused();
}

/** A short fingerprint of the search a cursor belongs to. */
function searchKey(filters: ServiceFilters): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 16);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A real as PostgreSQL writes it: digits, a point, an exponent. */
const RANK = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;
