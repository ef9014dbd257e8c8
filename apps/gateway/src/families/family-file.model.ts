import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MemberRelation } from '@kring/family-file';
import { DataCategory } from '@kring/family-file';
import { DenyReason } from '@kring/policy';
import { Organisation } from '../directory/organisation.model';
import { Section, type SectionValues } from './section.model';

registerEnumType(MemberRelation, { name: 'MemberRelation' });
registerEnumType(DenyReason, { name: 'RedactionReason', description: 'Why a field is not shared.' });

@ObjectType({ description: 'A member of the family. A field that is not shared is null and listed in the redactions.' })
export class FamilyMember {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Category: PERSONAL_IDENTITY.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Category: PERSONAL_IDENTITY.' })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Burgerservicenummer. Category: NATIONAL_ID.' })
  bsn!: string | null;

  @Field(() => MemberRelation, { nullable: true, description: 'Category: HOUSEHOLD.' })
  relation!: MemberRelation | null;

  @Field(() => [ID], { nullable: true, description: 'Children over whom this member holds parental authority (gezag). Category: HOUSEHOLD.' })
  holdsAuthorityOver!: string[] | null;
}

@ObjectType({ description: 'An organisation working with the family; the "who else is involved" view. Category: INVOLVEMENT.' })
export class Involvement {
  @Field(() => ID)
  id!: string;

  @Field(() => Organisation, { nullable: true })
  organisation!: Organisation | null;

  @Field(() => String, { nullable: true, description: 'First day of the involvement (YYYY-MM-DD).' })
  startsOn!: string | null;

  @Field(() => String, { nullable: true, description: 'First day the organisation is no longer involved (YYYY-MM-DD); null while open.' })
  endsOn!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether this organisation holds case direction (casusregie).' })
  caseDirection!: boolean | null;
}

@ObjectType({ description: 'An entry in the family file, written by one source (an organisation, or the family: our story) about one or more members.' })
export class FamilyRecord {
  @Field(() => ID)
  id!: string;

  @Field()
  sectionType!: string;

  @Field(() => Organisation, { nullable: true, description: 'Who wrote the record: INVOLVEMENT data about its subjects, shared like any other field. Null for what the family wrote (see authorMemberId).' })
  sourceOrganisation!: Organisation | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'For what the family wrote (OurStory): the member who wrote it, shared with the text (OWN_WORDS). In a member\'s own view only a writer in their reach is named. Null for an organisation\'s record.',
  })
  authorMemberId!: string | null;

  @Field(() => [ID], { description: 'The members this record is about; each must consent before it is shared for a consent-based purpose.' })
  subjectMemberIds!: string[];

  @Field(() => Date, { description: 'When it was written; for a story, when this version was.' })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When a newer version of this story replaced it. Only a member\'s own view holds earlier versions; a professional reads the current one. Null for a current version and every organisation\'s record.',
  })
  supersededAt!: Date | null;

  @Field(() => Section)
  section!: SectionValues;
}

@ObjectType({ description: 'A field that exists but is not shared with you, and why; ask the family for consent for your purpose.' })
export class Redaction {
  @Field({ description: 'Where the field is, e.g. records.<id>.diagnosis or members.<id>.bsn.' })
  path!: string;

  @Field()
  field!: string;

  @Field(() => DataCategory)
  category!: DataCategory;

  @Field(() => DenyReason)
  reason!: DenyReason;

  @Field(() => ID, { nullable: true })
  memberId!: string | null;

  @Field(() => ID, { nullable: true })
  recordId!: string | null;

  @Field(() => ID, { nullable: true })
  involvementId!: string | null;
}

@ObjectType({ description: 'A family file as the caller may see it for the declared purpose.' })
export class FamilyFile {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'The declared purpose; null in a family member\'s own view.' })
  purpose!: string | null;

  @Field(() => [FamilyMember])
  members!: FamilyMember[];

  @Field(() => [Involvement])
  involvements!: Involvement[];

  @Field(() => [FamilyRecord])
  records!: FamilyRecord[];

  @Field(() => [Redaction])
  redactions!: Redaction[];
}

@ObjectType({ description: 'The caller\'s own family as registered: ids only.' })
export class Family {
  @Field(() => ID)
  id!: string;

  @Field(() => [ID])
  memberIds!: string[];
}
