import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Organisation } from '../directory/organisation.model';
import { PageInfo } from '../families/families-connection.model';

@ObjectType({
  description:
    'Proof of an erasure: the family\'s data key is destroyed, so every personal value of the family is unreadable from now on. ' +
    'Copies in backups become unreadable once the key-encryption key they were wrapped with is rotated away (npm run keys:rotate).',
})
export class ErasureReceipt {
  @Field(() => ID)
  familyId!: string;

  @Field(() => Date)
  erasedAt!: Date;

  @Field(() => ID, { description: 'The chain privacy officer who erased the family.' })
  erasedByProfessionalId!: string;

  @Field({ description: 'The reason the officer gave: the request\'s reference and ground. Kept sealed with their organisation\'s key.' })
  reason!: string;

  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => Int, { description: 'Members whose names, birth dates, BSNs and relations became unreadable; their BSNs can no longer be looked up.' })
  members!: number;

  @Field(() => Int, { description: 'Records of every organisation whose values became unreadable.' })
  records!: number;

  @Field(() => Int, { description: 'Consents kept as history (ids, dates, categories); their revocation reasons became unreadable.' })
  consents!: number;

  @Field(() => Int, { description: 'Break-glass grants kept as history; their justifications and review notes became unreadable.' })
  breakGlassGrants!: number;
}

@ObjectType()
export class ErasureEdge {
  @Field()
  cursor!: string;

  @Field(() => ErasureReceipt)
  node!: ErasureReceipt;
}

@ObjectType({ description: 'Erasures, newest first.' })
export class ErasureConnection {
  @Field(() => [ErasureEdge])
  edges!: ErasureEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
