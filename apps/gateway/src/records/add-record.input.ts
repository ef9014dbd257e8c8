import { Field, ID, InputType } from '@nestjs/graphql';
import { ORGANISATION_SECTION_TYPES } from '@kring/family-file';
import { SECTION_INPUT_TYPES, sectionInputField } from '../families/section.model';

/**
 * Adds a record of one section type: give exactly one of the section fields
 * (e.g. `debtSituation`). Your organisation is the record's source.
 */
@InputType({ description: 'A new record: exactly one section, about one or more members of the family.' })
export class AddRecordInput {
  @Field(() => ID)
  familyId!: string;

  @Field(() => [ID], { description: 'The members the record is about.' })
  subjectMemberIds!: string[];

  [section: string]: unknown;
}

// One optional field per section type an organisation writes, generated from the catalogue (our story is the family's: writeOurStory).
for (const type of ORGANISATION_SECTION_TYPES) {
  const inputType = SECTION_INPUT_TYPES.get(type.name) as new () => object;
  const deprecation = type.supersededBy === undefined ? {} : { deprecationReason: `Use ${type.supersededBy}.` };
  Field(() => inputType, { nullable: true, description: type.description, ...deprecation })(AddRecordInput.prototype, sectionInputField(type.name));
}
