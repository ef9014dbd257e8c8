import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/graphql';
import { asApiError } from '../api/use-api';

/** What a form of one text sends, and how it is checked first. */
export interface TextSubmission {
  /** The id of the text's input, where focus goes when it has a problem. */
  readonly inputId: string;
  /** The input field the API names in a BAD_USER_INPUT about this text (e.g. `reason`, `text`). */
  readonly apiField: string;
  /** The API's bounds, checked on the trimmed text before anything is sent. */
  readonly length: { readonly min: number; readonly max: number };
  /** The problem in words, for a text out of bounds (here or at the API). */
  readonly problem: string;
  /** Sends the trimmed text. */
  readonly send: (text: string) => Promise<void>;
}

/**
 * A form of one free text (a reason, a story): the text is checked against the API's bounds
 * first, so the member hears it in words at the field; the API's BAD_USER_INPUT about it is
 * shown there too, any other error above the form. Focus goes to the field on a problem, and
 * to `feedback` (the confirmation) once sent.
 */
export function useTextSubmission(form: TextSubmission): {
  readonly problem: string | undefined;
  readonly apiError: ApiError | null;
  readonly sent: boolean;
  readonly busy: boolean;
  readonly feedback: RefObject<HTMLDivElement | null>;
  readonly submit: (event: FormEvent, text: string) => Promise<void>;
} {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const feedback = useRef<HTMLDivElement>(null);
  const refuse = () => {
    setProblem(form.problem);
    document.getElementById(form.inputId)?.focus();
  };
  useEffect(() => {
    if (sent) feedback.current?.focus();
  }, [sent]);

  const submit = async (event: FormEvent, text: string) => {
    event.preventDefault();
    setApiError(null);
    setSent(false);
    const trimmed = text.trim();
    if (trimmed.length < form.length.min || trimmed.length > form.length.max) {
      refuse();
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      await form.send(trimmed);
      setSent(true);
    } catch (error) {
      const failure = asApiError(error);
      if (failure.code === 'BAD_USER_INPUT' && failure.field === form.apiField) refuse();
      else setApiError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { problem, apiError, sent, busy, feedback, submit };
}
