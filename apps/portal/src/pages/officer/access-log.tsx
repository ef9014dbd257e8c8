import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, downloadExport, graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import type { LogQuery } from '../../api/generated/graphql';
import { asApiError, useApi } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { useRouter } from '../../router';
import { Alert, ButtonGroup, Heading, Paragraph, SecondaryActionButton, Section } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { DecisionsChart } from './decisions-chart';
import { FilterForm, type FieldErrors } from './filter-form';
import { rememberNames } from './known-names';
import { LogTable, type RowFilter } from './log-table';
import { PersonLookup } from './person-lookup';
import { dateProblems, EMPTY_FILTER, type FilterField, filterFromQuery, filterToApi, filterToExportParams, filterToQuery, type LogFilterParams, trimmed } from './log-filter';
import { VerifyLog } from './verify-log';

const LOG = gql(`query Log($filter: AccessLogFilter, $after: String) {
  accessLog(filter: $filter, first: 50, after: $after) { edges { cursor node { ...AccessLogEntryFields } } pageInfo { hasNextPage endCursor } }
}`);
const DAYS = gql(`query Days($filter: AccessLogFilter) { accessLogDays(filter: $filter) { day allowed denied breakGlass integrityAlarms } }`);
const CHOICES = gql(`query LogChoices { organisations { ...OrganisationFields } purposes { code } }`);

type Page = LogQuery['accessLog'];

/** A filter the page refuses before asking the API, shaped like the API's own refusal. */
function checkDates(filter: LogFilterParams): void {
  const problems = dateProblems(filter);
  const field = (Object.keys(problems) as ('from' | 'to')[])[0];
  if (field !== undefined) throw new ApiError('BAD_USER_INPUT', `filter.${field}: ${problems[field] ?? ''}`, `filter.${field}`);
}

/**
 * The privacy officer's access log: filter, a chart of decisions per day, the entries
 * (with the professional's name, which only officers see), a check that the log is
 * intact, and exports. The filter lives in the URL, so a view can be shared and the
 * back button works; it holds ids and codes only, never a name. Whom to filter on is found by
 * BSN or name (PersonLookup, logged by the API) or with one click on a row.
 */
