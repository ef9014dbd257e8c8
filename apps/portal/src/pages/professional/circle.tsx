import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Circle } from '../../api/fragments';
import { type ApiError, graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import { asApiError, useApi } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Alert, CaptionedTable, Heading, Paragraph, PrimaryActionButton, Section, Select, StatusBadge, TableCell, TableRow, Textarea } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { LabelledField, useFieldProblems } from '../../ui/labelled-field';
import { ProfessionalDetails } from '../member/circle-parts';
import { labelOf } from '../member/member-family';
import { ShieldingPanel } from './shield-involvement';

// The shieldings in force come only to whom may shield an involvement (null for everyone else).
const CIRCLE = gql(`query Circle($familyId: ID!) { circle(familyId: $familyId) { ...CircleFields involvements { id shieldings { id memberId shieldedAt } } } }`);
const TRANSFER = gql(`mutation TransferCaseDirection($input: TransferCaseDirectionInput!) { transferCaseDirection(input: $input) { id to { id name } } }`);

/** The API's bounds of a handover note (docs/circle.md), checked here first so the professional hears it in words. */
const NOTE_LENGTH = { min: 10, max: 4000 } as const;

/** Refusals of a handover this form explains in its own words (`extensions.refusal`, else the code). */
const EXPLAINED = new Set(['NOT_CASE_DIRECTOR', 'TARGET_NOT_INVOLVED', 'NOT_FOUND']);

/**
 * The circle in the professional's file (the Verwijsindex view): every involvement with its
 * contact, the handover of case direction, and, for an organisation with a statutory task, the
 * shielding of its own involvement from named members. `members` and `label`: the file's.
 */
