import { DataCategory } from '@kring/family-file';

/** Emergency access is for one purpose only: protecting a child (DESIGN.md §3). */
export const BREAK_GLASS_PURPOSE = 'CHILD_PROTECTION';
/** What emergency access may reach, at most: enough to find and protect a child, nothing of health or the case. */
export const BREAK_GLASS_CATEGORIES: readonly DataCategory[] = [DataCategory.CONTACT, DataCategory.HOUSEHOLD, DataCategory.SAFETY];
/** A privacy officer must be able to judge the justification: at least 30 characters, at most 4000. */
export const JUSTIFICATION_LENGTH = { min: 30, max: 4000 } as const;
/** Emergency access lasts at most four hours (240 minutes); the database checks the same bound. */
export const MAX_DURATION_MINUTES = 240;

export interface OpenBreakGlassRequest {
  readonly justification: string;
  readonly durationMinutes: number;
  /** A subset of BREAK_GLASS_CATEGORIES; all three when not given. */
  readonly categories?: readonly DataCategory[] | null;
}

export interface BreakGlassOpener {
  /**
   * Whether the opener's organisation may declare CHILD_PROTECTION: the purpose catalogue's
   * answer for its domain (`resolvePurpose` in @kring/policy, the one place that decides it).
   */
  readonly mayDeclarePurpose: boolean;
}

export type OpenBreakGlassRefusal =
  | { readonly reason: 'JUSTIFICATION_TOO_SHORT' }
  | { readonly reason: 'JUSTIFICATION_TOO_LONG' }
  | { readonly reason: 'DURATION_OUT_OF_RANGE' }
  | { readonly reason: 'CATEGORY_NOT_ALLOWED' }
  | { readonly reason: 'PURPOSE_NOT_FOR_DOMAIN' };

/** The grant to store: the justification as it will be read, the window it is open. */
export interface OpenedBreakGlass {
  readonly justification: string;
  readonly purpose: string;
  readonly categories: readonly DataCategory[];
  readonly openedAt: Date;
  readonly expiresAt: Date;
}

export type OpenBreakGlassDecision = { readonly ok: true; readonly grant: OpenedBreakGlass } | { readonly ok: false; readonly refusal: OpenBreakGlassRefusal };

/**
 * Whether a professional may open emergency access now, and on what terms (DESIGN.md §3):
 * a justification of at least 30 characters (leading and trailing spaces do not count),
 * at most four hours, CHILD_PROTECTION only, CONTACT, HOUSEHOLD and SAFETY at most, by
 * an organisation whose domain may declare that purpose. That the organisation is involved
 * with the family today is the shared involvement rule, decided where the family is read.
 */
export function openBreakGlass(request: OpenBreakGlassRequest, opener: BreakGlassOpener, openedAt: Date): OpenBreakGlassDecision {
  const justification = request.justification.trim();
  if (justification.length < JUSTIFICATION_LENGTH.min) return refuse('JUSTIFICATION_TOO_SHORT');
  if (justification.length > JUSTIFICATION_LENGTH.max) return refuse('JUSTIFICATION_TOO_LONG');
  const minutes = request.durationMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_DURATION_MINUTES) return refuse('DURATION_OUT_OF_RANGE');
  const categories = [...new Set(request.categories ?? BREAK_GLASS_CATEGORIES)];
  if (categories.length === 0 || !categories.every((c) => BREAK_GLASS_CATEGORIES.includes(c))) return refuse('CATEGORY_NOT_ALLOWED');
  if (!opener.mayDeclarePurpose) return refuse('PURPOSE_NOT_FOR_DOMAIN');
  return {
    ok: true,
    grant: { justification, purpose: BREAK_GLASS_PURPOSE, categories, openedAt, expiresAt: new Date(openedAt.getTime() + minutes * 60_000) },
  };
}

function refuse(reason: OpenBreakGlassRefusal['reason']): OpenBreakGlassDecision {
  return { ok: false, refusal: { reason } };
}
