import { useEffect, useRef, useState } from 'react';
import { type ApiError } from '../../api/graphql';
import type { ServiceSearch } from '../../api/generated/graphql';
import { useSession } from '../../api/session';
import { asApiError } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Heading, Paragraph, SecondaryActionButton, Section } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { EMPTY_FORM, MapSearchForm, REFUSED_FIELDS, type SearchField, type SearchForm, searchOf } from './search-form';
import { searchServices, type ServiceSummary } from './service-api';
import { ServiceCard } from './service-card';

const PAGE_SIZE = 10;

/**
 * The last search, in this tab's memory only (never the address or storage): what someone
 * looks for can say a lot about them (huiselijk geweld), and a shared computer keeps history.
 * Back from a service's page finds it again.
 */
let remembered: SearchForm = EMPTY_FORM;

interface Results {
  readonly services: readonly ServiceSummary[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  readonly ranked: boolean;
}

/** Sociale kaart: anyone finds help, without signing in (DESIGN.md §9; the API is public). */
export function SocialMapPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  usePageTitle(t('map.title'));
  const [search, setSearch] = useState<ServiceSearch | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const firstNew = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);

  const run = async (form: SearchForm, next: ServiceSearch): Promise<Partial<Record<SearchField, string>>> => {
    setBusy(true);
    setError(null);
    try {
      const page = await searchServices(next, PAGE_SIZE, null);
      remembered = form;
      setSearch(next);
      setResults({ services: page.edges.map((e) => e.node), endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage, ranked: (next.text ?? '').trim() !== '' });
      return {};
    } catch (e) {
      const failure = asApiError(e);
      const refused = failure.code === 'BAD_USER_INPUT' && failure.field !== null ? REFUSED_FIELDS[failure.field] : undefined;
      if (refused !== undefined) return { [refused.field]: t(refused.problem) };
      setError(failure);
      return {};
    } finally {
      setBusy(false);
    }
  };

  const more = async () => {
    if (results === null || search === null) return;
    setBusy(true);
    setError(null);
    try {
      const page = await searchServices(search, PAGE_SIZE, results.endCursor);
      firstNew.current = results.services.length;
      setResults({ ...results, services: [...results.services, ...page.edges.map((e) => e.node)], endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  // The first search runs on arrival: the remembered one, or the whole map by name.
  useEffect(() => {
    const checked = searchOf(remembered);
    void run(remembered, 'search' in checked ? checked.search : {});
    // Once, on arrival.
  }, []);

  // After "meer resultaten", focus goes to the first new result, so keyboard users read on there.
  useEffect(() => {
    if (firstNew.current === null) return;
    list.current?.querySelectorAll<HTMLElement>('article h3 a')[firstNew.current]?.focus();
    firstNew.current = null;
  }, [results]);

  const count = results?.services.length ?? 0;
  return (
    <>
      <Heading level={1}>{t('map.title')}</Heading>
      <Paragraph lead>{t('map.intro')}</Paragraph>
      <Paragraph>{t('map.private')}</Paragraph>
      {viewer === null && (
        <Paragraph>
          <Link to="/">{t('map.signIn')}</Link>
        </Paragraph>
      )}
      <MapSearchForm initial={remembered} busy={busy} onSearch={run} />
      <Section id="map-results" title={t('map.results.title')}>
        <ErrorAlert error={error} />
        {results !== null && (
          <>
            <p className="utrecht-paragraph" role="status" data-testid="result-count">
              {count === 0 ? t('map.results.none') : results.hasNextPage ? t('map.results.countMore', { count }) : count === 1 ? t('map.results.countOne') : t('map.results.count', { count })}
            </p>
            {count > 0 && <Paragraph>{results.ranked ? t('map.results.byRank') : t('map.results.byName')}</Paragraph>}
            <ol ref={list} className="kring-map-results">
              {results.services.map((service) => (
                <li key={service.id}>
                  <ServiceCard service={service} />
                </li>
              ))}
            </ol>
            {results.hasNextPage && (
              <SecondaryActionButton type="button" busy={busy} disabled={busy} onClick={() => void more()}>
                {t('map.results.more')}
              </SecondaryActionButton>
            )}
          </>
        )}
        {results === null && busy && <Paragraph>{t('app.loading')}</Paragraph>}
      </Section>
    </>
  );
}
