import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ProfessionalRole, type ProfessionalPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { DirectoryProfessional, RegisterOrganisationInput, RegisterProfessionalInput } from './administration.model';
import { AdministrationService } from './administration.service';
import { Organisation } from './organisation.model';

/** The administrator's operations on the chain's directory (docs/administration.md). */
@Resolver(() => DirectoryProfessional)
export class AdministrationResolver {
  constructor(private readonly administration: AdministrationService) {}

  @ProfessionalsMay('register', 'Organisation')
  @Mutation(() => Organisation, { description: 'Administrators: registers an organisation joining the chain, with its OIN or KvK number.' })
  registerOrganisation(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: RegisterOrganisationInput, @TraceId() traceId: string): Promise<Organisation> {
    return this.administration.registerOrganisation(principal, input, traceId);
  }

  @ProfessionalsMay('register', 'Professional')
  @Mutation(() => DirectoryProfessional, { description: 'Administrators: registers a professional of a registered organisation, with their roles and the identity broker\'s subject they sign in with.' })
  registerProfessional(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: RegisterProfessionalInput, @TraceId() traceId: string): Promise<DirectoryProfessional> {
    return this.administration.registerProfessional(principal, input, traceId);
  }

  @ProfessionalsMay('changeRoles', 'Professional')
  @Mutation(() => DirectoryProfessional, { description: 'Administrators: gives a professional these roles (at least one), from their next request. Never your own.' })
  changeProfessionalRoles(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('professionalId', { type: () => ID }) professionalId: string,
    @Args('roles', { type: () => [ProfessionalRole] }) roles: ProfessionalRole[],
    @TraceId() traceId: string,
  ): Promise<DirectoryProfessional> {
    return this.administration.changeRoles(principal, professionalId, roles, traceId);
  }

  @ProfessionalsMay('deactivate', 'Professional')
  @Mutation(() => DirectoryProfessional, {
    description: 'Administrators: deactivates a professional; no token of theirs is accepted from then on, on any gateway. Refused while they hold case direction (hand it over first). Never yourself.',
  })
  deactivateProfessional(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('professionalId', { type: () => ID }) professionalId: string, @TraceId() traceId: string): Promise<DirectoryProfessional> {
    return this.administration.deactivate(principal, professionalId, traceId);
  }

  @ProfessionalsMay('read', 'Professional')
  @Query(() => [DirectoryProfessional], { description: 'Administrators: the professionals of the chain (or of one organisation), by organisation and name, deactivated ones included.' })
  directoryProfessionals(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId: string | null | undefined,
    @TraceId() traceId: string,
  ): Promise<DirectoryProfessional[]> {
    return this.administration.professionals(principal, organisationId ?? null, traceId);
  }
}
