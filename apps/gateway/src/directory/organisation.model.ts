import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Domain } from '@kring/identity';

registerEnumType(Domain, { name: 'Domain', description: 'The kind of work an organisation does.' });

@ObjectType({ description: 'A chain partner.' })
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Domain)
  domain!: Domain;
}

/** An organisation row as the API gives it (organisations are public). */
export function organisationModel(o: { readonly id: string; readonly name: string; readonly domain: Domain }): Organisation {
  return { id: o.id, name: o.name, domain: o.domain };
}
