import { type FormEvent, useState } from 'react';
import type { CircleProfessional, Plan } from '../../api/fragments';
import { graphql } from '../../api/graphql';
import { asApiError } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Heading, Paragraph, SecondaryActionButton, Textarea, Textbox } from '../../ui';
import { LabelledField, useFieldProblems } from '../../ui/labelled-field';
import { AgreementButtons, usePlanAction } from '../plan/plan-parts';
import { WRITE_PLAN_ITEM } from '../plan/plan-words';

/** The API's bound of the review's note (docs/family-plan.md). */
const NOTE_MAX = 2000;

/**
 * What only the case director does with the plan (DESIGN.md §9): set the review date, and agree
 * (or withdraw agreement) for the professionals. Shown on a hint from the circle; the API
 * decides, and answers NOT_CASE_DIRECTOR to anyone else.
 */
export function CaseDirectorTools({ familyId, plan, caseDirector, onChanged }: { familyId: string; plan: Plan; caseDirector: CircleProfessional; onChanged: () => void }) {
  const { t } = useI18n();
  const mine = plan.agreements.find((a) => a.memberId === null && a.caseDirectorName === caseDirector.name && a.withdrawnAt === null);
  const agreedNow = mine !== undefined && plan.items.every((i) => i.caseDirectorAgreed);
  return (
    <section aria-labelledby="file-plan-director" className="kring-card kring-plan-director">
      <Heading level={3} id="file-plan-director">
        {t('plan.pro.directorTitle')}
      </Heading>
      <Paragraph>{t('plan.pro.directorHelp')}</Paragraph>
      <ReviewDateForm familyId={familyId} plan={plan} onChanged={onChanged} />
      <AgreementButtons
        familyId={familyId}
        agree={!agreedNow && plan.items.length > 0}
        withdraw={mine !== undefined}
        words={{ agree: 'plan.pro.agree', agreed: 'plan.pro.agreedDone', withdraw: 'plan.pro.withdraw', withdrawn: 'plan.pro.withdrawnDone' }}
        onChanged={onChanged}
      />
    </section>
  );
}

/** Sets the review date: a change of the plan's review item when there is one (even one not shared for this purpose), else a new one. */
function ReviewDateForm({ familyId, plan, onChanged }: { familyId: string; plan: Plan; onChanged: () => void }) {
  const { t } = useI18n();
  const current = plan.items.find((i) => i.kind === 'REVIEW') ?? null;
  const itemId = current?.id ?? plan.redactions.find((r) => r.kind === 'REVIEW')?.itemId ?? null;
  const [date, setDate] = useState(current?.dueOn ?? '');
  const [note, setNote] = useState(current?.text ?? '');
  const { problems, refuse, clear, form } = useFieldProblems<'date' | 'note'>();
  const { busy, run, feedback } = usePlanAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<'date' | 'note', string>> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t('plan.form.dueProblem');
    if (note.trim().length > NOTE_MAX) found.note = t('plan.form.textProblem');
    if (Object.keys(found).length > 0) return refuse(found);
    clear();
    void run(async () => {
      try {
        await graphql(WRITE_PLAN_ITEM, { input: { familyId, itemId, kind: 'REVIEW', subjectMemberIds: [], text: note.trim(), dueOn: date } });
      } catch (error) {
        const failure = asApiError(error);
        if (failure.field === 'dueOn') refuse({ date: t('plan.form.dueProblem') });
        if (failure.field === 'text') refuse({ note: t('plan.form.textProblem') });
        throw failure;
      }
      onChanged();
      return t('plan.pro.reviewSaved');
    });
  };

  return (
    <form ref={form} className="kring-form" noValidate onSubmit={submit} aria-labelledby="file-plan-director">
      <LabelledField id="plan-review-date" label={t('plan.pro.review')} help={t('plan.pro.reviewHelp')} problem={problems.date}>
        {(describedBy) => <Textbox id="plan-review-date" type="date" value={date} invalid={problems.date !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => setDate(e.currentTarget.value)} />}
      </LabelledField>
      <LabelledField id="plan-review-note" label={t('plan.pro.reviewNote')} help={t('plan.pro.reviewNoteHelp')} problem={problems.note}>
        {(describedBy) => <Textarea id="plan-review-note" rows={3} value={note} invalid={problems.note !== undefined} aria-describedby={describedBy} onChange={(e) => setNote(e.currentTarget.value)} />}
      </LabelledField>
      <div>
        <SecondaryActionButton type="submit" busy={busy} disabled={busy}>
          {t('plan.pro.reviewSave')}
        </SecondaryActionButton>
      </div>
      {feedback}
    </form>
  );
}
