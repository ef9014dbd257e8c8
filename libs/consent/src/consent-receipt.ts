import { createHash } from 'node:crypto';

/** The events of a consent that each get a receipt (docs/consent-receipts.md). */
export type ConsentReceiptEvent = 'GRANTED' | 'SIGNED' | 'REVOKED' | 'EXPIRED';

/** The JSON Schema (docs/schemas/consent-receipt-27560.schema.json) and profile a receipt conforms to. */
export const CONSENT_RECEIPT_SCHEMA_VERSION = 'kring-consent-receipt-27560/1';

/** What a receipt is made from: the consent as stored, with what the catalogue and directory say about it. */
export interface ConsentReceiptFacts {
  readonly consent: {
    readonly id: string;
    readonly subjectMemberId: string;
    readonly categories: readonly string[];
    readonly purposes: readonly string[];
    readonly validFrom: Date;
    readonly validUntil: Date;
    readonly grantedByMemberId: string | null;
    readonly proposedByProfessionalId: string | null;
    readonly collectionMethod: string;
    readonly policyVersion: string;
    readonly revokedAt: Date | null;
    readonly revokedByMemberId: string | null;
    readonly createdAt: Date;
  };
  readonly signatures: readonly { readonly memberId: string; readonly capacity: string; readonly signedAt: Date }[];
  /** The recipient: an organisation (id and name) or every organisation of a domain. */
  readonly recipient: { readonly organisationId: string; readonly name: string } | { readonly domain: string };
  /** The controller(s), as the purpose catalogue names them. */
  readonly controller: string;
  /** A purpose code's name, lawful basis (Art. 6 GDPR) and retention (ISO 8601 duration), from the catalogue. */
  readonly purpose: (code: string) => { readonly name: string; readonly lawfulBasis: string; readonly retention: string } | undefined;
  /** Data categories that are special categories of personal data (GDPR Art. 9). */
  readonly specialCategories: ReadonlySet<string>;
  readonly now: Date;
}

/** One receipt: a copy of the consent record with the one event it attests. */
export interface ConsentReceipt {
  readonly schemaVersion: string;
  readonly conformsTo: string;
  readonly receiptId: string;
  readonly recordId: string;
  readonly piiPrincipalId: string;
  readonly language: string;
  readonly jurisdiction: string;
  readonly consentType: string;
  readonly collectionMethod: string;
  readonly privacyNotice: { readonly policyVersion: string; readonly noticeId: string };
  readonly purposes: readonly { readonly purposeId: string; readonly purpose: string; readonly lawfulBasis: string; readonly retentionPeriod: string }[];
  readonly piiInformation: readonly { readonly piiType: string; readonly specialCategory: boolean }[];
  readonly piiControllers: readonly ReceiptParty[];
  readonly recipientThirdParties: readonly ReceiptParty[];
  readonly storageLocations: readonly string[];
  readonly withdrawalMethod: string;
  readonly validity: { readonly from: string; readonly until: string };
  readonly event: {
    readonly eventType: ConsentReceiptEvent;
    readonly eventTime: string;
    readonly eventState: 'GIVEN' | 'WITHDRAWN' | 'EXPIRED';
    /** ISO 8601 interval of the consent's validity as it stood after the event. */
    readonly validityDuration: string;
    readonly entityId: string;
    readonly entityRole: string;
  };
}

export interface ReceiptParty {
  readonly partyId: string;
  readonly partyName: string;
  readonly partyRole: 'PII_CONTROLLER' | 'RECIPIENT';
  readonly partyType: 'ORGANISATION' | 'DOMAIN' | 'JOINT_CONTROLLERS';
}

/** Who records an expiry: nobody acts, the validity ends. */
const SYSTEM_ENTITY = 'kring-gateway';

/**
 * The receipts of a consent, one per event so far, oldest first: GRANTED (the member who filed
 * it), SIGNED (each later signature: a co-signing parent or child, or a signature on a proposal),
 * REVOKED, and EXPIRED once its validity ended unrevoked. Deterministic: the same consent gives
 * the same receipts (and, Ed25519 being deterministic, the same signatures) at every download.
 * No names: the data subject is named by their pseudonymous member id, the actors likewise.
 */
