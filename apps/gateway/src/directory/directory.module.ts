import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { AdministrationResolver } from './administration.resolver';
import { AdministrationService } from './administration.service';
import { OrganisationsResolver } from './organisations.resolver';

/** The chain partners registered in Kring, and the administration of their directory. */
@Module({ imports: [AccessLogModule], providers: [OrganisationsResolver, AdministrationResolver, AdministrationService] })
export class DirectoryModule {}
