import type { ChangeEvent, ReactNode } from 'react';
import { Checkbox, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, RadioButton } from './index';

interface ChoiceProps {
  readonly type: 'checkbox' | 'radio';
  readonly id: string;
  readonly name?: string;
  readonly value?: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly label: ReactNode;
  readonly description?: ReactNode;
  /** The description's id, `<id>-description` unless given. */
  readonly descriptionId?: string;
  readonly invalid?: boolean;
  /** A problem with this one choice, shown below it as `<id>-error`; it marks the choice invalid. */
  readonly error?: ReactNode;
}

/** One checkbox or radio button with its label and, below the label, a plain-words explanation. */
export function Choice({ type, id, name, value, checked, onChange, label, description, descriptionId = `${id}-description`, invalid, error }: ChoiceProps) {
  const hasDescription = description !== undefined;
  const hasError = error !== undefined;
  const errorId = `${id}-error`;
  const describedBy = [hasDescription && descriptionId, hasError && errorId].filter(Boolean).join(' ') || undefined;
  const props = {
    id,
    name,
    value,
    checked,
    invalid: invalid === true || hasError,
    'aria-describedby': describedBy,
    onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.checked),
  };
  return (
    <FormField type={type} invalid={hasError} className="kring-choice">
      <div className="kring-choice__input">{type === 'checkbox' ? <Checkbox {...props} /> : <RadioButton {...props} />}</div>
      <div className="kring-choice__text">
        <FormLabel htmlFor={id} type={type} checked={checked}>
          {label}
        </FormLabel>
        {hasDescription && <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>}
        {hasError && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      </div>
    </FormField>
  );
}

/** A set of checked values after one checkbox changed: with `value` when checked, without it when not. */
export function toggled<T>(set: ReadonlySet<T>, value: T, checked: boolean): Set<T> {
  const next = new Set(set);
  if (checked) next.add(value);
  else next.delete(value);
  return next;
}
