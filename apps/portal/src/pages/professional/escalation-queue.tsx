import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { useSession } from '../../api/session';
import { gql } from '../../api/generated';
import { asApiError, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link, useRouter } from '../../router';
import { Alert, Heading, Paragraph, PrimaryActionButton, Textbox } from '../../ui';
import { ErrorAlert, usePageTitle } from '../../ui/error-alert';
import { LabelledField, TextQuestion, useFieldProblems } from '../../ui/labelled-field';
import { type Escalation, EscalationCard, EscalationError, type EscalationNames, euroToCents, fits, refusalWords } from '../escalation/escalation-parts';

const QUEUE = gql(`query EscalationQueue { escalationQueue { ...EscalationFields } }`);
const TAKE_ON = gql(`mutation TakeOnEscalation($id: ID!) { takeOnEscalation(id: $id) { id status } }`);
const DECIDE = gql(`mutation DecideEscalation($input: DecideEscalationInput!) { decideEscalation(input: $input) { id status } }`);

/** The queue filtered to the members' requests for another case director (where the old page's links lead). */
export const CASE_DIRECTOR_REQUESTS = '/escalations?kind=OTHER_CASE_DIRECTOR';

/**
 * Team leads: the open and taken-on escalations of the families their organisation is involved
 * with today, oldest first as the API serves them, with the deadline and overdue ones flagged
 * (`escalationQueue`). An open one is taken on; one their organisation took on is decided here.
 * `?kind=OTHER_CASE_DIRECTOR` shows only the requests for another case director.
 */
export function EscalationQueuePage() {
  const { t } = useI18n();
  const { location } = useRouter();
  usePageTitle(t('esc.queue.title'));
  const onlyDirector = location.query.get('kind') === 'OTHER_CASE_DIRECTOR';
  const queue = useApi(() => graphql(QUEUE).then((d) => d.escalationQueue), 'escalation-queue');
  const [decided, setDecided] = useState(false);
  const feedback = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (decided) feedback.current?.focus();
  }, [decided]);
  const shown = (queue.data ?? []).filter((e) => !onlyDirector || e.kind === 'OTHER_CASE_DIRECTOR');
  const names: EscalationNames = {
    member: (id) => t('pro.memberFallback', { id: id.slice(0, 8) }),
    raiser: (id) => t('esc.queue.raisedByMember', { id }),
  };

  return (
    <>
      <Heading level={1}>{t('esc.queue.title')}</Heading>
      <Paragraph lead>{t('esc.queue.intro')}</Paragraph>
      <Paragraph>
        {onlyDirector ? (
          <>
            {t('esc.queue.onlyDirector')} <Link to="/escalations">{t('esc.queue.showAll')}</Link>
          </>
        ) : (
          <Link to={CASE_DIRECTOR_REQUESTS}>{t('esc.queue.showDirector')}</Link>
        )}
      </Paragraph>
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {decided && <Alert type="ok">{t('esc.decide.done')}</Alert>}
      </div>
      <ErrorAlert error={queue.error} />
      {queue.loading && queue.data === null && <Paragraph>{t('app.loading')}</Paragraph>}
      {queue.data !== null && shown.length === 0 && <Paragraph>{t('esc.queue.none')}</Paragraph>}
      {shown.length > 0 && <Paragraph>{t('esc.queue.count', { count: shown.length, overdue: shown.filter((e) => e.overdue).length })}</Paragraph>}
      {shown.map((escalation) => (
        <EscalationCard key={escalation.id} escalation={escalation} names={names} level={2} showFamily>
          <QueueActions
            escalation={escalation}
            onTakenOn={() => {
              setDecided(false);
              queue.reload();
            }}
            onDecided={() => {
              setDecided(true);
              queue.reload();
            }}
          />
        </EscalationCard>
      ))}
    </>
  );
}

/** Take an open escalation on; decide one the team lead's organisation took on (a hint: the API decides). */
function QueueActions({ escalation, onTakenOn, onDecided }: { escalation: Escalation; onTakenOn: () => void; onDecided: () => void }) {
  const { t } = useI18n();
  const { viewer } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error !== null) region.current?.focus();
  }, [error]);
  const own = viewer?.professional?.organisation.id ?? null;
  const takenOnBy = escalation.takenOnBy;

  const takeOn = async () => {
    setBusy(true);
    setError(null);
    try {
      await graphql(TAKE_ON, { id: escalation.id });
      onTakenOn();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kring-escalation__actions">
      <div ref={region} tabIndex={-1} className="kring-m-feedback">
        <EscalationError error={error} />
      </div>
      {escalation.status === 'OPEN' && (
        <PrimaryActionButton type="button" busy={busy} disabled={busy} aria-describedby={`escalation-${escalation.id}`} onClick={() => void takeOn()}>
          {t('esc.queue.takeOn')}
        </PrimaryActionButton>
      )}
      {takenOnBy !== null && takenOnBy.organisation.id !== own && <Paragraph>{t('esc.queue.otherOrganisation', { organisation: takenOnBy.organisation.name })}</Paragraph>}
      {takenOnBy !== null && takenOnBy.organisation.id === own && (
        <>
          {escalation.closed !== null && (
            <Alert type="warning">
              {t('esc.queue.blind', { organisation: escalation.raisedBy.professional?.organisation.name ?? t('common.unknownMember') })}
            </Alert>
          )}
          <DecideForm escalation={escalation} onDecided={onDecided} />
        </>
      )}
    </div>
  );
}

