import { useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { asApiError } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Button, Paragraph } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';

const RECEIPTS = gql(`query ConsentReceipts($consentId: ID!) { consentReceipts(consentId: $consentId) { receiptId event eventTime document } }`);

/**
 * Downloads the signed receipts of one consent (ISO/IEC TS 27560, docs/consent-receipts.md) as a
 * JSON file the family can keep: every event so far, each signed with the gateway's key, which
 * anyone can check with the key at /.well-known/kring-receipt-keys. Each download is logged.
 */
export function ConsentReceiptDownload({ consentId }: { readonly consentId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { consentReceipts } = await graphql(RECEIPTS, { consentId });
      const file = {
        consentId,
        verifyWith: '/.well-known/kring-receipt-keys',
        receipts: consentReceipts.map((r) => JSON.parse(r.document) as unknown),
      };
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `kring-toestemming-${consentId}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="kring-m-receipt">
      <Paragraph>{t('member.consents.receiptHelp')}</Paragraph>
      <Button appearance="secondary-action-button" type="button" data-testid={`download-receipt-${consentId}`} busy={busy} disabled={busy} onClick={() => void download()}>
        {t('member.consents.receiptDownload')}
      </Button>
      <ErrorAlert error={error} />
    </div>
  );
}
