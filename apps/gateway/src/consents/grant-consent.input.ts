import { Field, ID, InputType } from '@nestjs/graphql';
import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';

@InputType({ description: 'Consent for one member, to one recipient (an organisation, or every organisation of a domain), for some purposes and categories.' })
export class GrantConsentInput {
  @Field(() => ID)
  subjectMemberId!: string;

  @Field(() => [DataCategory])
  categories!: DataCategory[];

  @Field(() => [String], { description: 'Purpose codes of the catalogue.' })
  purposes!: string[];

  @Field(() => ID, { nullable: true })
  recipientOrganisationId?: string | null;

  @Field(() => Domain, { nullable: true })
  recipientDomain?: Domain | null;

  @Field(() => Date, { nullable: true, description: 'Default: now. Cannot lie in the past.' })
  validFrom?: Date | null;

  @Field(() => Date, { description: 'At most 12 months after validFrom.' })
  validUntil!: Date;
}
