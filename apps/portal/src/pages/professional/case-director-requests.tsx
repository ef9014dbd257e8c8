import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { CaptionedTable, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { familyLabel } from './shared-value';

const REQUESTS = gql(`query CaseDirectorRequests { caseDirectorRequests { id familyId memberId reason requestedAt } }`);

/**
 * Team leads: the members' requests for another case director (DESIGN.md §9), of the families
 * their organisation is involved with today, in the order and words the API serves them
 * (newest first). For now a list to read; the escalation issue gives it a queue.
 */
export function CaseDirectorRequestsPage() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('circle.requests.title'));
  const requests = useApi(() => graphql(REQUESTS).then((d) => d.caseDirectorRequests), 'case-director-requests');
  return (
    <>
      <Heading level={1}>{t('circle.requests.title')}</Heading>
      <Paragraph lead>{t('circle.requests.intro')}</Paragraph>
      <ErrorAlert error={requests.error} />
      {requests.loading && requests.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {requests.data !== null && requests.data.length === 0 && <Paragraph>{t('circle.requests.none')}</Paragraph>}
      {requests.data !== null && requests.data.length > 0 && (
        <CaptionedTable caption={t('circle.requests.caption')} columns={[t('circle.requests.at'), t('circle.requests.family'), t('circle.requests.member'), t('circle.requests.reason'), t('circle.requests.open')]}>
          {requests.data.map((request) => (
            <TableRow key={request.id}>
              <TableHeaderCell scope="row">
                <time dateTime={request.requestedAt}>{formatDateTime(request.requestedAt)}</time>
              </TableHeaderCell>
              <TableCell>{familyLabel(request.familyId, t)}</TableCell>
              <TableCell>
                <code>{request.memberId}</code>
              </TableCell>
              <TableCell>{request.reason ?? <span className="kring-m-muted">{t('circle.requests.reasonGone')}</span>}</TableCell>
              <TableCell>
                <Link to={`/families/${request.familyId}`}>{t('circle.requests.openFamily', { family: familyLabel(request.familyId, t) })}</Link>
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      )}
    </>
  );
}
