import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { FamilyRecord } from '../families/family-file.model';
import { MembersMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { OurStoryService } from './our-story.service';
import { WriteOurStoryInput } from './write-our-story.input';

@Resolver()
export class OurStoryResolver {
  constructor(private readonly stories: OurStoryService) {}

  @MembersMay('write', 'OurStory')
  @Mutation(() => FamilyRecord, {
    description:
      'Writes your story (ons verhaal) about yourself or a child in your reach, in your own words: a new version that replaces your earlier one, which is kept. Professionals read it only with a consent for OWN_WORDS; you read who did in your log.',
  })
  writeOurStory(@CurrentPrincipal() principal: CitizenPrincipal, @Args('input') input: WriteOurStoryInput, @TraceId() traceId: string): Promise<FamilyRecord> {
    return this.stories.write(principal, input, traceId);
  }
}
