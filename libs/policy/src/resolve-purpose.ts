import type { Domain } from '@kring/identity';
import { DenyReason } from './access-decision';
import type { Purpose } from './purpose';
import type { PurposeCatalogue } from './purpose-catalogue';

/** Why a declared purpose cannot be used: no purpose, a code the catalogue does not know, or not for the caller's domain. */
export enum PurposeRefusal {
  PURPOSE_REQUIRED = 'PURPOSE_REQUIRED',
  UNKNOWN_PURPOSE = 'UNKNOWN_PURPOSE',
  PURPOSE_NOT_FOR_DOMAIN = 'PURPOSE_NOT_FOR_DOMAIN',
}

export type PurposeResolution = { readonly ok: true; readonly purpose: Purpose } | { readonly ok: false; readonly refusal: PurposeRefusal };

/**
 * Whether an organisation of `domain` may use this (catalogue) purpose at all (DESIGN.md §4,
 * rule 1, first half). The one place this is decided: the gateway resolves a declared purpose
 * with it before loading anything, and the access rule asks it again for every field, so a
 * caller of the pure rule gets the same answer without the gateway in front.
 */
export function purposeRefusalFor(purpose: Purpose | undefined, domain: Domain): PurposeRefusal | null {
  if (purpose === undefined) return PurposeRefusal.UNKNOWN_PURPOSE;
  if (!purpose.domains.includes(domain)) return PurposeRefusal.PURPOSE_NOT_FOR_DOMAIN;
  return null;
}

/** A declared purpose code, resolved in the catalogue for a caller of `domain`; exact codes only. */
export function resolvePurpose(catalogue: PurposeCatalogue, domain: Domain, code: string | null | undefined): PurposeResolution {
  if (code === null || code === undefined || code.trim() === '') return { ok: false, refusal: PurposeRefusal.PURPOSE_REQUIRED };
  const purpose = catalogue.find(code);
  const refusal = purposeRefusalFor(purpose, domain);
  return refusal === null ? { ok: true, purpose: purpose as Purpose } : { ok: false, refusal };
}

/**
 * The access log's reason for a refused purpose. A missing purpose is logged as unknown: the
 * log's reasons are the rule's (DenyReason), and to the rule no purpose is an unknown one.
 */
export function purposeDenyReason(refusal: PurposeRefusal): DenyReason {
  switch (refusal) {
    case PurposeRefusal.PURPOSE_REQUIRED:
    case PurposeRefusal.UNKNOWN_PURPOSE:
      return DenyReason.UNKNOWN_PURPOSE;
    case PurposeRefusal.PURPOSE_NOT_FOR_DOMAIN:
      return DenyReason.PURPOSE_NOT_FOR_DOMAIN;
  }
}
