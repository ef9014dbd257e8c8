import { REFERRAL_NOTE_LENGTH } from './referral-vocabulary';

/** What the referring professional asks for (the consent's terms are `proposeConsent`'s). */
export interface ReferToServiceRequest {
  readonly memberId: string;
  readonly note?: string | null;
}

/** The service referred to, as the social map holds it. */
export interface ReferredService {
  readonly organisationId: string;
  readonly withdrawn: boolean;
  readonly waitingWeeks: number | null;
  readonly waitingStatedOn: string | null;
}

export interface ReferToServiceFacts {
  /** The permission table's answer: may this professional refer from this family (casework, involved today). */
  readonly mayRefer: boolean;
  readonly referringOrganisationId: string;
  readonly familyMemberIds: readonly string[];
  /** Undefined when the map has no such service. */
  readonly service: ReferredService | undefined;
  /** The organisations involved with the family today. */
  readonly involvedOrganisationIds: readonly string[];
  /** Whether the member has a referral to this service that is still proposed. */
  readonly alreadyProposed: boolean;
}

export type ReferToServiceRefusal = 'NOT_ALLOWED' | 'NOT_A_MEMBER' | 'UNKNOWN_SERVICE' | 'SERVICE_WITHDRAWN' | 'OWN_ORGANISATION' | 'ALREADY_INVOLVED' | 'ALREADY_PROPOSED' | 'NOTE_LENGTH';

/** The referral as it will be stored, before its consent. */
export interface ReferralDraft {
  readonly subjectMemberId: string;
  readonly receivingOrganisationId: string;
  readonly note: string | null;
  readonly waitingWeeks: number | null;
  readonly waitingStatedOn: string | null;
}

export type ReferToServiceDecision = { readonly ok: true; readonly draft: ReferralDraft } | { readonly ok: false; readonly refusal: ReferToServiceRefusal };

/**
 * Whether this referral may be made (DESIGN.md §9, *verwijzing*): by whom the permission table
 * allows (a professional or team lead of an organisation involved with the family today), of a
 * member of the family, to a service on the map that is not withdrawn, of another organisation
 * that is not involved today already (a referral proposes an involvement; one that runs needs
 * none), not while the member has a proposed referral to the same service, with a note of at
 * most 2,000 characters (trimmed; blank is none). The waiting time is the service's now.
 */
export function referToService(request: ReferToServiceRequest, facts: ReferToServiceFacts): ReferToServiceDecision {
  const refuse = (refusal: ReferToServiceRefusal): ReferToServiceDecision => ({ ok: false, refusal });
  if (!facts.mayRefer) return refuse('NOT_ALLOWED');
  const memberId = request.memberId.toLowerCase();
  if (!facts.familyMemberIds.some((id) => id.toLowerCase() === memberId)) return refuse('NOT_A_MEMBER');
  const { service } = facts;
  if (service === undefined) return refuse('UNKNOWN_SERVICE');
  if (service.withdrawn) return refuse('SERVICE_WITHDRAWN');
  if (service.organisationId === facts.referringOrganisationId) return refuse('OWN_ORGANISATION');
  if (facts.involvedOrganisationIds.includes(service.organisationId)) return refuse('ALREADY_INVOLVED');
  if (facts.alreadyProposed) return refuse('ALREADY_PROPOSED');
  const trimmed = request.note?.trim() ?? '';
  if (trimmed.length > REFERRAL_NOTE_LENGTH.max) return refuse('NOTE_LENGTH');
  return {
    ok: true,
    draft: { subjectMemberId: memberId, receivingOrganisationId: service.organisationId, note: trimmed === '' ? null : trimmed, waitingWeeks: service.waitingWeeks, waitingStatedOn: service.waitingStatedOn },
  };
}
