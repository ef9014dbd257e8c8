import { type FormEvent, useRef, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import type { BreakGlassQueueQuery } from '../../api/generated/graphql';
import { asApiError, useApi } from '../../api/use-api';
import { type Translate, useI18n } from '../../i18n/i18n';
import { Alert, CaptionedTable, DataList, DataListItem, Heading, Paragraph, PrimaryActionButton, StatusBadge, TableCell, TableHeaderCell, TableRow, Textbox } from '../../ui';
import { Choice } from '../../ui/choice';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { LabelledField, TextQuestion, useFieldProblems } from '../../ui/labelled-field';
import { ChoiceGroup } from '../plan/plan-form-fields';

const QUEUE = gql(`query BreakGlassQueue {
  breakGlassGrants {
    id familyId organisation { ...OrganisationFields } professionalId professionalName justification purpose categories openedAt expiresAt status overdue
    review { verdict reviewedAt }
    consultedColleague { id name organisation { ...OrganisationFields } }
    concernedMemberIds
    notice { state deferredUntil deferralReason }
    uses { entryId occurredAt activity subjectMemberIds categories fields }
  }
}`);
const REVIEW = gql(`mutation ReviewBreakGlass($id: ID!, $verdict: BreakGlassVerdict!, $note: String!) { reviewBreakGlass(id: $id, verdict: $verdict, note: $note) { id status } }`);
const DEFER = gql(`mutation DeferBreakGlassNotice($id: ID!, $until: DateTime!, $reason: String!) { deferBreakGlassNotice(id: $id, until: $until, reason: $reason) { id notice { state deferredUntil } } }`);

type Grant = BreakGlassQueueQuery['breakGlassGrants'][number];

/** Open first (overdue first, then the oldest), as an officer works through them. */
function openInOrder(grants: readonly Grant[]): Grant[] {
  return grants.filter((g) => g.status !== 'REVIEWED').sort((a, b) => (a.overdue !== b.overdue ? (a.overdue ? -1 : 1) : a.openedAt.localeCompare(b.openedAt)));
}

/** Ids are the pseudonyms the officer's pages show (the log's table too): whole, since demo ids share their first characters. */
function Pseudonyms({ ids }: { ids: readonly string[] }) {
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <code>{id}</code>
        </span>
      ))}
    </>
  );
}

/**
 * The privacy officer's review queue of emergency access (docs/break-glass.md): the grants they
 * oversee that wait for a verdict, overdue first; each with who opened it and why, the colleague
 * consulted, what was read under it (from the access log), the verdict form, and the deferral of
 * the family's notice. The reviewed ones below, with where their notice stands.
 */
