import { SetMetadata } from '@nestjs/common';
import type { ProfessionalRole } from '@kring/identity';

/**
 * Who may call an operation. Every resolver method and route must say it: the
 * guard refuses anything without this metadata (closed by default).
 */
export type AccessPolicy =
  | { readonly kind: 'public' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'citizen' }
  /** A professional; with roles, one of them is required. */
  | { readonly kind: 'professional'; readonly roles?: readonly ProfessionalRole[] };

export const ACCESS_POLICY = 'kring:access-policy';

export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);
export const Authenticated = () => SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);
export const CitizensOnly = () => SetMetadata(ACCESS_POLICY, { kind: 'citizen' } satisfies AccessPolicy);
export const ProfessionalsOnly = (...roles: ProfessionalRole[]) =>
  SetMetadata(ACCESS_POLICY, { kind: 'professional', roles: roles.length > 0 ? roles : undefined } satisfies AccessPolicy);
