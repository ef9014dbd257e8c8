import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from './index';

/** A label, a plain-words help text, the input, and its problem below it; the input is described by the help and the problem. */
export function LabelledField({ id, label, help, problem, children }: { id: string; label: string; help: string; problem: string | undefined; children: (describedBy: string) => ReactNode }) {
  const describedBy = problem === undefined ? `${id}-help` : `${id}-help ${id}-error`;
  return (
    <FormField invalid={problem !== undefined}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <FormFieldDescription id={`${id}-help`}>{help}</FormFieldDescription>
      <div className="utrecht-form-field__input">{children(describedBy)}</div>
      {problem !== undefined && <FormFieldErrorMessage id={`${id}-error`}>{problem}</FormFieldErrorMessage>}
    </FormField>
  );
}

/**
 * A form's problems by field. `refuse` shows them and moves focus to the first field marked
 * invalid, so it is read out; `resolve` takes one away (the person changed that field);
 * `clear` takes them all away.
 */
export function useFieldProblems<K extends string>(): {
  readonly problems: Partial<Record<K, string>>;
  readonly refuse: (found: Partial<Record<K, string>>) => void;
  readonly resolve: (key: K) => void;
  readonly clear: () => void;
  readonly form: RefObject<HTMLFormElement | null>;
} {
  const [problems, setProblems] = useState<Partial<Record<K, string>>>({});
  const [focusFirst, setFocusFirst] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusFirst > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusFirst]);
  return {
    problems,
    refuse: (found) => {
      setProblems(found);
      setFocusFirst((n) => n + 1);
    },
    resolve: (key) =>
      setProblems((before) => {
        const rest = { ...before };
        delete rest[key];
        return rest;
      }),
    clear: () => setProblems({}),
    form,
  };
}
