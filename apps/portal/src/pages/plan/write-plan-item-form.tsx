import { useEffect, useRef, useState } from 'react';
import { DATA_CATEGORIES } from '../../api/fragments';
import { type ApiError, graphql } from '../../api/graphql';
import type { DataCategory, WritePlanItemInput } from '../../api/generated/graphql';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Alert, Heading, Paragraph, PrimaryActionButton, Select, Textarea, Textbox } from '../../ui';
import { Choice, toggled } from '../../ui/choice';
import { LabelledField, useCheckedSubmission } from '../../ui/labelled-field';
import { labelOf } from '../member/member-family';
import { ActorChoice, type ActorKind, ChoiceGroup, type Problem } from './plan-form-fields';
import { PlanError } from './plan-parts';
import { WRITE_PLAN_ITEM } from './plan-words';

type Kind = 'WORDS' | 'GOAL' | 'ACTION';

/** The API's bounds (docs/family-plan.md), checked here first so the writer hears them in words. */
const TEXT_MAX = 2000;
const NAME_MAX = 200;
/** Who someone is, and their BSN, are not plan matters: the API refuses them as a topic. */
const NOT_TOPICS: readonly DataCategory[] = ['PERSONAL_IDENTITY', 'NATIONAL_ID', 'SHARED_PLAN'];

/**
 * Adds an item to the plan. A member writes the family's words, a goal or an action (carried
 * out by a member or someone from the family's own circle), about members of their reach; a
 * professional writes an action of their organisation or proposes a goal, about any member.
 * What the API refuses is shown at the field it names (`extensions.field`, or the refusal).
 */
