import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ApiError, graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { asApiError } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Alert, ButtonGroup, Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage, Heading, ListItem, Paragraph, PrimaryActionButton, SecondaryActionButton, Textarea, UnorderedList } from '../../ui';
import { Choice } from '../../ui/choice';
import { ErrorAlert } from '../../ui/error-alert';
import { LabelledField, useFieldProblems } from '../../ui/labelled-field';

const SHIELD = gql(`mutation ShieldInvolvement($input: ShieldInvolvementInput!) { shieldInvolvement(input: $input) { id memberId } }`);
const LIFT = gql(`mutation LiftShielding($input: LiftShieldingInput!) { liftShielding(input: $input) { id memberId } }`);

/** The API's bounds of a shielding's and a lift's reason (docs/circle.md), checked here first so the professional hears it in words. */
const REASON_LENGTH = { min: 10, max: 2000 } as const;

/** Refusals these forms explain in their own words (the code, when no field is named). */
const EXPLAINED = new Set(['FORBIDDEN', 'NOT_FOUND']);

/** A shielding in force, as the circle serves it to whom may lift it. */
export interface ShieldingInForce {
  readonly id: string;
  readonly memberId: string;
  readonly shieldedAt: string;
}

const tooShortOrLong = (text: string) => text.length < REASON_LENGTH.min || text.length > REASON_LENGTH.max;

/**
 * Shielding the own organisation's involvement from named members, and lifting a shielding
 * (docs/circle.md). Shown only where the API served the involvement's shieldings, that is to
 * whom may shield it (a statutory task); the API decides each request again.
 */
export function ShieldingPanel({
  involvementId,
  shieldings,
  members,
  label,
  onChanged,
}: {
  involvementId: string;
  shieldings: readonly ShieldingInForce[];
  members: readonly { readonly id: string }[];
  label: (memberId: string) => string;
  onChanged: () => void;
}) {
  const { t, formatDate } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  const [lifting, setLifting] = useState<ShieldingInForce | null>(null);
  const feedback = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done !== null) feedback.current?.focus();
  }, [done]);
  const changed = (message: string) => {
    setDone(message);
    setLifting(null);
    onChanged();
  };
  const shielded = new Set(shieldings.map((s) => s.memberId));
  const open = members.filter((m) => !shielded.has(m.id));

  return (
    <section aria-labelledby="shielding-title" className="kring-card kring-shielding">
      <Heading level={3} id="shielding-title">
        {t('circle.shield.title')}
      </Heading>
      <Paragraph>{t('circle.shield.intro')}</Paragraph>
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {done !== null && <Alert type="ok">{done}</Alert>}
      </div>
      <Heading level={4}>{t('circle.shield.inForce')}</Heading>
      {shieldings.length === 0 ? (
        <Paragraph>{t('circle.shield.noneInForce')}</Paragraph>
      ) : (
        <UnorderedList className="kring-shieldings-in-force">
          {shieldings.map((shielding) => (
            <ListItem key={shielding.id}>
              <span data-testid="shielding-in-force">{t('circle.shield.since', { name: label(shielding.memberId), date: formatDate(shielding.shieldedAt) })}</span>{' '}
              {lifting?.id !== shielding.id && (
                <SecondaryActionButton type="button" aria-label={t('circle.lift.openFor', { name: label(shielding.memberId) })} onClick={() => setLifting(shielding)}>
                  {t('circle.lift.open')}
                </SecondaryActionButton>
              )}
              {lifting?.id === shielding.id && (
                <LiftForm shielding={shielding} name={label(shielding.memberId)} onLifted={() => changed(t('circle.lift.done', { name: label(shielding.memberId) }))} onCancel={() => setLifting(null)} />
              )}
            </ListItem>
          ))}
        </UnorderedList>
      )}
      {open.length === 0 ? (
        <Paragraph>{t('circle.shield.noOneLeft')}</Paragraph>
      ) : (
        <ShieldForm involvementId={involvementId} members={open} label={label} onShielded={(ids) => changed(t('circle.shield.done', { names: ids.map(label).join(', ') }))} />
      )}
    </section>
  );
}

type ShieldProblems = Partial<Record<'members' | 'reason', string>>;

