import { join } from 'node:path';
import type { SubjectFacts } from '@kring/consent';
import { Domain } from '@kring/identity';
import { PurposeCatalogue } from './purpose-catalogue';

/*
 * The family the policy specs decide about: the De Vries family of DESIGN.md §7 with a few
 * children added at the capacity edges, ages as on Tuesday 12 May 2026. One place, so the
 * specs of the rule, the plan and the circle argue about the same people.
 */

export const catalogue = PurposeCatalogue.fromFile(join(process.cwd(), 'libs/policy/purposes.json'));

// The organisations around the family.
export const JEUGDHULP = { organisationId: 'org-jeugdhulp', domain: Domain.YOUTH_CARE };
export const OTHER_YOUTH_CARE = { organisationId: 'org-other-youth-care', domain: Domain.YOUTH_CARE };
export const WMO_TEAM = { organisationId: 'org-wmo', domain: Domain.WMO };
export const SCHULDHULP = { organisationId: 'org-schuldhulp', domain: Domain.DEBT_ASSISTANCE };
export const VEILIG_THUIS = { organisationId: 'org-veilig-thuis', domain: Domain.CHILD_SAFETY };

export const MARIEKE = 'marieke';
export const JOHAN = 'johan';
/** 17. */
export const SANNE = 'sanne';
/** 13. */
export const DAAN = 'daan';
/** 8. */
export const LOTTE = 'lotte';
/** Turns 12 on 12 May 2026. */
export const NOOR = 'noor';
/** Turns 16 on 12 May 2026. */
export const TIM = 'tim';
/** A child whose stored birth date failed its integrity check: her age cannot be established. */
export const KIM = 'kim';

export const PARENTS: ReadonlySet<string> = new Set([MARIEKE, JOHAN]);
export const SUBJECT_LIST: readonly SubjectFacts[] = [
  { memberId: MARIEKE, birthDate: '1988-02-10', authorityHolders: new Set() },
  { memberId: JOHAN, birthDate: '1985-01-20', authorityHolders: new Set() },
  { memberId: SANNE, birthDate: '2009-03-03', authorityHolders: PARENTS },
  { memberId: DAAN, birthDate: '2012-09-01', authorityHolders: PARENTS },
  { memberId: LOTTE, birthDate: '2018-04-04', authorityHolders: PARENTS },
  { memberId: NOOR, birthDate: '2014-05-12', authorityHolders: PARENTS },
  { memberId: TIM, birthDate: '2010-05-12', authorityHolders: PARENTS },
  { memberId: KIM, birthDate: null, authorityHolders: PARENTS },
];
