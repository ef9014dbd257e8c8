import { Field, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'A member\'s story about themselves or a child in their reach, in their own words; writing again makes a new version.' })
export class WriteOurStoryInput {
  @Field(() => ID, { description: 'Whom the story is about: yourself, or a child under 16 over whom you hold authority.' })
  memberId!: string;

  @Field(() => String, { description: 'What you want professionals to know, in your own words (1 to 4,000 characters).' })
  text!: string;
}
