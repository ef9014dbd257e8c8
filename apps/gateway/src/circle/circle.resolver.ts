import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal, ProfessionalPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { MembersMay, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Circle, InvolvementShielding, LiftShieldingInput, ShieldInvolvementInput } from './circle.model';
import { CircleService } from './circle.service';
import { ShieldingService } from './shielding.service';

@Resolver(() => Circle)
export class CircleResolver {
  constructor(
    private readonly circles: CircleService,
    private readonly shieldings: ShieldingService,
  ) {}

  @MembersMay('read', 'Circle')
  @Query(() => Circle, { description: 'Who helps your family (wie helpen er): the organisations involved today, since when, for what, whom to reach there, and who holds case direction.' })
  myCircle(@CurrentPrincipal() principal: CitizenPrincipal, @TraceId() traceId: string): Promise<Circle> {
    return this.circles.readForMember(principal, traceId);
  }

  @ProfessionalsMay('read', 'Circle')
  @Query(() => Circle, { description: 'Every organisation involved with a family your organisation is involved with today, and its contact (the Verwijsindex function).' })
  circle(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('familyId', { type: () => ID }) familyId: string, @TraceId() traceId: string): Promise<Circle> {
    return this.circles.readForProfessional(principal, familyId, traceId);
  }

  @ProfessionalsMay('add', 'InvolvementShielding')
  @Mutation(() => [InvolvementShielding], { description: 'Shields your organisation\'s involvement from named members (statutory task only): it no longer exists in their view. One shielding per member.' })
  shieldInvolvement(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: ShieldInvolvementInput, @TraceId() traceId: string): Promise<InvolvementShielding[]> {
    return this.shieldings.shield(principal, input, traceId);
  }

  @ProfessionalsMay('lift', 'InvolvementShielding')
  @Mutation(() => InvolvementShielding, { description: 'Lifts a shielding of your organisation\'s involvement, with a reason: the member sees the involvement again. Who may: as for shielding. The shielding keeps its history.' })
  liftShielding(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: LiftShieldingInput, @TraceId() traceId: string): Promise<InvolvementShielding> {
    return this.shieldings.lift(principal, input, traceId);
  }

  @ProfessionalsMay('read', 'InvolvementShielding')
  @Query(() => [InvolvementShielding], { description: 'The shieldings you oversee as privacy officer, newest first (at most 500).' })
  involvementShieldings(@CurrentPrincipal() principal: ProfessionalPrincipal, @TraceId() traceId: string): Promise<InvolvementShielding[]> {
    return this.shieldings.list(principal, traceId);
  }
}
