/**
 * Fixed ids of the demo world, so that `npm run token -- <persona>` works without
 * a database and a newcomer's copy-pasted queries keep working after a reseed.
 */
export const DEMO_ORGANISATIONS = {
  jeugdhulp: '0b6f3c1e-0001-4c8a-9a51-000000000001',
  teamToegang: '0b6f3c1e-0001-4c8a-9a51-000000000002',
  schuldhulp: '0b6f3c1e-0001-4c8a-9a51-000000000003',
  participatie: '0b6f3c1e-0001-4c8a-9a51-000000000004',
  veiligThuis: '0b6f3c1e-0001-4c8a-9a51-000000000005',
  schoolmaatschappelijkWerk: '0b6f3c1e-0001-4c8a-9a51-000000000006',
  budgetcoaching: '0b6f3c1e-0001-4c8a-9a51-000000000007',
} as const;

export const DEMO_FAMILY_ID = '0b6f3c1e-0002-4c8a-9a51-000000000001';

export const DEMO_MEMBERS = {
  marieke: '0b6f3c1e-0003-4c8a-9a51-000000000001',
  johan: '0b6f3c1e-0003-4c8a-9a51-000000000002',
  sanne: '0b6f3c1e-0003-4c8a-9a51-000000000003',
  daan: '0b6f3c1e-0003-4c8a-9a51-000000000004',
  lotte: '0b6f3c1e-0003-4c8a-9a51-000000000005',
} as const;

export const DEMO_PROFESSIONALS = {
  jeugdhulp: '0b6f3c1e-0004-4c8a-9a51-000000000001',
  wmo: '0b6f3c1e-0004-4c8a-9a51-000000000002',
  schuldhulp: '0b6f3c1e-0004-4c8a-9a51-000000000003',
  participatie: '0b6f3c1e-0004-4c8a-9a51-000000000004',
  veiligthuis: '0b6f3c1e-0004-4c8a-9a51-000000000005',
  fgGemeente: '0b6f3c1e-0004-4c8a-9a51-000000000006',
  ketenFg: '0b6f3c1e-0004-4c8a-9a51-000000000007',
  admin: '0b6f3c1e-0004-4c8a-9a51-000000000008',
  teamleider: '0b6f3c1e-0004-4c8a-9a51-000000000009',
  schoolmw: '0b6f3c1e-0004-4c8a-9a51-000000000010',
  budgetcoach: '0b6f3c1e-0004-4c8a-9a51-000000000011',
} as const;

/** What a persona is: a professional (with organisation) or a family member. */
export type Persona =
  | { readonly kind: 'professional'; readonly professionalId: string; readonly organisationId: string; readonly description: string }
  | { readonly kind: 'citizen'; readonly memberId: string; readonly description: string };

/** The personas of DESIGN.md §6, by the name `npm run token -- <persona>` takes. */
export const PERSONAS: Readonly<Record<string, Persona>> = {
  marieke: { kind: 'citizen', memberId: DEMO_MEMBERS.marieke, description: 'Marieke de Vries (38), mother, holds authority over the children' },
  johan: { kind: 'citizen', memberId: DEMO_MEMBERS.johan, description: 'Johan de Vries (41), father, holds authority, lives elsewhere' },
  sanne: { kind: 'citizen', memberId: DEMO_MEMBERS.sanne, description: 'Sanne de Vries (17), decides on her own consent' },
  daan: { kind: 'citizen', memberId: DEMO_MEMBERS.daan, description: 'Daan de Vries (14), signs together with a parent' },
  jeugdhulp: pro(DEMO_PROFESSIONALS.jeugdhulp, DEMO_ORGANISATIONS.jeugdhulp, 'youth-care professional at Jeugdhulp Friesland'),
  wmo: pro(DEMO_PROFESSIONALS.wmo, DEMO_ORGANISATIONS.teamToegang, 'WMO professional at Gemeente Heerenveen Team Toegang (case director)'),
  schuldhulp: pro(DEMO_PROFESSIONALS.schuldhulp, DEMO_ORGANISATIONS.schuldhulp, 'debt counsellor at Schuldhulpverlening Heerenveen'),
  participatie: pro(DEMO_PROFESSIONALS.participatie, DEMO_ORGANISATIONS.participatie, 'consultant at Participatie Heerenveen'),
  veiligthuis: pro(DEMO_PROFESSIONALS.veiligthuis, DEMO_ORGANISATIONS.veiligThuis, 'Veilig Thuis Friesland (registered, not involved)'),
  schoolmw: pro(DEMO_PROFESSIONALS.schoolmw, DEMO_ORGANISATIONS.schoolmaatschappelijkWerk, 'school social worker at Schoolmaatschappelijk Werk Friesland (registered, not involved: Daan\'s referral waits for its answer)'),
  budgetcoach: pro(DEMO_PROFESSIONALS.budgetcoach, DEMO_ORGANISATIONS.budgetcoaching, 'budget coach at Stichting Rondkomen Heerenveen (registered, not involved: publishes Budgetcoaching on the social map; a referral from the family file makes it one)'),
  teamleider: pro(DEMO_PROFESSIONALS.teamleider, DEMO_ORGANISATIONS.teamToegang, 'Marloes Dijkstra, team lead of the WMO team at Gemeente Heerenveen Team Toegang (the escalation queue: takes on and decides escalations)'),
  'fg-gemeente': pro(DEMO_PROFESSIONALS.fgGemeente, DEMO_ORGANISATIONS.teamToegang, 'privacy officer (FG) of Gemeente Heerenveen'),
  'keten-fg': pro(DEMO_PROFESSIONALS.ketenFg, DEMO_ORGANISATIONS.teamToegang, 'chain privacy officer of the Heerenveen chain'),
  admin: pro(DEMO_PROFESSIONALS.admin, DEMO_ORGANISATIONS.teamToegang, 'administrator of Kring'),
};

function pro(professionalId: string, organisationId: string, description: string): Persona {
  return { kind: 'professional', professionalId, organisationId, description };
}
