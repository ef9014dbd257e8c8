import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { PlanItem } from '../../api/fragments';
import { type ApiError, graphql } from '../../api/graphql';
import type { PlanItemStatus } from '../../api/generated/graphql';
import { asApiError } from '../../api/use-api';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Alert, ButtonGroup, DataList, DataListItem, FormField, FormLabel, Paragraph, PrimaryActionButton, SecondaryActionButton, Select, StatusBadge } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { capitalise, joinWords, labelOf } from '../member/member-family';
import { actorOf, AGREE_TO_PLAN, type PlanNames, rewriteOf, STATUS_TONE, STATUSES, subjectsOf, waitingFor, WITHDRAW_PLAN_AGREEMENT, WRITE_PLAN_ITEM } from './plan-words';

/**
 * One item of the plan as both members and professionals read it: the words first, then what
 * it is about, where it stands, who does it and by when, who wrote it, and whether it is agreed
 * (and whose agreement it still waits for). `children` are the actions the page offers on it.
 */
export function PlanItemCard({ item, names, showShown, children }: { item: PlanItem; names: PlanNames; showShown: boolean; children?: ReactNode }) {
  const { t, formatDate } = useI18n();
  const waiting = waitingFor(t, item, names);
  const actor = actorOf(t, item, names);
  return (
    <li className="kring-card kring-plan-item" data-testid={`plan-item-${item.id}`}>
      {item.kind === 'REVIEW' ? (
        <Paragraph lead>{item.dueOn === null ? t('plan.noReview') : t('plan.reviewOn', { date: formatDate(item.dueOn) })}</Paragraph>
      ) : null}
      {item.text !== '' && <Paragraph className="kring-plan-item__text">{item.text}</Paragraph>}
      <DataList className="kring-m-datalist">
        {item.kind !== 'REVIEW' && <DataListItem label={t('plan.item.about')}>{subjectsOf(t, item, names)}</DataListItem>}
        {item.status !== null && (
          <DataListItem label={t('plan.item.status')}>
            <StatusBadge tone={STATUS_TONE[item.status]}>{labelOf(t, 'plan.status', item.status)}</StatusBadge>
          </DataListItem>
        )}
        {actor !== null && <DataListItem label={t('plan.item.who')}>{actor}</DataListItem>}
        {item.dueOn !== null && (item.kind === 'GOAL' || item.kind === 'ACTION') && <DataListItem label={t(`plan.item.due${item.kind}`)}>{formatDate(item.dueOn)}</DataListItem>}
        {item.category !== 'SHARED_PLAN' && <DataListItem label={t('plan.item.topic')}>{labelOf(t, 'category', item.category)}</DataListItem>}
        <DataListItem label={t('plan.item.from')}>{item.source?.name ?? t('plan.item.fromFamily')}</DataListItem>
        <DataListItem label={t('plan.item.changed')}>{formatDate(item.changedAt)}</DataListItem>
        <DataListItem label={t('plan.item.agreement')}>
          <StatusBadge tone={item.agreed ? 'ok' : 'warning'}>{item.agreed ? t('plan.item.agreed') : t('plan.item.notAgreed')}</StatusBadge>
          {waiting.length > 0 && <span className="kring-plan-item__waiting"> {t('plan.item.waiting', { names: joinWords(t, waiting, 'member.and') })}</span>}
        </DataListItem>
        {showShown && <DataListItem label={t('plan.item.shown')}>{item.shownToFamily ? t('common.yes') : t('common.no')}</DataListItem>}
      </DataList>
      {children}
    </li>
  );
}

/** A list of plan items (or of "not shared" markers), or a line saying there are none. */
export function PlanItemList({ children, empty }: { children: ReactNode[]; empty: boolean }) {
  const { t } = useI18n();
  if (empty) return <Paragraph>{t('plan.none')}</Paragraph>;
  return <ul className="kring-plan-items">{children}</ul>;
}

