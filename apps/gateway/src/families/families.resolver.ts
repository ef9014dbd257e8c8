import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal, ProfessionalPrincipal } from '@kring/identity';
import { RefusalsLogged } from '../common/input-boundary.guard';
import { TraceId } from '../common/trace';
import { MembersMay, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { FamilyConnection } from './families-connection.model';
import { FamilyFile } from './family-file.model';
import { FamilyFileService } from './family-file.service';

@Resolver(() => FamilyFile)
export class FamiliesResolver {
  constructor(private readonly files: FamilyFileService) {}

  @ProfessionalsMay('read', 'FamilyFile')
  @Query(() => FamilyConnection, { description: 'The families your organisation is involved with today.' })
  families(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
  ): Promise<FamilyConnection> {
    return this.files.families(principal, first, after ?? null);
  }

  @ProfessionalsMay('read', 'FamilyFile')
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

  @ProfessionalsMay('read', 'FamilyFile')
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

  @MembersMay('read', 'FamilyFile')
  @Query(() => FamilyFile, { nullable: true, description: 'What is recorded about you, and about the children under 16 over whom you hold authority.' })
  myFamily(@CurrentPrincipal() principal: CitizenPrincipal, @TraceId() traceId: string): Promise<FamilyFile> {
    return this.files.readForCitizen(principal, traceId);
  }
}
