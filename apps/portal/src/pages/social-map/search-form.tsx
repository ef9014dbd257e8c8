import { type FormEvent, useState } from 'react';
import { DOMAINS } from '../../api/fragments';
import type { AccessRoute, Domain, ProblemCode, ServiceSearch } from '../../api/generated/graphql';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Alert, ButtonGroup, Fieldset, FieldsetLegend, PrimaryActionButton, SecondaryActionButton, Select, Textbox } from '../../ui';
import { LabelledField, useFieldProblems } from '../../ui/labelled-field';
import { labelOf } from '../member/member-family';
import { ACCESS_ROUTES, MUNICIPALITY_CHOICES, PROBLEMS, problemLabel } from './service-words';

/** The form as typed: every field a string, '' for "any". */
export interface SearchForm {
  readonly text: string;
  readonly domain: Domain | '';
  readonly problem: ProblemCode | '';
  readonly municipality: string;
  readonly age: string;
  readonly accessRoute: AccessRoute | '';
  readonly maxWaitingWeeks: string;
}

export const EMPTY_FORM: SearchForm = { text: '', domain: '', problem: '', municipality: '', age: '', accessRoute: '', maxWaitingWeeks: '' };

export type SearchField = 'text' | 'municipality' | 'age' | 'maxWaitingWeeks';

/** What the API names in a refusal of a search (`search.age`), and the words for it at the field. */
export const REFUSED_FIELDS: Readonly<Record<string, { readonly field: SearchField; readonly problem: MessageKey }>> = {
  'search.text': { field: 'text', problem: 'map.problem.text' },
  'search.municipality': { field: 'municipality', problem: 'map.problem.municipality' },
  'search.age': { field: 'age', problem: 'map.problem.age' },
  'search.maxWaitingWeeks': { field: 'maxWaitingWeeks', problem: 'map.problem.maxWaitingWeeks' },
};

const WHOLE_NUMBER = /^\d{1,3}$/;

/**
 * The search as the API takes it, or the fields that are not numbers. Only the form is checked
 * here; the bounds (ages 0 to 120, 0 to 104 weeks, the text) are the API's, shown at the field.
 */
export function searchOf(form: SearchForm): { readonly search: ServiceSearch } | { readonly notNumbers: readonly SearchField[] } {
  const notNumbers = (['age', 'maxWaitingWeeks'] as const).filter((field) => form[field].trim() !== '' && !WHOLE_NUMBER.test(form[field].trim()));
  if (notNumbers.length > 0) return { notNumbers };
  const search: ServiceSearch = {};
  if (form.text.trim() !== '') search.text = form.text;
  if (form.domain !== '') search.domain = form.domain;
  if (form.problem !== '') search.problem = form.problem;
  if (form.municipality !== '') search.municipality = form.municipality;
  if (form.age.trim() !== '') search.age = Number(form.age.trim());
  if (form.accessRoute !== '') search.accessRoute = form.accessRoute;
  if (form.maxWaitingWeeks.trim() !== '') search.maxWaitingWeeks = Number(form.maxWaitingWeeks.trim());
  return { search };
}

interface Props {
  readonly initial: SearchForm;
  readonly busy: boolean;
  /** Sends the search; answers the problems the API found at a field, or none. */
  readonly onSearch: (form: SearchForm, search: ServiceSearch) => Promise<Partial<Record<SearchField, string>>>;
}

/** The search box and the filters, each with a label and help in plain words. */
export function MapSearchForm({ initial, busy, onSearch }: Props) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<SearchForm>(initial);
  const { problems, refuse, clear, forget, form: formRef } = useFieldProblems<SearchField>();
  const set = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) => {
    setForm((before) => ({ ...before, [key]: value }));
    if (key === 'text' || key === 'municipality' || key === 'age' || key === 'maxWaitingWeeks') forget(key);
  };

  const submit = async (event: FormEvent, next: SearchForm = form) => {
    event.preventDefault();
    const checked = searchOf(next);
    if ('notNumbers' in checked) return refuse(Object.fromEntries(checked.notNumbers.map((field) => [field, t('map.problem.number')])));
    clear();
    const refused = await onSearch(next, checked.search);
    if (Object.keys(refused).length > 0) refuse(refused);
  };

  const select = (id: string, key: 'domain' | 'problem' | 'accessRoute' | 'municipality', label: string, help: string, options: readonly { value: string; label: string }[]) => (
    <LabelledField id={id} label={label} help={help} problem={key === 'municipality' ? problems.municipality : undefined}>
      {(describedBy) => (
        <Select id={id} value={form[key]} invalid={key === 'municipality' && problems.municipality !== undefined} aria-describedby={describedBy} onChange={(e) => set(key, e.currentTarget.value)}>
          <option value="">{t('map.search.any')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </LabelledField>
  );

  const number = (id: string, key: 'age' | 'maxWaitingWeeks', label: string, help: string) => (
    <LabelledField id={id} label={label} help={help} problem={problems[key]}>
      {(describedBy) => <Textbox id={id} inputMode="numeric" autoComplete="off" value={form[key]} invalid={problems[key] !== undefined} aria-describedby={describedBy} onChange={(e) => set(key, e.currentTarget.value)} className="kring-map-number" />}
    </LabelledField>
  );

  return (
    <form ref={formRef} className="kring-form kring-map-search" role="search" aria-label={t('map.search.title')} noValidate onSubmit={(e) => void submit(e)}>
      {Object.keys(problems).length > 0 && <Alert type="error">{t('map.search.invalid')}</Alert>}
      <LabelledField id="map-text" label={t('map.search.text')} help={t('map.search.textHelp')} problem={problems.text}>
        {(describedBy) => <Textbox id="map-text" type="search" autoComplete="off" value={form.text} invalid={problems.text !== undefined} aria-describedby={describedBy} onChange={(e) => set('text', e.currentTarget.value)} />}
      </LabelledField>
      <Fieldset className="kring-map-filters">
        <FieldsetLegend>{t('map.search.filters')}</FieldsetLegend>
        <div className="kring-map-filters__grid">
          {select('map-municipality', 'municipality', t('map.search.municipality'), t('map.search.municipalityHelp'), MUNICIPALITY_CHOICES.map((m) => ({ value: m.code, label: m.name })))}
          {select('map-domain', 'domain', t('map.search.domain'), t('map.search.domainHelp'), DOMAINS.map((d) => ({ value: d, label: labelOf(t, 'domain', d) })))}
          {select('map-problem', 'problem', t('map.search.problem'), t('map.search.problemHelp'), PROBLEMS.map((p) => ({ value: p, label: problemLabel(p, language) })))}
          {select('map-access-route', 'accessRoute', t('map.search.accessRoute'), t('map.search.accessRouteHelp'), ACCESS_ROUTES.map((r) => ({ value: r, label: labelOf(t, 'accessRoute', r) })))}
          {number('map-age', 'age', t('map.search.age'), t('map.search.ageHelp'))}
          {number('map-max-waiting-weeks', 'maxWaitingWeeks', t('map.search.maxWaitingWeeks'), t('map.search.maxWaitingWeeksHelp'))}
        </div>
      </Fieldset>
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {t('map.search.submit')}
        </PrimaryActionButton>
        <SecondaryActionButton
          type="button"
          disabled={busy}
          onClick={(e) => {
            setForm(EMPTY_FORM);
            void submit(e, EMPTY_FORM);
          }}
        >
          {t('map.search.clear')}
        </SecondaryActionButton>
      </ButtonGroup>
    </form>
  );
}