/**
 * A button's change to the plan and what came of it: busy while it runs, then its message
 * or the API's error (with the refusal in words), in a region that takes focus so it is read out.
 */
export function usePlanAction(): { busy: boolean; run: (action: () => Promise<string>) => Promise<void>; feedback: ReactNode } {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message !== null || error !== null) region.current?.focus();
  }, [message, error]);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      setMessage(await action());
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(false);
    }
  };
  const feedback = (
    <div ref={region} tabIndex={-1} className="kring-m-feedback">
      {message !== null && <Alert type="ok">{message}</Alert>}
      <PlanError error={error} />
    </div>
  );
  return { busy, run, feedback };
}

/** An API error in words, and the plan's refusal (`extensions.refusal`) explained where we have words for it. */
export function PlanError({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  const explained = error?.refusal == null ? null : labelOf(t, 'plan.refusal', error.refusal);
  return (
    <>
      <ErrorAlert error={error} />
      {explained !== null && explained !== error?.refusal && <Paragraph>{explained}</Paragraph>}
    </>
  );
}

/** Changes the status of a goal or an action the caller may change (the family's own, or their organisation's). */
export function ItemStatusForm({ item, familyId, onChanged }: { item: PlanItem; familyId: string | null; onChanged: () => void }) {
  const { t } = useI18n();
  const statuses = item.kind === 'GOAL' || item.kind === 'ACTION' ? STATUSES[item.kind] : [];
  const [status, setStatus] = useState<PlanItemStatus | ''>(item.status ?? '');
  const { busy, run, feedback } = usePlanAction();
  if (statuses.length === 0) return null;
  const id = `plan-status-${item.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (status === '' || status === item.status) return;
    void run(async () => {
      await graphql(WRITE_PLAN_ITEM, { input: { ...rewriteOf(item, familyId), status } });
      onChanged();
      return t('plan.statusForm.saved');
    });
  };
  return (
    <form className="kring-plan-item__form" noValidate onSubmit={submit}>
      <FormField>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{t('plan.statusForm.label')}</FormLabel>
        </div>
        <div className="utrecht-form-field__input kring-plan-item__status">
          <Select id={id} value={status} onChange={(e) => setStatus(e.currentTarget.value as PlanItemStatus)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {capitalise(labelOf(t, 'plan.status', s))}
              </option>
            ))}
          </Select>
          <SecondaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('plan.statusForm.save')}
          </SecondaryActionButton>
        </div>
      </FormField>
      {feedback}
    </form>
  );
}

/**
 * Agree with the plan as it stands now, or withdraw that agreement: a member for themselves
 * (no `familyId`), the case director for the professionals. `agree` and `withdraw` say which
 * buttons the page offers; the API decides who may.
 */
export function AgreementButtons({
  familyId,
  agree,
  withdraw,
  words,
  onChanged,
}: {
  familyId: string | null;
  agree: boolean;
  withdraw: boolean;
  words: { readonly agree: MessageKey; readonly agreed: MessageKey; readonly withdraw: MessageKey; readonly withdrawn: MessageKey };
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { busy, run, feedback } = usePlanAction();
  const act = (withdrawing: boolean) =>
    void run(async () => {
      const variables = familyId === null ? {} : { familyId };
      if (withdrawing) await graphql(WITHDRAW_PLAN_AGREEMENT, variables);
      else await graphql(AGREE_TO_PLAN, variables);
      onChanged();
      return t(withdrawing ? words.withdrawn : words.agreed);
    });
  return (
    <>
      <ButtonGroup>
        {agree && (
          <PrimaryActionButton type="button" busy={busy} disabled={busy} onClick={() => act(false)}>
            {t(words.agree)}
          </PrimaryActionButton>
        )}
        {withdraw && (
          <SecondaryActionButton type="button" disabled={busy} onClick={() => act(true)}>
            {t(words.withdraw)}
          </SecondaryActionButton>
        )}
      </ButtonGroup>
      {feedback}
    </>
  );
}
