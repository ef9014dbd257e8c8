import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ProfessionalPrincipal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { ErasureConnection, ErasureReceipt } from './family-erasure.model';
import { FamilyErasureService } from './family-erasure.service';

@Resolver()
export class FamilyErasureResolver {
  constructor(private readonly erasure: FamilyErasureService) {}

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
