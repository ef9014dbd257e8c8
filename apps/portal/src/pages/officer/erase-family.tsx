import { type FormEvent, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import type { EraseMutation } from '../../api/generated/graphql';
import { asApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import {
  Alert,
  CaptionedTable,
  DataList,
  DataListItem,
  Heading,
  Paragraph,
  PrimaryActionButton,
  Section,
  TableCell,
  TableHeaderCell,
  TableRow,
  Textarea,
  Textbox,
} from '../../ui';
import { Choice } from '../../ui/choice';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { LabelledField, useFieldProblems } from '../../ui/labelled-field';

const ERASE = gql(`mutation Erase($id: ID!, $reason: String!) {
  eraseFamily(id: $id, reason: $reason) { familyId erasedAt organisation { name } members records consents breakGlassGrants }
}`);
const ERASURES = gql(`query Erasures { familyErasures(first: 50) { edges { node { familyId erasedAt organisation { name } members records reason } } pageInfo { hasNextPage } } }`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Receipt = EraseMutation['eraseFamily'];

type Problems = Partial<Record<'familyId' | 'reason' | 'confirm', string>>;

/**
 * The chain privacy officer erases a family (AVG art. 17) by destroying its data key. It
 * cannot be undone, so the page says what happens, asks for the request's reference and a
 * confirmation, and shows the receipt. The API decides; the page only checks the form first.
 */
export function EraseFamilyPage() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('erase.title'));
  const [familyId, setFamilyId] = useState('');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const { problems, refuse, clear, form } = useFieldProblems<keyof Problems>();
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const past = useApi(() => graphql(ERASURES).then((d) => d.familyErasures), 'erasures');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    setReceipt(null);
    const found: Problems = {};
    if (!UUID.test(familyId.trim())) found.familyId = t('erase.problem.familyId');
    if (reason.trim().length < 10) found.reason = t('erase.problem.reason');
    if (!confirmed) found.confirm = t('erase.problem.confirm');
    if (Object.keys(found).length > 0) return refuse(found);
    clear();
    setBusy(true);
    try {
      const { eraseFamily } = await graphql(ERASE, { id: familyId.trim(), reason: reason.trim() });
      setReceipt(eraseFamily);
      past.reload();
      setFamilyId('');
      setReason('');
      setConfirmed(false);
    } catch (error) {
      const failure = asApiError(error);
      if (failure.code === 'NOT_FOUND') refuse({ familyId: t('erase.problem.notFound') });
      else if (failure.code === 'BAD_USER_INPUT' && failure.field === 'id') refuse({ familyId: t('erase.problem.unreviewed') });
      else if (failure.code === 'BAD_USER_INPUT' && failure.field === 'reason') refuse({ reason: t('erase.problem.reason') });
      else setApiError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading level={1}>{t('erase.title')}</Heading>
      <Paragraph lead>{t('erase.intro.what')}</Paragraph>
      <Paragraph>{t('erase.intro.stays')}</Paragraph>
      <Paragraph>{t('erase.intro.backups')}</Paragraph>
      {receipt !== null && (
        <Section id="erase-receipt" title={t('erase.receipt.title')}>
          <Alert type="ok">{t('erase.receipt.done')}</Alert>
          <DataList>
            <DataListItem label={t('erase.receipt.family')}>
              <code>{receipt.familyId}</code>
            </DataListItem>
            <DataListItem label={t('erase.receipt.at')}>
              <time dateTime={receipt.erasedAt}>{formatDateTime(receipt.erasedAt)}</time>
            </DataListItem>
            <DataListItem label={t('erase.receipt.by')}>{receipt.organisation.name}</DataListItem>
            <DataListItem label={t('erase.receipt.members')}>{receipt.members}</DataListItem>
            <DataListItem label={t('erase.receipt.records')}>{receipt.records}</DataListItem>
            <DataListItem label={t('erase.receipt.consents')}>{receipt.consents}</DataListItem>
            <DataListItem label={t('erase.receipt.grants')}>{receipt.breakGlassGrants}</DataListItem>
          </DataList>
        </Section>
      )}
      {Object.keys(problems).length > 0 && <Alert type="error">{t('erase.invalid')}</Alert>}
      <ErrorAlert error={apiError} />
      <form ref={form} className="kring-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('erase.title')}>
        <LabelledField id="erase-family-id" label={t('erase.familyId')} help={t('erase.familyIdHelp')} problem={problems.familyId}>
          {(describedBy) => (
            <Textbox
              id="erase-family-id"
              autoComplete="off"
              spellCheck={false}
              value={familyId}
              invalid={problems.familyId !== undefined}
              aria-required
              aria-describedby={describedBy}
              onChange={(e) => setFamilyId(e.currentTarget.value)}
            />
          )}
        </LabelledField>
        <LabelledField id="erase-reason" label={t('erase.reason')} help={t('erase.reasonHelp')} problem={problems.reason}>
          {(describedBy) => (
            <Textarea
              id="erase-reason"
              rows={3}
              value={reason}
              invalid={problems.reason !== undefined}
              aria-required
              aria-describedby={describedBy}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
        </LabelledField>
        <Choice type="checkbox" id="erase-confirm" checked={confirmed} onChange={setConfirmed} label={t('erase.confirm')} error={problems.confirm} />
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {t('erase.button')}
        </PrimaryActionButton>
      </form>
      <Section id="erase-past" title={t('erase.past.title')}>
        <ErrorAlert error={past.error} />
        {past.data !== null && past.data.edges.length === 0 && <Paragraph>{t('erase.past.none')}</Paragraph>}
        {past.data !== null && past.data.edges.length > 0 && (
          <CaptionedTable caption={t(past.data.pageInfo.hasNextPage ? 'erase.past.captionLatest' : 'erase.past.caption')} columns={[t('erase.receipt.at'), t('erase.receipt.family'), t('erase.receipt.by'), t('erase.reason'), t('erase.receipt.members'), t('erase.receipt.records')]}>
            {past.data.edges.map(({ node }) => (
              <TableRow key={node.familyId}>
                <TableHeaderCell scope="row">
                  <time dateTime={node.erasedAt}>{formatDateTime(node.erasedAt)}</time>
                </TableHeaderCell>
                <TableCell>
                  <code>{node.familyId}</code>
                </TableCell>
                <TableCell>{node.organisation.name}</TableCell>
                <TableCell>{node.reason}</TableCell>
                <TableCell>{node.members}</TableCell>
                <TableCell>{node.records}</TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
        )}
      </Section>
    </>
  );
}
