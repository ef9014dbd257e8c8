import { REQUEST_REASON_LENGTH, requestOtherCaseDirector } from './request-other-case-director';

const REASON = 'Ik voel me niet gehoord door de regisseur.';

describe('asking for another case director (DESIGN.md §9)', () => {
  it('takes the member\'s reason, with the spaces around it trimmed', () => {
    expect(requestOtherCaseDirector(`  ${REASON}\n`, { mayRequest: true })).toEqual({ ok: true, reason: REASON });
  });

  it('takes a reason of exactly 10 and of exactly 2000 characters, counted without the spaces around it', () => {
    expect(requestOtherCaseDirector(`  ${'a'.repeat(REQUEST_REASON_LENGTH.min)}  `, { mayRequest: true })).toEqual({ ok: true, reason: 'a'.repeat(10) });
    expect(requestOtherCaseDirector('b'.repeat(REQUEST_REASON_LENGTH.max), { mayRequest: true }).ok).toBe(true);
  });

  it.each([
    ['a reason of 9 characters', 'a'.repeat(9), true, 'REASON_LENGTH'],
    ['a reason that is 10 characters only with its spaces', '   kort    ', true, 'REASON_LENGTH'],
    ['a reason over 2000 characters', 'x'.repeat(2001), true, 'REASON_LENGTH'],
    ['a request not in the member\'s own name (the permission table)', REASON, false, 'NOT_OWN_NAME'],
  ] as const)('is refused for %s', (_case, reason, mayRequest, refusal) => {
    expect(requestOtherCaseDirector(reason, { mayRequest })).toEqual({ ok: false, refusal });
  });
});