export function BreakGlassQueuePage() {
  const { t } = useI18n();
  usePageTitle(t('bg.queue.title'));
  const grants = useApi(() => graphql(QUEUE).then((d) => d.breakGlassGrants), 'break-glass-queue');
  const open = openInOrder(grants.data ?? []);
  const reviewed = (grants.data ?? []).filter((g) => g.status === 'REVIEWED');
  return (
    <>
      <Heading level={1}>{t('bg.queue.title')}</Heading>
      <Paragraph lead>{t('bg.queue.intro')}</Paragraph>
      <ErrorAlert error={grants.error} />
      {grants.loading && grants.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {grants.data !== null && (
        <>
          <Heading level={2}>{t('bg.queue.open', { count: open.length })}</Heading>
          {open.length === 0 && <Paragraph>{t('bg.queue.none')}</Paragraph>}
          {open.map((grant) => (
            <GrantCard key={grant.id} grant={grant} onChange={grants.reload} />
          ))}
          <Heading level={2}>{t('bg.queue.reviewed')}</Heading>
          {reviewed.length === 0 && <Paragraph>{t('bg.queue.noneReviewed')}</Paragraph>}
          {reviewed.map((grant) => (
            <GrantCard key={grant.id} grant={grant} onChange={grants.reload} />
          ))}
        </>
      )}
    </>
  );
}

function statusTone(grant: Grant): 'error' | 'warning' | 'ok' | 'neutral' {
  if (grant.overdue) return 'error';
  if (grant.status === 'REVIEWED') return 'ok';
  return grant.status === 'ACTIVE' ? 'warning' : 'neutral';
}

function GrantCard({ grant, onChange }: { grant: Grant; onChange: () => void }) {
  const { t, formatDateTime, formatDate } = useI18n();
  const titleId = `grant-${grant.id}-title`;
  const categories = (list: readonly string[]) => list.map((c) => t(`category.${c}` as Parameters<Translate>[0])).join(', ');
  const notice = grant.notice;
  return (
    <section aria-labelledby={titleId} className="kring-section kring-card kring-bg-grant">
      <Heading level={3} id={titleId}>
        {t('bg.grant.title', { organisation: grant.organisation.name, date: formatDateTime(grant.openedAt) })}
      </Heading>
      <Paragraph>
        <StatusBadge tone={statusTone(grant)}>{t(`bg.status.${grant.overdue ? 'OVERDUE' : grant.status}`)}</StatusBadge>
      </Paragraph>
      <DataList>
        <DataListItem label={t('bg.grant.who')}>{grant.professionalName ?? <code>{grant.professionalId}</code>}</DataListItem>
        <DataListItem label={t('bg.grant.organisation')}>{grant.organisation.name}</DataListItem>
        <DataListItem label={t('bg.grant.family')}>
          <code>{grant.familyId}</code>
        </DataListItem>
        <DataListItem label={t('bg.grant.members')}>
          <Pseudonyms ids={grant.concernedMemberIds ?? []} />
        </DataListItem>
        <DataListItem label={t('bg.grant.openedExpires')}>{t('bg.grant.openedExpiresValue', { opened: formatDateTime(grant.openedAt), expires: formatDateTime(grant.expiresAt) })}</DataListItem>
        <DataListItem label={t('bg.grant.categories')}>{categories(grant.categories)}</DataListItem>
        <DataListItem label={t('bg.grant.justification')}>{grant.justification ?? <span className="kring-m-muted">{t('bg.grant.unreadable')}</span>}</DataListItem>
        <DataListItem label={t('bg.grant.colleague')}>
          {grant.consultedColleague === null ? (
            <span className="kring-m-muted">{t('bg.grant.noColleague')}</span>
          ) : (
            t('bg.grant.colleagueValue', { name: grant.consultedColleague.name ?? grant.consultedColleague.id, organisation: grant.consultedColleague.organisation.name })
          )}
        </DataListItem>
        {notice !== null && (
          <DataListItem label={t('bg.grant.notice')}>
            {notice.state !== 'DEFERRED' && t(`bg.notice.${notice.state}`)}
            {/* A deferral set before the review shows too: the notice waits for both. */}
            {notice.state !== 'GIVEN' && notice.deferredUntil !== null && (
              <>
                {notice.state === 'AWAITING_REVIEW' && ' '}
                {t('bg.notice.DEFERRED', { date: formatDate(notice.deferredUntil), reason: notice.deferralReason ?? '' })}
              </>
            )}
          </DataListItem>
        )}
        {grant.review !== null && (
          <DataListItem label={t('bg.review.title')}>{t('bg.review.verdictGiven', { verdict: t(`bg.review.${grant.review.verdict}`), date: formatDate(grant.review.reviewedAt) })}</DataListItem>
        )}
      </DataList>
      <Uses grant={grant} />
      {grant.status !== 'REVIEWED' && <ReviewForm grant={grant} onDone={onChange} />}
      {notice !== null && notice.state !== 'GIVEN' && <DeferForm grant={grant} onDone={onChange} />}
    </section>
  );
}

function Uses({ grant }: { grant: Grant }) {
  const { t, formatDateTime } = useI18n();
  const uses = grant.uses ?? [];
  return (
    <>
      <Heading level={4}>{t('bg.uses.title')}</Heading>
      {uses.length === 0 ? (
        <Paragraph>{t('bg.uses.none')}</Paragraph>
      ) : (
        <CaptionedTable caption={t('bg.uses.caption')} columns={[t('bg.uses.at'), t('bg.uses.activity'), t('bg.uses.member'), t('bg.uses.what')]}>
          {uses.map((use) => (
            <TableRow key={use.entryId}>
              <TableHeaderCell scope="row">
                <time dateTime={use.occurredAt}>{formatDateTime(use.occurredAt)}</time>
              </TableHeaderCell>
              <TableCell>{t(`activity.${use.activity}` as Parameters<Translate>[0])}</TableCell>
              <TableCell>
                <Pseudonyms ids={use.subjectMemberIds} />
              </TableCell>
              <TableCell>
                {use.categories.map((c) => t(`category.${c}` as Parameters<Translate>[0])).join(', ')}: {use.fields.join(', ')}
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      )}
    </>
  );
}

/** The API's refusal of one of a form's fields, if it names one of `fields`; otherwise null. */
function fieldOf<K extends string>(error: ApiError, fields: readonly K[]): K | null {
  const field = error.field as K | null;
  return error.code === 'BAD_USER_INPUT' && field !== null && fields.includes(field) ? field : null;
}

function ReviewForm({ grant, onDone }: { grant: Grant; onDone: () => void }) {
  const { t } = useI18n();
  const [verdict, setVerdict] = useState<'JUSTIFIED' | 'UNJUSTIFIED' | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const { problems, refuse, clear, forget, form } = useFieldProblems<'verdict' | 'note'>();
  const prefix = `review-${grant.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const found: Partial<Record<'verdict' | 'note', string>> = {};
    if (verdict === null) found.verdict = t('bg.review.needVerdict');
    if (note.trim().length < 1 || note.trim().length > 2000) found.note = t('bg.review.needNote');
    if (Object.keys(found).length > 0 || verdict === null) return refuse(found);
    clear();
    setBusy(true);
    try {
      await graphql(REVIEW, { id: grant.id, verdict, note: note.trim() });
      onDone();
    } catch (error) {
      const failure = asApiError(error);
      if (fieldOf(failure, ['note']) !== null) refuse({ note: t('bg.review.needNote') });
      else setApiError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={form} className="kring-form" noValidate aria-labelledby={`${prefix}-title`} onSubmit={(event) => void submit(event)}>
      <Heading level={4} id={`${prefix}-title`}>
        {t('bg.review.title')}
      </Heading>
      <ErrorAlert error={apiError} />
      <ChoiceGroup id={`${prefix}-verdict`} legend={t('bg.review.verdict')} problem={problems.verdict}>
        {(['JUSTIFIED', 'UNJUSTIFIED'] as const).map((v) => (
          <Choice
            key={v}
            type="radio"
            id={`${prefix}-${v}`}
            name={`${prefix}-verdict`}
            value={v}
            checked={verdict === v}
            invalid={problems.verdict !== undefined}
            onChange={() => {
              setVerdict(v);
              forget('verdict');
            }}
            label={t(`bg.review.${v}`)}
          />
        ))}
      </ChoiceGroup>
      <TextQuestion
        id={`${prefix}-note`}
        label={t('bg.review.note')}
        help={t('bg.review.noteHelp')}
        problem={problems.note}
        value={note}
        rows={3}
        required
        onChange={(value) => {
          setNote(value);
          forget('note');
        }}
      />
      <PrimaryActionButton type="submit" disabled={busy}>
        {t('bg.review.submit')}
      </PrimaryActionButton>
    </form>
  );
}

function DeferForm({ grant, onDone }: { grant: Grant; onDone: () => void }) {
  const { t, formatDate } = useI18n();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const feedback = useRef<HTMLDivElement>(null);
  const { problems, refuse, clear, forget, form } = useFieldProblems<'until' | 'reason'>();
  const prefix = `defer-${grant.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    setDone(null);
    const found: Partial<Record<'until' | 'reason', string>> = {};
    // Late on the chosen day in the Netherlands (22:59 in winter, 23:59 in summer), so the date shown is the date chosen; the API checks the exact bounds.
    const end = /^\d{4}-\d{2}-\d{2}$/.test(until) ? new Date(`${until}T21:59:00Z`) : null;
    if (end === null || Number.isNaN(end.getTime()) || end.getTime() <= Date.now()) found.until = t('bg.defer.needUntil');
    if (reason.trim().length < 1 || reason.trim().length > 2000) found.reason = t('bg.defer.needReason');
    if (Object.keys(found).length > 0 || end === null) return refuse(found);
    clear();
    setBusy(true);
    try {
      const answer = await graphql(DEFER, { id: grant.id, until: end.toISOString(), reason: reason.trim() });
      setDone(answer.deferBreakGlassNotice.notice?.deferredUntil ?? end.toISOString());
      setReason('');
      feedback.current?.focus();
      onDone();
    } catch (error) {
      const failure = asApiError(error);
      const field = fieldOf(failure, ['until', 'reason']);
      if (field === 'until') refuse({ until: t('bg.defer.needUntil') });
      else if (field === 'reason') refuse({ reason: t('bg.defer.needReason') });
      else setApiError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={form} className="kring-form" noValidate aria-labelledby={`${prefix}-title`} onSubmit={(event) => void submit(event)}>
      <Heading level={4} id={`${prefix}-title`}>
        {t('bg.defer.title')}
      </Heading>
      <Paragraph>{t('bg.defer.intro')}</Paragraph>
      <div ref={feedback} tabIndex={-1}>
        {done !== null && <Alert type="ok">{t('bg.defer.done', { date: formatDate(done) })}</Alert>}
        <ErrorAlert error={apiError} />
      </div>
      <LabelledField id={`${prefix}-until`} label={t('bg.defer.until')} help={t('bg.defer.untilHelp')} problem={problems.until}>
        {(describedBy) => (
          <Textbox
            id={`${prefix}-until`}
            type="date"
            value={until}
            aria-required
            invalid={problems.until !== undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setUntil(e.currentTarget.value);
              forget('until');
            }}
          />
        )}
      </LabelledField>
      <TextQuestion
        id={`${prefix}-reason`}
        label={t('bg.defer.reason')}
        help={t('bg.defer.reasonHelp')}
        problem={problems.reason}
        value={reason}
        rows={2}
        required
        onChange={(value) => {
          setReason(value);
          forget('reason');
        }}
      />
      <PrimaryActionButton type="submit" disabled={busy}>
        {t('bg.defer.submit')}
      </PrimaryActionButton>
    </form>
  );
}
