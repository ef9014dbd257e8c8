import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import type { Thread } from '../messages/thread-api';
import { ThreadFacts, unreadWords } from '../messages/thread-parts';
import { noteUnreadThreads } from '../messages/unread';
import { useMemberNames } from './member-threads';

const OUR_THREADS = gql(`query OurThreads { ourThreads { ...ThreadFields } }`);

/**
 * "Berichten" (kringberichten, DESIGN.md §9; docs/messages.md): the conversations about the
 * member and the children in their reach, whether or not they take part, with who does. The
 * list is the API's answer (`ourThreads`); the page counts nothing of its own.
 */
export function MyMessagesPage() {
  const { t } = useI18n();
  usePageTitle(t('messages.member.title'));
  const { memberName, error } = useMemberNames();
  const threads = useApi(
    () =>
      graphql(OUR_THREADS).then((d) => {
        noteUnreadThreads(d.ourThreads);
        return d.ourThreads;
      }),
    'our-threads',
  );

  return (
    <>
      <Heading level={1}>{t('messages.member.title')}</Heading>
      <Paragraph lead>{t('messages.member.intro')}</Paragraph>
      <Paragraph>{t('messages.member.introJoin')}</Paragraph>
      <ErrorAlert error={threads.error ?? error} />
      {threads.loading && threads.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {threads.data !== null && threads.data.length === 0 && <Alert type="info">{t('messages.member.none')}</Alert>}
      {threads.data !== null && threads.data.length > 0 && (
        <ul className="kring-cards kring-threads" aria-label={t('messages.member.title')}>
          {threads.data.map((thread) => (
            <ThreadCard key={thread.id} thread={thread} memberName={memberName} />
          ))}
        </ul>
      )}
    </>
  );
}

function ThreadCard({ thread, memberName }: { thread: Thread; memberName: (id: string) => string }) {
  const { t, formatDateTime } = useI18n();
  const unread = unreadWords(t, thread.unreadCount);
  const headingId = `thread-${thread.id}`;
  return (
    <li className="kring-card" data-testid={`thread-${thread.id}`} aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        <Link to={`/me/messages/${thread.id}`}>{thread.topic ?? t('messages.noTopic')}</Link>
      </Heading>
      <Paragraph>
        {thread.joined ? <StatusBadge tone="ok">{t('messages.member.joined')}</StatusBadge> : <StatusBadge tone="neutral">{t('messages.member.notJoined')}</StatusBadge>}
        {unread !== null && (
          <>
            {' '}
            <StatusBadge tone="warning">{unread}</StatusBadge>
          </>
        )}
        {thread.lastMessageAt !== null && <> {t('messages.lastMessage', { date: formatDateTime(thread.lastMessageAt) })}</>}
      </Paragraph>
      <ThreadFacts thread={thread} memberName={memberName} />
    </li>
  );
}
