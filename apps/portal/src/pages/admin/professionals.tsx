import { graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { useRouter } from '../../router';
import { Heading, Paragraph, Section, Select } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { LabelledField } from '../../ui/labelled-field';
import { ORGANISATIONS, PROFESSIONALS } from './admin-api';
import { ProfessionalCard } from './professional-card';
import { RegisterProfessionalForm } from './register-professional-form';

/** The administrator's directory of one organisation (`?organisation=<id>`): its professionals, and the form that registers one. */
export function ProfessionalsPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { location, navigate } = useRouter();
  usePageTitle(t('admin.professionals.title'));
  const organisationId = location.query.get('organisation') ?? '';
  const organisations = useApi(() => graphql(ORGANISATIONS).then((d) => d.organisations), 'admin-organisations');
  const organisation = organisations.data?.find((o) => o.id === organisationId) ?? null;
  const professionals = useApi(() => (organisation === null ? Promise.resolve(null) : graphql(PROFESSIONALS, { organisationId: organisation.id }).then((d) => d.directoryProfessionals)), `directory-${organisation?.id ?? ''}`);

  return (
    <>
      <Heading level={1}>{t('admin.professionals.title')}</Heading>
      <Paragraph lead>{t('admin.professionals.intro')}</Paragraph>
      <ErrorAlert error={organisations.error} />
      <LabelledField id="directory-organisation" label={t('admin.professionals.organisation')} help={t('admin.professionals.organisationHelp')} problem={undefined}>
        {(describedBy) => (
          <Select id="directory-organisation" value={organisation?.id ?? ''} aria-describedby={describedBy} onChange={(e) => navigate(e.currentTarget.value === '' ? '/professionals' : `/professionals?organisation=${e.currentTarget.value}`, { replace: true })}>
            <option value="">{t('admin.professionals.chooseOrganisation')}</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        )}
      </LabelledField>
      {organisation !== null && (
        <>
          <Section id="directory-list" title={t('admin.professionals.listTitle', { name: organisation.name })}>
            <ErrorAlert error={professionals.error} />
            {professionals.loading && professionals.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
            {professionals.data !== null && professionals.data.length === 0 && <Paragraph>{t('admin.professionals.none')}</Paragraph>}
            {(professionals.data ?? []).map((professional) => (
              <ProfessionalCard key={professional.id} professional={professional} isViewer={professional.id === viewer?.professional?.id} onChanged={professionals.reload} />
            ))}
          </Section>
          <Section id="register-professional" title={t('admin.registerProfessional.title', { name: organisation.name })}>
            <RegisterProfessionalForm key={organisation.id} organisationId={organisation.id} headingId="register-professional" onRegistered={professionals.reload} />
          </Section>
        </>
      )}
    </>
  );
}
