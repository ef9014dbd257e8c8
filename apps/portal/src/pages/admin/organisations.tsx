import { type FormEvent, useState } from 'react';
import type { Domain } from '../../api/generated/graphql';
import { type ApiError, graphql } from '../../api/graphql';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, CaptionedTable, Heading, Paragraph, PrimaryActionButton, Section, TableCell, TableHeaderCell, TableRow, Textbox } from '../../ui';
import { DomainSelect } from '../../ui/domain-select';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { LabelledField, useFieldProblems } from '../../ui/labelled-field';
import { labelOf } from '../member/member-family';
import { ORGANISATIONS, REGISTER_ORGANISATION, refuseOrReport } from './admin-api';

type Field = 'name' | 'domain' | 'oin' | 'kvkNumber';
const FIELDS: readonly Field[] = ['name', 'domain', 'oin', 'kvkNumber'];

/** The administrator's list of the chain's organisations, with their register numbers, and the form that registers one. */
export function OrganisationsPage() {
  const { t } = useI18n();
  usePageTitle(t('admin.organisations.title'));
  const organisations = useApi(() => graphql(ORGANISATIONS).then((d) => d.organisations), 'admin-organisations');
  const notGiven = <span className="kring-m-muted">{t('admin.organisations.notGiven')}</span>;
  return (
    <>
      <Heading level={1}>{t('admin.organisations.title')}</Heading>
      <Paragraph lead>{t('admin.organisations.intro')}</Paragraph>
      <ErrorAlert error={organisations.error} />
      {organisations.loading && organisations.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {organisations.data !== null && organisations.data.length === 0 && <Paragraph>{t('admin.organisations.none')}</Paragraph>}
      {organisations.data !== null && organisations.data.length > 0 && (
        <CaptionedTable caption={t('admin.organisations.caption')} columns={[t('admin.organisations.name'), t('admin.organisations.domain'), t('admin.organisations.oin'), t('admin.organisations.kvkNumber'), t('admin.organisations.staff')]}>
          {organisations.data.map((organisation) => (
            <TableRow key={organisation.id}>
              <TableHeaderCell scope="row">{organisation.name}</TableHeaderCell>
              <TableCell>{labelOf(t, 'domain', organisation.domain)}</TableCell>
              <TableCell>{organisation.oin === null ? notGiven : <code>{organisation.oin}</code>}</TableCell>
              <TableCell>{organisation.kvkNumber === null ? notGiven : <code>{organisation.kvkNumber}</code>}</TableCell>
              <TableCell>
                <Link to={`/professionals?organisation=${organisation.id}`}>{t('admin.organisations.staffOf', { name: organisation.name })}</Link>
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      )}
      <Section id="register-organisation" title={t('admin.registerOrganisation.title')}>
        <RegisterOrganisationForm onRegistered={organisations.reload} />
      </Section>
    </>
  );
}

function RegisterOrganisationForm({ onRegistered }: { onRegistered: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', domain: '', oin: '', kvkNumber: '' });
  const { problems, refuse, clear, forget, form } = useFieldProblems<Field>();
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ id: string; name: string } | null>(null);
  const set = (field: Field, value: string) => {
    setValues((before) => ({ ...before, [field]: value }));
    forget(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    setDone(null);
    const found: Partial<Record<Field, string>> = {};
    if (values.name.trim() === '') found.name = t('admin.problem.required');
    if (values.domain === '') found.domain = t('admin.problem.required');
    if (Object.keys(found).length > 0) return refuse(found);
    clear();
    setBusy(true);
    try {
      const input = { name: values.name, domain: values.domain as Domain, ...(values.oin.trim() === '' ? {} : { oin: values.oin.trim() }), ...(values.kvkNumber.trim() === '' ? {} : { kvkNumber: values.kvkNumber.trim() }) };
      const { registerOrganisation } = await graphql(REGISTER_ORGANISATION, { input });
      setDone(registerOrganisation);
      setValues({ name: '', domain: '', oin: '', kvkNumber: '' });
      onRegistered();
    } catch (error) {
      refuseOrReport(t, error, FIELDS, refuse, setApiError);
    } finally {
      setBusy(false);
    }
  };

  const text = (field: 'name' | 'oin' | 'kvkNumber', label: string, help: string, inputMode?: 'numeric') => (
    <LabelledField id={`organisation-${field}`} label={label} help={help} problem={problems[field]}>
      {(describedBy) => <Textbox id={`organisation-${field}`} autoComplete="off" inputMode={inputMode} value={values[field]} invalid={problems[field] !== undefined} aria-describedby={describedBy} onChange={(e) => set(field, e.currentTarget.value)} />}
    </LabelledField>
  );

  return (
    <form ref={form} className="kring-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="register-organisation">
      {done !== null && (
        <Alert type="ok">
          {t('admin.registerOrganisation.done', { name: done.name })} <Link to={`/professionals?organisation=${done.id}`}>{t('admin.organisations.staffOf', { name: done.name })}</Link>
        </Alert>
      )}
      {Object.keys(problems).length > 0 && <Alert type="error">{t('admin.invalid')}</Alert>}
      <ErrorAlert error={apiError} />
      {text('name', t('admin.organisations.name'), t('admin.registerOrganisation.nameHelp'))}
      <LabelledField id="organisation-domain" label={t('admin.organisations.domain')} help={t('admin.registerOrganisation.domainHelp')} problem={problems.domain}>
        {(describedBy) => (
          <DomainSelect id="organisation-domain" value={values.domain as Domain | ''} invalid={problems.domain !== undefined} aria-describedby={describedBy} onChoose={(d) => set('domain', d)} />
        )}
      </LabelledField>
      {text('oin', t('admin.organisations.oin'), t('admin.registerOrganisation.oinHelp'), 'numeric')}
      {text('kvkNumber', t('admin.organisations.kvkNumber'), t('admin.registerOrganisation.kvkHelp'), 'numeric')}
      <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
        {t('admin.registerOrganisation.submit')}
      </PrimaryActionButton>
    </form>
  );
}
