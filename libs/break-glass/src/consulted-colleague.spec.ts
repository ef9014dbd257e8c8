import { judgeConsultedColleague, type ConsultedProfessional } from './consulted-colleague';

const OPENER = 'pieter';
const INVOLVED = ['wmo', 'jeugdhulp'];
const colleague = (overrides: Partial<ConsultedProfessional> = {}): ConsultedProfessional => ({ professionalId: 'anna', organisationId: 'jeugdhulp', veiligThuis: false, deactivated: false, ...overrides });

describe('judgeConsultedColleague: the colleague consulted before opening emergency access', () => {
  it.each<[string, string | null | undefined, ConsultedProfessional | null, string | null]>([
    ['a professional of an involved organisation counts', 'anna', colleague(), null],
    ['a professional of the opener\'s own organisation counts (it is involved)', 'anna', colleague({ organisationId: 'wmo' }), null],
    ['a Veilig Thuis advisor counts, involved or not', 'vera', colleague({ professionalId: 'vera', organisationId: 'vt', veiligThuis: true }), null],
    ['nobody named is refused', null, null, 'CONSULTED_COLLEAGUE_REQUIRED'],
    ['an empty name is refused as none', '  ', null, 'CONSULTED_COLLEAGUE_REQUIRED'],
    ['the opener is not their own colleague', 'pieter', colleague({ professionalId: 'pieter', organisationId: 'wmo' }), 'SELF'],
    ['the opener in capitals is still the opener', 'PIETER', colleague({ professionalId: 'pieter', organisationId: 'wmo' }), 'SELF'],
    ['an id nobody has', 'ghost', null, 'UNKNOWN_COLLEAGUE'],
    ['a deactivated professional is not in the directory any more', 'anna', colleague({ deactivated: true }), 'UNKNOWN_COLLEAGUE'],
    ['a professional of an organisation not involved, not Veilig Thuis', 'bert', colleague({ professionalId: 'bert', organisationId: 'school' }), 'NOT_A_COLLEAGUE'],
  ])('%s', (_rule, named, found, refusal) => {
    expect(judgeConsultedColleague(named, OPENER, found, INVOLVED)?.reason ?? null).toBe(refusal);
  });
});
