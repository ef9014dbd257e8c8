import { graphql } from '../../api/graphql';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Heading, Paragraph } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { OUR_REFERRALS, type Referral } from '../referral/referral-api';
import { ReferralCard } from '../referral/referral-parts';
import { awaitingOf } from './consent-words';
import type { Reach } from './member-family';

/** The member's referrals (`ourReferrals`: those about their reach), for the consents page. */
export function useOurReferrals() {
  return useApi(() => graphql(OUR_REFERRALS).then((d) => d.ourReferrals), 'our-referrals');
}

/**
 * "Verwijzingen" on *Wie mag wat zien*: each referral about the member or a child in their
 * reach, its status, and the way to the consent it carries, which is signed there like any
 * consent (the referral waits for it).
 */
export function OurReferrals({ referrals, reach }: { referrals: ReturnType<typeof useOurReferrals>; reach: Reach }) {
  const { t } = useI18n();
  const name = (memberId: string) => (memberId === reach.viewerId ? t('member.you', { name: reach.nameOf(memberId) ?? '' }) : (reach.nameOf(memberId) ?? t('common.unknownMember')));
  if (referrals.data !== null && referrals.data.length === 0 && referrals.error === null) return null;
  return (
    <section aria-labelledby="referrals-title" className="kring-section">
      <Heading level={2} id="referrals-title">
        {t('ref.member.title')}
      </Heading>
      <Paragraph>{t('ref.member.intro')}</Paragraph>
      <ErrorAlert error={referrals.error} />
      {referrals.data?.map((referral: Referral) => (
        <ReferralCard key={referral.id} referral={referral} memberName={name} awaiting={awaitingOf(t, referral, reach)} level={3}>
          {referral.status === 'PROPOSED' && referral.awaitingSignatureFrom.includes(reach.viewerId) && (
            <Paragraph>
              <a className="utrecht-link" href={`#consent-title-${referral.consentId}`}>
                {t('ref.member.toConsent')}
              </a>
            </Paragraph>
          )}
        </ReferralCard>
      ))}
    </section>
  );
}
