import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ProfessionalPrincipal } from '@kring/identity';
import { ProfessionalsMay } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { TraceId } from '../common/trace';
import { AddRecordInput } from './add-record.input';
import { ErasureConnection, ErasureReceipt } from './family-erasure.model';
import { FamilyErasureService } from './family-erasure.service';
import { Family, FamilyRecord, Involvement } from './family-file.model';
import { FamilyWritesService } from './family-writes.service';
import { RegisterFamilyInput } from './register-family.input';
import { RegisterInvolvementInput } from './register-involvement.input';

@Resolver()
export class FamilyWritesResolver {
  constructor(
    private readonly writes: FamilyWritesService,
    private readonly erasure: FamilyErasureService,
  ) {}

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

  /**
   * Erasure destroys every organisation's part of the file at once, so it is the chain's
   * privacy officer's decision, not one organisation's (docs/decisions.md, *Erasure*).
   */
  @ProfessionalsMay('erase', 'Family')
  @Mutation(() => ErasureReceipt, {
    description:
      'Erases a family (AVG art. 17) by destroying its data key: every personal value of the family becomes unreadable, its BSNs can no longer be looked up, ' +
      'and it disappears from every view. The access log keeps its entries. The reason is kept sealed with your organisation\'s key: give the request\'s reference and ground, no personal data.',
  })
  eraseFamily(
    @CurrentPrincipal() principal: ProfessionalPrincipal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @TraceId() traceId: string,
  ): Promise<ErasureReceipt> {
    return this.erasure.erase(principal, id, reason, traceId);
  }

  @ProfessionalsMay('read', 'Erasure')
  @Query(() => ErasureConnection, { description: 'Every erasure, newest first: who erased which family when, why, and how much became unreadable.' })
  familyErasures(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
  ): Promise<ErasureConnection> {
    return this.erasure.list(first, after ?? null);
  }
}
