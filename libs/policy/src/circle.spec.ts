import { Domain } from '@kring/identity';
import { circleOf, hasStatutoryTask } from './circle';
import type { Purpose } from './purpose';

const TODAY = '2026-06-01';
const running = { id: 'i-wmo', organisationId: 'wmo', startsOn: '2026-01-01', endsOn: null };
const childSafety = { id: 'i-vt', organisationId: 'vt', startsOn: '2026-05-20', endsOn: null };
const ended = { id: 'i-debt', organisationId: 'debt', startsOn: '2025-01-01', endsOn: TODAY };
const planned = { id: 'i-youth', organisationId: 'youth', startsOn: '2026-06-02', endsOn: null };
const ALL = [running, childSafety, ended, planned];
const SHIELDED_FROM_FATHER = [{ involvementId: 'i-vt', memberId: 'father' }];

describe('the circle: who a viewer sees helping the family today', () => {
  it.each([
    ['a member sees the involvements running today', { kind: 'member', memberId: 'mother' }, [], ['i-wmo', 'i-vt']],
    ['an involvement shielded from a member does not exist for them', { kind: 'member', memberId: 'father' }, SHIELDED_FROM_FATHER, ['i-wmo']],
    ['a shielding names members: the others still see it', { kind: 'member', memberId: 'mother' }, SHIELDED_FROM_FATHER, ['i-wmo', 'i-vt']],
    ['a professional of an involved organisation sees every running involvement, shielded or not', { kind: 'professional', organisationId: 'wmo' }, SHIELDED_FROM_FATHER, ['i-wmo', 'i-vt']],
    ['an organisation whose involvement ended sees nothing', { kind: 'professional', organisationId: 'debt' }, [], []],
    ['an organisation whose involvement has not started sees nothing', { kind: 'professional', organisationId: 'youth' }, [], []],
  ] as const)('%s', (_rule, viewer, shieldings, expected) => {
    expect(circleOf(viewer, ALL, shieldings, TODAY).map((i) => i.id)).toEqual(expected);
  });

  it('only a domain for which some purpose rests on a statutory task has one (Veilig Thuis: CHILD_PROTECTION)', () => {
    const purposes = [{ statutoryFor: [Domain.CHILD_SAFETY] }, { statutoryFor: [] }] as unknown as Purpose[];
    expect(hasStatutoryTask(purposes, Domain.CHILD_SAFETY)).toBe(true);
    expect(hasStatutoryTask(purposes, Domain.WMO)).toBe(false);
  });
});