type Problem = 'decision' | 'setAside' | 'authority' | 'budget';

/** The question an API refusal of `decideEscalation` belongs to, by its `extensions.field`. */
const FIELDS: Readonly<Record<string, Problem>> = { decision: 'decision', setAside: 'setAside', authority: 'authority', budgetCents: 'budget' };

/**
 * The breakthrough decision: what is decided, what is set aside, on whose authority, any budget
 * (in euros, sent as whole cents). Checked here first; the API's refusals are shown at the
 * question they concern (`extensions.field`) in the refusal's words, others above the form.
 */
function DecideForm({ escalation, onDecided }: { escalation: Escalation; onDecided: () => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState('');
  const [setAside, setSetAside] = useState('');
  const [authority, setAuthority] = useState('');
  const [budget, setBudget] = useState('');
  const { problems, refuse, clear, forget, form } = useFieldProblems<Problem>();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (apiError !== null) region.current?.focus();
  }, [apiError]);
  const prefix = `decide-${escalation.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const found: Partial<Record<Problem, string>> = {};
    if (!fits(decision)) found.decision = t('esc.refusal.DECISION_LENGTH');
    if (setAside.trim() !== '' && !fits(setAside)) found.setAside = t('esc.refusal.SET_ASIDE_LENGTH');
    if (!fits(authority)) found.authority = t('esc.refusal.AUTHORITY_LENGTH');
    const budgetCents = euroToCents(budget);
    if (budgetCents === 'invalid') found.budget = t('esc.decide.budgetProblem');
    if (Object.keys(found).length > 0 || budgetCents === 'invalid') return refuse(found);
    clear();
    setBusy(true);
    try {
      await graphql(DECIDE, {
        input: { escalationId: escalation.id, decision: decision.trim(), setAside: setAside.trim() === '' ? null : setAside.trim(), authority: authority.trim(), budgetCents },
      });
      onDecided();
    } catch (error) {
      const failure = asApiError(error);
      const place = failure.code === 'BAD_USER_INPUT' && failure.field !== null ? FIELDS[failure.field] : undefined;
      if (place === undefined) setApiError(failure);
      else refuse({ [place]: refusalWords(t, failure) ?? t('error.BAD_USER_INPUT') });
    } finally {
      setBusy(false);
    }
  };

  const text = (field: 'decision' | 'setAside' | 'authority', value: string, change: (v: string) => void, required: boolean) => (
    <TextQuestion
      id={`${prefix}-${field}`}
      label={t(`esc.decide.${field}`)}
      help={t(`esc.decide.${field}Help`)}
      problem={problems[field]}
      value={value}
      required={required}
      onChange={(v) => {
        change(v);
        forget(field);
      }}
    />
  );

  return (
    <section aria-labelledby={`${prefix}-title`} className="kring-escalation__decide">
      <Heading level={3} id={`${prefix}-title`}>
        {t('esc.decide.title')}
      </Heading>
      <Paragraph>{t('esc.decide.intro')}</Paragraph>
      <div ref={region} tabIndex={-1} className="kring-m-feedback">
        <EscalationError error={apiError} />
      </div>
      <form ref={form} className="kring-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${prefix}-title`}>
        {Object.keys(problems).length > 0 && <Alert type="error">{t('esc.form.invalid')}</Alert>}
        {text('decision', decision, setDecision, true)}
        {text('setAside', setAside, setSetAside, false)}
        {text('authority', authority, setAuthority, true)}
        <LabelledField id={`${prefix}-budget`} label={t('esc.decide.budget')} help={t('esc.decide.budgetHelp')} problem={problems.budget}>
          {(describedBy) => (
            <Textbox
              id={`${prefix}-budget`}
              inputMode="decimal"
              autoComplete="off"
              value={budget}
              invalid={problems.budget !== undefined}
              aria-describedby={describedBy}
              onChange={(e) => {
                setBudget(e.currentTarget.value);
                forget('budget');
              }}
            />
          )}
        </LabelledField>
        <div>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('esc.decide.submit')}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
