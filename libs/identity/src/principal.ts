import type { Domain, ProfessionalRole } from './domain';

/** A professional acting for their organisation. */
export interface ProfessionalPrincipal {
  readonly kind: 'professional';
  readonly professionalId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly domain: Domain;
  readonly roles: readonly ProfessionalRole[];
}

/** A family member acting for themselves (and the children they hold authority over). */
export interface CitizenPrincipal {
  readonly kind: 'citizen';
  readonly memberId: string;
  readonly familyId: string;
}

/** Who is calling, as established from a verified token and the registrations in the database. */
export type Principal = ProfessionalPrincipal | CitizenPrincipal;

/** The claims Kring reads from a verified token; everything else in the token is ignored. */
export interface KringClaims {
  readonly subject: string;
  readonly kind: 'professional' | 'citizen';
  /** Professionals: organisation id, if the issuer asserts it (must then match the registration). */
  readonly organisationId: string | null;
  /** Professionals: roles, if the issuer asserts them (they can only narrow the registered roles). */
  readonly roles: readonly string[] | null;
  /** Citizens: the member id the broker mapped the citizen to. */
  readonly memberId: string | null;
  /** When the token expires (its `exp`, in ms): a live connection is closed then. */
  readonly expiresAtMs: number;
}

/** Claim names in Kring's tokens. */
export const CLAIM = {
  kind: 'kring_kind',
  organisation: 'kring_org',
  roles: 'kring_roles',
  member: 'kring_member',
} as const;
