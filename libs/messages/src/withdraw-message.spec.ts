import { withdrawMessage } from './withdraw-message';

describe('withdrawing a message (DESIGN.md §9: never edited; withdrawn, it leaves a tombstone)', () => {
  const sent = { withdrawnAt: null };

  it.each([
    ['its author withdraws it', { message: sent, mayWithdraw: true }, { ok: true }],
    ['no such message in the caller\'s view', { message: null, mayWithdraw: true }, { ok: false, refusal: 'UNKNOWN_MESSAGE' }],
    ['someone else\'s message', { message: sent, mayWithdraw: false }, { ok: false, refusal: 'NOT_YOUR_MESSAGE' }],
    ['a message withdrawn already', { message: { withdrawnAt: new Date('2026-05-12T10:00:00Z') }, mayWithdraw: true }, { ok: false, refusal: 'ALREADY_WITHDRAWN' }],
    ['someone else\'s withdrawn message: not theirs, whatever its state', { message: { withdrawnAt: new Date('2026-05-12T10:00:00Z') }, mayWithdraw: false }, { ok: false, refusal: 'NOT_YOUR_MESSAGE' }],
  ] as const)('%s', (_case, facts, expected) => {
    expect(withdrawMessage(facts)).toEqual(expected);
  });
});