export function CircleSection({ familyId, members, label, onChanged }: { familyId: string; members: readonly { readonly id: string }[]; label: (memberId: string) => string; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const { viewer, hasRole } = useSession();
  const circle = useApi(() => graphql(CIRCLE, { familyId }).then((d) => d.circle), `circle-${familyId}`);
  const data = circle.data;
  const directing = data?.involvements.find((i) => i.caseDirection) ?? null;
  // A hint for showing the form; the API decides (and says NOT_CASE_DIRECTOR otherwise).
  const mayTransfer =
    data !== null && directing !== null && (data.caseDirector?.id === viewer?.professional?.id || (hasRole('TEAM_LEAD') && directing.organisation.id === viewer?.professional?.organisation.id));

  return (
    <Section id="file-circle" title={t('circle.pro.title')}>
      <Paragraph>{t('circle.pro.intro')}</Paragraph>
      <ErrorAlert error={circle.error} />
      {data === null && circle.loading && <Paragraph>{t('app.loading')}</Paragraph>}
      {data !== null && (
        <>
          <Heading level={3}>{t('circle.pro.director')}</Heading>
          {data.caseDirector === null ? <Paragraph>{t('circle.pro.noDirector')}</Paragraph> : <ProfessionalDetails professional={data.caseDirector} testId="circle-case-director" />}
          {data.handover !== null && (
            <>
              <Paragraph>{t('circle.pro.handover', { organisation: data.handover.from.name, date: formatDate(data.handover.handedOverAt) })}</Paragraph>
              {data.handover.note !== null && (
                <blockquote className="utrecht-blockquote kring-handover-note" aria-label={t('circle.pro.note')}>
                  <p className="utrecht-paragraph">{data.handover.note}</p>
                </blockquote>
              )}
            </>
          )}
          <CaptionedTable caption={t('circle.pro.caption')} columns={[t('circle.organisation'), t('circle.forWhat'), t('circle.since'), t('circle.contactPerson'), t('circle.reach')]}>
            {data.involvements.map((involvement) => (
              <TableRow key={involvement.id} className={involvement.caseDirection ? 'kring-row--case-direction' : undefined}>
                <TableCell>
                  {involvement.organisation.name}
                  {involvement.caseDirection && (
                    <>
                      {' '}
                      <StatusBadge tone="ok">{t('circle.holdsDirection')}</StatusBadge>
                    </>
                  )}
                </TableCell>
                <TableCell>{labelOf(t, 'domain', involvement.organisation.domain)}</TableCell>
                <TableCell>{formatDate(involvement.since)}</TableCell>
                <TableCell>{involvement.contact?.name ?? t('circle.noContactPerson')}</TableCell>
                <TableCell>{involvement.contact?.contact ?? t('circle.noContact')}</TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
          {data.involvements.map((involvement) =>
            involvement.shieldings === null ? null : (
              <ShieldingPanel key={involvement.id} involvementId={involvement.id} shieldings={involvement.shieldings} members={members} label={label} onChanged={circle.reload} />
            ),
          )}
          {mayTransfer && (
            <TransferForm
              familyId={familyId}
              circle={data}
              directingOrganisationId={directing.organisation.id}
              onTransferred={() => {
                circle.reload();
                onChanged();
              }}
            />
          )}
        </>
      )}
    </Section>
  );
}

type Problems = Partial<Record<'to' | 'note', string>>;

/** Hands case direction to a contact professional of another involved organisation, with a note (a warm handover). */
function TransferForm({ familyId, circle, directingOrganisationId, onTransferred }: { familyId: string; circle: Circle; directingOrganisationId: string; onTransferred: () => void }) {
  const { t } = useI18n();
  const candidates = circle.involvements.flatMap((i) => (i.organisation.id !== directingOrganisationId && i.contact !== null ? [i.contact] : []));
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const { problems, refuse, clear, form } = useFieldProblems<keyof Problems>();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const feedback = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done !== null || apiError !== null) feedback.current?.focus();
  }, [done, apiError]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    setDone(null);
    const found: Problems = {};
    if (to === '') found.to = t('circle.transfer.toProblem');
    const text = note.trim();
    if (text.length < NOTE_LENGTH.min || text.length > NOTE_LENGTH.max) found.note = t('circle.transfer.noteProblem');
    if (Object.keys(found).length > 0) return refuse(found);
    clear();
    setBusy(true);
    try {
      const { transferCaseDirection } = await graphql(TRANSFER, { input: { familyId, toProfessionalId: to, note: text } });
      setDone(t('circle.transfer.done', { name: transferCaseDirection.to.name }));
      setTo('');
      setNote('');
      onTransferred();
    } catch (error) {
      const failure = asApiError(error);
      if (failure.code === 'BAD_USER_INPUT' && failure.field === 'note') refuse({ note: t('circle.transfer.noteProblem') });
      else if (failure.refusal === 'TARGET_NOT_INVOLVED') refuse({ to: t('circle.transfer.TARGET_NOT_INVOLVED') });
      else setApiError(failure);
    } finally {
      setBusy(false);
    }
  };

  const explained = apiError === null ? null : (apiError.refusal ?? apiError.code);
  return (
    <section aria-labelledby="transfer-title" className="kring-card kring-transfer">
      <Heading level={3} id="transfer-title">
        {t('circle.transfer.title')}
      </Heading>
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {done !== null && <Alert type="ok">{done}</Alert>}
        <ErrorAlert error={apiError} />
        {explained !== null && EXPLAINED.has(explained) && <Paragraph>{t(`circle.transfer.${explained}` as MessageKey)}</Paragraph>}
      </div>
      {candidates.length === 0 ? (
        <Paragraph>{t('circle.transfer.noOthers')}</Paragraph>
      ) : (
        <form ref={form} className="kring-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="transfer-title">
          <Paragraph>{t('circle.transfer.intro')}</Paragraph>
          {Object.keys(problems).length > 0 && <Alert type="error">{t('circle.transfer.invalid')}</Alert>}
          <LabelledField id="transfer-to" label={t('circle.transfer.to')} help={t('circle.transfer.toHelp')} problem={problems.to}>
            {(describedBy) => (
              <Select id="transfer-to" value={to} invalid={problems.to !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => setTo(e.currentTarget.value)}>
                <option value="">{t('circle.transfer.choose')}</option>
                {candidates.map((professional) => (
                  <option key={professional.id} value={professional.id}>
                    {professional.name} ({professional.organisation.name})
                  </option>
                ))}
              </Select>
            )}
          </LabelledField>
          <LabelledField id="transfer-note" label={t('circle.transfer.note')} help={t('circle.transfer.noteHelp')} problem={problems.note}>
            {(describedBy) => (
              <Textarea id="transfer-note" rows={5} value={note} invalid={problems.note !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => setNote(e.currentTarget.value)} />
            )}
          </LabelledField>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('circle.transfer.submit')}
          </PrimaryActionButton>
        </form>
      )}
    </section>
  );
}
