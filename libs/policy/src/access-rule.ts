import { consentShortfall, type ConsentFacts, type ConsentShortfall, type SubjectFacts } from '@kring/consent';
import { DataCategory, isInvolvedOn } from '@kring/family-file';
import type { Domain } from '@kring/identity';
import { DenyReason, type AccessBasis, type AccessDecision } from './access-decision';
import type { Purpose } from './purpose';
import { purposeDenyReason, PurposeRefusal, purposeRefusalFor } from './resolve-purpose';

/** The professional asking, and for which purpose. */
export interface AccessCaller {
  readonly professionalId: string;
  readonly organisationId: string;
  readonly domain: Domain;
}

/** A consent as the rule sees it: its state facts plus what it covers. */
export interface ConsentGrant extends ConsentFacts {
  readonly recipientOrganisationId: string | null;
  readonly recipientDomain: Domain | null;
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly string[];
}

export interface BreakGlassFacts {
  readonly id: string;
  readonly professionalId: string;
  /** Always CHILD_PROTECTION (DESIGN.md §3): a grant counts only for reads declaring it. */
  readonly purpose: string;
  readonly categories: readonly DataCategory[];
  readonly expiresAt: Date;
}

/** Everything about one family the rule decides on, loaded once per request. */
export interface FamilyFacts {
  readonly familyId: string;
  /** Involvements of the family: active from `startsOn` until the day before `endsOn` (YYYY-MM-DD, Dutch calendar). */
  readonly involvements: readonly { readonly organisationId: string; readonly startsOn: string; readonly endsOn: string | null }[];
  readonly subjects: ReadonlyMap<string, SubjectFacts>;
  readonly consents: readonly ConsentGrant[];
  readonly breakGlassGrants: readonly BreakGlassFacts[];
}

/** One field of the family file: its category, who wrote it, and whom it is about. */
export interface FieldFacts {
  readonly category: DataCategory;
  /** The organisation that wrote it; null when the family did (our story, a plan item in its own words): then no organisation reads it as its own. */
  readonly sourceOrganisationId: string | null;
  readonly subjectIds: readonly string[];
}

/**
 * Categories shared only by consent (DESIGN.md §9, our story): what members wrote in their own
 * words reaches a professional only with a consent of every subject that counts; never because
 * an organisation holds it (no organisation does: the family is its source), by a statutory
 * task, or by emergency access (whose categories the break-glass use case limits anyway).
 */
export const CONSENT_ONLY_CATEGORIES: ReadonlySet<DataCategory> = new Set([DataCategory.OWN_WORDS]);

export interface AccessQuestion {
  readonly caller: AccessCaller;
  /** The declared purpose, resolved in the catalogue; undefined when the code is not in it. */
  readonly purpose: Purpose | undefined;
  readonly family: FamilyFacts;
  readonly field: FieldFacts;
  /** The moment of access. */
  readonly at: Date;
  /** The calendar date of `at` in the Netherlands (YYYY-MM-DD). */
  readonly today: string;
}

/**
 * The one access rule (DESIGN.md §4). A professional reads a field if and only if:
 * (1) the purpose is in the catalogue, the caller's domain may use it, and it may
 * reach the field's category; (2) the caller's organisation is involved with the
 * family today; and (3) the field is the organisation's own, or every subject has
 * a consent that counts now and covers this recipient, purpose and category, or the
 * purpose is a statutory task of the caller's domain, or the caller holds an
 * unexpired break-glass grant on the family for this purpose covering the category.
 * A consent-only category (OWN_WORDS) has only the consent: it is never the caller's own
 * record, never reached by a statutory task, nor by emergency access. Everything else is denied. Pure: no I/O,
 * no clock of its own.
 */
