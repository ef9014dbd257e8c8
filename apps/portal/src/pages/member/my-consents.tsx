import { useEffect, useRef, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import type { Consent } from '../../api/fragments';
import { gql } from '../../api/generated';
import type { ConsentStatus } from '../../api/generated/graphql';
import { asApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Alert, Button, ButtonGroup, DataList, DataListItem, Heading, ListItem, Paragraph, type BadgeTone, StatusBadge, UnorderedList } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { ConsentReceiptDownload } from './consent-receipt-download';
import { GrantConsentForm } from './grant-consent-form';
import { OurReferrals, useOurReferrals } from './our-referrals';
import { awaitingOf, recipientOf } from './consent-words';
import { ageOn, capitalise, joinWords, labelOf, reachOf, type Reach, todayInNl } from './member-family';

const REACH = gql(`query MyReach { myReach { id self name birthDate decidesConsents } }`);
const CONSENTS = gql(`query Consents($familyId: ID!) { consents(familyId: $familyId) { ...ConsentFields } }`);
const CHOICES = gql(`query ConsentChoices { organisations { ...OrganisationFields } purposes { code domains maxCategories statutoryFor } }`);
const SIGN = gql(`mutation SignConsent($id: ID!) { signConsent(id: $id) { ...ConsentFields } }`);
const REVOKE = gql(`mutation RevokeConsent($id: ID!) { revokeConsent(id: $id) { ...ConsentFields } }`);

const STATUS_ORDER: Record<ConsentStatus, number> = { PENDING: 0, ACTIVE: 1, EXPIRED: 2, REVOKED: 3 };
const STATUS_TONE: Record<ConsentStatus, BadgeTone> = { ACTIVE: 'ok', PENDING: 'warning', EXPIRED: 'neutral', REVOKED: 'neutral' };

/** "Wie mag wat zien": the consents of the member and their young children; sign, revoke, grant. */
export function MyConsentsPage() {
  const { t } = useI18n();
  const { viewer } = useSession();
  usePageTitle(t('member.consents.title'));
  const familyId = viewer?.member?.familyId ?? '';
  const viewerId = viewer?.member?.id ?? '';
  // Whom the member acts for is the API's answer (myReach), never worked out here.
  const members = useApi(() => graphql(REACH).then((d) => d.myReach), 'my-reach');
  const consents = useApi(() => graphql(CONSENTS, { familyId }).then((d) => d.consents), `consents-${familyId}`);
  const choices = useApi(() => graphql(CHOICES), 'consent-choices');
  const referrals = useOurReferrals();
  // Signing or revoking a referral's consent changes the referral's state too.
  const reloadAll = () => {
    consents.reload();
    referrals.reload();
  };
  /** The service each referral's consent is for, so its card says what it belongs to. */
  const referredTo = new Map((referrals.data ?? []).map((r) => [r.consentId, r.service.name]));
  const reach = members.data ? reachOf(members.data, viewerId, viewer?.member?.name ?? null) : null;

  const groups = reach
    ? [
        ...reach.members.map((member) => ({ id: member.id, consents: (consents.data ?? []).filter((c) => c.subjectMemberId === member.id) })),
        // Never expected (the API lists only consents in reach), but never silently dropped either.
        ...[...new Set((consents.data ?? []).map((c) => c.subjectMemberId).filter((id) => !reach.has(id)))].map((id) => ({ id, consents: (consents.data ?? []).filter((c) => c.subjectMemberId === id) })),
      ]
    : [];

  return (
    <>
      <Heading level={1}>{t('member.consents.title')}</Heading>
      <Paragraph lead>{t('member.consents.intro')}</Paragraph>
      <Paragraph>{t('member.consents.rules')}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href="#grant-title">
          {t('member.consents.toGrant')}
        </a>
      </Paragraph>
      <ErrorAlert error={members.error ?? consents.error} />
      {reach && <OurReferrals referrals={referrals} reach={reach} />}
      {(members.loading || consents.loading) && (members.data === null || consents.data === null) && <Paragraph>{t('app.loading')}</Paragraph>}
      {reach &&
        consents.data &&
        groups.map((group) => {
          const name = reach.nameOf(group.id) ?? t('common.unknownMember');
          const headingId = `consents-${group.id}`;
          const sorted = [...group.consents].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt.localeCompare(a.createdAt));
          return (
            <section key={group.id} aria-labelledby={headingId} className="kring-section">
              <Heading level={2} id={headingId}>
                {group.id === viewerId ? t('member.you', { name }) : name}
              </Heading>
              {sorted.length === 0 && <Paragraph>{t('member.consents.none')}</Paragraph>}
              {sorted.map((consent) => (
                <ConsentCard key={consent.id} consent={consent} reach={reach} referredTo={referredTo.get(consent.id) ?? null} onChanged={reloadAll} />
              ))}
            </section>
          );
        })}
      <section aria-labelledby="grant-title" className="kring-section">
        <Heading level={2} id="grant-title">
          {t('member.grant.title')}
        </Heading>
        <ErrorAlert error={choices.error} />
        {reach && choices.data && <GrantConsentForm reach={reach} organisations={choices.data.organisations} purposes={choices.data.purposes} onGranted={consents.reload} />}
      </section>
    </>
  );
}

/** Whether the viewer's signature counts for this consent's subject: then they may also revoke it. */
function mayActOn(consent: Consent, reach: Reach): boolean {
  if (consent.subjectMemberId !== reach.viewerId) return reach.has(consent.subjectMemberId);
  const self = reach.members.find((m) => m.id === reach.viewerId);
  // Under 12 a parent decides; the API says so too (CONSENT_CAPACITY) if this guess is wrong.
  return self?.birthDate == null || ageOn(self.birthDate, todayInNl()) >= 12;
}

