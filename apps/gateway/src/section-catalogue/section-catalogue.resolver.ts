import { Query, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../identity/access.decorator';
import { SectionTypeSpec } from './section-catalogue.model';
import { SectionCatalogueService } from './section-catalogue.service';

@Resolver(() => SectionTypeSpec)
export class SectionCatalogueResolver {
  constructor(private readonly catalogue: SectionCatalogueService) {}

  // Any signed-in caller: it describes the file's shape, never a family's data.
  @Authenticated()
  @Query(() => [SectionTypeSpec], { description: 'The section types of the family file with their fields and data categories, in the order the file lists them.' })
  sectionCatalogue(): readonly SectionTypeSpec[] {
    return this.catalogue.all();
  }
}
