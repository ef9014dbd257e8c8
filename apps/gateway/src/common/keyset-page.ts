import { badInput } from './kring-error';

/**
 * The pieces every cursor connection of the API shares: a checked page size, and cursors
 * that name the last row of a page by its sort key. A cursor is opaque to callers
 * (base64url) and carries a kind, so a cursor of one list is refused by another.
 */

/** Refuses a page size outside 1..max, naming the argument. */
export function requirePageSize(first: number, max: number): void {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput('first', `must be between 1 and ${max}`);
}

/** A cursor after a row sorted by (time, id): `kind:<ISO time>|<uuid>`. */
export function encodeTimeCursor(kind: string, at: Date, id: string): string {
  return Buffer.from(`${kind}:${at.toISOString()}|${id}`).toString('base64url');
}

/** The (time, id) a cursor of `kind` names; anything this API did not give out is BAD_USER_INPUT on `after`. */
export function decodeTimeCursor(kind: string, cursor: string): { at: Date; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${kind}:`;
  const match = text.startsWith(prefix) ? TIME_AND_ID.exec(text.slice(prefix.length)) : null;
  const at = match === null ? null : new Date(match[1] as string);
  if (match === null || at === null || Number.isNaN(at.getTime())) throw badInput('after', 'is not a cursor this API gave out');
  return { at, id: match[2] as string };
}

/** What encodeTimeCursor writes after the kind: Date#toISOString, a bar, a UUID. */
const TIME_AND_ID = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A cursor at a numbered place of an ordered list (a message's place in its thread): `kind:<n>`. */
export function encodeSequenceCursor(kind: string, sequence: number): string {
  return Buffer.from(`${kind}:${sequence}`).toString('base64url');
}

/** The place a cursor of `kind` names; anything this API did not give out is BAD_USER_INPUT on `argument`. */
export function decodeSequenceCursor(kind: string, cursor: string, argument: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${kind}:`;
  const digits = text.startsWith(prefix) ? text.slice(prefix.length) : '';
  if (!/^[1-9]\d{0,9}$/.test(digits)) throw badInput(argument, 'is not a cursor this API gave out');
  return Number(digits);
}
