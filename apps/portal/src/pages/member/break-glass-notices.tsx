import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Alert, Heading, Paragraph } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { joinWords, labelOf } from './member-family';

const NOTICES = gql(`query MyBreakGlassNotices {
  myBreakGlassNotices { grantId organisation { id name } openedAt expiresAt categories justification verdict reviewedAt memberIds reads }
}`);
const REACH = gql(`query BreakGlassNoticeReach { myReach { id name self } }`);

/**
 * The family's notice of emergency access (docs/break-glass.md): shown on the member's start page
 * and in their log view once a privacy officer has reviewed it (the API gives nothing before), with
 * the professional's reason in their own words. Each time it is shown, the API logs the reading.
 * Nothing at all when there is none.
 */
export function BreakGlassNotices({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, formatDate, formatDateTime } = useI18n();
  // The names of the reach only when there is a notice to say them in: reading them is a read of the own file, logged.
  const loaded = useApi(
    () =>
      graphql(NOTICES).then(async (d) => ({
        myBreakGlassNotices: d.myBreakGlassNotices,
        myReach: d.myBreakGlassNotices.length === 0 ? [] : (await graphql(REACH)).myReach,
      })),
    'break-glass-notices',
  );
  if (loaded.error !== null) return <ErrorAlert error={loaded.error} />;
  const notices = loaded.data?.myBreakGlassNotices ?? [];
  if (notices.length === 0) return null;
  const names = new Map((loaded.data?.myReach ?? []).map((m) => [m.id, m.self ? t('member.youLower') : (m.name ?? t('bg.member.someone'))]));
  return (
    <section aria-labelledby="break-glass-notices-title" className="kring-section">
      <Alert type="warning">
        <Heading level={headingLevel} id="break-glass-notices-title">
          {t('bg.member.title')}
        </Heading>
        <Paragraph>{t('bg.member.intro')}</Paragraph>
        {notices.map((notice) => (
          <article key={notice.grantId} className="kring-card kring-bg-notice" aria-label={t('bg.member.what', { organisation: notice.organisation.name, date: formatDateTime(notice.openedAt) })}>
            <Paragraph>
              <strong>{t('bg.member.what', { organisation: notice.organisation.name, date: formatDateTime(notice.openedAt) })}</strong>
            </Paragraph>
            {notice.memberIds.length > 0 && (
              <Paragraph>
                {t('bg.member.about', {
                  members: joinWords(
                    t,
                    notice.memberIds.map((id) => names.get(id) ?? t('bg.member.someone')),
                    'member.and',
                  ),
                })}
              </Paragraph>
            )}
            <Paragraph>{notice.justification === null ? t('bg.member.whyGone') : t('bg.member.why')}</Paragraph>
            {notice.justification !== null && <blockquote className="kring-bg-justification">{notice.justification}</blockquote>}
            <Paragraph>
              {t('bg.member.which', {
                categories: joinWords(
                  t,
                  notice.categories.map((c) => labelOf(t, 'category', c).toLowerCase()),
                  'member.and',
                ),
                expires: formatDateTime(notice.expiresAt),
              })}
            </Paragraph>
            {notice.reads > 0 && <Paragraph>{t('bg.member.reads', { count: notice.reads })}</Paragraph>}
            <Paragraph>
              {t(`bg.member.verdict.${notice.verdict}`)} ({formatDate(notice.reviewedAt)})
            </Paragraph>
            <Paragraph>{t('bg.member.questions', { organisation: notice.organisation.name })}</Paragraph>
          </article>
        ))}
      </Alert>
    </section>
  );
}
