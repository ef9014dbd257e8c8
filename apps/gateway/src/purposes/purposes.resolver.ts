import { Query, Resolver } from '@nestjs/graphql';
import { PurposeCatalogue } from '@kring/policy';
import { Authenticated } from '../identity/access.decorator';
import { Purpose } from './purpose.model';

@Resolver(() => Purpose)
export class PurposesResolver {
  constructor(private readonly catalogue: PurposeCatalogue) {}

  @Authenticated()
  @Query(() => [Purpose], { description: 'The purpose catalogue: the register of processing activities (GDPR Art. 30).' })
  purposes(): Purpose[] {
    const catalogue = this.catalogue;
    return catalogue.all().map((p) => ({
      ...p,
      lawfulBasis: { ...p.lawfulBasis },
      domains: [...p.domains],
      maxCategories: [...p.maxCategories],
      statutoryFor: [...p.statutoryFor],
      policyVersion: catalogue.version,
    }));
  }
}
