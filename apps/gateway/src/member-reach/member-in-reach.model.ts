import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A member in your reach: yourself, or a child under 16 over whom you hold parental authority.' })
export class MemberInReach {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean, { description: 'Whether this is you.' })
  self!: boolean;

  @Field(() => String, { nullable: true, description: 'Null when it cannot be read. Category: PERSONAL_IDENTITY.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when it cannot be read. Category: PERSONAL_IDENTITY.' })
  birthDate!: string | null;

  @Field(() => Boolean, {
    description:
      'Whether you decide today about consents concerning this member (grant, sign, revoke), by the capacity rule: under 12 a parent with authority, 12 to 15 the member and a parent, from 16 the member. False when their birth date cannot be read.',
  })
  decidesConsents!: boolean;
}
