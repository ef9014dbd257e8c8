import { graphql } from '../../api/graphql';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, DataList, DataListItem, ExternalLink, Heading, ListItem, Paragraph, Section, UnorderedList } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { labelOf } from '../member/member-family';
import { SERVICE } from './service-api';
import { WaitingTimeText } from './service-card';
import { agesWords, problemLabel } from './service-words';

/** A service's page: everything the map says about it, for anyone, without signing in. */
export function ServicePage({ serviceId }: { serviceId: string }) {
  const { t, language, formatDate } = useI18n();
  const loaded = useApi(() => graphql(SERVICE, { id: serviceId }).then((d) => d.service), `service-${serviceId}`);
  const service = loaded.data;
  usePageTitle(service?.name ?? t('map.title'));
  const back = (
    <Paragraph>
      <Link to="/sociale-kaart">{t('map.service.back')}</Link>
    </Paragraph>
  );

  if (service === null) {
    return (
      <>
        <Heading level={1}>{t('map.title')}</Heading>
        {loaded.loading && <Paragraph>{t('app.loading')}</Paragraph>}
        {loaded.error?.code === 'NOT_FOUND' ? <Alert type="warning">{t('map.service.notFound')}</Alert> : <ErrorAlert error={loaded.error} />}
        {back}
      </>
    );
  }
  const { contact } = service;
  return (
    <>
      {back}
      <Heading level={1}>{service.name}</Heading>
      <Paragraph lead>{t('map.service.by', { organisation: service.organisation.name })}</Paragraph>
      <Paragraph>{service.description}</Paragraph>
      <Section id="service-facts" title={t('map.service.for')}>
        <DataList className="kring-m-datalist">
          <DataListItem label={t('map.service.ages')}>{agesWords(t, service.ageFrom, service.ageTo)}</DataListItem>
          <DataListItem label={t('map.service.problems')}>
            <UnorderedList className="kring-m-compact-list">
              {service.problems.map((p) => (
                <ListItem key={p}>{problemLabel(p, language)}</ListItem>
              ))}
            </UnorderedList>
          </DataListItem>
          <DataListItem label={t('map.service.municipalities')}>{service.municipalities.map((m) => m.name).join(', ')}</DataListItem>
          <DataListItem label={t('map.service.domain')}>{labelOf(t, 'domain', service.domain)}</DataListItem>
        </DataList>
      </Section>
      <Section id="service-access" title={t('map.service.accessRoute')}>
        <Paragraph>
          <strong>{labelOf(t, 'accessRoute', service.accessRoute)}.</strong> {labelOf(t, 'accessRouteHelp', service.accessRoute)}
        </Paragraph>
        <DataList className="kring-m-datalist">
          <DataListItem label={t('map.service.waitingTime')}>
            <WaitingTimeText service={service} id="service" />
          </DataListItem>
        </DataList>
      </Section>
      <Section id="service-contact" title={t('map.service.contact')}>
        <DataList className="kring-m-datalist">
          {contact.phone !== null && (
            <DataListItem label={t('map.service.phone')}>
              <ExternalLink href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</ExternalLink>
            </DataListItem>
          )}
          {contact.email !== null && (
            <DataListItem label={t('map.service.email')}>
              <ExternalLink href={`mailto:${contact.email}`}>{contact.email}</ExternalLink>
            </DataListItem>
          )}
          {contact.website !== null && /^https?:\/\//i.test(contact.website) && (
            <DataListItem label={t('map.service.website')}>
              <ExternalLink href={contact.website} rel="noopener noreferrer">
                {contact.website}
              </ExternalLink>
            </DataListItem>
          )}
          {contact.address !== null && <DataListItem label={t('map.service.address')}>{contact.address}</DataListItem>}
        </DataList>
      </Section>
      <Paragraph>{t('map.service.updated', { date: formatDate(service.updatedAt) })}</Paragraph>
    </>
  );
}
