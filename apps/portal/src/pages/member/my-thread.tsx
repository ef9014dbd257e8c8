import { useCallback, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { asApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Heading, Paragraph, PrimaryActionButton, Section } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { ConversationView } from '../messages/conversation-view';
import { type Message, THREAD } from '../messages/thread-api';
import { authorOf, ThreadFacts } from '../messages/thread-parts';
import { useConversation } from '../messages/use-conversation';
import { JOIN_THREAD, useMemberNames } from './member-threads';

/**
 * One conversation as a member reads it (`/me/messages/<id>`): what it is about and who takes
 * part; before joining, what joining means and the button; once joined, the messages, and the
 * form to answer. Reading a page moves the member's read marker on (the API's, not ours).
 */
export function MyThreadPage({ threadId }: { threadId: string }) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const { memberName, viewerId, error: namesError } = useMemberNames();
  const thread = useApi(() => graphql(THREAD, { id: threadId }).then((d) => d.thread), `thread-${threadId}`);
  const data = thread.data;
  usePageTitle(data?.topic ?? t('messages.member.title'));
  const isMine = useCallback((m: Message) => m.author.kind === 'MEMBER' && m.author.memberId === viewer?.member?.id, [viewer]);
  const conversation = useConversation(threadId, data?.joined === true, isMine);

  return (
    <>
      <Heading level={1}>{data?.topic ?? t('messages.member.title')}</Heading>
      <Paragraph>
        <Link to="/me/messages">{t('messages.member.back')}</Link>
      </Paragraph>
      <ErrorAlert error={thread.error ?? namesError} />
      {data === null && thread.loading && <Paragraph>{t('app.loading')}</Paragraph>}
      {data !== null && (
        <>
          <ThreadFacts thread={data} memberName={memberName} />
          {data.joined ? (
            <ConversationView conversation={conversation} authorName={(author) => authorOf(author, memberName, t)} isMine={isMine} canPost />
          ) : (
            <JoinSection threadId={threadId} viewerId={viewerId} onJoined={thread.reload} />
          )}
        </>
      )}
    </>
  );
}

/** What joining means, and the button: the others then see that the member reads along. */
function JoinSection({ threadId, viewerId, onJoined }: { threadId: string; viewerId: string; onJoined: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const join = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await graphql(JOIN_THREAD, { threadId });
      onJoined();
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="thread-join" title={t('messages.join.title')}>
      <Alert type="info">
        <Paragraph>{t('messages.join.explain')}</Paragraph>
      </Alert>
      <ErrorAlert error={failure} />
      <PrimaryActionButton type="button" busy={busy} disabled={busy || viewerId === ''} onClick={() => void join()}>
        {t('messages.join.button')}
      </PrimaryActionButton>
    </Section>
  );
}
