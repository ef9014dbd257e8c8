import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConsentStatus } from '@kring/consent';
import { DataCategory } from '@kring/family-file';
import { ReferralStatus } from '@kring/referral';
import { Organisation } from '../directory/organisation.model';

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'PROPOSED (the receiving organisation is not involved and reads nothing), ACCEPTED (involved from that day), DECLINED (with a reason), WITHDRAWN (by the referrer).',
});

@InputType({ description: 'A referral of a member to a service on the social map, with the consent it needs (recipient: the service\'s organisation; valid for twelve months).' })
export class ReferToServiceInput {
  @Field(() => ID)
  familyId!: string;

  @Field(() => ID, { description: 'The member referred.' })
  memberId!: string;

  @Field(() => ID, { description: 'The service on the social map.' })
  serviceId!: string;

  @Field({ description: 'The purpose of the consent (a catalogue code the receiving organisation\'s domain may use).' })
  purpose!: string;

  @Field(() => [DataCategory], { description: 'The data categories the consent lets the receiving organisation read, once it accepts.' })
  categories!: DataCategory[];

  @Field(() => String, { nullable: true, description: 'A note for the receiving organisation and the family, at most 2,000 characters.' })
  note?: string | null;
}

@ObjectType({ description: 'The service a referral is to, as the map names it.' })
export class ReferredService {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'A referral as the family and the organisations involved with it see it.' })
export class Referral {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field(() => ID, { description: 'The member referred.' })
  subjectMemberId!: string;

  @Field(() => ReferredService)
  service!: ReferredService;

  @Field(() => Organisation)
  referringOrganisation!: Organisation;

  @Field(() => Organisation, { description: 'The service\'s organisation: involved only once it accepts.' })
  receivingOrganisation!: Organisation;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => Date)
  referredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted, declined or withdrawn.' })
  answeredAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'The service\'s waiting time at referral, in weeks.' })
  waitingWeeks!: number | null;

  @Field(() => String, { nullable: true, description: 'The day the service had stated that waiting time (YYYY-MM-DD).' })
  waitingTimeStatedOn!: string | null;

  @Field()
  purpose!: string;

  @Field(() => ID, { description: 'The consent the referral carries: the family signs it (signConsent).' })
  consentId!: string;

  @Field(() => ConsentStatus)
  consentStatus!: ConsentStatus;

  @Field(() => [ID], { description: 'Members whose signature the consent still needs today.' })
  awaitingSignatureFrom!: string[];

  @Field(() => String, { nullable: true, description: 'The referrer\'s note: for the family, the referring organisation, and the receiving one once the consent is active; null otherwise.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined: for the family, the referring and the receiving organisation; null otherwise.' })
  declineReason!: string | null;
}

@ObjectType({ description: 'The member referred, as the receiving organisation sees them: once the consent is active and covers PERSONAL_IDENTITY.' })
export class ReferredMember {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

@ObjectType({
  description:
    'A referral to your organisation. Before the consent is active it says who refers, to what, when, and the terms proposed: no personal data of the family. The member (PERSONAL_IDENTITY by consent) and the note once the consent is active; the family once accepted.',
})
export class IncomingReferral {
  @Field(() => ID)
  id!: string;

  @Field(() => ReferredService)
  service!: ReferredService;

  @Field(() => Organisation)
  referringOrganisation!: Organisation;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => Date)
  referredAt!: Date;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Field(() => Int, { nullable: true })
  waitingWeeks!: number | null;

  @Field(() => String, { nullable: true })
  waitingTimeStatedOn!: string | null;

  @Field({ description: 'The purpose of the consent proposed.' })
  purpose!: string;

  @Field(() => [DataCategory], { description: 'The categories of the consent proposed.' })
  categories!: DataCategory[];

  @Field({ description: 'Whether the consent is active now: only then may you accept.' })
  consentActive!: boolean;

  @Field(() => ReferredMember, { nullable: true, description: 'Once the consent is active and covers PERSONAL_IDENTITY.' })
  member!: ReferredMember | null;

  @Field(() => String, { nullable: true, description: 'The referrer\'s note, once the consent is active.' })
  note!: string | null;

  @Field(() => ID, { nullable: true, description: 'The family, once you accepted (then family(id, purpose) reads what the consents allow).' })
  familyId!: string | null;

  @Field(() => String, { nullable: true, description: 'Your reason, when you declined.' })
  declineReason!: string | null;
}
