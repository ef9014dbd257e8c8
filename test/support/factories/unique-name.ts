import { randomBytes } from 'node:crypto';

let counter = 0;

/** A readable name no other call returns: suites and families made in one database never collide. */
export function uniqueName(base: string): string {
  counter += 1;
  return `${base} ${counter}-${randomBytes(3).toString('hex')}`;
}
