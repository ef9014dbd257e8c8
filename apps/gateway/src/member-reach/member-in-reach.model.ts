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
}