export function AccessLogPage() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const { location, navigate } = useRouter();
  usePageTitle(t('officer.title'));

  const applied = filterFromQuery(location.query);
  const key = filterToQuery(applied);
  const [draft, setDraft] = useState<LogFilterParams>(applied);
  // The back button (or a shared link) changes the URL: the form follows it.
  useEffect(() => setDraft(filterFromQuery(new URLSearchParams(key))), [key]);

  const choices = useApi(() => graphql(CHOICES), 'choices');
  // async: a refused filter becomes a rejected promise, shown like the API's own refusal.
  // Each answer carries the filter it was for: rows of the previous filter are never shown under the new one.
  const log = useApi(async () => {
    checkDates(applied);
    return graphql(LOG, { filter: filterToApi(applied) }).then((d) => ({ key, page: d.accessLog }));
  }, key);
  const days = useApi(async () => {
    checkDates(applied);
    return graphql(DAYS, { filter: filterToApi(applied) }).then((d) => ({ key, days: d.accessLogDays }));
  }, key);
  const firstPage = log.data?.key === key ? log.data.page : null;
  // The professionals the log names: their names stand beside the filter's ids too.
  useEffect(() => {
    if (firstPage !== null) rememberNames(firstPage.edges.flatMap(({ node }) => (node.actor.professionalId !== null && node.actor.name !== null ? [[node.actor.professionalId, node.actor.name] as const] : [])));
  }, [firstPage]);
  const dayCounts = days.data?.key === key ? days.data.days : null;

  // Pages after the first, for this filter only.
  const [more, setMore] = useState<{ key: string; edges: Page['edges']; pageInfo: Page['pageInfo'] } | null>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const extra = more?.key === key ? more : null;
  const edges = firstPage === null ? [] : [...firstPage.edges, ...(extra?.edges ?? [])];
  const pageInfo = extra?.pageInfo ?? firstPage?.pageInfo ?? null;

  const loadMore = async () => {
    if (pageInfo?.endCursor === null || pageInfo === null) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const { accessLog } = await graphql(LOG, { filter: filterToApi(applied), after: pageInfo.endCursor });
      setMore({ key, edges: [...(extra?.edges ?? []), ...accessLog.edges], pageInfo: accessLog.pageInfo });
    } catch (e) {
      setMoreError(asApiError(e));
    } finally {
      setMoreBusy(false);
    }
  };

  /** Loads the same filter again from its first page (older pages would overlap the new first one). */
  const refresh = () => {
    setMore(null);
    log.reload();
    days.reload();
  };

  const show = (filter: LogFilterParams) => {
    const next = filterToQuery(filter);
    if (next === key) refresh();
    else navigate(next === '' ? '/access-log' : `/access-log?${next}`);
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    show(trimmed(draft));
  };
  const clear = () => {
    setDraft(EMPTY_FILTER);
    show(EMPTY_FILTER);
  };
  /** One click on a row, or a choice from a lookup: the filter narrows to that id, and the focus moves to its field. */
  const filterOn = (field: RowFilter, id: string) => {
    const next = { ...applied, [field]: id };
    setDraft(next);
    show(next);
    document.getElementById(`officer-filter-${field}`)?.focus({ preventScroll: true });
  };

  // A refusal that names a filter field is shown next to that field; any other error above.
  const failure = log.error ?? days.error;
  const field = failure?.code === 'BAD_USER_INPUT' && failure.field?.startsWith('filter.') ? (failure.field.slice('filter.'.length) as FilterField) : null;
  const fieldErrors: FieldErrors = {};
  if (field !== null) {
    const problem = dateProblems(applied);
    fieldErrors[field] =
      field === 'from' || field === 'to'
        ? t(`officer.filter.error.${problem[field] ?? (field === 'from' ? 'span' : 'date')}` as MessageKey)
        : t('officer.filter.error.id');
  }

  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const runExport = async (format: 'csv' | 'jsonl' | 'logius') => {
    setExporting(format);
    setExportError(null);
    setExported(null);
    try {
      checkDates(applied);
      await downloadExport(format, filterToExportParams(applied));
      setExported(format);
      // The export itself is logged: show that entry too.
      refresh();
    } catch (e) {
      setExportError(asApiError(e));
    } finally {
      setExporting(null);
    }
  };

  const chain = hasRole('CHAIN_PRIVACY_OFFICER');
  return (
    <>
      <Heading level={1}>{t('officer.title')}</Heading>
      <div className="kring-officer-intro">
        <Paragraph lead>{t('officer.intro.what')}</Paragraph>
        <Paragraph>{t('officer.intro.tamper')}</Paragraph>
        <Paragraph>{t('officer.intro.names')}</Paragraph>
        <Paragraph>{chain ? t('officer.intro.scopeChain') : t('officer.intro.scopeOrganisation')}</Paragraph>
      </div>

      <Section id="officer-filter" title={t('officer.filter.title')}>
        <ErrorAlert error={choices.error} />
        <PersonLookup onChoose={filterOn} />
        <FilterForm
          draft={draft}
          onChange={setDraft}
          onApply={apply}
          onClear={clear}
          errors={fieldErrors}
          organisations={choices.data?.organisations ?? []}
          purposes={(choices.data?.purposes ?? []).map((p) => p.code)}
        />
      </Section>

      {field !== null ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('officer.filter.error.summary', { field: t(`officer.filter.${field}` as MessageKey) })}</p>
        </Alert>
      ) : (
        <ErrorAlert error={failure} />
      )}

      <Section id="officer-chart" title={t('officer.chart.title')}>
        <Paragraph>{applied.from === '' && applied.to === '' ? t('officer.chart.introDefault') : t('officer.chart.intro')}</Paragraph>
        {dayCounts !== null && days.error === null && <DecisionsChart days={dayCounts} busy={days.loading} />}
        {dayCounts !== null && days.error === null && <IntegrityAlarms count={dayCounts.reduce((sum, d) => sum + d.integrityAlarms, 0)} />}
        {dayCounts === null && days.loading && <Paragraph>{t('app.loading')}</Paragraph>}
      </Section>

      <Section id="officer-entries" title={t('officer.table.title')}>
        {firstPage === null && log.loading && <Paragraph>{t('app.loading')}</Paragraph>}
        {firstPage !== null && log.error === null && (
          <>
            {/* Read out when a filter is applied; visible only when there is nothing to show. */}
            <p className={edges.length === 0 ? 'utrecht-paragraph' : 'kring-visually-hidden'} aria-live="polite" data-testid="log-count">
              {edges.length === 0 ? t('officer.table.none') : pageInfo?.hasNextPage === true ? t('officer.table.countMore', { count: edges.length }) : t('officer.table.count', { count: edges.length })}
            </p>
            {edges.length > 0 && <LogTable entries={edges.map((e) => e.node)} hasMore={pageInfo?.hasNextPage === true} onFilter={filterOn} busy={log.loading} />}
            <ErrorAlert error={moreError} />
            {pageInfo?.hasNextPage === true && (
              <SecondaryActionButton type="button" busy={moreBusy} disabled={moreBusy} onClick={() => void loadMore()}>
                {t('common.more')}
              </SecondaryActionButton>
            )}
          </>
        )}
      </Section>

      <Section id="officer-verify" title={t('officer.verify.title')}>
        <Paragraph>{t('officer.verify.intro')}</Paragraph>
        <VerifyLog familyId={applied.familyId === '' ? null : applied.familyId} />
      </Section>

      <Section id="officer-export" title={t('officer.export.title')}>
        <Paragraph>{t('officer.export.intro')}</Paragraph>
        <ButtonGroup>
          {(['csv', 'jsonl', 'logius'] as const).map((format) => (
            <SecondaryActionButton key={format} type="button" busy={exporting === format} disabled={exporting !== null} onClick={() => void runExport(format)}>
              {t(`officer.export.${format}`)}
            </SecondaryActionButton>
          ))}
        </ButtonGroup>
        <div role="status" className="kring-export-status">
          {exported !== null && <Paragraph>{t('officer.export.done')}</Paragraph>}
        </div>
        <ErrorAlert error={exportError} />
      </Section>
    </>
  );
}

/** The period's integrity alarms: stored values that failed their integrity check, withheld and logged (issue 13). */
function IntegrityAlarms({ count }: { count: number }) {
  const { t } = useI18n();
  if (count === 0) {
    return (
      <p className="utrecht-paragraph" data-testid="integrity-alarms">
        {t('officer.chart.integrityNone')}
      </p>
    );
  }
  return (
    <Alert type="warning">
      <p className="utrecht-paragraph" data-testid="integrity-alarms">
        {t('officer.chart.integrity', { count })}
      </p>
    </Alert>
  );
}
