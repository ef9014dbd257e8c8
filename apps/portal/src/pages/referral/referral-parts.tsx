import type { ReactNode } from 'react';
import type { ApiError } from '../../api/graphql';
import type { ReferralStatus } from '../../api/generated/graphql';
import { type MessageKey, type Translate, useI18n } from '../../i18n/i18n';
import { type BadgeTone, DataList, DataListItem, Heading, StatusBadge } from '../../ui';
import { labelOf } from '../member/member-family';
import type { Referral } from './referral-api';

const STATUS_TONE: Record<ReferralStatus, BadgeTone> = { PROPOSED: 'warning', ACCEPTED: 'ok', DECLINED: 'neutral', WITHDRAWN: 'neutral' };

/** A referral's status as a badge, in words. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useI18n();
  return <StatusBadge tone={STATUS_TONE[status]}>{t(`ref.status.${status}`)}</StatusBadge>;
}

/** The service's waiting time as it stood at the referral (kept with it), or "not known". */
export function WaitingAtReferral({ referral }: { referral: { waitingWeeks?: number | null; waitingTimeStatedOn?: string | null } }) {
  const { t, formatDate } = useI18n();
  const known = referral.waitingWeeks != null && referral.waitingTimeStatedOn != null;
  return (
    <DataListItem label={t('ref.waiting')}>
      {known ? t('ref.waitingWeeks', { weeks: referral.waitingWeeks ?? 0, date: formatDate(referral.waitingTimeStatedOn ?? '') }) : t('ref.waitingUnknown')}
    </DataListItem>
  );
}

/** The words for an API refusal of a referral act (`extensions.refusal`), or null when this page has none for it. */
export function referralRefusal(t: Translate, failure: ApiError): string | null {
  if (failure.refusal === null) return null;
  const key = `ref.refusal.${failure.refusal}` as MessageKey;
  const words = t(key);
  return words === key ? null : words;
}

/**
 * One referral as the caller may see it (the family's or an involved organisation's view):
 * the help and its organisation, whom it is for, who referred, when, the waiting time then,
 * the purpose, the consent and who must still sign, the note and the decline reason where the
 * API shows them. Status is said in words, never by colour alone.
 */
export function ReferralCard({
  referral: r,
  memberName,
  awaiting,
  level,
  children,
}: {
  referral: Referral;
  memberName: (memberId: string) => string;
  /** Who must still sign its consent, in the page's words; null when nobody. */
  awaiting: string | null;
  level: 2 | 3;
  children?: ReactNode;
}) {
  const { t, formatDate } = useI18n();
  const titleId = `referral-${r.id}`;
  return (
    <article className="kring-card" aria-labelledby={titleId} data-testid="referral">
      <div className="kring-m-consent__head">
        <Heading level={level} id={titleId}>
          {r.service.name} · {r.receivingOrganisation.name}
        </Heading>
        <ReferralStatusBadge status={r.status} />
      </div>
      <DataList className="kring-m-datalist">
        <DataListItem label={t('ref.member')}>{memberName(r.subjectMemberId)}</DataListItem>
        <DataListItem label={t('ref.from')}>{r.referringOrganisation.name}</DataListItem>
        <DataListItem label={t('ref.referredAt')}>{formatDate(r.referredAt)}</DataListItem>
        {r.answeredAt !== null && <DataListItem label={t('ref.answeredAt')}>{formatDate(r.answeredAt)}</DataListItem>}
        <WaitingAtReferral referral={r} />
        <DataListItem label={t('ref.purpose')}>{labelOf(t, 'purpose', r.purpose)}</DataListItem>
        <DataListItem label={t('ref.consent')}>
          {labelOf(t, 'status', r.consentStatus)}
          {r.consentStatus === 'PENDING' && awaiting !== null && <>. {t('ref.consentAwaiting', { who: awaiting })}</>}
        </DataListItem>
        {r.note !== null && <DataListItem label={t('ref.note')}>{r.note}</DataListItem>}
        {r.declineReason !== null && <DataListItem label={t('ref.declineReason')}>{r.declineReason}</DataListItem>}
      </DataList>
      {children}
    </article>
  );
}
