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

  @Field(() => String, { nullable: true, description: 'Its organisatie-identificatienummer (OIN, Logius; 20 digits), when registered with one. Public.' })
  oin?: string | null;

  @Field(() => String, { nullable: true, description: 'Its Kamer van Koophandel number (8 digits), when registered with one. Public.' })
  kvkNumber?: string | null;
}

/** An organisation row as the API gives it (organisations, with their register numbers, are public). */
export function organisationModel(o: { readonly id: string; readonly name: string; readonly domain: Domain; readonly oin?: string | null; readonly kvkNumber?: string | null }): Organisation {
  return { id: o.id, name: o.name, domain: o.domain, oin: o.oin ?? null, kvkNumber: o.kvkNumber ?? null };
}