function ShieldForm({ involvementId, members, label, onShielded }: { involvementId: string; members: readonly { readonly id: string }[]; label: (id: string) => string; onShielded: (memberIds: string[]) => void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const { problems, refuse, resolve, clear, form } = useFieldProblems<keyof ShieldProblems>();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const found: ShieldProblems = {};
    if (chosen.size === 0) found.members = t('circle.shield.membersProblem');
    const text = reason.trim();
    if (tooShortOrLong(text)) found.reason = t('circle.shield.reasonProblem');
    if (Object.keys(found).length > 0) return refuse(found);
    clear();
    setBusy(true);
    try {
      const { shieldInvolvement } = await graphql(SHIELD, { input: { involvementId, memberIds: [...chosen], reason: text } });
      setChosen(new Set());
      setReason('');
      onShielded(shieldInvolvement.map((s) => s.memberId));
    } catch (error) {
      const failure = asApiError(error);
      if (failure.code === 'BAD_USER_INPUT' && failure.field === 'reason') refuse({ reason: t('circle.shield.reasonProblem') });
      else if (failure.code === 'BAD_USER_INPUT' && failure.field === 'memberIds') refuse({ members: t('circle.shield.memberIds') });
      else setApiError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="kring-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="shielding-title">
      {Object.keys(problems).length > 0 && <Alert type="error">{t('circle.shield.invalid')}</Alert>}
      <Explained error={apiError} />
      <Fieldset invalid={problems.members !== undefined} aria-describedby={problems.members === undefined ? 'shield-members-help' : 'shield-members-help shield-members-error'}>
        <FieldsetLegend className="kring-legend">{t('circle.shield.members')}</FieldsetLegend>
        <FormFieldDescription id="shield-members-help">{t('circle.shield.membersHelp')}</FormFieldDescription>
        {problems.members !== undefined && <FormFieldErrorMessage id="shield-members-error">{problems.members}</FormFieldErrorMessage>}
        {members.map((m, i) => (
          <Choice
            key={m.id}
            type="checkbox"
            id={`shield-member-${m.id}`}
            name="shield-members"
            value={m.id}
            checked={chosen.has(m.id)}
            // The first box carries the fieldset's problem, so focus lands on it.
            invalid={i === 0 && problems.members !== undefined}
            onChange={(checked) => {
              setChosen((before) => {
                const next = new Set(before);
                if (checked) next.add(m.id);
                else next.delete(m.id);
                return next;
              });
              resolve('members');
            }}
            label={label(m.id)}
          />
        ))}
      </Fieldset>
      <ReasonField
        id="shield-reason"
        label={t('circle.shield.reason')}
        help={t('circle.shield.reasonHelp')}
        problem={problems.reason}
        value={reason}
        onChange={(text) => {
          setReason(text);
          resolve('reason');
        }}
      />
      <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
        {t('circle.shield.submit')}
      </PrimaryActionButton>
    </form>
  );
}

function LiftForm({ shielding, name, onLifted, onCancel }: { shielding: ShieldingInForce; name: string; onLifted: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { problems, refuse, resolve, clear, form } = useFieldProblems<'reason'>();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `lift-title-${shielding.id}`;
  const reasonId = `lift-reason-${shielding.id}`;
  useEffect(() => {
    document.getElementById(reasonId)?.focus();
  }, [reasonId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const text = reason.trim();
    if (tooShortOrLong(text)) return refuse({ reason: t('circle.shield.reasonProblem') });
    clear();
    setBusy(true);
    try {
      await graphql(LIFT, { input: { shieldingId: shielding.id, reason: text } });
      onLifted();
    } catch (error) {
      const failure = asApiError(error);
      if (failure.code === 'BAD_USER_INPUT' && failure.field === 'reason') refuse({ reason: t('circle.shield.reasonProblem') });
      else setApiError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="kring-form kring-lift" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={titleId}>
      <Heading level={4} id={titleId}>
        {t('circle.lift.title', { name })}
      </Heading>
      <Alert type="warning">{t('circle.lift.warning', { name })}</Alert>
      <Explained error={apiError} />
      <ReasonField
        id={reasonId}
        label={t('circle.lift.reason', { name })}
        help={t('circle.lift.reasonHelp')}
        problem={problems.reason}
        value={reason}
        onChange={(text) => {
          setReason(text);
          resolve('reason');
        }}
      />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {t('circle.lift.submit')}
        </PrimaryActionButton>
        <SecondaryActionButton type="button" onClick={onCancel} disabled={busy}>
          {t('circle.lift.cancel')}
        </SecondaryActionButton>
      </ButtonGroup>
    </form>
  );
}

/** A reason in the professional's words, for their privacy officer: a labelled text area with its help and problem. */
function ReasonField({ id, label, help, problem, value, onChange }: { id: string; label: string; help: string; problem: string | undefined; value: string; onChange: (text: string) => void }) {
  return (
    <LabelledField id={id} label={label} help={help} problem={problem}>
      {(describedBy) => (
        <Textarea id={id} rows={4} value={value} invalid={problem !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value)} />
      )}
    </LabelledField>
  );
}

/** The API's refusal, and in words what it means where these forms know (a lift of a shielding lifted meanwhile, no longer involved, not allowed). */
function Explained({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (error === null) return null;
  const key = error.code === 'BAD_USER_INPUT' && error.field === 'shieldingId' ? 'circle.lift.shieldingId' : EXPLAINED.has(error.code) ? `circle.shield.${error.code}` : null;
  return (
    <>
      <ErrorAlert error={error} />
      {key !== null && <Paragraph>{t(key as MessageKey)}</Paragraph>}
    </>
  );
}
