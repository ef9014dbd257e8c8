import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Domain, ProfessionalRole } from '@kring/identity';
import { Organisation } from './organisation.model';

@ObjectType({ description: 'A professional in the chain\'s directory, as the administrator keeps it: staff data, no family data.' })
export class DirectoryProfessional {
  @Field(() => ID)
  id!: string;

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field()
  name!: string;

  @Field(() => [ProfessionalRole])
  roles!: ProfessionalRole[];

  @Field(() => String, { nullable: true, description: 'How families and colleagues reach them at work; null when not given.' })
  contact!: string | null;

  @Field({ description: 'The identity broker\'s subject (`sub`) they sign in with.' })
  subject!: string;

  @Field(() => Date)
  registeredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When an administrator deactivated them (no token of theirs is accepted since); null while active.' })
  deactivatedAt!: Date | null;
}

@InputType({ description: 'An organisation joining the chain. Give its OIN or its KvK number (or both).' })
export class RegisterOrganisationInput {
  @Field({ description: '2 to 200 characters, one line.' })
  name!: string;

  @Field(() => Domain)
  domain!: Domain;

  @Field(() => String, { nullable: true, description: 'Organisatie-identificatienummer (Logius): 20 digits.' })
  oin?: string | null;

  @Field(() => String, { nullable: true, description: 'Kamer van Koophandel number: 8 digits.' })
  kvkNumber?: string | null;
}

@InputType({ description: 'A professional of a registered organisation.' })
export class RegisterProfessionalInput {
  @Field(() => ID)
  organisationId!: string;

  @Field({ description: '2 to 200 characters, one line.' })
  name!: string;

  @Field(() => [ProfessionalRole], { description: 'At least one.' })
  roles!: ProfessionalRole[];

  @Field(() => String, { nullable: true, description: 'Work phone or e-mail, up to 300 characters, one line.' })
  contact?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The identity broker\'s subject (`sub`) they sign in with: 1 to 255 printable ASCII characters, no spaces. Left out: their Kring id, as the development issuer signs it.',
  })
  subject?: string | null;
}
