import type { TypedDocumentString } from './generated/graphql';

/**
 * The portal's one way to the API: POST /graphql with the bearer token held in memory.
 * Errors keep the API's `extensions.code`, so pages can say what to do in plain words.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Which input field the API named (BAD_USER_INPUT), when it did. */
    readonly field: string | null = null,
    /** Which refusal the API named (`extensions.refusal`, e.g. NOT_CASE_DIRECTOR), when it did. */
    readonly refusal: string | null = null,
    /** The access rule's reason the API named (`extensions.reason`, e.g. NO_CONSENT), when it did. */
    readonly reason: string | null = null,
  ) {
    super(message);
  }
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; refusal?: string; reason?: string } }[];
}

let bearer: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The token lives here, in this module's memory: never in localStorage or a cookie. */
export function setToken(token: string | null): void {
  bearer = token;
}

export function hasToken(): boolean {
  return bearer !== null;
}

/** The token, for the one other way to the API: the live connection (api/live.ts) sends it when it connects. */
export function currentToken(): string | null {
  return bearer;
}

/** Called when the API refuses the token (expired): the session ends. */
export function whenUnauthenticated(callback: () => void): void {
  onUnauthenticated = callback;
}

/** An operation's variables: none to pass when it has none, all required ones when it has some. */
type VariablesOf<V> = [V] extends [Record<string, never>] ? [variables?: V] : [variables: V];

/**
 * Sends one of the portal's operations, written with `gql` and typed by `npm run codegen`:
 * the answer's type and the variables' come from the schema, never from a hand-kept copy.
 */
export async function graphql<T, V>(document: TypedDocumentString<T, V>, ...[variables]: VariablesOf<V>): Promise<T> {
  const query = document.toString();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) },
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The server could not be reached.');
  }
  let body: GraphqlResponse<T>;
  try {
    body = (await response.json()) as GraphqlResponse<T>;
  } catch {
    throw new ApiError('SERVER', `The server answered ${response.status}.`);
  }
  const error = body.errors?.[0];
  if (error !== undefined) {
    const code = error.extensions?.code ?? 'SERVER';
    if (code === 'UNAUTHENTICATED' && bearer !== null) onUnauthenticated?.();
    throw new ApiError(code, error.message, error.extensions?.field ?? null, error.extensions?.refusal ?? null, error.extensions?.reason ?? null);
  }
  if (body.data === undefined || body.data === null) throw new ApiError('SERVER', 'The server sent no data.');
  return body.data;
}

/**
 * Downloads the access-log export with the token in a header (a plain link could not
 * carry it), then hands the file to the browser.
 */
export async function downloadExport(format: 'csv' | 'jsonl' | 'logius', params: Record<string, string>): Promise<void> {
  const query = new URLSearchParams({ format, ...params });
  const response = await fetch(`/access-log/export?${query.toString()}`, {
    headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
  });
  if (!response.ok) {
    let code = 'SERVER';
    try {
      code = ((await response.json()) as GraphqlResponse<unknown>).errors?.[0]?.extensions?.code ?? code;
    } catch {
      // not JSON: keep SERVER
    }
    throw new ApiError(code, `Export failed (${response.status}).`);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `kring-access-log.${format === 'logius' ? 'logius.jsonl' : format}`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
