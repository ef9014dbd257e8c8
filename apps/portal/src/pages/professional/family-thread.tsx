import { useCallback, useEffect } from 'react';
import { graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Paragraph, Section } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { ConversationView } from '../messages/conversation-view';
import { type Message, THREAD } from '../messages/thread-api';
import { authorOf, ThreadFacts } from '../messages/thread-parts';
import { useConversation } from '../messages/use-conversation';

/**
 * One of the family's conversations in the professional's file (`?thread=<id>`): the file stays
 * loaded, so members are named as the file names them. Closed to the professional now: the reason
 * in words, and nothing of its messages.
 */
export function FamilyThread({ threadId, backTo, label }: { threadId: string; backTo: string; label: (memberId: string) => string }) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const thread = useApi(() => graphql(THREAD, { id: threadId }).then((d) => d.thread), `thread-${threadId}`);
  const data = thread.data;
  const isMine = useCallback((m: Message) => m.author.professional?.id === viewer?.professional?.id, [viewer]);
  const conversation = useConversation(threadId, data !== null && data.closed === null, isMine);
  // The file's page stays (same path): start keyboard and screen-reader users at the conversation, as a new page does.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [threadId]);

  return (
    <Section id="file-thread" title={data?.topic ?? t('messages.pro.thread')}>
      <Paragraph>
        <Link to={backTo}>{t('messages.pro.back')}</Link>
      </Paragraph>
      <ErrorAlert error={thread.error} />
      {data === null && thread.loading && <Paragraph>{t('app.loading')}</Paragraph>}
      {data !== null && data.closed !== null && (
        <Alert type="warning">
          <Paragraph>
            <strong data-testid="thread-closed">{t('messages.closed')}</strong> {t(`reason.${data.closed.reason}` as MessageKey)} {t(`pro.todo.${data.closed.reason}` as MessageKey)}
          </Paragraph>
        </Alert>
      )}
      {data !== null && data.closed === null && (
        <>
          <ThreadFacts thread={data} memberName={label} />
          <ConversationView conversation={conversation} authorName={(author) => authorOf(author, label, t)} isMine={isMine} canPost />
        </>
      )}
    </Section>
  );
}
