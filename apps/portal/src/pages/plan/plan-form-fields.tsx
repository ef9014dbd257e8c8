import type { ReactNode } from 'react';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage, Select, Textbox } from '../../ui';
import { Choice } from '../../ui/choice';
import { LabelledField } from '../../ui/labelled-field';

export type ActorKind = 'MEMBER' | 'NETWORK';
/** The questions of the plan's form that a problem can be shown at. */
export type Problem = 'kind' | 'subjects' | 'text' | 'category' | 'actor' | 'actorName' | 'dueOn';

/** A fieldset of choices with its legend, an optional help text, and its problem. */
export function ChoiceGroup({ id, legend, help, problem, children }: { id: string; legend: string; help?: string; problem: string | undefined; children: ReactNode }) {
  const describedBy = [help !== undefined && `${id}-help`, problem !== undefined && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset invalid={problem !== undefined} aria-describedby={describedBy}>
      <FieldsetLegend className="kring-legend">{legend}</FieldsetLegend>
      {help !== undefined && <FormFieldDescription id={`${id}-help`}>{help}</FormFieldDescription>}
      {problem !== undefined && <FormFieldErrorMessage id={`${id}-error`}>{problem}</FormFieldErrorMessage>}
      {children}
    </Fieldset>
  );
}

/** Who carries out a member's action: someone in the family (of their reach), or someone from the family's own circle by name. */
export function ActorChoice({
  prefix,
  members,
  actorKind,
  onActorKind,
  actorMember,
  onActorMember,
  actorName,
  onActorName,
  problems,
}: {
  prefix: string;
  members: readonly { readonly id: string; readonly label: string }[];
  actorKind: ActorKind | null;
  onActorKind: (kind: ActorKind) => void;
  actorMember: string;
  onActorMember: (id: string) => void;
  actorName: string;
  onActorName: (name: string) => void;
  problems: Partial<Record<Problem, string>>;
}) {
  const { t } = useI18n();
  const options: readonly [ActorKind, MessageKey][] = [
    ['MEMBER', 'plan.form.actorMember'],
    ['NETWORK', 'plan.form.actorNetwork'],
  ];
  return (
    <ChoiceGroup id={`${prefix}-actor`} legend={t('plan.form.actor')} help={t('plan.form.actorHelp')} problem={problems.actor}>
      {options.map(([value, label]) => (
        <Choice
          key={value}
          type="radio"
          id={`${prefix}-actor-${value}`}
          name={`${prefix}-actor`}
          value={value}
          checked={actorKind === value}
          invalid={problems.actor !== undefined}
          onChange={() => onActorKind(value)}
          label={t(label)}
        />
      ))}
      {actorKind === 'MEMBER' && (
        <LabelledField id={`${prefix}-actor-member`} label={t('plan.form.actorWho')} help={t('plan.form.actorWhoHelp')} problem={undefined}>
          {(describedBy) => (
            <Select id={`${prefix}-actor-member`} value={actorMember} aria-describedby={describedBy} onChange={(e) => onActorMember(e.currentTarget.value)}>
              <option value="">{t('plan.form.choose')}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </Select>
          )}
        </LabelledField>
      )}
      {actorKind === 'NETWORK' && (
        <LabelledField id={`${prefix}-actor-name`} label={t('plan.form.actorName')} help={t('plan.form.actorNameHelp')} problem={problems.actorName}>
          {(describedBy) => (
            <Textbox id={`${prefix}-actor-name`} autoComplete="off" value={actorName} invalid={problems.actorName !== undefined} aria-required aria-describedby={describedBy} onChange={(e) => onActorName(e.currentTarget.value)} />
          )}
        </LabelledField>
      )}
    </ChoiceGroup>
  );
}
