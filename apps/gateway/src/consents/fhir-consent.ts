import { ConsentStatus } from '@kring/consent';
import type { Consent } from './consent.model';

/** Kring's own code systems in FHIR resources (docs/consent-receipts.md, FHIR mapping). */
export const FHIR_SYSTEMS = {
  member: 'urn:kring:member',
  organisation: 'urn:kring:organisation',
  domain: 'urn:kring:organisation-domain',
  purpose: 'urn:kring:purpose',
  dataCategory: 'urn:kring:data-category',
  policy: 'urn:kring:purpose-catalogue',
} as const;

export type FhirResource = Record<string, unknown> & { resourceType: string };

/**
 * A consent as a FHIR R4 Consent resource. Status: ACTIVE is active; PENDING (waiting for a
 * signature, or not yet valid) is proposed; REVOKED and EXPIRED are inactive. Kring has no
 * refused consent, so rejected does not occur.
 */
export function fhirConsent(consent: Consent): FhirResource {
  const recipient =
    consent.recipientOrganisation !== null
      ? { reference: `Organization/${consent.recipientOrganisation.id}`, identifier: { system: FHIR_SYSTEMS.organisation, value: consent.recipientOrganisation.id }, display: consent.recipientOrganisation.name }
      : { identifier: { system: FHIR_SYSTEMS.domain, value: consent.recipientDomain ?? 'UNKNOWN' }, display: `Every organisation of domain ${consent.recipientDomain ?? 'UNKNOWN'}` };
  return {
    resourceType: 'Consent',
    id: consent.id,
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${consent.id}` }],
    status: fhirStatus(consent.status),
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: { reference: `Patient/${consent.subjectMemberId}`, identifier: { system: FHIR_SYSTEMS.member, value: consent.subjectMemberId } },
    dateTime: consent.createdAt.toISOString(),
    // Who signed: the subject or a parent with authority, by pseudonymous member id.
    performer: consent.signatures.map((s) => ({ identifier: { system: FHIR_SYSTEMS.member, value: s.memberId }, display: s.capacity })),
    organization: [{ display: consent.controller }],
    policy: [{ authority: 'urn:kring', uri: `${FHIR_SYSTEMS.policy}:${consent.policyVersion}` }],
    provision: {
      type: 'permit',
      period: { start: consent.validFrom.toISOString(), end: (consent.revokedAt !== null && consent.revokedAt < consent.validUntil ? consent.revokedAt : consent.validUntil).toISOString() },
      actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] }, reference: recipient }],
      action: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'access', display: 'Access' }] }],
      purpose: consent.purposes.map((code) => ({ system: FHIR_SYSTEMS.purpose, code })),
      code: consent.categories.map((category) => ({ coding: [{ system: FHIR_SYSTEMS.dataCategory, code: category }] })),
    },
  };
}

function fhirStatus(status: ConsentStatus): 'active' | 'proposed' | 'inactive' {
  switch (status) {
    case ConsentStatus.ACTIVE:
      return 'active';
    case ConsentStatus.PENDING:
      return 'proposed';
    case ConsentStatus.REVOKED:
    case ConsentStatus.EXPIRED:
      return 'inactive';
  }
}

/** A searchset Bundle of the consents found. */
export function fhirSearchset(consents: readonly Consent[], selfUrl: string): FhirResource {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: consents.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: consents.map((consent) => ({ fullUrl: `urn:uuid:${consent.id}`, resource: fhirConsent(consent), search: { mode: 'match' } })),
  };
}

/** A FHIR OperationOutcome for a refusal: `code` from the FHIR issue-type value set. */
export function operationOutcome(code: 'forbidden' | 'not-found' | 'invalid' | 'login' | 'exception', diagnostics: string): FhirResource {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}
