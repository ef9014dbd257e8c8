import { useEffect, useState } from 'react';
import { graphql, type ApiError } from '../../api/graphql';
import { gql } from '../../api/generated';
import type { FamiliesQuery } from '../../api/generated/graphql';
import { asApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, CaptionedTable, Heading, Paragraph, SecondaryActionButton, StatusBadge, TableCell, TableHeaderCell, TableRow } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { familyLabel } from './shared-value';

const PAGE_SIZE = 20;
const FAMILIES = gql(`query Families($first: Int, $after: String) {
  families(first: $first, after: $after) {
    edges { cursor node { id involvementId caseDirection startsOn endsOn } }
    pageInfo { hasNextPage endCursor }
  }
}`);

type Page = FamiliesQuery['families'];
type FamilySummary = Page['edges'][number]['node'];

const loadPage = (after: string | null) => graphql(FAMILIES, { first: PAGE_SIZE, after }).then((d) => d.families);

/** "Mijn gezinnen": the families the professional's organisation is involved with today. */
export function FamiliesPage() {
  const { t, formatDate } = useI18n();
  usePageTitle(t('pro.families.title'));
  const first = useApi(() => loadPage(null), 'families');
  const [more, setMore] = useState<{ families: FamilySummary[]; pageInfo: Page['pageInfo'] | null }>({ families: [], pageInfo: null });
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);

  // A fresh first page starts the list again.
  useEffect(() => setMore({ families: [], pageInfo: null }), [first.data]);

  const families = [...(first.data?.edges.map((e) => e.node) ?? []), ...more.families];
  const pageInfo = more.pageInfo ?? first.data?.pageInfo ?? null;

  const loadMore = async () => {
    if (pageInfo?.endCursor == null) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await loadPage(pageInfo.endCursor);
      setMore((m) => ({ families: [...m.families, ...page.edges.map((e) => e.node)], pageInfo: page.pageInfo }));
    } catch (error) {
      setMoreError(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading level={1}>{t('pro.families.title')}</Heading>
      <Paragraph lead>{t('pro.families.intro')}</Paragraph>
      <Paragraph>{t('pro.families.purposeNote')}</Paragraph>
      <Paragraph>{t('pro.families.logNote')}</Paragraph>
      <ErrorAlert error={first.error} />
      {first.loading && first.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {first.data !== null && families.length === 0 && <Alert type="info">{t('pro.families.none')}</Alert>}
      {families.length > 0 && (
        <CaptionedTable caption={t('pro.families.caption')} columns={[t('pro.families.family'), t('pro.families.since'), t('pro.families.until'), t('pro.families.caseDirection'), t('pro.families.file')]}>
          {families.map((family) => {
            const label = familyLabel(family.id, t);
            return (
              <TableRow key={family.involvementId}>
                <TableHeaderCell scope="row">{label}</TableHeaderCell>
                <TableCell>{formatDate(family.startsOn)}</TableCell>
                <TableCell>{family.endsOn === null ? t('pro.families.noEnd') : formatDate(family.endsOn)}</TableCell>
                <TableCell>{family.caseDirection ? <StatusBadge tone="ok">{t('common.yes')}</StatusBadge> : t('common.no')}</TableCell>
                <TableCell>
                  <Link to={`/families/${family.id}`}>
                    {t('pro.families.open')}
                    <span className="kring-visually-hidden"> {t('pro.families.openHidden', { family: label })}</span>
                  </Link>
                </TableCell>
              </TableRow>
            );
          })}
        </CaptionedTable>
      )}
      {families.length > 0 && (
        <p className="utrecht-paragraph" role="status">
          {families.length === 1 ? t('pro.families.shownOne') : t('pro.families.shown', { count: families.length })}
        </p>
      )}
      <ErrorAlert error={moreError} />
      {pageInfo?.hasNextPage === true && (
        <SecondaryActionButton type="button" busy={busy} disabled={busy} onClick={() => void loadMore()}>
          {t('common.more')}
        </SecondaryActionButton>
      )}
    </>
  );
}
