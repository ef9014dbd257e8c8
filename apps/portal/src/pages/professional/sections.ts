/**
 * The seven section types of the family file as the portal shows and writes them, in
 * the order the file lists them. Mirrors libs/family-file/src/sections/section-types.ts
 * (the gateway's catalogue) and AddRecordInput in schema.gql: the field names, their
 * kinds and which one is required.
 */
export type FieldKind = 'text' | 'text-list' | 'date' | 'integer' | 'decimal' | 'euro' | 'boolean';

export interface SectionField {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
}

export interface SectionType {
  readonly name: SectionTypeName;
  /** The AddRecordInput field that carries this section, e.g. `debtSituation`. */
  readonly input: string;
  readonly fields: readonly SectionField[];
}

export type SectionTypeName = 'ContactDetails' | 'CareTrajectory' | 'SupportProvision' | 'DebtSituation' | 'IncomeAndWork' | 'SafetySignal' | 'FamilyPlan';

const type = (name: SectionTypeName, fields: readonly SectionField[]): SectionType => ({ name, input: name.charAt(0).toLowerCase() + name.slice(1), fields });

export const SECTION_TYPES: readonly SectionType[] = [
  type('ContactDetails', [
    { name: 'address', kind: 'text' },
    { name: 'phone', kind: 'text' },
    { name: 'email', kind: 'text' },
  ]),
  type('CareTrajectory', [
    { name: 'provider', kind: 'text', required: true },
    { name: 'goals', kind: 'text-list' },
    { name: 'startDate', kind: 'date' },
    { name: 'endDate', kind: 'date' },
    { name: 'frequency', kind: 'text' },
    { name: 'diagnosis', kind: 'text' },
    { name: 'medication', kind: 'text' },
  ]),
  type('SupportProvision', [
    { name: 'provision', kind: 'text', required: true },
    { name: 'hoursPerWeek', kind: 'decimal' },
    { name: 'decisionDate', kind: 'date' },
  ]),
  type('DebtSituation', [
    { name: 'totalDebt', kind: 'euro', required: true },
    { name: 'creditorCount', kind: 'integer' },
    { name: 'arrangement', kind: 'text' },
    { name: 'budgetManagement', kind: 'boolean' },
    { name: 'monthlyInstalment', kind: 'euro' },
  ]),
  type('IncomeAndWork', [
    { name: 'benefit', kind: 'text' },
    { name: 'reintegrationRoute', kind: 'text' },
    { name: 'jobCoach', kind: 'text' },
  ]),
  type('SafetySignal', [
    { name: 'signal', kind: 'text', required: true },
    { name: 'signalDate', kind: 'date' },
    { name: 'reporterRole', kind: 'text' },
    { name: 'riskAssessment', kind: 'text' },
  ]),
  type('FamilyPlan', [
    { name: 'familyGoals', kind: 'text-list', required: true },
    { name: 'actions', kind: 'text-list' },
    { name: 'whoDoesWhat', kind: 'text-list' },
    { name: 'reviewDate', kind: 'date' },
  ]),
];

export function findSectionType(name: string): SectionType | undefined {
  return SECTION_TYPES.find((t) => t.name === name);
}
