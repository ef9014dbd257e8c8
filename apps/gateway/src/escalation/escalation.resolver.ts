import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal, Principal, ProfessionalPrincipal } from '@kring/identity';
import { actorOf, permissionsFor, type PermissionAction } from '@kring/policy';
import { forbidden } from '../common/kring-error';
import { TraceId } from '../common/trace';
import { Authenticated, MembersMay, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { DecideEscalationInput, Escalation, EscalationFigures, RaiseEscalationInput } from './escalation.model';
import { EscalationFiguresService } from './escalation-figures.service';
import { EscalationService } from './escalation.service';

@Resolver(() => Escalation)
export class EscalationResolver {
  constructor(
    private readonly escalations: EscalationService,
    private readonly figures: EscalationFiguresService,
  ) {}

  // Members and professionals both raise and read escalations; which is the permission table's and the escalation rule's (escalation-scope.ts).
  @Authenticated()
  @Mutation(() => Escalation, {
    description:
      'Says the family\'s situation is stuck (doorbraak): what blocks, which rule, scheme or organisation, what was tried. Professionals of an organisation involved today (with familyId, category and purpose); members about their reach. It reaches the team leads of the involved organisations.',
  })
  raiseEscalation(@CurrentPrincipal() principal: Principal, @Args('input') input: RaiseEscalationInput, @TraceId() traceId: string): Promise<Escalation> {
    requireMay(principal, 'raise');
    return this.escalations.raise(principal, input, traceId);
  }

  @MembersMay('read', 'Escalation')
  @Query(() => [Escalation], { description: 'Our escalations: those about you and the children in your care, oldest first, with their status, deadline, who took them on and the decision.' })
  ourEscalations(@CurrentPrincipal() principal: CitizenPrincipal, @TraceId() traceId: string): Promise<Escalation[]> {
    return this.escalations.list(principal, principal.familyId, traceId);
  }

  @ProfessionalsMay('read', 'Escalation')
  @Query(() => [Escalation], { description: 'The escalations of a family your organisation is involved with, oldest first; their texts as the access rule allows (withheld ones with the reason in `closed`).' })
  familyEscalations(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('familyId', { type: () => ID }) familyId: string, @TraceId() traceId: string): Promise<Escalation[]> {
    return this.escalations.list(principal, familyId, traceId);
  }

  @Authenticated()
  @Query(() => Escalation, { description: 'One escalation in your view.' })
  escalation(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @TraceId() traceId: string): Promise<Escalation> {
    requireMay(principal, 'read');
    return this.escalations.one(principal, id, traceId);
  }

  @ProfessionalsMay('takeOn', 'Escalation')
  @Query(() => [Escalation], { description: 'Team leads: the open and taken-on escalations of the families your organisation is involved with today, oldest first (at most 200), with `dueOn` and `overdue`.' })
  escalationQueue(@CurrentPrincipal() principal: ProfessionalPrincipal, @TraceId() traceId: string): Promise<Escalation[]> {
    return this.escalations.queue(principal, traceId);
  }

  @ProfessionalsMay('takeOn', 'Escalation')
  @Mutation(() => Escalation, { description: 'Team leads of an organisation involved today: takes an open escalation on (once). You, or another team lead of your organisation, then decide it.' })
  takeOnEscalation(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('id', { type: () => ID }) id: string, @TraceId() traceId: string): Promise<Escalation> {
    return this.escalations.takeOn(principal, id, traceId);
  }

  @ProfessionalsMay('decide', 'Escalation')
  @Mutation(() => Escalation, { description: 'Records the breakthrough decision on an escalation you (or a team lead of your organisation) took on: what is decided, what is set aside and on whose authority, any budget. Final.' })
  decideEscalation(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: DecideEscalationInput, @TraceId() traceId: string): Promise<Escalation> {
    return this.escalations.decide(principal, input, traceId);
  }

  @ProfessionalsMay('read', 'EscalationFigures')
  @Query(() => [EscalationFigures], {
    description:
      'Privacy officers (their organisation) and the chain privacy officer (every organisation): escalations raised from `from` to `to` (YYYY-MM-DD, both included), per organisation involved: counts by status, overdue, decided late, and days to decision. No personal data.',
  })
  escalationFigures(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('from') from: string, @Args('to') to: string): Promise<EscalationFigures[]> {
    return this.figures.figures(principal, from, to);
  }
}

/** Operations open to members and professionals: refused outright for whom the permission table grants the action on no escalation (officers, administrators). */
function requireMay(principal: Principal, action: PermissionAction): void {
  if (!permissionsFor(actorOf(principal)).can(action, 'Escalation')) throw forbidden();
}
