import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { ServicePublishing } from './service-publishing.service';
import { SocialMapResolver } from './social-map.resolver';
import { SocialMapSearch } from './social-map-search.service';

/** The social map (DESIGN.md §9, sociale kaart): public search and services; changes by the offering organisation, in the access log. */
@Module({
  imports: [AccessLogModule],
  providers: [SocialMapSearch, ServicePublishing, SocialMapResolver],
  exports: [SocialMapSearch],
})
export class SocialMapModule {}
