import { type FormEvent, useEffect, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import type { FamilyMember } from '../../api/fragments';
import { gql } from '../../api/generated';
import type { AddRecordInput } from '../../api/generated/graphql';
import { asApiError } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Alert, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, PrimaryActionButton, Section, Textarea, Textbox } from '../../ui';
import { Choice } from '../../ui/choice';
import { ErrorAlert } from '../../ui/error-alert';
import { labelOf } from '../member/member-family';
import type { OrganisationSectionType as SectionType, SectionField } from './section-catalogue';

const ADD_RECORD = gql(`mutation AddRecord($input: AddRecordInput!) { addRecord(input: $input) { id } }`);

/** What the person typed, per section type and field, so switching type loses nothing. */
type Typed = Readonly<Record<string, string | boolean>>;
/** Problems by form key: `type`, `subjects`, `fields`, or `<SectionType>.<field>`. */
type Problems = Readonly<Record<string, string>>;

const key = (type: string, field: string) => `${type}.${field}`;
const inputId = (formKey: string) => `add-${formKey.replace('.', '-')}`;

/**
 * Adds a record of the professional's own organisation: a section type, the members it
 * is about, and that type's fields. The API checks every value; a problem it names is
 * shown at its field, and what was typed stays.
 */
export function AddRecordForm({
  familyId,
  sections,
  members,
  label,
  onAdded,
}: {
  familyId: string;
  sections: readonly SectionType[];
  members: readonly FamilyMember[];
  label: (id: string) => string;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const [typeName, setTypeName] = useState<string | null>(null);
  const [subjects, setSubjects] = useState<ReadonlySet<string>>(new Set());
  const [typed, setTyped] = useState<Typed>({});
  const [problems, setProblems] = useState<Problems>({});
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [focusFirst, setFocusFirst] = useState(0);

  const type = typeName === null ? undefined : sections.find((s) => s.name === typeName);

  // After a failed submit, focus goes to the first field with a problem.
  useEffect(() => {
    if (focusFirst === 0) return;
    const first = ['type', 'subjects', 'fields', ...(type?.fields.map((f) => key(type.name, f.name)) ?? [])].find((k) => problems[k] !== undefined);
    if (first !== undefined) document.getElementById(inputId(first))?.focus();
    // Only on a new failed submit (focusFirst counts them), not on every keystroke.
  }, [focusFirst]);

  const problemText = (field: SectionField, raw: string | boolean | undefined): string => {
    if (raw === undefined || raw === '') return t('pro.add.problem.required');
    switch (field.kind) {
      case 'text':
        return t('pro.add.problem.text');
      case 'text-list':
        return t('pro.add.problem.list');
      case 'date':
        return t('pro.add.problem.date');
      case 'integer':
        return t('pro.add.problem.integer');
      case 'decimal':
      case 'euro':
        return t('pro.add.problem.decimal');
      case 'boolean':
        return t('pro.add.problem.other');
    }
  };

  /** The section's values as the API takes them; empty fields are left out. */
  const collect = (section: SectionType): { values: Record<string, unknown>; found: Record<string, string> } => {
    const values: Record<string, unknown> = {};
    const found: Record<string, string> = {};
    for (const f of section.fields) {
      const raw = typed[key(section.name, f.name)];
      if (f.kind === 'boolean') {
        values[f.name] = raw === true;
        continue;
      }
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text === '') continue;
      if (f.kind === 'text-list') {
        const items = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
        if (items.length > 0) values[f.name] = items;
      } else if (f.kind === 'integer' || f.kind === 'decimal' || f.kind === 'euro') {
        const number = Number(text);
        if (!Number.isFinite(number) || number < 0 || (f.kind === 'integer' && !Number.isInteger(number))) found[key(section.name, f.name)] = problemText(f, text);
        else values[f.name] = number;
      } else {
        values[f.name] = text;
      }
    }
    return { values, found };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setApiError(null);
    const found: Record<string, string> = {};
    if (type === undefined) found['type'] = t('pro.add.chooseType');
    if (subjects.size === 0) found['subjects'] = t('pro.add.chooseSubjects');
    let values: Record<string, unknown> = {};
    if (type !== undefined) {
      const collected = collect(type);
      values = collected.values;
      Object.assign(found, collected.found);
      const filled = type.fields.some((f) => f.kind !== 'boolean' && values[f.name] !== undefined);
      if (!filled && Object.keys(collected.found).length === 0 && !type.fields.some((f) => f.required)) found['fields'] = t('pro.add.nothing');
    }
    if (Object.keys(found).length > 0 || type === undefined) {
      setProblems(found);
      setFocusFirst((n) => n + 1);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      // The section's input field is named by the catalogue, so its key is only known at run time; the API checks every value.
      const input = { familyId, subjectMemberIds: [...subjects], [type.input]: values } as AddRecordInput;
      await graphql(ADD_RECORD, { input });
      setTyped((before) => Object.fromEntries(Object.entries(before).filter(([k]) => !k.startsWith(`${type.name}.`))));
      setSubjects(new Set());
      setTypeName(null);
      setDone(true);
      onAdded();
    } catch (error) {
      const failure = asApiError(error);
      const at = failure.code === 'BAD_USER_INPUT' ? problemKey(failure.field, type) : null;
      if (at === null) {
        setApiError(failure);
      } else {
        const field = type.fields.find((f) => key(type.name, f.name) === at);
        const text = at === 'type' ? t('pro.add.chooseType') : at === 'subjects' ? t('pro.add.chooseSubjects') : field !== undefined ? problemText(field, typed[at]) : t('pro.add.problem.other');
        setProblems({ [at]: text });
        setFocusFirst((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const hasProblems = Object.keys(problems).length > 0;
  const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <Section id="file-add" title={t('pro.add.heading')}>
      <Paragraph>{t('pro.add.intro')}</Paragraph>
      {done && <Alert type="ok">{t('pro.add.done')}</Alert>}
      {hasProblems && <Alert type="error">{t('pro.add.invalid')}</Alert>}
      <ErrorAlert error={apiError} />
      <form className="kring-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="file-add">
        <Fieldset invalid={problems['type'] !== undefined} aria-describedby={problems['type'] !== undefined ? 'add-type-error' : undefined}>
          <FieldsetLegend className="kring-legend" id={inputId('type')} tabIndex={-1}>
            {t('pro.add.type')}
          </FieldsetLegend>
          {problems['type'] !== undefined && <FormFieldErrorMessage id="add-type-error">{problems['type']}</FormFieldErrorMessage>}
          {/* A superseded section (the plan as a record) is read, not offered: new plan items go in the family plan. */}
          {sections.filter((s) => !s.superseded).map((s) => {
            const id = `add-type-${s.name}`;
            return (
              <Choice
                key={s.name}
                type="radio"
                id={id}
                name="add-type"
                value={s.name}
                checked={typeName === s.name}
                onChange={() => {
                  setTypeName(s.name);
                  setProblems(({ type: _, fields: __, ...rest }) => rest);
                }}
                label={labelOf(t, 'pro.section', s.name)}
                descriptionId={`${id}-help`}
                description={labelOf(t, 'pro.sectionHelp', s.name)}
              />
            );
          })}
        </Fieldset>

        <Fieldset invalid={problems['subjects'] !== undefined} aria-describedby={describedBy('add-subjects-help', problems['subjects'] !== undefined && 'add-subjects-error')}>
          <FieldsetLegend className="kring-legend" id={inputId('subjects')} tabIndex={-1}>
            {t('pro.add.subjects')}
          </FieldsetLegend>
          <FormFieldDescription id="add-subjects-help">{t('pro.add.subjectsHelp')}</FormFieldDescription>
          {problems['subjects'] !== undefined && <FormFieldErrorMessage id="add-subjects-error">{problems['subjects']}</FormFieldErrorMessage>}
          {members.map((m) => (
            <Choice
              key={m.id}
              type="checkbox"
              id={`add-subject-${m.id}`}
              name="add-subjects"
              value={m.id}
              checked={subjects.has(m.id)}
              onChange={(checked) => {
                setSubjects((before) => {
                  const next = new Set(before);
                  if (checked) next.add(m.id);
                  else next.delete(m.id);
                  return next;
                });
                setProblems(({ subjects: _, ...rest }) => rest);
              }}
              label={label(m.id)}
            />
          ))}
        </Fieldset>

        {type !== undefined && (
          <Fieldset invalid={problems['fields'] !== undefined} aria-describedby={describedBy('add-fields-help', problems['fields'] !== undefined && 'add-fields-error')}>
            <FieldsetLegend className="kring-legend" id={inputId('fields')} tabIndex={-1}>
              {t('pro.add.fields', { section: labelOf(t, 'pro.section', type.name) })}
            </FieldsetLegend>
            <FormFieldDescription id="add-fields-help">{t('pro.add.fieldsHelp')}</FormFieldDescription>
            {problems['fields'] !== undefined && <FormFieldErrorMessage id="add-fields-error">{problems['fields']}</FormFieldErrorMessage>}
            {type.fields.map((f) => (
              <SectionInput
                key={f.name}
                type={type}
                field={f}
                value={typed[key(type.name, f.name)]}
                problem={problems[key(type.name, f.name)]}
                onChange={(value) => {
                  setTyped((before) => ({ ...before, [key(type.name, f.name)]: value }));
                  setProblems(({ [key(type.name, f.name)]: _, ...rest }) => rest);
                }}
              />
            ))}
          </Fieldset>
        )}

        <div>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('pro.add.submit')}
          </PrimaryActionButton>
        </div>
      </form>
    </Section>
  );
}

/** Which form key an API problem names: `section`, `subjectMemberIds` or `<input>.<field>`. */
function problemKey(field: string | null, type: SectionType): string | null {
  if (field === null) return null;
  if (field === 'section') return 'type';
  if (field === 'subjectMemberIds') return 'subjects';
  const [input, name] = field.split('.');
  if (input === type.input && name !== undefined && type.fields.some((f) => f.name === name)) return key(type.name, name);
  return null;
}

/** One field of a section, as the input that fits its kind. */
function SectionInput({
  type,
  field,
  value,
  problem,
  onChange,
}: {
  type: SectionType;
  field: SectionField;
  value: string | boolean | undefined;
  problem: string | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const { t } = useI18n();
  const id = inputId(key(type.name, field.name));
  const label = t(`pro.field.${type.name}.${field.name}` as MessageKey);
  const help = field.kind === 'text-list' ? t('pro.add.listHelp') : field.kind === 'euro' ? t('pro.add.euroHelp') : null;
  const invalid = problem !== undefined;
  const describedBy = [help !== null && `${id}-help`, invalid && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const text = typeof value === 'string' ? value : '';

  if (field.kind === 'boolean') {
    return <Choice type="checkbox" id={id} checked={value === true} onChange={onChange} label={t('pro.add.budgetManagement')} error={problem} />;
  }

  const labelText = field.required ? `${label} ${t('common.required')}` : label;
  let input;
  if (field.kind === 'text-list') {
    input = <Textarea id={id} rows={4} value={text} invalid={invalid} aria-required={field.required} aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value)} />;
  } else {
    const kind = field.kind === 'date' ? 'date' : field.kind === 'text' ? 'text' : 'number';
    const step = field.kind === 'integer' ? '1' : field.kind === 'euro' ? '0.01' : 'any';
    input = (
      <Textbox
        id={id}
        type={kind}
        inputMode={kind === 'number' ? (field.kind === 'integer' ? 'numeric' : 'decimal') : undefined}
        min={kind === 'number' ? 0 : undefined}
        step={kind === 'number' ? step : undefined}
        autoComplete="off"
        value={text}
        invalid={invalid}
        aria-required={field.required}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <FormField invalid={invalid}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{labelText}</FormLabel>
      </div>
      {help !== null && (
        <FormFieldDescription id={`${id}-help`} className="utrecht-form-field__description">
          {help}
        </FormFieldDescription>
      )}
      <div className="utrecht-form-field__input">{input}</div>
      {invalid && (
        <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
          {problem}
        </FormFieldErrorMessage>
      )}
    </FormField>
  );
}
