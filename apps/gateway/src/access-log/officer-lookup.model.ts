import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Organisation } from '../directory/organisation.model';

@ObjectType({ description: 'A family member a privacy officer found (by BSN or name) to filter the access log on: their id, their family, their name. Never the BSN.' })
export class FoundMember {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'The members a lookup found within your scope, by name (at most 20).' })
export class FoundMembers {
  @Field(() => [FoundMember])
  members!: FoundMember[];

  @Field({ description: 'More members matched than are listed: type more of the name, or use the BSN.' })
  more!: boolean;
}

@ObjectType({ description: 'A professional a privacy officer found by name, to filter the access log on.' })
export class FoundProfessional {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Organisation)
  organisation!: Organisation;
}

@ObjectType({ description: 'The professionals a lookup found within your scope, by name (at most 20).' })
export class FoundProfessionals {
  @Field(() => [FoundProfessional])
  professionals!: FoundProfessional[];

  @Field({ description: 'More professionals matched than are listed: type more of the name.' })
  more!: boolean;
}
