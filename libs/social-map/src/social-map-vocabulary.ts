/**
 * The words and limits of the social map (DESIGN.md §9, *sociale kaart*; docs/social-map.md).
 * Plain data, no personal values: the gateway's GraphQL types and refusals are made from these.
 */

/**
 * What a service helps with: a small, closed list, so a search filter and a referral name the
 * same thing. Each has a Dutch and an English label (`PROBLEM_LABELS`); a new problem is a new
 * code here, a value of the `service_problem` type (a migration) and its labels.
 */
export enum ProblemCode {
  SCHULDEN = 'SCHULDEN',
  GELDZAKEN = 'GELDZAKEN',
  OPVOEDING = 'OPVOEDING',
  HUISHOUDEN = 'HUISHOUDEN',
  WERK = 'WERK',
  WONEN = 'WONEN',
  HUISELIJK_GEWELD = 'HUISELIJK_GEWELD',
  SCHOOL = 'SCHOOL',
  GEZONDHEID = 'GEZONDHEID',
  PSYCHISCH = 'PSYCHISCH',
  VERSLAVING = 'VERSLAVING',
  EENZAAMHEID = 'EENZAAMHEID',
  MANTELZORG = 'MANTELZORG',
  ADMINISTRATIE = 'ADMINISTRATIE',
}

export const ALL_PROBLEMS: readonly ProblemCode[] = Object.values(ProblemCode);

/** Each problem in plain Dutch (B1) and in English, for the portal and for readers of the API. */
export const PROBLEM_LABELS: Readonly<Record<ProblemCode, { readonly nl: string; readonly en: string }>> = {
  [ProblemCode.SCHULDEN]: { nl: 'Schulden', en: 'Debts' },
  [ProblemCode.GELDZAKEN]: { nl: 'Rondkomen met geld', en: 'Making ends meet' },
  [ProblemCode.OPVOEDING]: { nl: 'Opvoeden en opgroeien', en: 'Parenting and growing up' },
  [ProblemCode.HUISHOUDEN]: { nl: 'Het huishouden', en: 'Running the household' },
  [ProblemCode.WERK]: { nl: 'Werk en dagbesteding', en: 'Work and daytime activities' },
  [ProblemCode.WONEN]: { nl: 'Wonen', en: 'Housing' },
  [ProblemCode.HUISELIJK_GEWELD]: { nl: 'Huiselijk geweld en kindermishandeling', en: 'Domestic violence and child abuse' },
  [ProblemCode.SCHOOL]: { nl: 'School', en: 'School' },
  [ProblemCode.GEZONDHEID]: { nl: 'Gezondheid', en: 'Health' },
  [ProblemCode.PSYCHISCH]: { nl: 'Psychische problemen', en: 'Mental health' },
  [ProblemCode.VERSLAVING]: { nl: 'Verslaving', en: 'Addiction' },
  [ProblemCode.EENZAAMHEID]: { nl: 'Eenzaamheid', en: 'Loneliness' },
  [ProblemCode.MANTELZORG]: { nl: 'Zorgen voor een naaste (mantelzorg)', en: 'Caring for someone close (informal care)' },
  [ProblemCode.ADMINISTRATIE]: { nl: 'Post en papieren', en: 'Paperwork and letters' },
};

/** How to get to a service: walk in, be referred (by a GP or a professional), or by a decision (*beschikking*) of the municipality. */
export enum AccessRoute {
  WALK_IN = 'WALK_IN',
  REFERRAL = 'REFERRAL',
  DECISION = 'DECISION',
}

/** A service's name: 3 to 120 characters. */
export const SERVICE_NAME_LENGTH = { min: 3, max: 120 } as const;
/** A service's description, in plain Dutch: 20 to 2,000 characters. */
export const SERVICE_DESCRIPTION_LENGTH = { min: 20, max: 2000 } as const;
/** Ages a service is for: 0 to 120, from at most to. */
export const SERVICE_AGE = { min: 0, max: 120 } as const;
/** A waiting time in whole weeks: 0 (none) to 104 (two years). */
export const WAITING_WEEKS = { min: 0, max: 104 } as const;
/** A waiting time stated longer ago than this many days is stale: shown, but marked. */
export const WAITING_TIME_STALE_AFTER_DAYS = 90;
/** At most this many municipalities per service (every municipality of Friesland fits). */
export const MAX_MUNICIPALITIES = 40;
/** Each contact field (phone, e-mail, website, address): at most 200 characters. */
export const CONTACT_FIELD_LENGTH = 200;
/** Search text: at most 1,000 characters (code points). */
export const SEARCH_TEXT_LENGTH = 1000;
/** A page of the map: 1 to 50 services. */
export const SERVICE_PAGE_SIZE = { default: 20, max: 50 } as const;
