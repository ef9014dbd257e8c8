import { useState } from 'react';
import type { FamilyMember } from '../../api/fragments';
import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import type { Loaded } from '../../api/use-api';
import { useApi } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Link, useRouter } from '../../router';
import { Alert, Heading, Paragraph, SecondaryActionButton, Section, StatusBadge } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { labelOf } from '../member/member-family';
import type { Thread } from '../messages/thread-api';
import { professionalName, ThreadFacts, unreadWords } from '../messages/thread-parts';
import type { ProfessionalCircle } from './circle';
import { StartThreadForm } from './start-thread-form';

const FAMILY_THREADS = gql(`query FamilyThreads($familyId: ID!) { familyThreads(familyId: $familyId) { ...ThreadFields } }`);

/** Where one of the family's threads opens: in the file, for the purpose it was opened with. */
export function threadPath(familyId: string, purpose: string, threadId: string): string {
  return `/families/${familyId}?purpose=${encodeURIComponent(purpose)}&thread=${threadId}`;
}

/**
 * "Berichten" in the professional's file (`familyThreads`): the family's conversations the
 * professional takes part in, each open (topic, who takes part, unread) or closed to them now with
 * the rule's reason in words; and starting a new one. Threads they do not take part in are not
 * listed: the API does not say they exist.
 */
export function ThreadsSection({
  familyId,
  purpose,
  members,
  label,
  circle,
}: {
  familyId: string;
  purpose: string;
  members: readonly FamilyMember[];
  label: (memberId: string) => string;
  circle: Loaded<ProfessionalCircle>;
}) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const threads = useApi(() => graphql(FAMILY_THREADS, { familyId }).then((d) => d.familyThreads), `family-threads-${familyId}`);
  const [starting, setStarting] = useState(false);

  return (
    <Section id="file-messages" title={t('messages.pro.title')}>
      <Paragraph>{t('messages.pro.intro')}</Paragraph>
      <ErrorAlert error={threads.error} />
      {threads.data === null && threads.loading && <Paragraph>{t('app.loading')}</Paragraph>}
      {threads.data !== null && threads.data.length === 0 && <Paragraph>{t('messages.pro.none')}</Paragraph>}
      {threads.data !== null && threads.data.length > 0 && (
        <ul className="kring-cards kring-threads" aria-labelledby="file-messages">
          {threads.data.map((thread) => (
            <ThreadCard key={thread.id} thread={thread} to={threadPath(familyId, purpose, thread.id)} label={label} />
          ))}
        </ul>
      )}
      <Heading level={3} id="start-thread-heading">
        {t('messages.start.title')}
      </Heading>
      {starting ? (
        <StartThreadForm familyId={familyId} purpose={purpose} members={members} label={label} circle={circle.data} onStarted={(id) => navigate(threadPath(familyId, purpose, id))} />
      ) : (
        <SecondaryActionButton type="button" onClick={() => setStarting(true)}>
          {t('messages.start.open')}
        </SecondaryActionButton>
      )}
    </Section>
  );
}

function ThreadCard({ thread, to, label }: { thread: Thread; to: string; label: (memberId: string) => string }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const unread = unreadWords(t, thread.unreadCount);
  const headingId = `file-thread-${thread.id}`;
  if (thread.closed !== null) {
    return (
      <li className="kring-card" data-testid={`thread-${thread.id}`} aria-labelledby={headingId}>
        <Heading level={3} id={headingId}>
          {t('messages.pro.closedTitle', { name: professionalName(thread.startedBy), date: formatDate(thread.startedAt) })}
        </Heading>
        <Alert type="warning">
          <Paragraph>
            <StatusBadge tone="warning">{t('messages.pro.closed')}</StatusBadge> <span data-testid={`thread-closed-${thread.id}`}>{t(`reason.${thread.closed.reason}` as MessageKey)}</span>{' '}
            {t(`pro.todo.${thread.closed.reason}` as MessageKey)} {t('pro.notShared.category', { category: labelOf(t, 'category', thread.closed.category) })}
          </Paragraph>
        </Alert>
      </li>
    );
  }
  return (
    <li className="kring-card" data-testid={`thread-${thread.id}`} aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        <Link to={to}>{thread.topic ?? t('messages.noTopic')}</Link>
      </Heading>
      <Paragraph>
        {unread !== null && <StatusBadge tone="warning">{unread}</StatusBadge>}
        {thread.lastMessageAt !== null && <> {t('messages.lastMessage', { date: formatDateTime(thread.lastMessageAt) })}</>}
      </Paragraph>
      <ThreadFacts thread={thread} memberName={label} />
    </li>
  );
}
