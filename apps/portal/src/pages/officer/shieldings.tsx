import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { CaptionedTable, Heading, Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';

const SHIELDINGS = gql(`query InvolvementShieldings {
  involvementShieldings {
    id familyId involvementId memberId organisation { ...OrganisationFields } reason shieldedAt shieldedByProfessionalId
    liftedAt liftedByProfessionalId liftReason
  }
}`);

/** The privacy officer's list of shieldings (DESIGN.md §9): which organisation hid its involvement from whom, when, and why; and whether, when, by whom and why it was lifted. */
export function ShieldingsPage() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('circle.shieldings.title'));
  const shieldings = useApi(() => graphql(SHIELDINGS).then((d) => d.involvementShieldings), 'involvement-shieldings');
  return (
    <>
      <Heading level={1}>{t('circle.shieldings.title')}</Heading>
      <Paragraph lead>{t('circle.shieldings.intro')}</Paragraph>
      <ErrorAlert error={shieldings.error} />
      {shieldings.loading && shieldings.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {shieldings.data !== null && shieldings.data.length === 0 && <Paragraph>{t('circle.shieldings.none')}</Paragraph>}
      {shieldings.data !== null && shieldings.data.length > 0 && (
        <CaptionedTable
          caption={t('circle.shieldings.caption')}
          columns={[
            t('circle.shieldings.at'),
            t('circle.shieldings.organisation'),
            t('circle.shieldings.family'),
            t('circle.shieldings.member'),
            t('circle.shieldings.reason'),
            t('circle.shieldings.by'),
            t('circle.shieldings.status'),
          ]}
        >
          {shieldings.data.map((shielding) => (
            <TableRow key={shielding.id}>
              <TableHeaderCell scope="row">
                <time dateTime={shielding.shieldedAt}>{formatDateTime(shielding.shieldedAt)}</time>
              </TableHeaderCell>
              <TableCell>{shielding.organisation.name}</TableCell>
              <TableCell>
                <code>{shielding.familyId}</code>
              </TableCell>
              <TableCell>
                <code>{shielding.memberId}</code>
              </TableCell>
              <TableCell>{shielding.reason ?? <span className="kring-m-muted">{t('circle.shieldings.reasonGone')}</span>}</TableCell>
              <TableCell>
                <code>{shielding.shieldedByProfessionalId}</code>
              </TableCell>
              <TableCell>
                {shielding.liftedAt === null ? (
                  <StatusBadge tone="warning">{t('circle.shieldings.inForce')}</StatusBadge>
                ) : (
                  <>
                    <StatusBadge tone="neutral">{t('circle.shieldings.lifted')}</StatusBadge>{' '}
                    {t('circle.shieldings.liftedOn', { date: formatDateTime(shielding.liftedAt) })} <code>{shielding.liftedByProfessionalId}</code>
                    <span className="kring-shielding-lift">
                      {t('circle.shieldings.liftReason')} {shielding.liftReason ?? <span className="kring-m-muted">{t('circle.shieldings.reasonGone')}</span>}
                    </span>
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      )}
    </>
  );
}
