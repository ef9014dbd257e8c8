import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { ProfessionalPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { Family, FamilyRecord, Involvement } from '../families/family-file.model';
import { ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { AddRecordInput } from './add-record.input';
import { FamilyWritesService } from './family-writes.service';
import { RegisterFamilyInput } from './register-family.input';
import { RegisterInvolvementInput } from './register-involvement.input';

@Resolver()
export class FamilyWritesResolver {
  constructor(private readonly writes: FamilyWritesService) {}

  @ProfessionalsMay('register', 'Family')
  @Mutation(() => Family, { description: 'Registers a family with its members and parental authority; your organisation becomes involved.' })
  registerFamily(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: RegisterFamilyInput, @TraceId() traceId: string): Promise<Family> {
    return this.writes.registerFamily(principal, input, traceId);
  }

  @ProfessionalsMay('register', 'Involvement')
  @Mutation(() => Involvement, { description: 'Registers an organisation as involved with a family your organisation is involved with.' })
  registerInvolvement(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: RegisterInvolvementInput, @TraceId() traceId: string): Promise<Involvement> {
    return this.writes.registerInvolvement(principal, input, traceId);
  }

  @ProfessionalsMay('end', 'Involvement')
  @Mutation(() => Involvement, { description: 'Ends your organisation\'s involvement today; from then on it no longer sees the family.' })
  endInvolvement(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('id', { type: () => ID }) id: string, @TraceId() traceId: string): Promise<Involvement> {
    return this.writes.endInvolvement(principal, id, traceId);
  }

  @ProfessionalsMay('add', 'FamilyRecord')
  @Mutation(() => FamilyRecord, { description: 'Adds a record of your organisation to the family file.' })
  addRecord(@CurrentPrincipal() principal: ProfessionalPrincipal, @Args('input') input: AddRecordInput, @TraceId() traceId: string): Promise<FamilyRecord> {
    return this.writes.addRecord(principal, input, traceId);
  }
}
