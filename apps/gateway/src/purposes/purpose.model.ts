import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataCategory } from '@kring/family-file';
import { Domain } from '@kring/identity';

registerEnumType(DataCategory, { name: 'DataCategory', description: 'The categories every field of the family file is tagged with.' });

@ObjectType({ description: 'The lawful basis of a purpose under the GDPR.' })
export class LawfulBasis {
  @Field({ description: 'The Art. 6 ground.' })
  article6!: string;

  @Field(() => String, { nullable: true, description: 'The Art. 9 exception, where the purpose reaches special category data (HEALTH).' })
  article9!: string | null;
}

@ObjectType({ description: 'An entry of the register of processing activities (GDPR Art. 30).' })
export class Purpose {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => LawfulBasis)
  lawfulBasis!: LawfulBasis;

  @Field(() => [Domain], { description: 'Domains whose organisations may declare this purpose.' })
  domains!: Domain[];

  @Field(() => [DataCategory], { description: 'The most this purpose can ever reach; consent narrows within it.' })
  maxCategories!: DataCategory[];

  @Field(() => [Domain], { description: 'Domains for which this purpose rests on a statutory task, so no consent is needed.' })
  statutoryFor!: Domain[];

  @Field({ description: 'How long data processed for this purpose is kept (ISO 8601 duration).' })
  retention!: string;

  @Field()
  retentionNote!: string;

  @Field({ description: 'Version of the purpose catalogue (policy file) this entry comes from.' })
  policyVersion!: string;
}
