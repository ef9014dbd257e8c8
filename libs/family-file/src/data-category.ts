/** The categories every field of the family file is tagged with; consent and purposes speak in these. */
export enum DataCategory {
  PERSONAL_IDENTITY = 'PERSONAL_IDENTITY',
  NATIONAL_ID = 'NATIONAL_ID',
  CONTACT = 'CONTACT',
  HOUSEHOLD = 'HOUSEHOLD',
  INVOLVEMENT = 'INVOLVEMENT',
  CARE_TRAJECTORY = 'CARE_TRAJECTORY',
  /** Special category data (GDPR Art. 9). */
  HEALTH = 'HEALTH',
  FINANCES = 'FINANCES',
  WORK_PARTICIPATION = 'WORK_PARTICIPATION',
  SAFETY = 'SAFETY',
  SHARED_PLAN = 'SHARED_PLAN',
  /** What a member wrote themselves (DESIGN.md §9, our story): shared only by consent. */
  OWN_WORDS = 'OWN_WORDS',
}

export const ALL_DATA_CATEGORIES: readonly DataCategory[] = Object.values(DataCategory);

export function isDataCategory(value: string): value is DataCategory {
  return (ALL_DATA_CATEGORIES as readonly string[]).includes(value);
}
