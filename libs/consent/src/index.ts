export { ConsentEntity } from './consent.entity';
export { ConsentSignatureEntity, SignatureCapacity } from './consent-signature.entity';
export type { ConsentRecipient } from './consent-recipient';
