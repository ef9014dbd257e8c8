import { SEARCH_TEXT_LENGTH } from './social-map-vocabulary';

export type SearchTextDecision = { readonly ok: true; readonly text: string | null } | { readonly ok: false; readonly refusal: 'TOO_LONG' | 'NOT_WELL_FORMED' };

/**
 * What a visitor typed, ready for `websearch_to_tsquery`: any text of at most 1,000
 * characters searches (quotes, operators, punctuation and emoji included: the query parser
 * takes them as it finds them); blank text lists the map by name. A NUL character or a lone
 * surrogate cannot be searched for (PostgreSQL's text cannot hold NUL): refused. The gateway's
 * input boundary refuses those first; this check keeps the library's promise without it.
 */
export function checkSearchText(text: string | null | undefined): SearchTextDecision {
  if (text === null || text === undefined) return { ok: true, text: null };
  if (text.includes('\u0000') || !(text as unknown as { isWellFormed(): boolean }).isWellFormed()) return { ok: false, refusal: 'NOT_WELL_FORMED' };
  if ([...text].length > SEARCH_TEXT_LENGTH) return { ok: false, refusal: 'TOO_LONG' };
  const trimmed = text.trim();
  return { ok: true, text: trimmed === '' ? null : trimmed };
}
