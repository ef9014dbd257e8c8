import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal, ProfessionalPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { MembersMay, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { IncomingReferral, Referral, ReferToServiceInput } from './referral.model';
import { ReferralService } from './referrals.service';

@Resolver(() => Referral)
export class ReferralsResolver {
  constructor(private readonly service: ReferralService) {}

  @ProfessionalsMay('refer', 'Referral')
  @Mutation(() => Referral, {
    description:
      'Refers a member of a family your organisation is involved with to a service on the social map, proposing the consent it needs (recipient: the service\'s organisation). The family signs the consent (signConsent); the organisation is involved only once it accepts.',
  })
  referToService(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: ReferToServiceInput, @TraceId() traceId: string): Promise<Referral> {
    return this.service.refer(principal, input, traceId);
  }

  @ProfessionalsMay('read', 'Referral')
  @Query(() => [Referral], { description: 'The referrals of a family your organisation is involved with, oldest first.' })
  referrals(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('familyId', { type: () => ID }) familyId: string, @TraceId() traceId: string): Promise<Referral[]> {
    return this.service.list(principal, familyId, traceId);
  }

  @MembersMay('read', 'Referral')
  @Query(() => [Referral], { description: 'Our referrals: those of you and the children in your care, oldest first, with their status and the consent to sign.' })
  ourReferrals(@CurrentPrincipal() principal: CitizenPrincipal, @TraceId() traceId: string): Promise<Referral[]> {
    return this.service.list(principal, principal.familyId, traceId);
  }

  @ProfessionalsMay('read', 'Referral')
  @Query(() => [IncomingReferral], { description: 'Referrals to your organisation, newest first (at most 200): no personal data until the consent is active.' })
  incomingReferrals(@CurrentPrincipal() principal: ProfessionalPrincipal, @TraceId() traceId: string): Promise<IncomingReferral[]> {
    return this.service.incoming(principal, traceId);
  }

  @ProfessionalsMay('accept', 'Referral')
  @Mutation(() => IncomingReferral, { description: 'Accepts a referral to your organisation once its consent is active: your organisation is involved with the family from today.' })
  acceptReferral(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('id', { type: () => ID }) id: string, @TraceId() traceId: string): Promise<IncomingReferral> {
    return this.service.accept(principal, id, traceId);
  }

  @ProfessionalsMay('decline', 'Referral')
  @Mutation(() => IncomingReferral, { description: 'Declines a referral to your organisation, with a reason (10 to 2,000 characters) the family and the referrer read.' })
  declineReferral(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @TraceId() traceId: string): Promise<IncomingReferral> {
    return this.service.decline(principal, id, reason, traceId);
  }

  @ProfessionalsMay('withdraw', 'Referral')
  @Mutation(() => Referral, { description: 'Withdraws a referral your organisation made, while it is proposed; the consent it carried ends.' })
  withdrawReferral(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('id', { type: () => ID }) id: string, @TraceId() traceId: string): Promise<Referral> {
    return this.service.withdraw(principal, id, traceId);
  }
}
