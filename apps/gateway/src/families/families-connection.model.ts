import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A family your organisation is involved with. Open it with family(id, purpose).' })
export class FamilySummary {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Your organisation\'s involvement.' })
  involvementId!: string;

  @Field()
  startsOn!: string;

  @Field(() => String, { nullable: true })
  endsOn!: string | null;

  @Field({ description: 'Whether your organisation holds case direction.' })
  caseDirection!: boolean;
}

@ObjectType()
export class FamilyEdge {
  @Field()
  cursor!: string;

  @Field(() => FamilySummary)
  node!: FamilySummary;
}

@ObjectType()
export class FamilyConnection {
  @Field(() => [FamilyEdge])
  edges!: FamilyEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
