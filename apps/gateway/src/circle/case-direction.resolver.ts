import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal, ProfessionalPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { MembersMay, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { CaseDirectionHandover, CaseDirectorRequest, TransferCaseDirectionInput } from './case-direction.model';
import { EscalationService } from '../escalation/escalation.service';
import { CaseDirectionService } from './case-direction.service';

@Resolver(() => CaseDirectionHandover)
export class CaseDirectionResolver {
  constructor(
    private readonly caseDirection: CaseDirectionService,
    private readonly escalations: EscalationService,
  ) {}

  @ProfessionalsMay('transfer', 'CaseDirection')
  @Mutation(() => CaseDirectionHandover, { description: 'Hands case direction over to a professional of another involved organisation, with a note for them and the family. By the case director, or a team lead of their organisation.' })
  transferCaseDirection(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: TransferCaseDirectionInput, @TraceId() traceId: string): Promise<CaseDirectionHandover> {
    return this.caseDirection.transfer(principal, input, traceId);
  }

  @MembersMay('add', 'CaseDirectorRequest')
  @Mutation(() => CaseDirectorRequest, {
    description: 'Asks for another case director, in your own words (10 to 2,000 characters): an escalation of kind OTHER_CASE_DIRECTOR about you (its id is this request\'s), in the team leads\' queue and in ourEscalations.',
  })
  requestOtherCaseDirector(@CurrentPrincipal() principal: CitizenPrincipal, @Args('reason', { type: () => String }) reason: string, @TraceId() traceId: string): Promise<CaseDirectorRequest> {
    return this.escalations.requestOtherCaseDirector(principal, reason, traceId);
  }

  @ProfessionalsMay('read', 'CaseDirectorRequest')
  @Query(() => [CaseDirectorRequest], {
    description: 'Team leads: the requests for another case director of the families your organisation is involved with today, newest first (at most 200). Since escalations exist these are escalations of kind OTHER_CASE_DIRECTOR: use escalationQueue.',
    deprecationReason: 'Requests for another case director are escalations now: use escalationQueue (kind OTHER_CASE_DIRECTOR), which also has their status and decision.',
  })
  caseDirectorRequests(@CurrentPrincipal() principal: ProfessionalPrincipal, @TraceId() traceId: string): Promise<CaseDirectorRequest[]> {
    return this.caseDirection.requests(principal, traceId);
  }
}
