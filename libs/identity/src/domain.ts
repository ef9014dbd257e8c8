/** The kind of work an organisation does; purposes and consents name domains. */
export enum Domain {
  YOUTH_CARE = 'YOUTH_CARE',
  WMO = 'WMO',
  DEBT_ASSISTANCE = 'DEBT_ASSISTANCE',
  PARTICIPATION = 'PARTICIPATION',
  /** Veilig Thuis. */
  CHILD_SAFETY = 'CHILD_SAFETY',
  EDUCATION = 'EDUCATION',
  ADULT_CARE = 'ADULT_CARE',
}

export const ALL_DOMAINS: readonly Domain[] = Object.values(Domain);

/** What a professional may do beyond reading for a purpose. */
export enum ProfessionalRole {
  PROFESSIONAL = 'PROFESSIONAL',
  TEAM_LEAD = 'TEAM_LEAD',
  PRIVACY_OFFICER = 'PRIVACY_OFFICER',
  CHAIN_PRIVACY_OFFICER = 'CHAIN_PRIVACY_OFFICER',
  ADMIN = 'ADMIN',
}

export const ALL_ROLES: readonly ProfessionalRole[] = Object.values(ProfessionalRole);
