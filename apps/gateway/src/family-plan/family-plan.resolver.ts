import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal, Principal, ProfessionalPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { Authenticated, MembersMay, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Plan, PlanAgreement, PlanItem, WritePlanItemInput } from './family-plan.model';
import { FamilyPlanService } from './family-plan.service';

@Resolver(() => Plan)
export class FamilyPlanResolver {
  constructor(private readonly plans: FamilyPlanService) {}

  @MembersMay('read', 'FamilyPlan')
  @Query(() => Plan, { description: "Our plan (ons plan): the family plan as it concerns you and the children in your care, and what the family chose to share with everyone. `version`: one of your versions (default: the newest)." })
  ourPlan(
    @CurrentPrincipal() principal: CitizenPrincipal,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
    @TraceId() traceId: string,
  ): Promise<Plan> {
    return this.plans.readForMember(principal, version ?? null, traceId);
  }

  @ProfessionalsMay('read', 'FamilyPlan')
  @Query(() => Plan, { description: 'The family plan of a family your organisation is involved with, item by item as the access rule allows for the declared purpose. `version`: default the newest.' })
  familyPlan(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('familyId', { type: () => ID }) familyId: string,
    @Args('purpose') purpose: string,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
    @TraceId() traceId: string,
  ): Promise<Plan> {
    return this.plans.readForProfessional(principal, familyId, purpose, version ?? null, traceId);
  }

  // Members and professionals both write the plan; the permission table decides which items (plan service).
  @Authenticated()
  @Mutation(() => PlanItem, { description: "Adds a plan item, or (with itemId) a new version of one. Members: the family's words, goals and actions about their reach. Professionals: their organisation's actions, and proposed goals. The case director: the review date." })
  writePlanItem(@CurrentPrincipal() principal: Principal, @Args('input') input: WritePlanItemInput, @TraceId() traceId: string): Promise<PlanItem> {
    return this.plans.write(principal, input, traceId);
  }

  @Authenticated()
  @Mutation(() => PlanAgreement, { description: 'Agrees with the plan as it stands now: a member for themselves and their reach, the case director for the professionals. `familyId`: professionals only.' })
  agreeToPlan(@CurrentPrincipal() principal: Principal, @Args('familyId', { type: () => ID, nullable: true }) familyId: string | null, @TraceId() traceId: string): Promise<PlanAgreement> {
    return this.plans.agree(principal, familyId ?? null, traceId);
  }

  @Authenticated()
  @Mutation(() => PlanAgreement, { description: 'Withdraws your agreement with the plan; the plan then says so.' })
  withdrawPlanAgreement(@CurrentPrincipal() principal: Principal, @Args('familyId', { type: () => ID, nullable: true }) familyId: string | null, @TraceId() traceId: string): Promise<PlanAgreement> {
    return this.plans.withdraw(principal, familyId ?? null, traceId);
  }

  @MembersMay('show', 'PlanItem')
  @Mutation(() => PlanItem, { description: 'Shows a plan item about you (or a child in your care) to the whole family, or takes that back (`shown: false`). It is shown once everyone whose say counts for its subjects chose so.' })
  showPlanItemToFamily(
    @CurrentPrincipal() principal: CitizenPrincipal,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Args('shown', { type: () => Boolean }) shown: boolean,
    @TraceId() traceId: string,
  ): Promise<PlanItem> {
    return this.plans.show(principal, itemId, shown, traceId);
  }
}
