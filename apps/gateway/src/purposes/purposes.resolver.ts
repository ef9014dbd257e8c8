import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../auth/access.decorator';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';
import { Purpose } from './purpose.model';

@Resolver(() => Purpose)
export class PurposesResolver {
  constructor(@Inject(KRING_RUNTIME) private readonly runtime: KringRuntime) {}

  @Authenticated()
  @Query(() => [Purpose], { description: 'The purpose catalogue: the register of processing activities (GDPR Art. 30).' })
  purposes(): Purpose[] {
    const { catalogue } = this.runtime;
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