function ConsentCard({ consent, reach, referredTo, onChanged }: { consent: Consent; reach: Reach; referredTo: string | null; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'sign' | 'revoke' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const titleId = `consent-title-${consent.id}`;
  const recipient = recipientOf(t, consent, true);
  const awaiting = awaitingOf(t, consent, reach);
  const open = consent.status === 'ACTIVE' || consent.status === 'PENDING';
  const canSign = consent.status === 'PENDING' && consent.awaitingSignatureFrom.includes(reach.viewerId);
  const canRevoke = open && mayActOn(consent, reach);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (message !== null || error !== null) feedbackRef.current?.focus();
  }, [message, error]);

  const act = async (kind: 'sign' | 'revoke') => {
    setBusy(kind);
    setError(null);
    setMessage(null);
    try {
      if (kind === 'sign') {
        const { signConsent } = await graphql(SIGN, { id: consent.id });
        const still = awaitingOf(t, signConsent, reach);
        setMessage(signConsent.status === 'ACTIVE' || still === null ? t('member.consents.signedActive') : t('member.consents.signedPending', { who: still }));
      } else {
        await graphql(REVOKE, { id: consent.id });
        setMessage(t('member.consents.revoked'));
      }
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <article className="kring-card kring-m-consent" data-testid={`consent-${consent.id}`} aria-labelledby={titleId}>
      <div className="kring-m-consent__head">
        <Heading level={3} id={titleId}>
          {recipient}
        </Heading>
        <StatusBadge tone={STATUS_TONE[consent.status]}>{labelOf(t, 'status', consent.status)}</StatusBadge>
      </div>
      {referredTo !== null && <Paragraph>{t('ref.member.consentFor', { service: referredTo })}</Paragraph>}
      <DataList className="kring-m-datalist">
        <DataListItem label={t('member.consents.purposes')}>
          <UnorderedList className="kring-m-compact-list">
            {consent.purposes.map((purpose) => (
              <ListItem key={purpose}>
                <strong>{labelOf(t, 'purpose', purpose)}</strong>. {labelOf(t, 'purposeHelp', purpose)}
              </ListItem>
            ))}
          </UnorderedList>
        </DataListItem>
        <DataListItem label={t('member.consents.categories')}>{joinWords(t, consent.categories.map((c) => labelOf(t, 'category', c)), 'member.and')}</DataListItem>
        <DataListItem label={t('member.consents.valid')}>{t('member.consents.validRange', { from: formatDate(consent.validFrom), until: formatDate(consent.validUntil) })}</DataListItem>
        {consent.revokedAt !== null && <DataListItem label={t('member.consents.revokedAt')}>{formatDate(consent.revokedAt)}</DataListItem>}
        <DataListItem label={t('member.consents.signedBy')}>
          <UnorderedList className="kring-m-compact-list">
            {consent.signatures.map((signature) => (
              <ListItem key={signature.memberId}>
                {capitalise(
                  t('member.consents.signature', {
                    name: signature.memberId === reach.viewerId ? t('member.youLower') : (reach.nameOf(signature.memberId) ?? (signature.capacity === 'PARENT_WITH_AUTHORITY' ? t('member.aParent') : t('common.unknownMember'))),
                    capacity: labelOf(t, 'member.consents.capacity', signature.memberId === reach.viewerId && signature.capacity === 'SUBJECT' ? 'SUBJECT_YOU' : signature.capacity),
                    date: formatDate(signature.signedAt),
                  }),
                )}
              </ListItem>
            ))}
          </UnorderedList>
        </DataListItem>
        {awaiting !== null && <DataListItem label={t('member.consents.awaiting')}>{capitalise(awaiting)}</DataListItem>}
      </DataList>
      {canSign && <Paragraph>{t('member.consents.signHelp')}</Paragraph>}
      {(canSign || canRevoke) && !confirming && (
        <ButtonGroup>
          {canSign && (
            <Button appearance="primary-action-button" type="button" data-testid={`sign-consent-${consent.id}`} busy={busy === 'sign'} disabled={busy !== null} onClick={() => void act('sign')}>
              {t('member.consents.sign')}
            </Button>
          )}
          {canRevoke && (
            <Button ref={revokeRef} appearance="secondary-action-button" type="button" data-testid={`revoke-consent-${consent.id}`} disabled={busy !== null} onClick={() => setConfirming(true)}>
              {t('member.consents.revoke')}
            </Button>
          )}
        </ButtonGroup>
      )}
      {confirming && (
        <div ref={confirmRef} tabIndex={-1} className="kring-m-confirm" role="group" aria-labelledby={`${titleId}-confirm`}>
          <Paragraph>
            <strong id={`${titleId}-confirm`}>
              {consent.recipientOrganisation !== null
                ? t('member.consents.confirmOrganisation', { recipient: recipientOf(t, consent) })
                : t('member.consents.confirmDomain', { recipient: recipientOf(t, consent) })}
            </strong>
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" hint="danger" type="button" busy={busy === 'revoke'} disabled={busy !== null} onClick={() => void act('revoke')}>
              {t('member.consents.confirmYes')}
            </Button>
            <Button
              appearance="secondary-action-button"
              type="button"
              disabled={busy !== null}
              onClick={() => {
                setConfirming(false);
                setTimeout(() => revokeRef.current?.focus(), 0);
              }}
            >
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      )}
      <ConsentReceiptDownload consentId={consent.id} />
      <div ref={feedbackRef} tabIndex={-1} className="kring-m-feedback">
        {message !== null && <Alert type="ok">{message}</Alert>}
        <ErrorAlert error={error} />
      </div>
    </article>
  );
}
