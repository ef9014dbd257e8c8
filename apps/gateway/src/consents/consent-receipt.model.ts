import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A signed consent receipt (ISO/IEC TS 27560) of one event of a consent: to keep, and to verify offline with GET /.well-known/kring-receipt-keys (docs/consent-receipts.md).' })
export class ConsentReceiptDocument {
  @Field(() => ID, { description: 'The receipt id (the same event always has the same id).' })
  receiptId!: string;

  @Field(() => ID, { description: 'The consent (the consent record id).' })
  consentId!: string;

  @Field({ description: 'GRANTED, SIGNED, REVOKED or EXPIRED.' })
  event!: string;

  @Field(() => Date)
  eventTime!: Date;

  @Field({ description: 'The signed receipt as JSON: { receipt, signature: { alg, kid, canonicalization, value } }, to save as a file.' })
  document!: string;
}
