import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CitizenPrincipal, Principal } from '@kring/identity';
import { TraceId } from '../common/trace';
import { Authenticated, MembersMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { Consent } from './consent.model';
import { ConsentReceiptDocument } from './consent-receipt.model';
import { ConsentReceiptService } from './consent-receipt.service';
import { ConsentService } from './consent.service';
import { GrantConsentInput } from './grant-consent.input';

@Resolver(() => Consent)
export class ConsentsResolver {
  constructor(
    private readonly service: ConsentService,
    private readonly receiptService: ConsentReceiptService,
  ) {}

  @MembersMay('issueReceipt', 'Consent')
  @Query(() => [ConsentReceiptDocument], {
    description: 'The signed consent receipts (ISO/IEC TS 27560) of a consent about your reach, one per event (granted, signed, revoked, expired), oldest first. Each issue is logged.',
  })
  consentReceipts(@CurrentPrincipal() principal: CitizenPrincipal, @Args('consentId', { type: () => ID }) consentId: string, @TraceId() traceId: string): Promise<ConsentReceiptDocument[]> {
    return this.receiptService.receipts(principal, consentId, traceId);
  }

  @Authenticated()
  @Query(() => [Consent], { description: 'Consents of a family: for a member, their own and their young children\'s; for a professional, those naming their organisation or domain.' })
  consents(@CurrentPrincipal() principal: Principal, @Args('familyId', { type: () => ID }) familyId: string, @TraceId() traceId: string): Promise<Consent[]> {
    return this.service.list(principal, familyId, traceId);
  }

  @MembersMay('grant', 'Consent')
  @Mutation(() => Consent, { description: 'Grants a consent; it is PENDING until every required signature is there.' })
  grantConsent(@CurrentPrincipal() principal: CitizenPrincipal, @Args('input') input: GrantConsentInput, @TraceId() traceId: string): Promise<Consent> {
    return this.service.grant(principal, input, traceId);
  }

  @MembersMay('sign', 'Consent')
  @Mutation(() => Consent, { description: 'Adds your signature, e.g. a parent co-signing the consent of a 12 to 15 year old.' })
  signConsent(@CurrentPrincipal() principal: CitizenPrincipal, @Args('id', { type: () => ID }) id: string, @TraceId() traceId: string): Promise<Consent> {
    return this.service.sign(principal, id, traceId);
  }

  @MembersMay('revoke', 'Consent')
  @Mutation(() => Consent, { description: 'Revokes a consent with immediate effect.' })
  revokeConsent(
    @CurrentPrincipal() principal: CitizenPrincipal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null | undefined,
    @TraceId() traceId: string,
  ): Promise<Consent> {
    return this.service.revoke(principal, id, reason ?? null, traceId);
  }
}
