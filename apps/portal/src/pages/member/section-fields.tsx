import type { ReactNode } from 'react';
import type { DataCategory } from '../../api/types';
import type { MessageKey, Translate } from '../../i18n/i18n';
import { ListItem, UnorderedList } from '../../ui';

type FieldKind = 'text' | 'date' | 'list' | 'euros' | 'hours' | 'count' | 'yesNo';

interface FieldSpec {
  readonly name: string;
  readonly category: DataCategory;
  readonly kind: FieldKind;
}

const f = (name: string, category: DataCategory, kind: FieldKind = 'text'): FieldSpec => ({ name, category, kind });

/** Every field of every section type, with its data category as apps/gateway/schema.gql tags it ("Category: X"). */
export const SECTION_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  ContactDetails: [f('address', 'CONTACT'), f('phone', 'CONTACT'), f('email', 'CONTACT')],
  CareTrajectory: [
    f('provider', 'CARE_TRAJECTORY'),
    f('startDate', 'CARE_TRAJECTORY', 'date'),
    f('endDate', 'CARE_TRAJECTORY', 'date'),
    f('goals', 'CARE_TRAJECTORY', 'list'),
    f('frequency', 'CARE_TRAJECTORY'),
    f('diagnosis', 'HEALTH'),
    f('medication', 'HEALTH'),
  ],
  SupportProvision: [f('provision', 'CARE_TRAJECTORY'), f('hoursPerWeek', 'CARE_TRAJECTORY', 'hours'), f('decisionDate', 'CARE_TRAJECTORY', 'date')],
  DebtSituation: [
    f('totalDebt', 'FINANCES', 'euros'),
    f('creditorCount', 'FINANCES', 'count'),
    f('arrangement', 'FINANCES'),
    f('monthlyInstalment', 'FINANCES', 'euros'),
    f('budgetManagement', 'FINANCES', 'yesNo'),
  ],
  IncomeAndWork: [f('benefit', 'FINANCES'), f('reintegrationRoute', 'WORK_PARTICIPATION'), f('jobCoach', 'WORK_PARTICIPATION')],
  SafetySignal: [f('signal', 'SAFETY'), f('signalDate', 'SAFETY', 'date'), f('reporterRole', 'SAFETY'), f('riskAssessment', 'SAFETY')],
  FamilyPlan: [f('familyGoals', 'SHARED_PLAN', 'list'), f('actions', 'SHARED_PLAN', 'list'), f('whoDoesWhat', 'SHARED_PLAN', 'list'), f('reviewDate', 'SHARED_PLAN', 'date')],
};

export function fieldsOf(sectionType: string): readonly FieldSpec[] {
  return SECTION_FIELDS[sectionType] ?? [];
}

export function sectionLabel(t: Translate, sectionType: string): string {
  return sectionType in SECTION_FIELDS ? t(`member.section.${sectionType}` as MessageKey) : t('member.section.other');
}

export function fieldLabel(t: Translate, field: string): string {
  const key = `member.field.${field}` as MessageKey;
  const text = t(key);
  return text === key ? field : text;
}

/** A scalar as text; the API sends only strings, numbers and booleans in sections. */
function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

const euros = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** A field's value in plain form: dates as words, amounts in euros, lists as lists. Null when the value is empty. */
export function formatValue(t: Translate, formatDate: (value: string) => string, spec: FieldSpec, value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return null;
  switch (spec.kind) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDate(value.slice(0, 10)) : asText(value);
    case 'list':
      if (!Array.isArray(value)) return asText(value);
      if (value.length === 0) return null;
      return (
        <UnorderedList className="kring-m-compact-list">
          {value.map((item, index) => (
            <ListItem key={index}>{asText(item)}</ListItem>
          ))}
        </UnorderedList>
      );
    case 'euros':
      return typeof value === 'number' ? euros.format(value) : asText(value);
    case 'hours':
      return t('member.value.hours', { hours: typeof value === 'number' ? value.toLocaleString('nl-NL') : asText(value) });
    case 'count':
      return asText(value);
    case 'yesNo':
      return value === true ? t('common.yes') : value === false ? t('common.no') : asText(value);
    case 'text':
      return asText(value);
  }
}
