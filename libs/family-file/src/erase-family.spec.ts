import { eraseFamily, type ErasureFacts } from './erase-family';

const AT = new Date('2026-05-12T10:00:00Z');
const FAMILY: ErasureFacts = { family: { erasedAt: null }, unreviewedBreakGlassGrants: 0 };
const REASON = 'AVG-2026-0142, art. 17 lid 1 sub b';

// Who may erase (a chain privacy officer) is the permission table's: libs/policy/src/permissions.spec.ts.
describe('eraseFamily: what must hold before a family is erased', () => {
  it.each<[string, string, ErasureFacts, string | null]>([
    ['a family is erased with a reason', REASON, FAMILY, null],
    ['a reason of 9 characters is too short', 'x'.repeat(9), FAMILY, 'REASON_LENGTH'],
    ['a reason of exactly 10 characters is enough', 'x'.repeat(10), FAMILY, null],
    ['spaces around the reason do not count', `   ${'x'.repeat(9)}   `, FAMILY, 'REASON_LENGTH'],
    ['a reason of 1000 characters is accepted', 'x'.repeat(1000), FAMILY, null],
    ['a reason of 1001 characters is too long', 'x'.repeat(1001), FAMILY, 'REASON_LENGTH'],
    ['a family that does not exist is not found', REASON, { family: null, unreviewedBreakGlassGrants: 0 }, 'NOT_FOUND'],
    ['a family erased before is not found (erased once)', REASON, { family: { erasedAt: new Date('2026-05-01T00:00:00Z') }, unreviewedBreakGlassGrants: 0 }, 'NOT_FOUND'],
    ['an unreviewed emergency access must be reviewed first', REASON, { ...FAMILY, unreviewedBreakGlassGrants: 1 }, 'BREAK_GLASS_UNREVIEWED'],
    ['the reason is judged before the family is looked at', 'kort', { family: null, unreviewedBreakGlassGrants: 0 }, 'REASON_LENGTH'],
  ])('%s', (_rule, reason, facts, refusal) => {
    const decision = eraseFamily(reason, facts, AT);

    expect(decision.ok ? null : decision.refusal.reason).toBe(refusal);
  });

  it('names how many grants wait for review', () => {
    expect(eraseFamily(REASON, { ...FAMILY, unreviewedBreakGlassGrants: 2 }, AT)).toEqual({ ok: false, refusal: { reason: 'BREAK_GLASS_UNREVIEWED', grants: 2 } });
  });

  it('the erasure keeps the trimmed reason and the moment', () => {
    expect(eraseFamily(`  ${REASON}  `, FAMILY, AT)).toEqual({ ok: true, erasure: { reason: REASON, erasedAt: AT } });
  });
});
