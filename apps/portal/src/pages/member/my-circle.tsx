import { useEffect, useState } from 'react';
import type { Circle } from '../../api/fragments';
import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Button, DataList, DataListItem, Heading, Paragraph, PrimaryActionButton, StatusBadge, Textarea } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { LabelledField } from '../../ui/labelled-field';
import { useTextSubmission } from '../../ui/text-submission';
import { ProfessionalDetails } from './circle-parts';
import { labelOf } from './member-family';

const MY_CIRCLE = gql(`query MyCircle { myCircle { ...CircleFields } }`);
const REQUEST = gql(`mutation RequestOtherCaseDirector($reason: String!) { requestOtherCaseDirector(reason: $reason) { id requestedAt } }`);

/** The API's bounds of a request's reason (docs/circle.md), checked here first so the member hears it in words. */
const REASON_LENGTH = { min: 10, max: 2000 } as const;

/** The top of the member's start page: their case director, the handover note, and who is helping (DESIGN.md §9). */
export function MyCircle() {
  const { t } = useI18n();
  const circle = useApi(() => graphql(MY_CIRCLE).then((d) => d.myCircle), 'my-circle');
  return (
    <>
      <ErrorAlert error={circle.error} />
      {circle.loading && circle.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {circle.data && (
        <>
          <CaseDirector circle={circle.data} />
          <WhoHelps circle={circle.data} />
        </>
      )}
    </>
  );
}

function CaseDirector({ circle }: { circle: Circle }) {
  const { t, formatDate } = useI18n();
  const director = circle.caseDirector;
  return (
    <section aria-labelledby="member-case-director" className="kring-section kring-card">
      <Heading level={2} id="member-case-director">
        {t('circle.member.directorTitle')}
      </Heading>
      {director === null ? (
        <Paragraph>{t('circle.member.noDirector')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('circle.member.directorIntro')}</Paragraph>
          <ProfessionalDetails professional={director} testId="case-director-name" />
        </>
      )}
      {circle.handover !== null && (
        <>
          <Heading level={3}>{t('circle.member.handoverTitle')}</Heading>
          <Paragraph>{t('circle.member.handoverFrom', { organisation: circle.handover.from.name, date: formatDate(circle.handover.handedOverAt) })}</Paragraph>
          {circle.handover.note !== null && (
            <blockquote className="utrecht-blockquote kring-handover-note" data-testid="handover-note">
              <p className="utrecht-paragraph">{circle.handover.note}</p>
            </blockquote>
          )}
        </>
      )}
      <RequestOtherCaseDirector />
    </section>
  );
}

function WhoHelps({ circle }: { circle: Circle }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="member-circle" className="kring-section">
      <Heading level={2} id="member-circle">
        {t('circle.member.circleTitle')}
      </Heading>
      {circle.involvements.length === 0 ? (
        <Paragraph>{t('circle.member.circleNone')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('circle.member.circleIntro')}</Paragraph>
          <div className="kring-cards kring-circle-cards" data-testid="member-circle">
            {circle.involvements.map((involvement) => (
              <article key={involvement.id} className="kring-card" aria-labelledby={`circle-${involvement.id}`}>
                <Heading level={3} id={`circle-${involvement.id}`}>
                  {involvement.organisation.name}
                </Heading>
                {involvement.caseDirection && <StatusBadge tone="neutral">{t('circle.holdsDirection')}</StatusBadge>}
                <DataList className="kring-m-datalist">
                  <DataListItem label={t('circle.forWhat')}>{labelOf(t, 'domain', involvement.organisation.domain)}</DataListItem>
                  <DataListItem label={t('circle.since')}>{formatDate(involvement.since)}</DataListItem>
                  <DataListItem label={t('circle.contactPerson')}>
                    {involvement.contact === null ? (
                      <span className="kring-m-muted">{t('circle.noContactPerson')}</span>
                    ) : (
                      <>
                        {involvement.contact.name}
                        {involvement.contact.contact !== null && <>, {involvement.contact.contact}</>}
                      </>
                    )}
                  </DataListItem>
                </DataList>
              </article>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** "Ik wil een andere regisseur": the request, with the member's reason, reaches the team leads. */
function RequestOtherCaseDirector() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { problem, apiError, sent, busy, feedback, submit } = useTextSubmission({
    inputId: 'request-reason',
    apiField: 'reason',
    length: REASON_LENGTH,
    problem: t('circle.request.reasonProblem'),
    send: async (text) => {
      await graphql(REQUEST, { reason: text });
      setOpen(false);
      setReason('');
    },
  });

  useEffect(() => {
    if (open) document.getElementById('request-reason')?.focus();
  }, [open]);

  return (
    <div className="kring-m-request">
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {sent && (
          <Alert type="ok">
            {t('circle.request.sent')} <Link to="/me/escalations">{t('esc.member.followRequest')}</Link>
          </Alert>
        )}
      </div>
      {!open ? (
        <Button appearance="secondary-action-button" type="button" onClick={() => setOpen(true)}>
          {t('circle.request.open')}
        </Button>
      ) : (
        <form className="kring-form" noValidate onSubmit={(event) => void submit(event, reason)} aria-labelledby="request-title">
          <Heading level={3} id="request-title">
            {t('circle.request.title')}
          </Heading>
          <Paragraph>{t('circle.request.intro')}</Paragraph>
          <ErrorAlert error={apiError} />
          <LabelledField id="request-reason" label={t('circle.request.reason')} help={t('circle.request.reasonHelp')} problem={problem}>
            {(describedBy) => (
              <Textarea id="request-reason" rows={4} value={reason} invalid={problem !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => setReason(e.currentTarget.value)} />
            )}
          </LabelledField>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('circle.request.send')}
          </PrimaryActionButton>
        </form>
      )}
    </div>
  );
}