export function WritePlanItemForm({
  writer,
  familyId,
  members,
  onWritten,
}: {
  writer: 'member' | 'professional';
  /** Professionals name the family; members write in their own. */
  familyId: string | null;
  /** Whom an item may be about (a member: their reach), with the name to show. */
  members: readonly { readonly id: string; readonly label: string }[];
  onWritten: () => void;
}) {
  const { t } = useI18n();
  const kinds: readonly Kind[] = writer === 'member' ? ['WORDS', 'GOAL', 'ACTION'] : ['ACTION', 'GOAL'];
  const [kind, setKind] = useState<Kind | null>(writer === 'member' ? 'GOAL' : 'ACTION');
  const [subjects, setSubjects] = useState<ReadonlySet<string>>(new Set());
  const [text, setText] = useState('');
  const [category, setCategory] = useState<DataCategory>('SHARED_PLAN');
  const [actorKind, setActorKind] = useState<ActorKind | null>(null);
  const [actorMember, setActorMember] = useState('');
  const [actorName, setActorName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [done, setDone] = useState(false);
  const feedback = useRef<HTMLDivElement>(null);

  const asMember = writer === 'member';
  const textLabel = kind === null ? t('plan.form.text.GOAL') : t(`plan.form.${asMember ? 'text' : 'proText'}.${kind}` as MessageKey);

  /** The problems found before anything is sent. */
  const check = (): Partial<Record<Problem, string>> => {
    const found: Partial<Record<Problem, string>> = {};
    if (kind === null) found.kind = t('plan.form.kindProblem');
    if (subjects.size === 0) found.subjects = t('plan.form.subjectsProblem');
    const words = text.trim();
    if (words.length === 0 || words.length > TEXT_MAX) found.text = t('plan.form.textProblem');
    if (kind === 'ACTION' && asMember) {
      if (actorKind === null || (actorKind === 'MEMBER' && actorMember === '')) found.actor = t('plan.form.actorProblem');
      const name = actorName.trim();
      if (actorKind === 'NETWORK' && (name.length === 0 || name.length > NAME_MAX)) found.actorName = t('plan.form.actorNameProblem');
    }
    if (dueOn !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) found.dueOn = t('plan.form.dueProblem');
    return found;
  };

  const actorInput = (): WritePlanItemInput['actor'] => {
    if (kind !== 'ACTION') return null;
    if (!asMember) return { kind: 'ORGANISATION' };
    return actorKind === 'MEMBER' ? { kind: 'MEMBER', memberId: actorMember } : { kind: 'NETWORK', name: actorName.trim() };
  };

  /** Where an API refusal belongs in this form, with its words; null when it belongs to no field. */
  const placeOf = (failure: ApiError): [Problem, string] | null => {
    const refusal = failure.refusal === null ? null : labelOf(t, 'plan.refusal', failure.refusal);
    if (failure.refusal === 'OUTSIDE_REACH' && refusal !== null) return ['subjects', refusal];
    if (failure.refusal === 'ACTOR_NOT_ALLOWED' && refusal !== null) return ['actor', refusal];
    if (failure.code !== 'BAD_USER_INPUT') return null;
    const byField: Record<string, [Problem, MessageKey]> = {
      kind: ['kind', 'plan.form.kindProblem'],
      subjectMemberIds: ['subjects', 'plan.form.subjectsProblem'],
      text: ['text', 'plan.form.textProblem'],
      category: ['category', 'plan.form.categoryProblem'],
      actor: ['actor', 'plan.form.actorProblem'],
      'actor.name': ['actorName', 'plan.form.actorNameProblem'],
      dueOn: ['dueOn', 'plan.form.dueProblem'],
    };
    const place = failure.field === null ? undefined : byField[failure.field];
    return place === undefined ? null : [place[0], t(place[1])];
  };

  const { problems, forget, form, apiError, busy, submit } = useCheckedSubmission<Problem>({
    onStart: () => setDone(false),
    check,
    send: async () => {
      if (kind === null) return;
      const input: WritePlanItemInput = {
        ...(familyId === null ? {} : { familyId }),
        kind,
        subjectMemberIds: [...subjects],
        category,
        text: text.trim(),
        actor: actorInput(),
        dueOn: kind === 'WORDS' || dueOn === '' ? null : dueOn,
      };
      await graphql(WRITE_PLAN_ITEM, { input });
      setText('');
      setDueOn('');
      setActorName('');
      setDone(true);
      onWritten();
    },
    placeOf,
  });
  useEffect(() => {
    if (done || apiError !== null) feedback.current?.focus();
  }, [done, apiError]);

  const prefix = `plan-add-${writer}`;
  const invalid = Object.keys(problems).length > 0;
  return (
    <section aria-labelledby={`${prefix}-title`} className="kring-section kring-card kring-plan-form">
      <Heading level={2} id={`${prefix}-title`}>
        {t('plan.form.title')}
      </Heading>
      <Paragraph>{asMember ? t('plan.form.intro') : t('plan.form.proIntro')}</Paragraph>
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {done && <Alert type="ok">{t('plan.form.done')}</Alert>}
        <PlanError error={apiError} />
      </div>
      <form ref={form} className="kring-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${prefix}-title`}>
        {invalid && <Alert type="error">{t('plan.form.invalid')}</Alert>}
        <ChoiceGroup id={`${prefix}-kind`} legend={t('plan.form.kind')} problem={problems.kind}>
          {kinds.map((k) => (
            <Choice
              key={k}
              type="radio"
              id={`${prefix}-kind-${k}`}
              name={`${prefix}-kind`}
              value={k}
              checked={kind === k}
              invalid={problems.kind !== undefined}
              onChange={() => {
                setKind(k);
                forget('kind');
              }}
              label={t(`plan.form.${asMember ? 'kind' : 'proKind'}.${k}` as MessageKey)}
              description={t(`plan.form.${asMember ? 'kindHelp' : 'proKindHelp'}.${k}` as MessageKey)}
            />
          ))}
        </ChoiceGroup>

        <ChoiceGroup id={`${prefix}-subjects`} legend={t('plan.form.subjects')} help={t('plan.form.subjectsHelp')} problem={problems.subjects}>
          {members.map((m) => (
            <Choice
              key={m.id}
              type="checkbox"
              id={`${prefix}-subject-${m.id}`}
              name={`${prefix}-subjects`}
              value={m.id}
              checked={subjects.has(m.id)}
              invalid={problems.subjects !== undefined}
              onChange={(checked) => {
                setSubjects((before) => toggled(before, m.id, checked));
                forget('subjects');
              }}
              label={m.label}
            />
          ))}
        </ChoiceGroup>

        <LabelledField id={`${prefix}-text`} label={textLabel} help={t('plan.form.textHelp')} problem={problems.text}>
          {(describedBy) => (
            <Textarea
              id={`${prefix}-text`} rows={4} value={text} invalid={problems.text !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => {
                setText(e.currentTarget.value);
                forget('text');
              }}
            />
          )}
        </LabelledField>

        {kind === 'ACTION' && asMember && (
          <ActorChoice
            prefix={prefix}
            members={members}
            actorKind={actorKind}
            onActorKind={(value) => {
              setActorKind(value);
              forget('actor');
            }}
            actorMember={actorMember}
            onActorMember={(id) => {
              setActorMember(id);
              forget('actor');
            }}
            actorName={actorName}
            onActorName={(name) => {
              setActorName(name);
              forget('actorName');
            }}
            problems={problems}
          />
        )}

        {kind !== 'WORDS' && kind !== null && (
          <LabelledField id={`${prefix}-due`} label={t(`plan.form.due.${kind}`)} help={t('plan.form.dueHelp')} problem={problems.dueOn}>
            {(describedBy) => (
            <Textbox
              id={`${prefix}-due`} type="date" value={dueOn} invalid={problems.dueOn !== undefined} aria-describedby={describedBy} onChange={(e) => {
                setDueOn(e.currentTarget.value);
                forget('dueOn');
              }}
            />
          )}
          </LabelledField>
        )}

        <LabelledField id={`${prefix}-category`} label={t('plan.form.category')} help={t('plan.form.categoryHelp')} problem={problems.category}>
          {(describedBy) => (
            <Select id={`${prefix}-category`} value={category} invalid={problems.category !== undefined} aria-describedby={describedBy} onChange={(e) => {
                setCategory(e.currentTarget.value as DataCategory);
                forget('category');
              }}
            >
              <option value="SHARED_PLAN">{t('plan.form.categoryNone')}</option>
              {DATA_CATEGORIES.filter((c) => !NOT_TOPICS.includes(c)).map((c) => (
                <option key={c} value={c}>
                  {labelOf(t, 'category', c)}
                </option>
              ))}
            </Select>
          )}
        </LabelledField>

        <div>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('plan.form.submit')}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
