import { useEffect, useRef, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { asApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, ButtonGroup, DataList, DataListItem, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton, Textarea } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { LabelledField } from '../../ui/labelled-field';
import { useTextSubmission } from '../../ui/text-submission';
import { joinWords, labelOf } from '../member/member-family';
import { ACCEPT, DECLINE, INCOMING_REFERRALS, type IncomingReferral } from './referral-api';
import { ReferralStatusBadge, referralRefusal, WaitingAtReferral } from './referral-parts';

/**
 * "Verwijzingen voor ons": the referrals to the caller's organisation's services, newest first.
 * Before the family has signed, the API shows no family, member or note (docs/referral.md), and
 * neither does this page; accepting waits for the consent, declining asks for a reason.
 */
export function IncomingReferralsPage() {
  const { t } = useI18n();
  usePageTitle(t('ref.in.title'));
  const incoming = useApi(() => graphql(INCOMING_REFERRALS).then((d) => d.incomingReferrals), 'incoming-referrals');
  return (
    <>
      <Heading level={1}>{t('ref.in.title')}</Heading>
      <Paragraph lead>{t('ref.in.intro')}</Paragraph>
      <ErrorAlert error={incoming.error} />
      {incoming.data === null && incoming.loading && <Paragraph>{t('app.loading')}</Paragraph>}
      {incoming.data !== null && incoming.data.length === 0 && <Paragraph>{t('ref.in.none')}</Paragraph>}
      {incoming.data?.map((referral) => (
        <IncomingCard key={referral.id} referral={referral} onAnswered={incoming.reload} />
      ))}
    </>
  );
}

function IncomingCard({ referral: r, onAnswered }: { referral: IncomingReferral; onAnswered: () => void }) {
  const { t, formatDate } = useI18n();
  const titleId = `incoming-${r.id}`;
  const [answer, setAnswer] = useState<'accepted' | 'declined' | null>(null);
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const feedback = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answer !== null || error !== null) feedback.current?.focus();
  }, [answer, error]);

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await graphql(ACCEPT, { id: r.id });
      setAnswer('accepted');
      onAnswered();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const who = r.member?.name ?? (r.consentActive ? t('ref.in.unnamedActive') : t('ref.in.unnamed'));
  const refusal = error === null ? null : referralRefusal(t, error);
  return (
    <article className="kring-card kring-section" aria-labelledby={titleId} data-testid="incoming-referral">
      <div className="kring-m-consent__head">
        <Heading level={2} id={titleId}>
          {r.service.name}
        </Heading>
        <ReferralStatusBadge status={r.status} />
      </div>
      <DataList className="kring-m-datalist">
        <DataListItem label={t('ref.member')}>{who}</DataListItem>
        <DataListItem label={t('ref.from')}>{r.referringOrganisation.name}</DataListItem>
        <DataListItem label={t('ref.referredAt')}>{formatDate(r.referredAt)}</DataListItem>
        {r.answeredAt !== null && <DataListItem label={t('ref.answeredAt')}>{formatDate(r.answeredAt)}</DataListItem>}
        <WaitingAtReferral referral={r} />
        <DataListItem label={t('ref.purpose')}>{labelOf(t, 'purpose', r.purpose)}</DataListItem>
        <DataListItem label={t('ref.categories')}>{joinWords(t, r.categories.map((c) => labelOf(t, 'category', c)), 'member.and')}</DataListItem>
        <DataListItem label={t('ref.consent')}>{r.consentActive ? t('ref.in.consentActive') : t('ref.in.consentPending')}</DataListItem>
        {r.note !== null && <DataListItem label={t('ref.note')}>{r.note}</DataListItem>}
        {r.declineReason !== null && <DataListItem label={t('ref.declineReason')}>{r.declineReason}</DataListItem>}
      </DataList>
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {answer === 'accepted' && <Alert type="ok">{t('ref.in.accepted')}</Alert>}
        {answer === 'declined' && <Alert type="ok">{t('ref.in.declined')}</Alert>}
        {refusal !== null ? <Alert type="error">{refusal}</Alert> : <ErrorAlert error={error} />}
      </div>
      {r.status === 'ACCEPTED' && r.familyId !== null && (
        <Paragraph>
          <Link to={`/families/${r.familyId}?purpose=${encodeURIComponent(r.purpose)}`}>{t('ref.in.openFile')}</Link>
        </Paragraph>
      )}
      {r.status === 'PROPOSED' && !declining && (
        <>
          <Paragraph>{t('ref.in.acceptHelp')}</Paragraph>
          <ButtonGroup>
            <PrimaryActionButton type="button" busy={busy} disabled={busy || !r.consentActive} aria-describedby={r.consentActive ? undefined : `${titleId}-waiting`} onClick={() => void accept()}>
              {t('ref.in.accept')}
            </PrimaryActionButton>
            <SecondaryActionButton type="button" disabled={busy} onClick={() => setDeclining(true)}>
              {t('ref.in.decline')}
            </SecondaryActionButton>
          </ButtonGroup>
          {!r.consentActive && (
            <Paragraph>
              <span id={`${titleId}-waiting`}>{t('ref.refusal.CONSENT_NOT_ACTIVE')}</span>
            </Paragraph>
          )}
        </>
      )}
      {r.status === 'PROPOSED' && declining && (
        <DeclineForm
          referral={r}
          onCancel={() => setDeclining(false)}
          onDeclined={() => {
            setDeclining(false);
            setAnswer('declined');
            onAnswered();
          }}
        />
      )}
    </article>
  );
}

/** The reason for declining, 10 to 2,000 characters, checked here first and at the API. */
function DeclineForm({ referral, onCancel, onDeclined }: { referral: IncomingReferral; onCancel: () => void; onDeclined: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const inputId = `decline-${referral.id}`;
  const { problem, apiError, busy, submit } = useTextSubmission({
    inputId,
    apiField: 'reason',
    length: { min: 10, max: 2000 },
    problem: t('ref.refusal.REASON_LENGTH'),
    send: async (text) => {
      await graphql(DECLINE, { id: referral.id, reason: text });
      onDeclined();
    },
  });
  useEffect(() => document.getElementById(inputId)?.focus(), [inputId]);
  return (
    <form className="kring-form" noValidate onSubmit={(event) => void submit(event, reason)}>
      <ErrorAlert error={apiError} />
      <LabelledField id={inputId} label={t('ref.in.declineReason')} help={t('ref.in.declineReasonHelp')} problem={problem}>
        {(describedBy) => <Textarea id={inputId} rows={3} value={reason} invalid={problem !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => setReason(e.currentTarget.value)} />}
      </LabelledField>
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {t('ref.in.declineSend')}
        </PrimaryActionButton>
        <SecondaryActionButton type="button" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </SecondaryActionButton>
      </ButtonGroup>
    </form>
  );
}
