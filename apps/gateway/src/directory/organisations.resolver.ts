import { Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { OrganisationEntity } from '@kring/identity';
import { Authenticated } from '../identity/access.decorator';
import { Organisation, organisationModel } from './organisation.model';

/**
 * The chain partners registered in Kring. Not personal data: a family member needs the
 * list to name a recipient in a consent, a privacy officer to filter the log.
 */
@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Authenticated()
  @Query(() => [Organisation], { description: 'The chain partners registered in Kring, by name.' })
  async organisations(): Promise<Organisation[]> {
    const rows = await this.dataSource.manager.find(OrganisationEntity, { order: { name: 'ASC' } });
    return rows.map(organisationModel);
  }
}
