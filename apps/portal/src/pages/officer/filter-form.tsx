import type { FormEvent, ReactNode } from 'react';
import { ACTIVITIES, BASES, ENTRY_OUTCOMES } from '@kring/audit/vocabulary';
import { DATA_CATEGORIES } from '../../api/fragments';
import type { OrganisationFieldsFragment as Organisation } from '../../api/generated/graphql';
import * as common from '../../i18n/common';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, PrimaryActionButton, SecondaryActionButton, Select, Textbox } from '../../ui';
import { useKnownNames } from './known-names';
import type { FilterField, LogFilterParams } from './log-filter';

const ID_HELP = 'officer-filter-id-help';

export type FieldErrors = Partial<Record<FilterField, string>>;

interface Props {
  readonly draft: LogFilterParams;
  readonly onChange: (next: LogFilterParams) => void;
  readonly onApply: (event: FormEvent) => void;
  readonly onClear: () => void;
  readonly errors: FieldErrors;
  readonly organisations: readonly Organisation[];
  readonly purposes: readonly string[];
}

/** Every field of the API's AccessLogFilter, each with a visible label; an error stands next to its field. */
export function FilterForm({ draft, onChange, onApply, onClear, errors, organisations, purposes }: Props) {
  const { t } = useI18n();
  const nameOf = useKnownNames();
  const set = (name: FilterField, value: string) => onChange({ ...draft, [name]: value });
  const idOf = (name: FilterField) => `officer-filter-${name}`;

  /** A labelled field with its description and error, wired with aria-describedby. */
  const field = (name: FilterField, control: (props: { id: string; invalid: boolean; describedBy: string | undefined }) => ReactNode, helpId?: string) => {
    const id = idOf(name);
    const error = errors[name];
    const describedBy = [error === undefined ? null : `${id}-error`, helpId ?? null].filter(Boolean).join(' ') || undefined;
    return (
      <FormField invalid={error !== undefined} className="kring-filter-field">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{t(`officer.filter.${name}` as MessageKey)}</FormLabel>
        </div>
        {error !== undefined && (
          <FormFieldErrorMessage id={`${id}-error`} className="kring-field-error">
            {error}
          </FormFieldErrorMessage>
        )}
        <div className="utrecht-form-field__input">{control({ id, invalid: error !== undefined, describedBy })}</div>
      </FormField>
    );
  };

  /** An id field; the name the page knows for its id (from a lookup, or the log) stands beside it, the id stays what is filtered on. */
  const idField = (name: 'familyId' | 'memberId' | 'professionalId') => {
    const known = nameOf(draft[name].trim());
    const nameId = `officer-filter-${name}-name`;
    return field(
      name,
      ({ id, invalid, describedBy }) => (
        <>
          <Textbox
            id={id}
            name={name}
            value={draft[name]}
            invalid={invalid}
            aria-describedby={[describedBy, known === null ? null : nameId].filter(Boolean).join(' ') || undefined}
            autoComplete="off"
            spellCheck={false}
            className="kring-id-input"
            onChange={(e) => set(name, e.target.value)}
          />
          {known !== null && (
            <p className="utrecht-paragraph kring-filter-name" id={nameId} data-testid={`filter-name-${name}`}>
              {known}
            </p>
          )}
        </>
      ),
      ID_HELP,
    );
  };

  const select = (name: FilterField, options: readonly { value: string; label: string }[], anyLabel: string) =>
    field(name, ({ id, invalid, describedBy }) => (
      <Select id={id} name={name} value={draft[name]} invalid={invalid} aria-describedby={describedBy} onChange={(e) => set(name, e.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    ));

  const date = (name: 'from' | 'to') =>
    field(name, ({ id, invalid, describedBy }) => (
      <Textbox id={id} name={name} type="date" value={draft[name]} invalid={invalid} aria-describedby={describedBy} onChange={(e) => set(name, e.target.value)} />
    ));

  const label = (key: string, code: string) => {
    const known = key in common.nl;
    return known ? t(key as MessageKey) : code;
  };

  return (
    <form className="kring-log-filter" onSubmit={onApply} noValidate>
      <FormFieldDescription id={ID_HELP}>{t('officer.filter.idHelp')}</FormFieldDescription>
      <div className="kring-filters">
        {idField('familyId')}
        {idField('memberId')}
        {idField('professionalId')}
        {select(
          'organisationId',
          organisations.map((o) => ({ value: o.id, label: o.name })),
          t('officer.filter.anyOrganisation'),
        )}
        {select(
          'sourceOrganisationId',
          organisations.map((o) => ({ value: o.id, label: o.name })),
          t('officer.filter.anyOrganisation'),
        )}
        {select(
          'category',
          DATA_CATEGORIES.map((code) => ({ value: code, label: t(`category.${code}`) })),
          t('officer.filter.anyCategory'),
        )}
        {select(
          'purpose',
          purposes.map((code) => ({ value: code, label: label(`purpose.${code}`, code) })),
          t('officer.filter.anyPurpose'),
        )}
        {select(
          'decision',
          ENTRY_OUTCOMES.map((code) => ({ value: code, label: t(`decision.${code}`) })),
          t('officer.filter.anyDecision'),
        )}
        {select(
          'basis',
          BASES.map((code) => ({ value: code, label: t(`officer.basis.${code}`) })),
          t('officer.filter.anyBasis'),
        )}
        {select(
          'activity',
          ACTIVITIES.map((code) => ({ value: code, label: t(`activity.${code}`) })),
          t('officer.filter.anyActivity'),
        )}
        {select(
          'breakGlass',
          [
            { value: 'true', label: t('officer.filter.breakGlassYes') },
            { value: 'false', label: t('officer.filter.breakGlassNo') },
          ],
          t('officer.filter.anyBreakGlass'),
        )}
        {date('from')}
        {date('to')}
      </div>
      <ButtonGroup className="kring-filter-actions">
        <PrimaryActionButton type="submit">{t('officer.filter.apply')}</PrimaryActionButton>
        <SecondaryActionButton type="button" onClick={onClear}>
          {t('officer.filter.clear')}
        </SecondaryActionButton>
      </ButtonGroup>
    </form>
  );
}
