/**
 * The colleague consulted before emergency access is opened (DESIGN.md §3; the *meldcode*
 * asks a professional to consult a colleague, or a Veilig Thuis advisor, before acting). Who
 * counts: a professional of an organisation involved with the family today, or a professional
 * of a Veilig Thuis organisation (domain CHILD_SAFETY, whether involved or not); never the
 * opener themselves, nor someone no longer in the directory (deactivated).
 */
export type ConsultedColleagueRefusal =
  | { readonly reason: 'CONSULTED_COLLEAGUE_REQUIRED' }
  | { readonly reason: 'SELF' }
  | { readonly reason: 'UNKNOWN_COLLEAGUE' }
  | { readonly reason: 'NOT_A_COLLEAGUE' };

/** The consulted professional as the directory knows them; null when no professional has the id. */
export interface ConsultedProfessional {
  readonly professionalId: string;
  readonly organisationId: string;
  /** Whether the organisation is a Veilig Thuis (registered with domain CHILD_SAFETY, libs/identity). */
  readonly veiligThuis: boolean;
  readonly deactivated: boolean;
}

/**
 * Whether the named professional counts as the consulted colleague. Judged in this order: a
 * name is required, it is not the opener, it is someone in the directory, and they are of an
 * organisation involved today or of Veilig Thuis. `named` is the id as given (null or blank
 * when none); `colleague` what the directory holds for it.
 */
export function judgeConsultedColleague(
  named: string | null | undefined,
  openerProfessionalId: string,
  colleague: ConsultedProfessional | null,
  involvedOrganisationIds: readonly string[],
): ConsultedColleagueRefusal | null {
  if (named === null || named === undefined || named.trim() === '') return { reason: 'CONSULTED_COLLEAGUE_REQUIRED' };
  if (named.trim().toLowerCase() === openerProfessionalId.toLowerCase()) return { reason: 'SELF' };
  if (colleague === null || colleague.deactivated) return { reason: 'UNKNOWN_COLLEAGUE' };
  if (colleague.veiligThuis || involvedOrganisationIds.includes(colleague.organisationId)) return null;
  return { reason: 'NOT_A_COLLEAGUE' };
}
