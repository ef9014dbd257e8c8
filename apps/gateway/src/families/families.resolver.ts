import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { ProfessionalRole, type CitizenPrincipal, type ProfessionalPrincipal } from '@kring/identity';
import { RefusalsLogged } from '../common/input-boundary.guard';
import { TraceId } from '../common/trace';
import { CitizensOnly, ProfessionalsOnly } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { FamilyConnection } from './families-connection.model';
import { FamilyFile } from './family-file.model';
import { FamilyFileService } from './family-file.service';

const CASEWORK = [ProfessionalRole.PROFESSIONAL, ProfessionalRole.TEAM_LEAD];

@Resolver(() => FamilyFile)
export class FamiliesResolver {
  constructor(private readonly files: FamilyFileService) {}

  @ProfessionalsOnly(...CASEWORK)
  @Query(() => FamilyConnection, { description: 'The families your organisation is involved with today.' })
  families(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
  ): Promise<FamilyConnection> {
    return this.files.families(principal, first, after ?? null);
  }

  @ProfessionalsOnly(...CASEWORK)
  @RefusalsLogged('READ_FAMILY_FILE')
  @Query(() => FamilyFile, { nullable: true, description: 'A family file as you may see it for the declared purpose: values, and redactions for what is not shared.' })
  family(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('id', { type: () => ID }) id: string,
    @Args('purpose', { type: () => String }) purpose: string,
    @TraceId() traceId: string,
  ): Promise<FamilyFile> {
    return this.files.readForProfessional(principal, id, purpose, traceId);
  }

  @ProfessionalsOnly(...CASEWORK)
  @RefusalsLogged('READ_FAMILY_FILE')
  @Query(() => FamilyFile, { nullable: true, description: 'The family of a member with this BSN, found through the blind index.' })
  familyByBsn(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('bsn', { type: () => String }) bsn: string,
    @Args('purpose', { type: () => String }) purpose: string,
    @TraceId() traceId: string,
  ): Promise<FamilyFile> {
    return this.files.readByBsn(principal, bsn, purpose, traceId);
  }

  @CitizensOnly()
  @Query(() => FamilyFile, { nullable: true, description: 'What is recorded about you, and about the children under 16 over whom you hold authority.' })
  myFamily(@CurrentPrincipal() principal: CitizenPrincipal, @TraceId() traceId: string): Promise<FamilyFile> {
    return this.files.readForCitizen(principal, traceId);
  }
}
