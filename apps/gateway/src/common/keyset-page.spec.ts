import { KringError } from './kring-error';
import { decodeTimeCursor, encodeTimeCursor, requirePageSize } from './keyset-page';

const ID = '0b6f3c1e-0002-4c8a-9a51-000000000001';
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof KringError ? { code: error.code, field: error.details?.['field'] } : error;
  }
  return null;
};

describe('keyset pages', () => {
  it('gives back the time and id a cursor was made of', () => {
    const at = new Date('2026-11-23T02:22:36.024Z');
    expect(decodeTimeCursor('log', encodeTimeCursor('log', at, ID))).toEqual({ at, id: ID });
  });

  it.each([
    ['a cursor of another list', encodeTimeCursor('erasure', new Date(), ID)],
    ['text that is no cursor', 'not-a-cursor'],
    ['a time that is not one', Buffer.from(`log:2026-13-45T99:99:99.999Z|${ID}`).toString('base64url')],
    ['a time in another shape', Buffer.from(`log:2026-11-23T02:22:36+01:00|${ID}`).toString('base64url')],
    ['an id that is no UUID', Buffer.from('log:2026-11-23T02:22:36.024Z|not-an-id').toString('base64url')],
  ])('refuses %s (BAD_USER_INPUT on after)', (_case, cursor) => {
    expect(refusal(() => decodeTimeCursor('log', cursor))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each([0, -1, 1.5, 101])('refuses a page size of %s (BAD_USER_INPUT on first)', (first) => {
    expect(refusal(() => requirePageSize(first, 100))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('takes a page size from 1 to the maximum', () => {
    expect([1, 100].map((first) => refusal(() => requirePageSize(first, 100)))).toEqual([null, null]);
  });
});
