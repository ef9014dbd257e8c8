import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ProfessionalPrincipal } from '@kring/identity';
import { SERVICE_PAGE_SIZE } from '@kring/social-map';
import { TraceId } from '../common/trace';
import { AnyoneMay, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { ServicePublishing } from './service-publishing.service';
import { PublishServiceInput, Service, ServiceConnection, ServiceInput, ServiceSearch } from './service.model';
import { SocialMapSearch } from './social-map-search.service';

/** The social map (DESIGN.md §9, sociale kaart; docs/social-map.md): public reads, changes by the offering organisation's professionals. */
@Resolver(() => Service)
export class SocialMapResolver {
  constructor(
    private readonly map: SocialMapSearch,
    private readonly publishing: ServicePublishing,
  ) {}

  @AnyoneMay('read', 'Service')
  @Query(() => ServiceConnection, {
    description: 'Public, no signing in: searches the social map in Dutch (full-text, exact name first, then by relevance) with filters, or lists it by name without text. Pages of 1 to 50.',
  })
  services(
    @Args('search', { type: () => ServiceSearch, nullable: true }) search: ServiceSearch | null,
    @Args('first', { type: () => Int, defaultValue: SERVICE_PAGE_SIZE.default }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ServiceConnection> {
    return this.map.search(search, first, after);
  }

  @AnyoneMay('read', 'Service')
  @Query(() => Service, { description: 'Public: one service on the social map (NOT_FOUND when unknown or withdrawn).' })
  service(@Args('id', { type: () => ID }) id: string): Promise<Service> {
    return this.map.one(id);
  }

  @ProfessionalsMay('publish', 'Service')
  @Mutation(() => Service, { description: 'Professionals and team leads: publishes a service of your organisation on the social map; a waiting time given is stated today.' })
  publishService(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: PublishServiceInput, @TraceId() traceId: string): Promise<Service> {
    return this.publishing.publish(principal, input, traceId);
  }

  @ProfessionalsMay('update', 'Service')
  @Mutation(() => Service, { description: 'Changes what the map says about a service of your organisation, as a whole (the waiting time: setWaitingTime).' })
  updateService(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('id', { type: () => ID }) id: string, @Args('input') input: ServiceInput, @TraceId() traceId: string): Promise<Service> {
    return this.publishing.update(principal, id, input, traceId);
  }

  @ProfessionalsMay('update', 'Service')
  @Mutation(() => Service, { description: 'States the waiting time of a service of your organisation in weeks (0 to 104), dated today; older than 90 days it shows as stale.' })
  setWaitingTime(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('serviceId', { type: () => ID }) serviceId: string,
    @Args('weeks', { type: () => Int }) weeks: number,
    @TraceId() traceId: string,
  ): Promise<Service> {
    return this.publishing.setWaitingTime(principal, serviceId, weeks, traceId);
  }

  @ProfessionalsMay('withdraw', 'Service')
  @Mutation(() => ID, { description: 'Takes a service of your organisation off the social map; answers its id.' })
  withdrawService(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('id', { type: () => ID }) id: string, @TraceId() traceId: string): Promise<string> {
    return this.publishing.withdraw(principal, id, traceId);
  }
}
