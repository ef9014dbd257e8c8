import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConsentStatus, SignatureCapacity } from '@kring/consent';
import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';
import { Organisation } from '../directory/organisation.model';

registerEnumType(ConsentStatus, { name: 'ConsentStatus', description: 'PENDING until the required signatures are there, then ACTIVE, until REVOKED or EXPIRED.' });
registerEnumType(SignatureCapacity, { name: 'SignatureCapacity' });

@ObjectType()
export class ConsentSignature {
  @Field(() => ID)
  memberId!: string;

  @Field(() => SignatureCapacity)
  capacity!: SignatureCapacity;

  @Field(() => Date)
  signedAt!: Date;
}

@ObjectType({ description: 'A consent, in the shape of a consent receipt (ISO/IEC TS 27560, Kantara).' })
export class Consent {
  @Field(() => ID, { description: 'The consent receipt id.' })
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field(() => ID, { description: 'The principal: the member the data is about.' })
  subjectMemberId!: string;

  @Field(() => [DataCategory])
  categories!: DataCategory[];

  @Field(() => [String], { description: 'Purpose codes of the catalogue.' })
  purposes!: string[];

  @Field(() => Organisation, { nullable: true, description: 'The recipient organisation, when the consent names one.' })
  recipientOrganisation!: Organisation | null;

  @Field(() => Domain, { nullable: true, description: 'The recipient domain, when the consent names every organisation of a domain.' })
  recipientDomain!: Domain | null;

  @Field(() => Date)
  validFrom!: Date;

  @Field(() => Date)
  validUntil!: Date;

  @Field(() => ConsentStatus, { description: 'The state now, judged against the subject\'s age today.' })
  status!: ConsentStatus;

  @Field(() => [ConsentSignature])
  signatures!: ConsentSignature[];

  @Field(() => [ID], { description: 'Members whose signature is still needed for the consent to count today (empty when it counts).' })
  awaitingSignatureFrom!: string[];

  @Field(() => ID, { nullable: true, description: 'The member who granted it (the first signature); null for a consent a professional proposed with a referral.' })
  grantedByMemberId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The referral that proposed this consent (docs/referral.md); null for one a member granted.' })
  referralId!: string | null;

  @Field({ description: 'Receipt: how the consent was collected.' })
  collectionMethod!: string;

  @Field({ description: 'Receipt: the purpose catalogue version the purposes refer to.' })
  policyVersion!: string;

  @Field({ description: 'Receipt: the controller(s) of the processing.' })
  controller!: string;

  @Field({ description: 'Receipt: jurisdiction.' })
  jurisdiction!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}
