import { Query, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal } from '@kring/identity';
import { MembersMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { TraceId } from '../common/trace';
import { MemberInReach } from './member-in-reach.model';
import { MemberReachService } from './member-reach.service';

@Resolver(() => MemberInReach)
export class MemberReachResolver {
  constructor(private readonly reach: MemberReachService) {}

  // Part of the member's own file, as the permission table has it (docs/permissions.md).
  @MembersMay('read', 'FamilyFile')
  @Query(() => [MemberInReach], { description: 'The members in your reach: you, and the children under 16 over whom you hold parental authority. You first, then the children, oldest first.' })
  myReach(@CurrentPrincipal() principal: CitizenPrincipal, @TraceId() traceId: string): Promise<MemberInReach[]> {
    return this.reach.read(principal, traceId);
  }
}
