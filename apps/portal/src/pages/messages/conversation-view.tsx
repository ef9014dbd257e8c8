import { useState } from 'react';
import type { ApiError } from '../../api/graphql';
import { asApiError } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Alert, ButtonGroup, Paragraph, PrimaryActionButton, SecondaryActionButton, Section, SubtleButton, Textarea } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { LabelledField } from '../../ui/labelled-field';
import { useTextSubmission } from '../../ui/text-submission';
import { BODY_LENGTH, type Message, type MessageAuthor } from './thread-api';
import type { Conversation } from './use-conversation';
import './messages.css';

/**
 * A thread's messages, oldest first, with "older messages" on top, the reader's own messages
 * withdrawable, withdrawn ones as tombstones, and the form to post at the bottom. What
 * arrives while the page is open is added in place and read out through a polite live region.
 */
export function ConversationView({
  conversation,
  authorName,
  isMine,
  canPost,
}: {
  conversation: Conversation;
  /** Who wrote a message, in words: "u", a name in reach or "een gezinslid", a professional with their organisation. */
  authorName: (author: MessageAuthor) => string;
  isMine: (message: Message) => boolean;
  canPost: boolean;
}) {
  const { t } = useI18n();
  const { messages, hasOlder, loadingOlder, loading, error, closedReason, delivery, arrived } = conversation;

  return (
    <>
      {closedReason !== null && (
        <Alert type="warning">
          <Paragraph>
            <strong data-testid="thread-closed">{t('messages.closed')}</strong> {t(`reason.${closedReason}` as MessageKey)}
          </Paragraph>
        </Alert>
      )}
      <Section id="thread-messages" title={t('messages.thread.messages')}>
        <ErrorAlert error={error} />
        {delivery !== 'connecting' && closedReason === null && (
          <Paragraph className="kring-m-muted">{delivery === 'live' ? t('messages.delivery.live') : t('messages.delivery.refreshing')}</Paragraph>
        )}
        {hasOlder && (
          <SecondaryActionButton type="button" busy={loadingOlder} disabled={loadingOlder} onClick={() => void conversation.loadOlder()}>
            {t('messages.older')}
          </SecondaryActionButton>
        )}
        {loading && messages.length === 0 && <Paragraph>{t('app.loading')}</Paragraph>}
        {!loading && messages.length === 0 && closedReason === null && <Paragraph>{t('messages.thread.none')}</Paragraph>}
        {messages.length > 0 && (
          <ol className="kring-messages" aria-labelledby="thread-messages">
            {messages.map((message) => (
              <MessageItem key={message.id} message={message} author={authorName(message.author)} mine={isMine(message)} onWithdraw={conversation.withdraw} />
            ))}
          </ol>
        )}
        <p className="kring-visually-hidden" aria-live="polite" data-testid="thread-arrived">
          {arrived === null ? '' : t('messages.arrived', { author: authorName(arrived.author), body: arrived.body ?? '' })}
        </p>
      </Section>
      {canPost && closedReason === null && <PostForm onPost={conversation.post} />}
    </>
  );
}

function MessageItem({ message, author, mine, onWithdraw }: { message: Message; author: string; mine: boolean; onWithdraw: (id: string) => Promise<void> }) {
  const { t, formatDateTime } = useI18n();
  const withdrawn = message.withdrawnAt !== null;
  return (
    <li className={withdrawn ? 'kring-card kring-message kring-message--withdrawn' : mine ? 'kring-card kring-message kring-message--mine' : 'kring-card kring-message'} data-testid={`message-${message.id}`}>
      <Paragraph className="kring-message__meta">
        <strong>{author}</strong>, <time dateTime={message.sentAt}>{formatDateTime(message.sentAt)}</time>
      </Paragraph>
      {withdrawn ? (
        <Paragraph className="kring-message__tombstone">
          <strong>{t('messages.withdrawn')}</strong> {t('messages.withdrawnOn', { date: formatDateTime(message.withdrawnAt ?? message.sentAt) })}
        </Paragraph>
      ) : (
        <p className="utrecht-paragraph kring-message__body">{message.body}</p>
      )}
      {mine && !withdrawn && <WithdrawButton messageId={message.id} onWithdraw={onWithdraw} />}
    </li>
  );
}

/** Withdraws the reader's own message after asking once: its text is destroyed for everyone, the tombstone stays. */
function WithdrawButton({ messageId, onWithdraw }: { messageId: string; onWithdraw: (id: string) => Promise<void> }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  if (!asking) {
    return (
      <SubtleButton type="button" onClick={() => setAsking(true)}>
        {t('messages.withdraw')}
      </SubtleButton>
    );
  }
  const withdraw = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onWithdraw(messageId);
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  };
  return (
    <div className="kring-m-confirm" role="group" aria-label={t('messages.withdraw')}>
      <Paragraph>{t('messages.withdrawConfirm')}</Paragraph>
      <ErrorAlert error={failure} />
      <ButtonGroup>
        <PrimaryActionButton type="button" busy={busy} disabled={busy} onClick={() => void withdraw()}>
          {t('messages.withdrawYes')}
        </PrimaryActionButton>
        <SecondaryActionButton type="button" disabled={busy} onClick={() => setAsking(false)}>
          {t('messages.withdrawNo')}
        </SecondaryActionButton>
      </ButtonGroup>
    </div>
  );
}

/** The reader's next message: checked against the API's bounds first, then posted; the field empties once sent. */
function PostForm({ onPost }: { onPost: (body: string) => Promise<void> }) {
  const { t } = useI18n();
  const id = 'thread-post';
  const [text, setText] = useState('');
  const { problem, apiError, sent, busy, feedback, submit } = useTextSubmission({
    inputId: id,
    apiField: 'body',
    length: BODY_LENGTH,
    problem: t('messages.post.problem'),
    send: async (body) => {
      await onPost(body);
      setText('');
    },
  });
  return (
    <Section id="thread-post-heading" title={t('messages.post.title')}>
      <form className="kring-form" noValidate onSubmit={(event) => void submit(event, text)}>
        <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
          {sent && <Alert type="ok">{t('messages.post.sent')}</Alert>}
        </div>
        <ErrorAlert error={apiError} />
        <LabelledField id={id} label={t('messages.post.field')} help={t('messages.post.help')} problem={problem}>
          {(describedBy) => <Textarea id={id} rows={4} value={text} invalid={problem !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => setText(e.currentTarget.value)} />}
        </LabelledField>
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {t('messages.post.send')}
        </PrimaryActionButton>
      </form>
    </Section>
  );
}
