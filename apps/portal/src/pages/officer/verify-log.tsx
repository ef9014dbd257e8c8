import { useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import type { CheckpointMutation, VerifyQuery } from '../../api/generated/graphql';
import { asApiError } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { ButtonGroup, DataList, DataListItem, Paragraph, PrimaryActionButton, SecondaryActionButton, StatusBadge } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';

const VERIFY = gql(`query Verify($familyId: ID) {
  verifyAccessLog(familyId: $familyId) { intact chainsChecked entriesChecked checkpointsVerified keyId verifiedAt firstBroken { chainKey sequence problem entryId } }
}`);
const CHECKPOINT = gql(`mutation Checkpoint { checkpointAccessLog { signed signedAt } }`);

type LogVerification = VerifyQuery['verifyAccessLog'];
type CheckpointReport = CheckpointMutation['checkpointAccessLog'];
/** Problem codes we have plain words for (officer.ts `officer.problem.X`); others are shown as their code. */
const PROBLEMS: ReadonlySet<string> = new Set(['CHANGED', 'MISSING', 'INSERTED', 'REORDERED', 'TRUNCATED', 'CHECKPOINT_INVALID']);

/**
 * "Is the log intact?": checks the hash chains and signed checkpoints, of one family when
 * the filter names one, else of the whole log. The answer lands in a status region, so a
 * screen reader reads it out when it arrives.
 */
export function VerifyLog({ familyId }: { familyId: string | null }) {
  const { t, formatDateTime } = useI18n();
  const [busy, setBusy] = useState<'verify' | 'sign' | null>(null);
  const [result, setResult] = useState<{ verification: LogVerification; familyId: string | null } | null>(null);
  const [signed, setSigned] = useState<CheckpointReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const verify = async () => {
    setBusy('verify');
    setError(null);
    setSigned(null);
    try {
      const { verifyAccessLog } = await graphql(VERIFY, { familyId });
      setResult({ verification: verifyAccessLog, familyId });
    } catch (e) {
      setResult(null);
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const sign = async () => {
    setBusy('sign');
    setError(null);
    setResult(null);
    try {
      const { checkpointAccessLog } = await graphql(CHECKPOINT);
      setSigned(checkpointAccessLog);
    } catch (e) {
      setSigned(null);
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const v = result?.verification;
  const broken = v?.firstBroken ?? null;
  return (
    <>
      <Paragraph>{familyId === null ? t('officer.verify.scopeAll') : t('officer.verify.scopeFamily', { id: shortId(familyId) })}</Paragraph>
      <ButtonGroup>
        <PrimaryActionButton type="button" busy={busy === 'verify'} disabled={busy !== null} onClick={() => void verify()}>
          {t('officer.verify.button')}
        </PrimaryActionButton>
        <SecondaryActionButton type="button" busy={busy === 'sign'} disabled={busy !== null} onClick={() => void sign()}>
          {t('officer.verify.sign')}
        </SecondaryActionButton>
      </ButtonGroup>
      <div role="status" data-testid="verify-result" data-intact={v === undefined ? undefined : String(v.intact)} className="kring-verify-result">
        {busy === 'verify' && <Paragraph>{t('officer.verify.busy')}</Paragraph>}
        {v !== undefined && (
          <>
            <Paragraph>
              <StatusBadge tone={v.intact ? 'ok' : 'error'}>{v.intact ? t('officer.verify.intactBadge') : t('officer.verify.brokenBadge')}</StatusBadge>{' '}
              {v.intact ? t('officer.verify.intact') : t('officer.verify.broken')}
            </Paragraph>
            <DataList>
              <DataListItem label={t('officer.verify.checked')}>
                {result?.familyId === null || result?.familyId === undefined ? t('officer.verify.checkedAll') : t('officer.verify.checkedFamily', { id: shortId(result.familyId) })}
              </DataListItem>
              <DataListItem label={t('officer.verify.entries')}>{v.entriesChecked}</DataListItem>
              <DataListItem label={t('officer.verify.chains')}>{v.chainsChecked}</DataListItem>
              <DataListItem label={t('officer.verify.checkpoints')}>{v.checkpointsVerified}</DataListItem>
              <DataListItem label={t('officer.verify.keyId')}>
                <code>{v.keyId}</code>
              </DataListItem>
              <DataListItem label={t('officer.verify.at')}>
                <time dateTime={v.verifiedAt}>{formatDateTime(v.verifiedAt)}</time>
              </DataListItem>
              {broken !== null && (
                <>
                  <DataListItem label={t('officer.verify.problem')}>
                    {PROBLEMS.has(broken.problem) ? t(`officer.problem.${broken.problem}` as MessageKey) : t('officer.problem.other', { code: broken.problem })}
                  </DataListItem>
                  <DataListItem label={t('officer.verify.chain')}>
                    <code>{broken.chainKey}</code>
                  </DataListItem>
                  <DataListItem label={t('officer.verify.sequence')}>{broken.sequence}</DataListItem>
                  <DataListItem label={t('officer.verify.entryId')}>{broken.entryId === null ? t('officer.verify.noEntry') : <code>{broken.entryId}</code>}</DataListItem>
                </>
              )}
            </DataList>
            {v.checkpointsVerified === 0 && v.entriesChecked > 0 && <Paragraph>{t('officer.verify.noCheckpoints')}</Paragraph>}
          </>
        )}
        {signed !== null && (
          <Paragraph>
            {t(signed.signed === 0 ? 'officer.verify.signedNone' : signed.signed === 1 ? 'officer.verify.signedOne' : 'officer.verify.signed', { count: signed.signed, at: formatDateTime(signed.signedAt) })}
          </Paragraph>
        )}
      </div>
      <ErrorAlert error={error} />
    </>
  );
}

/** The last part of an id: enough to tell ids apart in a table, and still pseudonymous. */
export function shortId(id: string): string {
  return id.length > 8 ? `…${id.slice(-8)}` : id;
}
