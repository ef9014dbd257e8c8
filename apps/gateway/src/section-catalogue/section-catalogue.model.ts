import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataCategory } from '@kring/family-file';

/** GraphQL names for the catalogue's field kinds (its own names have a dash). */
export enum SectionFieldKind {
  TEXT = 'TEXT',
  TEXT_LIST = 'TEXT_LIST',
  DATE = 'DATE',
  INTEGER = 'INTEGER',
  DECIMAL = 'DECIMAL',
  BOOLEAN = 'BOOLEAN',
}
registerEnumType(SectionFieldKind, { name: 'SectionFieldKind', description: 'How a section field is written and validated.' });

export enum SectionFieldUnit {
  EUR = 'EUR',
  HOURS_PER_WEEK = 'HOURS_PER_WEEK',
}
registerEnumType(SectionFieldUnit, { name: 'SectionFieldUnit', description: 'The unit a number is counted in.' });

export enum SectionSource {
  ORGANISATION = 'ORGANISATION',
  FAMILY = 'FAMILY',
}
registerEnumType(SectionSource, { name: 'SectionSource', description: 'Who writes a section\'s records: an organisation (addRecord), or the family (writeOurStory).' });

@ObjectType({ description: 'A field of a section type, with the data category the access rule decides it on.' })
export class SectionFieldSpec {
  @Field(() => String)
  name!: string;

  @Field(() => DataCategory)
  category!: DataCategory;

  @Field(() => SectionFieldKind)
  kind!: SectionFieldKind;

  @Field(() => Boolean, { description: 'Whether a new record of this type must have it.' })
  required!: boolean;

  @Field(() => SectionFieldUnit, { nullable: true, description: 'The unit of a number, where it has one.' })
  unit!: SectionFieldUnit | null;

  @Field(() => String, { description: 'What this field holds, in one line.' })
  description!: string;
}

@ObjectType({ description: 'A section type of the family file: the same catalogue the gateway builds the file and AddRecordInput from.' })
export class SectionTypeSpec {
  @Field(() => String, { description: 'The GraphQL type name, e.g. DebtSituation.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The AddRecordInput field that carries a new record of this type, e.g. debtSituation; null for a section the family writes.' })
  input!: string | null;

  @Field(() => SectionSource, { description: 'Who writes it: an organisation, or the family (our story, in a member\'s own words).' })
  source!: SectionSource;

  @Field(() => String)
  description!: string;

  @Field(() => [SectionFieldSpec], { description: 'In the order the file lists them.' })
  fields!: SectionFieldSpec[];

  @Field(() => String, { nullable: true, description: 'Where new data of this kind is written instead (the records written before stay readable); null for a section in use.' })
  supersededBy!: string | null;
}
