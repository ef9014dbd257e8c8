import { Field, InputType, Int } from '@nestjs/graphql';
import { MemberRelation } from '@kring/family-file';

@InputType({ description: 'A member to register. Every value is encrypted before it is stored.' })
export class NewMemberInput {
  @Field()
  name!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  birthDate!: string;

  @Field({ description: 'Burgerservicenummer (9 digits, elfproef).' })
  bsn!: string;

  @Field(() => MemberRelation)
  relation!: MemberRelation;
}

@InputType({ description: 'Parental authority (gezag): members[adult] holds authority over members[child].' })
export class AuthorityInput {
  @Field(() => Int)
  adult!: number;

  @Field(() => Int)
  child!: number;
}

@InputType()
export class RegisterFamilyInput {
  @Field(() => [NewMemberInput])
  members!: NewMemberInput[];

  @Field(() => [AuthorityInput], { defaultValue: [] })
  authority!: AuthorityInput[];

  @Field({ nullable: true, description: 'Whether your organisation takes case direction (casusregie). Default false.' })
  caseDirection?: boolean;
}
