import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './graphql';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  /** Loads again, e.g. after a change; the old data stays visible meanwhile. */
  readonly reload: () => void;
}

/**
 * Runs `load` when `key` changes and keeps the latest answer. An answer that arrives
 * after a newer request started is dropped, so a slow reply never overwrites a fresh one.
 */
export function useApi<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    const request = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    loader.current().then(
      (data) => {
        if (request === latest.current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (request === latest.current) setState((s) => ({ data: s.data, error: asApiError(error), loading: false }));
      },
    );
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('SERVER', error instanceof Error ? error.message : String(error));
}
