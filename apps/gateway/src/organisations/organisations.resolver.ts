import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { OrganisationEntity } from '@kring/identity';
import { Authenticated } from '../auth/access.decorator';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';
import { Organisation } from '../viewer/viewer.model';

/**
 * The chain partners registered in Kring. Not personal data: a family member needs the
 * list to name a recipient in a consent, a privacy officer to filter the log.
 */
@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(@Inject(KRING_RUNTIME) private readonly runtime: KringRuntime) {}

  @Authenticated()
  @Query(() => [Organisation], { description: 'The chain partners registered in Kring, by name.' })
  async organisations(): Promise<Organisation[]> {
    const rows = await this.runtime.dataSource.manager.find(OrganisationEntity, { order: { name: 'ASC' } });
    return rows.map((o) => ({ id: o.id, name: o.name, domain: o.domain }));
  }
}
