import { Args, Query, Resolver } from '@nestjs/graphql';
import type { ProfessionalPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { FoundMembers, FoundProfessionals } from './officer-lookup.model';
import { OfficerLookupService } from './officer-lookup.service';

@Resolver()
export class OfficerLookupResolver {
  constructor(private readonly lookups: OfficerLookupService) {}

  @ProfessionalsMay('lookUp', 'FamilyMember')
  @Query(() => FoundMembers, {
    description: 'A privacy officer finds a family member by BSN (it must pass the elfproef), within their scope, to filter the access log on them. Logged; the BSN is never stored or logged.',
  })
  lookUpMemberByBsn(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('bsn') bsn: string, @TraceId() traceId: string): Promise<FoundMembers> {
    return this.lookups.memberByBsn(principal, bsn, traceId);
  }

  @ProfessionalsMay('lookUp', 'FamilyMember')
  @Query(() => FoundMembers, {
    description: 'A privacy officer finds family members by name (2 to 100 characters; every word typed begins a word of the name), within their scope. Logged, naming who was found.',
  })
  lookUpMembersByName(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('name') name: string, @TraceId() traceId: string): Promise<FoundMembers> {
    return this.lookups.membersByName(principal, name, traceId);
  }

  @ProfessionalsMay('lookUp', 'Professional')
  @Query(() => FoundProfessionals, {
    description: "A privacy officer finds professionals by name: the chain privacy officer anyone's, an organisation's privacy officer their own organisation's. Logged.",
  })
  lookUpProfessionals(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('name') name: string, @TraceId() traceId: string): Promise<FoundProfessionals> {
    return this.lookups.professionalsByName(principal, name, traceId);
  }
}
