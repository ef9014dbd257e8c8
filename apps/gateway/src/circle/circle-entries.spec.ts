import { circleEntries, type CircleDecision } from './circle-entries';

const FAMILY = 'family-1';
const read = (involvementId: string, organisationId: string): CircleDecision => ({ involvementId, organisationId, basis: 'DATA_SUBJECT', fields: ['organisation'] });
const named = (entries: ReturnType<typeof circleEntries>) => entries.map((e) => [e.subjectMemberIds.join(','), e.decisions.flatMap((d) => d.targetIds)]);

describe('the log entries of a circle operation (DESIGN.md §10)', () => {
  it('one entry per member it concerns, each naming every involvement concerned', () => {
    const entries = circleEntries('READ_CIRCLE', FAMILY, ['m2', 'm1'], [read('i-wmo', 'wmo'), read('i-youth', 'youth')], [], 'DATA_SUBJECT');

    expect(named(entries)).toEqual([
      ['m1', ['i-wmo', 'i-youth']],
      ['m2', ['i-wmo', 'i-youth']],
    ]);
  });

  it('an entry about a member names nothing shielded from them; what is shielded from everyone concerned goes in an entry about no member', () => {
    const shieldings = [
      { involvementId: 'i-vt', memberId: 'm1' },
      { involvementId: 'i-other', memberId: 'm1' },
      { involvementId: 'i-other', memberId: 'm2' },
    ];

    const entries = circleEntries('READ_CIRCLE', FAMILY, ['m1', 'm2'], [read('i-wmo', 'wmo'), read('i-vt', 'vt'), read('i-other', 'other')], shieldings, 'DATA_SUBJECT');

    expect(named(entries)).toEqual([
      ['m1', ['i-wmo']],
      ['m2', ['i-wmo', 'i-vt']],
      ['', ['i-other']],
    ]);
  });

  it('an operation that concerned no involvement is one entry about no member, naming the family', () => {
    const entries = circleEntries('READ_CIRCLE', FAMILY, ['m1'], [], [], 'DATA_SUBJECT');

    expect(entries).toEqual([expect.objectContaining({ subjectMemberIds: [], decisions: [expect.objectContaining({ targetKind: 'FAMILY', targetIds: [FAMILY], basis: 'DATA_SUBJECT', outcome: 'ALLOWED' })] })]);
  });
});
