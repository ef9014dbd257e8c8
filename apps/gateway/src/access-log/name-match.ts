/**
 * Matching a typed name against names that are stored only sealed (docs/access-log.md, "Looking
 * up a member or professional"). A name cannot be searched in SQL on its ciphertext, so the
 * candidates within the officer's scope are decrypted and compared here, in memory: both sides
 * normalised (case, accents, punctuation), and every word typed must begin a word of the name,
 * in any order ("daan", "de vries", "vries d", "Daan de Vries" all find Daan de Vries).
 */

/** Bounds of a typed name: at least 2 characters with a letter, at most 100. */
export const NAME_QUERY_LENGTH = { min: 2, max: 100 } as const;

/** How many candidates one name lookup decrypts at most; beyond it the officer is asked for a BSN or a longer name. */
export const MAX_NAME_CANDIDATES = 20_000;

/** How many matches a lookup gives back at most (sorted by name). */
export const MAX_LOOKUP_RESULTS = 20;

/** The words of a name, lower case, without accents or punctuation ("Ö'Brien-de Vries" → ["obrien", "de", "vries"]). */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A typed name's words when it is within bounds; null when it is not (too short, too long, no letter). */
export function nameQuery(typed: string): string[] | null {
  const trimmed = typed.trim();
  if ([...trimmed].length < NAME_QUERY_LENGTH.min || [...trimmed].length > NAME_QUERY_LENGTH.max) return null;
  const words = nameWords(trimmed);
  if (words.length === 0 || !words.some((w) => /\p{L}/u.test(w))) return null;
  return words;
}

/** Whether every typed word begins a distinct word of the name. */
export function nameMatches(query: readonly string[], name: string): boolean {
  const words = nameWords(name);
  const used = new Set<number>();
  // Each typed word claims one word of the name, longest typed words first (a greedy match, enough for names).
  for (const typed of [...query].sort((a, b) => b.length - a.length)) {
    const at = words.findIndex((word, i) => !used.has(i) && word.startsWith(typed));
    if (at < 0) return false;
    used.add(at);
  }
  return true;
}