export function decideFieldAccess(question: AccessQuestion): AccessDecision {
  const { caller, purpose, family, field, at, today } = question;
  const deny = (reason: DenyReason): AccessDecision => ({ allowed: false, category: field.category, reason });
  const allow = (basis: AccessBasis): AccessDecision => ({ allowed: true, category: field.category, basis });

  // Rule 1's first half is resolve-purpose.ts's, as the gateway's check before loading anything.
  const purposeRefused = purposeRefusalFor(purpose, caller.domain);
  if (purposeRefused !== null) return deny(purposeDenyReason(purposeRefused));
  if (purpose === undefined) return deny(purposeDenyReason(PurposeRefusal.UNKNOWN_PURPOSE)); // (never: refused above; for the type)
  if (!purpose.maxCategories.includes(field.category)) return deny(DenyReason.PURPOSE_EXCLUDES_CATEGORY);
  if (!isInvolved(family, caller.organisationId, today)) return deny(DenyReason.NOT_INVOLVED);

  const consentOnly = CONSENT_ONLY_CATEGORIES.has(field.category);
  if (!consentOnly && field.sourceOrganisationId === caller.organisationId) return allow({ kind: 'OWN_RECORD' });
  if (!consentOnly && purpose.statutoryFor.includes(caller.domain)) return allow({ kind: 'STATUTORY_TASK' });

  const consent = consentFor(question);
  if (consent.allowed) return allow({ kind: 'CONSENT', consentIds: consent.consentIds });

  const grant = consentOnly
    ? undefined
    : family.breakGlassGrants.find(
        (g) => g.professionalId === caller.professionalId && g.purpose === purpose.code && g.expiresAt.getTime() > at.getTime() && g.categories.includes(field.category),
      );
  if (grant !== undefined) return allow({ kind: 'BREAK_GLASS', grantId: grant.id });

  return deny(consent.reason);
}

/** Whether the organisation has an involvement with the family that runs today (`isInvolvedOn`). */
export function isInvolved(family: Pick<FamilyFacts, 'involvements'>, organisationId: string, today: string): boolean {
  return family.involvements.some((i) => i.organisationId === organisationId && isInvolvedOn(i, today));
}

/** When consent cannot be the basis, the reason of the first subject (in the field's order) who lacks one. */
const SHORTFALL_REASON: Record<ConsentShortfall, DenyReason> = {
  CAPACITY_UNKNOWN: DenyReason.DATA_INTEGRITY,
  CAPACITY_LAPSED: DenyReason.CAPACITY_LAPSED,
  PENDING: DenyReason.CONSENT_PENDING,
  NOT_YET_VALID: DenyReason.CONSENT_PENDING,
  EXPIRED: DenyReason.CONSENT_EXPIRED,
  REVOKED: DenyReason.CONSENT_REVOKED,
};

/**
 * Of several covering consents that do not count, the reason that tells the family most about what to do.
 * A damaged birth date comes first: it is an alarm, and no signature can help until it is repaired.
 */
const SHORTFALL_PRIORITY: readonly ConsentShortfall[] = ['CAPACITY_UNKNOWN', 'CAPACITY_LAPSED', 'PENDING', 'NOT_YET_VALID', 'EXPIRED', 'REVOKED'];

function consentFor(question: AccessQuestion): { allowed: true; consentIds: string[] } | { allowed: false; reason: DenyReason } {
  const { caller, purpose, family, field, at } = question;
  if (field.subjectIds.length === 0) return { allowed: false, reason: DenyReason.NO_CONSENT };
  const consentIds: string[] = [];
  for (const subjectId of field.subjectIds) {
    const subject = family.subjects.get(subjectId);
    const covering = family.consents.filter(
      (c) =>
        c.subjectMemberId === subjectId &&
        (c.recipientOrganisationId === caller.organisationId || c.recipientDomain === caller.domain) &&
        c.purposes.includes(purpose?.code ?? '') &&
        c.categories.includes(field.category),
    );
    if (subject === undefined || covering.length === 0) return { allowed: false, reason: DenyReason.NO_CONSENT };
    const judged = covering.map((c) => ({ id: c.id, shortfall: consentShortfall(c, subject, at) }));
    const counting = judged.find((j) => j.shortfall === null);
    if (counting === undefined) {
      const worst = SHORTFALL_PRIORITY.find((s) => judged.some((j) => j.shortfall === s)) as ConsentShortfall;
      return { allowed: false, reason: SHORTFALL_REASON[worst] };
    }
    consentIds.push(counting.id);
  }
  return { allowed: true, consentIds };
}
