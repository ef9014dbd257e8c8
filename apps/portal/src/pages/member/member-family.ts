import type { MessageKey, Translate } from '../../i18n/i18n';

/** Today in the Dutch calendar, as YYYY-MM-DD. */
export function todayInNl(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Age in whole years on a day (both YYYY-MM-DD), as the consent rules count it. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * The members a family member may read and act for: themselves, and the children under 16
 * over whom they hold authority. The portal never works this out: it is the members the API
 * returned (`myReach`, or the member view of `myFamily`, which holds exactly these members
 * and nothing about anyone else, DESIGN.md §5.7). Nobody outside it is named or counted here.
 */
export interface MemberBasics {
  readonly id: string;
  readonly name: string | null;
  readonly birthDate: string | null;
}

export interface Reach<M extends MemberBasics = MemberBasics> {
  readonly viewerId: string;
  /** The viewer first, then the children in reach, oldest first. */
  readonly members: readonly M[];
  readonly has: (memberId: string) => boolean;
  /** The member's name when in reach (and readable), else null. */
  readonly nameOf: (memberId: string) => string | null;
}

export function reachOf<M extends MemberBasics>(members: readonly M[], viewerId: string, viewerName: string | null): Reach<M> {
  const sorted = [...members].sort((a, b) => {
    if (a.id === viewerId) return -1;
    if (b.id === viewerId) return 1;
    return (a.birthDate ?? '').localeCompare(b.birthDate ?? '');
  });
  const names = new Map(sorted.map((m) => [m.id, m.name ?? (m.id === viewerId ? viewerName : null)]));
  return {
    viewerId,
    members: sorted,
    has: (id) => names.has(id),
    nameOf: (id) => names.get(id) ?? null,
  };
}

/** "A, B en C" in the current language. */
export function joinWords(t: Translate, words: readonly string[], conjunction: 'member.and' | 'member.or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${t(conjunction)} ${words[words.length - 1] ?? ''}`;
}

/** A label from a code the API sends (category, purpose, role, ...), or the code itself when we have no words for it. */
export function labelOf(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}` as MessageKey;
  const text = t(key);
  return text === key ? code : text;
}

/** The first letter as a capital, for a phrase that starts a line. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
