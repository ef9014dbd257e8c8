export { ConsentEntity } from './consent.entity';
export { ConsentSignatureEntity, SignatureCapacity } from './consent-signature.entity';
export { ageOn, dutchDate } from './calendar';
export { CapacityBand, capacityBand, signaturesSuffice, isRequiredSigner } from './consent-capacity';
export type { SubjectFacts } from './consent-capacity';
export { ConsentStatus, consentShortfall, consentStatus } from './consent-state';
export type { ConsentFacts, ConsentShortfall } from './consent-state';
export { CONSENT_SEALED_FIELDS } from './sealed-fields';
