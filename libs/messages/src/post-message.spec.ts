import { postMessage } from './post-message';

describe('posting a message (DESIGN.md §9)', () => {
  const open = { mayPost: true, closedReason: null };

  it.each([
    ['a participant in an open thread posts; the spaces around the text are not kept', ' Tot dinsdag. ', open, { ok: true, body: 'Tot dinsdag.' }],
    ['a message of exactly 4,000 characters', 'x'.repeat(4000), open, { ok: true, body: 'x'.repeat(4000) }],
    ['an empty message', '  \n ', open, { ok: false, refusal: 'BODY_LENGTH' }],
    ['a message over 4,000 characters', 'x'.repeat(4001), open, { ok: false, refusal: 'BODY_LENGTH' }],
    ['someone who does not take part (a member who has not joined)', 'Hallo', { mayPost: false, closedReason: null }, { ok: false, refusal: 'NOT_A_PARTICIPANT' }],
    ['a professional whose consent was revoked', 'Hallo', { mayPost: true, closedReason: 'CONSENT_REVOKED' }, { ok: false, refusal: 'THREAD_CLOSED', reason: 'CONSENT_REVOKED' }],
    ['not taking part comes before the rule\'s reason', 'Hallo', { mayPost: false, closedReason: 'NOT_INVOLVED' }, { ok: false, refusal: 'NOT_A_PARTICIPANT' }],
  ] as const)('%s', (_case, body, facts, expected) => {
    expect(postMessage(body, facts)).toEqual(expected);
  });
});
