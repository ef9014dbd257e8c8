import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Domain } from '@kring/identity';
import { AccessRoute, PROBLEM_LABELS, ProblemCode } from '@kring/social-map';
import { Organisation } from '../directory/organisation.model';
import { PageInfo } from '../families/families-connection.model';

registerEnumType(ProblemCode, {
  name: 'ProblemCode',
  description: 'What a service helps with (the social map\'s vocabulary; Dutch labels in libs/social-map, PROBLEM_LABELS).',
  valuesMap: Object.fromEntries(Object.values(ProblemCode).map((code) => [code, { description: `${PROBLEM_LABELS[code].en} (${PROBLEM_LABELS[code].nl})` }])),
});
registerEnumType(AccessRoute, {
  name: 'AccessRoute',
  description: 'How to get to a service: WALK_IN (just come or call), REFERRAL (through a GP or a professional), DECISION (a decision of the municipality, beschikking).',
});

@ObjectType({ description: 'A municipality, by its CBS code.' })
export class Municipality {
  @Field({ description: 'The CBS code, e.g. GM0074.' })
  code!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'How to reach a service: its own phone, mailbox, website and visiting address (never a person\'s).' })
export class ServiceContact {
  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;
}

@ObjectType({ description: 'A service on the social map (sociale kaart): public, no personal data.' })
export class Service {
  @Field(() => ID)
  id!: string;

  @Field(() => Organisation, { description: 'The organisation that offers it.' })
  organisation!: Organisation;

  @Field()
  name!: string;

  @Field({ description: 'What it does and for whom, in plain Dutch.' })
  description!: string;

  @Field(() => Domain)
  domain!: Domain;

  @Field(() => Int, { nullable: true, description: 'The youngest age it is for; null: no lower bound.' })
  ageFrom!: number | null;

  @Field(() => Int, { nullable: true, description: 'The oldest age it is for; null: no upper bound.' })
  ageTo!: number | null;

  @Field(() => [ProblemCode])
  problems!: ProblemCode[];

  @Field(() => [Municipality], { description: 'The municipalities it serves.' })
  municipalities!: Municipality[];

  @Field(() => AccessRoute)
  accessRoute!: AccessRoute;

  @Field(() => Int, { nullable: true, description: 'The waiting time in weeks, as last stated; null when not stated.' })
  waitingWeeks!: number | null;

  @Field(() => String, { nullable: true, description: 'The day (YYYY-MM-DD) the waiting time was stated.' })
  waitingTimeStatedOn!: string | null;

  @Field({ description: 'The waiting time was stated more than 90 days ago: ask the service.' })
  waitingTimeStale!: boolean;

  @Field(() => ServiceContact)
  contact!: ServiceContact;

  @Field(() => Date)
  publishedAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType()
export class ServiceEdge {
  @Field()
  cursor!: string;

  @Field(() => Service)
  node!: Service;
}

@ObjectType()
export class ServiceConnection {
  @Field(() => [ServiceEdge])
  edges!: ServiceEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType({ description: 'A search of the social map: words, and filters that must all hold. Without text, the map by name.' })
export class ServiceSearch {
  @Field(() => String, { nullable: true, description: 'Words in Dutch, up to 1,000 characters; "quotes" for a phrase, -word to leave out, or. Exact name first, then by relevance.' })
  text?: string | null;

  @Field(() => Domain, { nullable: true })
  domain?: Domain | null;

  @Field(() => ProblemCode, { nullable: true })
  problem?: ProblemCode | null;

  @Field(() => String, { nullable: true, description: 'A CBS code (GM0074): the service serves this municipality.' })
  municipality?: string | null;

  @Field(() => Int, { nullable: true, description: 'The service is for someone of this age (0 to 120).' })
  age?: number | null;

  @Field(() => AccessRoute, { nullable: true })
  accessRoute?: AccessRoute | null;

  @Field(() => Int, { nullable: true, description: 'A stated waiting time of at most this many weeks (0 to 104); services without one are left out.' })
  maxWaitingWeeks?: number | null;
}

@InputType({ description: 'What a service is, whole: publishing one, or changing it (the waiting time has setWaitingTime).' })
export class ServiceInput {
  @Field({ description: '3 to 120 characters.' })
  name!: string;

  @Field({ description: 'Plain Dutch, 20 to 2,000 characters.' })
  description!: string;

  @Field(() => Domain)
  domain!: Domain;

  @Field(() => Int, { nullable: true })
  ageFrom?: number | null;

  @Field(() => Int, { nullable: true })
  ageTo?: number | null;

  @Field(() => [ProblemCode], { description: 'At least one.' })
  problems!: ProblemCode[];

  @Field(() => [String], { description: 'CBS codes (GM0074) of the municipalities it serves; at least one.' })
  municipalityCodes!: string[];

  @Field(() => AccessRoute)
  accessRoute!: AccessRoute;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) address.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'The visiting address. At least one of phone, email, website, address.' })
  address?: string | null;
}

@InputType()
export class PublishServiceInput extends ServiceInput {
  @Field(() => Int, { nullable: true, description: 'The waiting time in weeks (0 to 104), if known: stated today.' })
  waitingWeeks?: number | null;
}
