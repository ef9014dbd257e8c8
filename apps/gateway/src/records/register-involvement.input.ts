import { Field, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'Registers an organisation (yours, or one you refer to) as involved with a family you are involved with.' })
export class RegisterInvolvementInput {
  @Field(() => ID)
  familyId!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; default today.' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'First day no longer involved (YYYY-MM-DD); default open.' })
  endsOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Contact professional of that organisation.' })
  contactProfessionalId?: string | null;

  @Field({ nullable: true, defaultValue: false })
  caseDirection!: boolean;
}
