import { Module } from '@nestjs/common';
import { OrganisationsResolver } from './organisations.resolver';

/** The chain partners registered in Kring. */
@Module({ providers: [OrganisationsResolver] })
export class DirectoryModule {}