export function consentReceipts(facts: ConsentReceiptFacts): ConsentReceipt[] {
  const { consent } = facts;
  const events: { type: ConsentReceiptEvent; at: Date; entityId: string; entityRole: string }[] = [];
  const signatures = [...facts.signatures].sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime() || a.memberId.localeCompare(b.memberId));
  for (const signature of signatures) {
    const granting = consent.grantedByMemberId !== null && signature.memberId === consent.grantedByMemberId;
    events.push({ type: granting ? 'GRANTED' : 'SIGNED', at: signature.signedAt, entityId: signature.memberId, entityRole: signature.capacity });
  }
  if (consent.revokedAt !== null) events.push({ type: 'REVOKED', at: consent.revokedAt, entityId: consent.revokedByMemberId ?? SYSTEM_ENTITY, entityRole: 'WITHDRAWING_MEMBER' });
  const expired = consent.validUntil.getTime() <= facts.now.getTime() && (consent.revokedAt === null || consent.revokedAt.getTime() > consent.validUntil.getTime());
  if (expired) events.push({ type: 'EXPIRED', at: consent.validUntil, entityId: SYSTEM_ENTITY, entityRole: 'VALIDITY_ENDED' });
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  const validity = { from: consent.validFrom.toISOString(), until: consent.validUntil.toISOString() };
  const recipient: ReceiptParty =
    'organisationId' in facts.recipient
      ? { partyId: facts.recipient.organisationId, partyName: facts.recipient.name, partyRole: 'RECIPIENT', partyType: 'ORGANISATION' }
      : { partyId: `domain:${facts.recipient.domain}`, partyName: facts.recipient.domain, partyRole: 'RECIPIENT', partyType: 'DOMAIN' };
  return events.map((event) => ({
    schemaVersion: CONSENT_RECEIPT_SCHEMA_VERSION,
    conformsTo: 'ISO/IEC TS 27560:2023',
    receiptId: receiptIdOf(consent.id, event.type, event.entityId, event.at),
    recordId: consent.id,
    piiPrincipalId: consent.subjectMemberId,
    language: 'nl',
    jurisdiction: 'NL',
    consentType: 'EXPLICIT',
    collectionMethod: consent.collectionMethod,
    privacyNotice: { policyVersion: consent.policyVersion, noticeId: `kring-purpose-catalogue:${consent.policyVersion}` },
    purposes: consent.purposes.map((code) => {
      const purpose = facts.purpose(code);
      return { purposeId: code, purpose: purpose?.name ?? code, lawfulBasis: purpose?.lawfulBasis ?? 'Art. 6(1)(a) GDPR: consent of the data subject', retentionPeriod: purpose?.retention ?? 'P0D' };
    }),
    piiInformation: consent.categories.map((category) => ({ piiType: category, specialCategory: facts.specialCategories.has(category) })),
    piiControllers: [{ partyId: 'kring-controllers', partyName: facts.controller, partyRole: 'PII_CONTROLLER', partyType: 'JOINT_CONTROLLERS' }],
    recipientThirdParties: [recipient],
    storageLocations: ['NL'],
    withdrawalMethod: 'In Kring: Wie mag wat zien, Intrekken (GraphQL revokeConsent); takes effect immediately.',
    validity,
    event: {
      eventType: event.type,
      eventTime: event.at.toISOString(),
      eventState: event.type === 'REVOKED' ? 'WITHDRAWN' : event.type === 'EXPIRED' ? 'EXPIRED' : 'GIVEN',
      validityDuration: `${validity.from}/${validity.until}`,
      entityId: event.entityId,
      entityRole: event.entityRole,
    },
  }));
}

/** A name-based UUID (version 8, RFC 9562) from the consent, event, actor and time: the same event always has the same receipt id. */
function receiptIdOf(consentId: string, event: ConsentReceiptEvent, entityId: string, at: Date): string {
  const hex = createHash('sha256').update(`kring-consent-receipt|${consentId}|${event}|${entityId}|${at.toISOString()}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
