import { type FormEvent, useState } from 'react';
import type { ProfessionalRole } from '../../api/generated/graphql';
import { type ApiError, graphql } from '../../api/graphql';
import { useI18n } from '../../i18n/i18n';
import { Alert, PrimaryActionButton, Textbox } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { LabelledField, useFieldProblems } from '../../ui/labelled-field';
import { type DirectoryProfessional, REGISTER_PROFESSIONAL, refuseOrReport } from './admin-api';
import { RoleChoices } from './role-choices';

type Field = 'name' | 'roles' | 'contact' | 'subject';
const FIELDS: readonly Field[] = ['name', 'roles', 'contact', 'subject'];

/** Registers a professional of one organisation: name, roles, work contact, and the broker's subject they sign in with. */
export function RegisterProfessionalForm({ organisationId, headingId, onRegistered }: { organisationId: string; headingId: string; onRegistered: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<ReadonlySet<ProfessionalRole>>(new Set(['PROFESSIONAL']));
  const [contact, setContact] = useState('');
  const [subject, setSubject] = useState('');
  const { problems, refuse, clear, forget, form } = useFieldProblems<Field>();
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<DirectoryProfessional | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    setDone(null);
    const found: Partial<Record<Field, string>> = {};
    if (name.trim() === '') found.name = t('admin.problem.required');
    if (roles.size === 0) found.roles = t('admin.refusal.NO_ROLES');
    if (Object.keys(found).length > 0) return refuse(found);
    clear();
    setBusy(true);
    try {
      const input = { organisationId, name, roles: [...roles], ...(contact.trim() === '' ? {} : { contact }), ...(subject.trim() === '' ? {} : { subject: subject.trim() }) };
      const { registerProfessional } = await graphql(REGISTER_PROFESSIONAL, { input });
      setDone(registerProfessional);
      setName('');
      setRoles(new Set(['PROFESSIONAL']));
      setContact('');
      setSubject('');
      onRegistered();
    } catch (error) {
      refuseOrReport(t, error, FIELDS, refuse, setApiError);
    } finally {
      setBusy(false);
    }
  };

  const text = (field: 'name' | 'contact' | 'subject', value: string, onChange: (value: string) => void, label: string, help: string) => (
    <LabelledField id={`professional-${field}`} label={label} help={help} problem={problems[field]}>
      {(describedBy) => (
        <Textbox
          id={`professional-${field}`}
          autoComplete="off"
          spellCheck={field === 'name'}
          value={value}
          invalid={problems[field] !== undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            forget(field);
          }}
        />
      )}
    </LabelledField>
  );

  return (
    <form ref={form} className="kring-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={headingId}>
      {done !== null && <Alert type="ok">{t('admin.registerProfessional.done', { name: done.name, subject: done.subject })}</Alert>}
      {Object.keys(problems).length > 0 && <Alert type="error">{t('admin.invalid')}</Alert>}
      <ErrorAlert error={apiError} />
      {text('name', name, setName, t('admin.registerProfessional.name'), t('admin.registerProfessional.nameHelp'))}
      <RoleChoices
        id="professional-roles"
        legend={t('admin.registerProfessional.roles')}
        help={t('admin.registerProfessional.rolesHelp')}
        roles={roles}
        problem={problems.roles}
        onChange={(next) => {
          setRoles(next);
          forget('roles');
        }}
      />
      {text('contact', contact, setContact, t('admin.registerProfessional.contact'), t('admin.registerProfessional.contactHelp'))}
      {text('subject', subject, setSubject, t('admin.registerProfessional.subject'), t('admin.registerProfessional.subjectHelp'))}
      <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
        {t('admin.registerProfessional.submit')}
      </PrimaryActionButton>
    </form>
  );
}
