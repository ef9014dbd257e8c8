import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { DataList, DataListItem, Heading, Paragraph, StatusBadge } from '../../ui';
import { labelOf } from '../member/member-family';
import type { ServiceSummary } from './service-api';
import { agesWords, problemLabel, type WaitingTime, waitingTimeWords } from './service-words';

/** The waiting time in words, and when it is stale, a badge that says so and the reason in plain words. */
export function WaitingTimeText({ service, id }: { service: WaitingTime; id: string }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <span data-testid="waiting-time">{waitingTimeWords(t, formatDate, service)}</span>
      {service.waitingTimeStale && (
        <>
          {' '}
          <StatusBadge tone="warning">{t('map.waiting.stale')}</StatusBadge>
          <span id={`${id}-stale`} className="kring-map-stale">
            {t('map.waiting.staleReason')}
          </span>
        </>
      )}
    </>
  );
}

/** One service in the results: name (to its page), organisation, the first words, for whom, where, how, and the wait. */
export function ServiceCard({ service }: { service: ServiceSummary }) {
  const { t, language } = useI18n();
  const titleId = `service-${service.id}`;
  return (
    <article className="kring-card kring-map-card" aria-labelledby={titleId} data-testid="service-result">
      <Heading level={3} id={titleId}>
        <Link to={`/sociale-kaart/${service.id}`}>{service.name}</Link>
      </Heading>
      <Paragraph className="kring-map-card__by">{t('map.service.by', { organisation: service.organisation.name })}</Paragraph>
      <Paragraph>{service.description}</Paragraph>
      <DataList className="kring-m-datalist">
        <DataListItem label={t('map.service.waitingTime')}>
          <WaitingTimeText service={service} id={titleId} />
        </DataListItem>
        <DataListItem label={t('map.service.for')}>
          {agesWords(t, service.ageFrom, service.ageTo)}. {service.problems.map((p) => problemLabel(p, language)).join(', ')}.
        </DataListItem>
        <DataListItem label={t('map.service.municipalities')}>{service.municipalities.map((m) => m.name).join(', ')}</DataListItem>
        <DataListItem label={t('map.service.accessRoute')}>{labelOf(t, 'accessRoute', service.accessRoute)}</DataListItem>
      </DataList>
    </article>
  );
}
