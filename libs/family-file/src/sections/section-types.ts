import { DataCategory as C } from '../data-category';
import { field, inEuros, inHoursPerWeek, sectionSource, type SectionType } from './section-field';

/**
 * The section types of the family file (DESIGN.md §3). Every field is tagged
 * with the data category the access rule decides on; adding a field here
 * without a category is impossible by construction.
 */
export const SECTION_TYPES: readonly SectionType[] = [
  {
    // First: the professional's file shows it first (DESIGN.md §9). Written by a member, never by an organisation.
    name: 'OurStory',
    description: 'Our story (ons verhaal): what a member wants professionals to know, in their own words.',
    source: 'FAMILY',
    fields: [field('text', C.OWN_WORDS, 'text', 'The story, in the words of the member who wrote it', true)],
  },
  {
    name: 'ContactDetails',
    description: 'How to reach a member.',
    fields: [
      field('address', C.CONTACT, 'text', 'Home address'),
      field('phone', C.CONTACT, 'text', 'Phone number'),
      field('email', C.CONTACT, 'text', 'E-mail address'),
    ],
  },
  {
    name: 'CareTrajectory',
    description: 'A care trajectory (zorgtraject) with its goals.',
    fields: [
      field('provider', C.CARE_TRAJECTORY, 'text', 'Who provides the care', true),
      field('goals', C.CARE_TRAJECTORY, 'text-list', 'Goals of the trajectory'),
      field('startDate', C.CARE_TRAJECTORY, 'date', 'Start date'),
      field('endDate', C.CARE_TRAJECTORY, 'date', 'End date'),
      field('frequency', C.CARE_TRAJECTORY, 'text', 'How often there is contact'),
      field('diagnosis', C.HEALTH, 'text', 'Diagnosis (health data)'),
      field('medication', C.HEALTH, 'text', 'Medication (health data)'),
    ],
  },
  {
    name: 'SupportProvision',
    description: 'A Wmo provision (maatwerkvoorziening).',
    fields: [
      field('provision', C.CARE_TRAJECTORY, 'text', 'The provision granted', true),
      inHoursPerWeek(field('hoursPerWeek', C.CARE_TRAJECTORY, 'decimal', 'Hours of support per week')),
      field('decisionDate', C.CARE_TRAJECTORY, 'date', 'Date of the decision (beschikking)'),
    ],
  },
  {
    name: 'DebtSituation',
    description: 'The debt situation and its arrangement.',
    fields: [
      inEuros(field('totalDebt', C.FINANCES, 'decimal', 'Total debt in euros', true)),
      field('creditorCount', C.FINANCES, 'integer', 'Number of creditors'),
      field('arrangement', C.FINANCES, 'text', 'Debt arrangement (schuldregeling)'),
      field('budgetManagement', C.FINANCES, 'boolean', 'Whether budget management (budgetbeheer) is in place'),
      inEuros(field('monthlyInstalment', C.FINANCES, 'decimal', 'Monthly instalment in euros')),
    ],
  },
  {
    name: 'IncomeAndWork',
    description: 'Income, benefit and the route to work.',
    fields: [
      field('benefit', C.FINANCES, 'text', 'Benefit received'),
      field('reintegrationRoute', C.WORK_PARTICIPATION, 'text', 'Reintegration route'),
      field('jobCoach', C.WORK_PARTICIPATION, 'text', 'Job coach'),
    ],
  },
  {
    name: 'SafetySignal',
    description: 'A signal about safety at home.',
    fields: [
      field('signal', C.SAFETY, 'text', 'The signal', true),
      field('signalDate', C.SAFETY, 'date', 'Date of the signal'),
      field('reporterRole', C.SAFETY, 'text', 'Role of who reported it'),
      field('riskAssessment', C.SAFETY, 'text', 'Risk assessment'),
    ],
  },
  {
    name: 'FamilyPlan',
    description: 'The shared plan as a record, from before the family plan existed.',
    supersededBy: 'the family plan: writePlanItem and familyPlan (docs/family-plan.md)',
    fields: [
      field('familyGoals', C.SHARED_PLAN, 'text-list', "The family's goals, in their own words", true),
      field('actions', C.SHARED_PLAN, 'text-list', 'Agreed actions'),
      field('whoDoesWhat', C.SHARED_PLAN, 'text-list', 'Who does what'),
      field('reviewDate', C.SHARED_PLAN, 'date', 'When the plan is reviewed'),
    ],
  },
];

/** The section types an organisation writes (`addRecord`); the others are the family's own. */
export const ORGANISATION_SECTION_TYPES: readonly SectionType[] = SECTION_TYPES.filter((type) => sectionSource(type) === 'ORGANISATION');

const BY_NAME = new Map(SECTION_TYPES.map((type) => [type.name, type]));

/** The section type of that name, or undefined when there is none. */
export function findSectionType(name: string): SectionType | undefined {
  return BY_NAME.get(name);
}
