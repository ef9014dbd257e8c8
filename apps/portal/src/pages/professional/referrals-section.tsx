import { useState } from 'react';
import type { FamilyMember } from '../../api/fragments';
import { type ApiError, graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { asApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Alert, Paragraph, SecondaryActionButton, Section } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { awaitingOf } from '../member/consent-words';
import type { Reach } from '../member/member-family';
import { ReferForm } from '../referral/refer-form';
import { FAMILY_REFERRALS, type Referral, WITHDRAW } from '../referral/referral-api';
import { ReferralCard, referralRefusal } from '../referral/referral-parts';

/**
 * "Verwijzingen" in the family file: the family's referrals (who is, or may become, involved;
 * the note and the decline reason only for the referring organisation, as the API decides), the
 * withdrawal of one's own organisation's open referral, and the form that refers.
 */
export function ReferralsSection({ familyId, members, label }: { familyId: string; members: readonly FamilyMember[]; label: (memberId: string) => string }) {
  const { t } = useI18n();
  const referrals = useApi(() => graphql(FAMILY_REFERRALS, { familyId }).then((d) => d.referrals), `family-referrals-${familyId}`);
  // Who must still sign, in the words a member's page uses, naming everyone as the file does (a professional acts for no one).
  const names: Reach = { viewerId: '', members: [], has: () => true, nameOf: label };
  return (
    <Section id="file-referrals" title={t('ref.pro.title')}>
      <Paragraph>{t('ref.pro.intro')}</Paragraph>
      <ErrorAlert error={referrals.error} />
      {referrals.data === null && referrals.loading && <Paragraph>{t('app.loading')}</Paragraph>}
      {referrals.data !== null && referrals.data.length === 0 && <Paragraph>{t('ref.pro.none')}</Paragraph>}
      {referrals.data?.map((referral) => (
        <ReferralCard key={referral.id} referral={referral} memberName={label} awaiting={awaitingOf(t, referral, names)} level={3}>
          <Withdraw referral={referral} onWithdrawn={referrals.reload} />
        </ReferralCard>
      ))}
      <ReferForm familyId={familyId} members={members.map((m) => ({ id: m.id, label: label(m.id) }))} onReferred={referrals.reload} />
    </Section>
  );
}

/** Withdrawing an open referral of one's own organisation; the consent it carried ends with it. */
function Withdraw({ referral, onWithdrawn }: { referral: Referral; onWithdrawn: () => void }) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  if (done) return <Alert type="ok">{t('ref.pro.withdrawn')}</Alert>;
  if (referral.status !== 'PROPOSED' || referral.referringOrganisation.id !== viewer?.professional?.organisation.id) return null;
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await graphql(WITHDRAW, { id: referral.id });
      setDone(true);
      onWithdrawn();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const refusal = error === null ? null : referralRefusal(t, error);
  return (
    <>
      {refusal !== null ? <Alert type="error">{refusal}</Alert> : <ErrorAlert error={error} />}
      <SecondaryActionButton type="button" busy={busy} disabled={busy} onClick={() => void withdraw()}>
        {t('ref.pro.withdraw')}
      </SecondaryActionButton>
    </>
  );
}
