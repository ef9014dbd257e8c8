import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal, ProfessionalPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { MembersMay, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { BreakGlassGrant, BreakGlassInput, BreakGlassNotice, BreakGlassStatus, BreakGlassVerdict, ConsultableColleague } from './break-glass.model';
import { BreakGlassService } from './break-glass.service';

@Resolver(() => BreakGlassGrant)
export class BreakGlassResolver {
  constructor(private readonly service: BreakGlassService) {}

  @ProfessionalsMay('open', 'BreakGlassGrant')
  @Mutation(() => BreakGlassGrant, { description: 'Opens emergency access to a family you are involved with, when you fear for a child\'s safety and cannot ask. Reviewed by a privacy officer.' })
  breakGlass(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: BreakGlassInput, @TraceId() traceId: string): Promise<BreakGlassGrant> {
    return this.service.open(principal, input, traceId);
  }

  @ProfessionalsMay('open', 'BreakGlassGrant')
  @Query(() => [ConsultableColleague], {
    description: 'Whom you may name as consulted before opening emergency access, without a family: colleagues of your own organisation and Veilig Thuis advisors. (The contacts of the other organisations involved are in the family\'s circle.)',
  })
  consultableColleagues(@CurrentPrincipal() principal: ProfessionalPrincipal): Promise<ConsultableColleague[]> {
    return this.service.consultableColleagues(principal);
  }

  @ProfessionalsMay('review', 'BreakGlassGrant')
  @Mutation(() => BreakGlassGrant, { description: 'Records a privacy officer\'s verdict on an emergency access.' })
  reviewBreakGlass(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('id', { type: () => ID }) id: string,
    @Args('verdict', { type: () => BreakGlassVerdict }) verdict: BreakGlassVerdict,
    @Args('note') note: string,
    @TraceId() traceId: string,
  ): Promise<BreakGlassGrant> {
    return this.service.review(principal, id, verdict, note, traceId);
  }

  @ProfessionalsMay('read', 'BreakGlassGrant')
  @Query(() => [BreakGlassGrant], { description: 'Emergency grants: a privacy officer sees their organisation\'s (a chain privacy officer all), a professional their own.' })
  breakGlassGrants(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('status', { type: () => BreakGlassStatus, nullable: true }) status: BreakGlassStatus | null | undefined,
  ): Promise<BreakGlassGrant[]> {
    return this.service.list(principal, status ?? null);
  }

  @ProfessionalsMay('defer', 'BreakGlassGrant')
  @Mutation(() => BreakGlassGrant, {
    description: 'Defers the family\'s notice of an emergency access until a date (at most 91 days ahead), with a reason: a privacy officer who oversees it, never its opener. The notice is given from that date on.',
  })
  deferBreakGlassNotice(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('id', { type: () => ID }) id: string,
    @Args('until', { type: () => Date }) until: Date,
    @Args('reason') reason: string,
    @TraceId() traceId: string,
  ): Promise<BreakGlassGrant> {
    return this.service.defer(principal, id, until, reason, traceId);
  }

  @MembersMay('read', 'BreakGlassNotice')
  @Query(() => [BreakGlassNotice], {
    description: 'Emergency access about you or a child in your reach, once a privacy officer has reviewed it (not before), with why it was opened. Newest first. Reading it is logged.',
  })
  myBreakGlassNotices(@CurrentPrincipal() principal: CitizenPrincipal, @TraceId() traceId: string): Promise<BreakGlassNotice[]> {
    return this.service.notices(principal, traceId);
  }
}
