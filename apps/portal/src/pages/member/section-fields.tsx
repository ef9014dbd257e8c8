import type { ReactNode } from 'react';
import type { DataCategory } from '../../api/generated/graphql';
import type { ServedField, ServedSectionType } from '../../api/section-catalogue';
import type { MessageKey, Translate } from '../../i18n/i18n';
import { ListItem, UnorderedList } from '../../ui';
import { labelOf } from './member-family';

type FieldKind = 'text' | 'date' | 'list' | 'euros' | 'hours' | 'count' | 'yesNo';

export interface FieldSpec {
  readonly name: string;
  readonly category: DataCategory;
  readonly kind: FieldKind;
}

/** How a member is shown a field: the API's kind and unit, in the member's words. */
function kindOf(field: ServedField): FieldKind {
  switch (field.kind) {
    case 'TEXT':
      return 'text';
    case 'TEXT_LIST':
      return 'list';
    case 'DATE':
      return 'date';
    case 'INTEGER':
      return 'count';
    case 'DECIMAL':
      return field.unit === 'EUR' ? 'euros' : field.unit === 'HOURS_PER_WEEK' ? 'hours' : 'count';
    case 'BOOLEAN':
      return 'yesNo';
  }
}

/** The fields of a section type, with their data categories, from the API's section catalogue. */
export function fieldsOf(catalogue: readonly ServedSectionType[], sectionType: string): readonly FieldSpec[] {
  return catalogue.find((t) => t.name === sectionType)?.fields.map((f) => ({ name: f.name, category: f.category, kind: kindOf(f) })) ?? [];
}

export function sectionLabel(t: Translate, sectionType: string): string {
  const words = labelOf(t, 'member.section', sectionType);
  return words === sectionType ? t('member.section.other') : words;
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
