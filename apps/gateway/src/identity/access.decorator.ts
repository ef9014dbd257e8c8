import { SetMetadata } from '@nestjs/common';
import type { PermissionAction, PermissionSubjectType } from '@kring/policy';

/** An action on a kind of thing, as the permission table (docs/permissions.md) names it. */
export type Permission = readonly [PermissionAction, PermissionSubjectType];

/**
 * Who may call an operation. Every resolver method and route must say it: the
 * guard refuses anything without this metadata (closed by default). Which roles may
 * is not written here but in the permission table, which the guard asks.
 */
export type AccessPolicy =
  /**
   * Open without signing in: with a permission, one the permission table grants to anyone (the
   * social map); without, an operation outside the table (health, how to sign in).
   */
  | { readonly kind: 'public'; readonly permission?: Permission }
  /** Any signed-in caller; what they then see is scoped by the permission table in the service. */
  | { readonly kind: 'authenticated' }
  /** A family member whom the permission table allows this action on this kind of thing. */
  | { readonly kind: 'citizen'; readonly permission: Permission }
  /** A professional; with a permission, one whom the table allows it (for some such thing). */
  | { readonly kind: 'professional'; readonly permission: Permission | null };

export const ACCESS_POLICY = 'kring:access-policy';

export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);
/** Anyone, signed in or not, whom the permission table allows `action` on `subject` (its rows for anyone). */
export const AnyoneMay = (action: PermissionAction, subject: PermissionSubjectType) =>
  SetMetadata(ACCESS_POLICY, { kind: 'public', permission: [action, subject] } satisfies AccessPolicy);
export const Authenticated = () => SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);
/** Family members the permission table allows `action` on some `subject`. */
export const MembersMay = (action: PermissionAction, subject: PermissionSubjectType) =>
  SetMetadata(ACCESS_POLICY, { kind: 'citizen', permission: [action, subject] } satisfies AccessPolicy);
/** Professionals the permission table allows `action` on some `subject`. */
export const ProfessionalsMay = (action: PermissionAction, subject: PermissionSubjectType) =>
  SetMetadata(ACCESS_POLICY, { kind: 'professional', permission: [action, subject] } satisfies AccessPolicy);
