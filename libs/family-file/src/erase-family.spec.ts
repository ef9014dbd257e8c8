import { ProfessionalRole } from '@kring/identity';
import { eraseFamily, type ErasureFacts, type FamilyEraser } from './erase-family';

const AT = new Date('2026-05-12T10:00:00Z');
const CHAIN_OFFICER: FamilyEraser = { roles: [ProfessionalRole.CHAIN_PRIVACY_OFFICER] };
const FAMILY: ErasureFacts = { family: { erasedAt: null }, unreviewedBreakGlassGrants: 0 };
const REASON = 'AVG-2026-0142, art. 17 lid 1 sub b';

describe('eraseFamily: who may erase a family, and what must hold first', () => {
  it.each<[string, FamilyEraser, string, ErasureFacts, string | null]>([
    ['a chain privacy officer erases a family with a reason', CHAIN_OFFICER, REASON, FAMILY, null],
    ['a privacy officer of one organisation may not', { roles: [ProfessionalRole.PRIVACY_OFFICER] }, REASON, FAMILY, 'NOT_A_CHAIN_PRIVACY_OFFICER'],
    ['an administrator may not', { roles: [ProfessionalRole.ADMIN] }, REASON, FAMILY, 'NOT_A_CHAIN_PRIVACY_OFFICER'],
    ['a reason of 9 characters is too short', CHAIN_OFFICER, 'x'.repeat(9), FAMILY, 'REASON_LENGTH'],
    ['a reason of exactly 10 characters is enough', CHAIN_OFFICER, 'x'.repeat(10), FAMILY, null],
    ['spaces around the reason do not count', CHAIN_OFFICER, `   ${'x'.repeat(9)}   `, FAMILY, 'REASON_LENGTH'],
    ['a reason of 1000 characters is accepted', CHAIN_OFFICER, 'x'.repeat(1000), FAMILY, null],
    ['a reason of 1001 characters is too long', CHAIN_OFFICER, 'x'.repeat(1001), FAMILY, 'REASON_LENGTH'],
    ['a family that does not exist is not found', CHAIN_OFFICER, REASON, { family: null, unreviewedBreakGlassGrants: 0 }, 'NOT_FOUND'],
    ['a family erased before is not found (erased once)', CHAIN_OFFICER, REASON, { family: { erasedAt: new Date('2026-05-01T00:00:00Z') }, unreviewedBreakGlassGrants: 0 }, 'NOT_FOUND'],
    ['an unreviewed emergency access must be reviewed first', CHAIN_OFFICER, REASON, { ...FAMILY, unreviewedBreakGlassGrants: 1 }, 'BREAK_GLASS_UNREVIEWED'],
    ['the reason is judged before the family is looked at', CHAIN_OFFICER, 'kort', { family: null, unreviewedBreakGlassGrants: 0 }, 'REASON_LENGTH'],
  ])('%s', (_rule, eraser, reason, facts, refusal) => {
    const decision = eraseFamily(eraser, reason, facts, AT);

    expect(decision.ok ? null : decision.refusal.reason).toBe(refusal);
  });

  it('names how many grants wait for review', () => {
    expect(eraseFamily(CHAIN_OFFICER, REASON, { ...FAMILY, unreviewedBreakGlassGrants: 2 }, AT)).toEqual({ ok: false, refusal: { reason: 'BREAK_GLASS_UNREVIEWED', grants: 2 } });
  });

  it('the erasure keeps the trimmed reason and the moment', () => {
    expect(eraseFamily(CHAIN_OFFICER, `  ${REASON}  `, FAMILY, AT)).toEqual({ ok: true, erasure: { reason: REASON, erasedAt: AT } });
  });
});
