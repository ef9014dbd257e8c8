import { type FormEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/graphql';
import { asApiError } from '../api/use-api';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textarea } from './index';

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
 * invalid, so it is read out; `clear` takes them away, `forget` one field's (once it is changed).
 */
export function useFieldProblems<K extends string>(): {
  readonly problems: Partial<Record<K, string>>;
  readonly refuse: (found: Partial<Record<K, string>>) => void;
  readonly clear: () => void;
  readonly forget: (field: K) => void;
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
    clear: () => setProblems({}),
    forget: (field) =>
      setProblems((before) => {
        if (before[field] === undefined) return before;
        const rest = { ...before };
        delete rest[field];
        return rest;
      }),
    form,
  };
}

/** What a form of several questions checks, sends, and where the API's refusals belong. */
export interface CheckedSubmission<K extends string> {
  /** The problems found before sending, by question; none means send. */
  readonly check: () => Partial<Record<K, string>>;
  /** Sends the form (after the check passed) and does what follows success. */
  readonly send: () => Promise<void>;
  /** The question an API refusal belongs to, with its words; null shows it above the form. */
  readonly placeOf: (failure: ApiError) => readonly [K, string] | null;
  /** Called as the person sends, before the check: takes away the last confirmation. */
  readonly onStart?: () => void;
}

/**
 * The sending of a form of several questions: its problems are checked first and shown at their
 * questions (focus to the first); an API refusal the form can place is shown there too, anything
 * else above the form (`apiError`). `busy` while sending.
 */
export function useCheckedSubmission<K extends string>(submission: CheckedSubmission<K>): {
  readonly problems: Partial<Record<K, string>>;
  readonly forget: (field: K) => void;
  readonly form: RefObject<HTMLFormElement | null>;
  readonly apiError: ApiError | null;
  readonly busy: boolean;
  readonly submit: (event: FormEvent) => Promise<void>;
} {
  const { problems, refuse, clear, forget, form } = useFieldProblems<K>();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    submission.onStart?.();
    setApiError(null);
    const found = submission.check();
    if (Object.keys(found).length > 0) return refuse(found);
    clear();
    setBusy(true);
    try {
      await submission.send();
    } catch (error) {
      const failure = asApiError(error);
      const place = submission.placeOf(failure);
      if (place === null) setApiError(failure);
      else refuse({ [place[0]]: place[1] } as Partial<Record<K, string>>);
    } finally {
      setBusy(false);
    }
  };
  return { problems, forget, form, apiError, busy, submit };
}

/** A question answered in free text: its label, help, a text area, and its problem below it. */
export function TextQuestion({ id, label, help, problem, value, required, rows = 4, onChange }: { id: string; label: string; help: string; problem: string | undefined; value: string; required: boolean; rows?: number; onChange: (value: string) => void }) {
  return (
    <LabelledField id={id} label={label} help={help} problem={problem}>
      {(describedBy) => <Textarea id={id} rows={rows} value={value} invalid={problem !== undefined} aria-required={required || undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value)} />}
    </LabelledField>
  );
}
