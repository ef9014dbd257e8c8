import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CheckpointSigner } from '@kring/audit';
import type { Principal } from '@kring/identity';
import { Authenticated, ProfessionalsMay } from '../identity/access.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { AccessLogIntegrityService } from './access-log-integrity.service';
import { AccessLogConnection, AccessLogDay, AccessLogFilter, AccessLogSigningKey, CheckpointReport, LogVerification, LogVerificationMode } from './access-log.model';
import { AccessLogService } from './access-log.service';

@Resolver()
export class AccessLogResolver {
  constructor(
    private readonly log: AccessLogService,
    private readonly integrity: AccessLogIntegrityService,
    private readonly checkpointSigner: CheckpointSigner,
  ) {}

  @Authenticated()
  @Query(() => AccessLogConnection, { description: 'The access log, newest first: for privacy officers within their scope, for a family member about their own data.' })
  accessLog(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => AccessLogFilter, nullable: true }) filter: AccessLogFilter | null | undefined,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
  ): Promise<AccessLogConnection> {
    return this.log.page(principal, filter ?? {}, first, after ?? null);
  }

  @Authenticated()
  @Query(() => [AccessLogDay], {
    description: 'Decisions per day (allowed, denied, break-glass) over the same entries as accessLog with this filter; without from/to the last 30 days.',
  })
  accessLogDays(@CurrentPrincipal() principal: Principal, @Args('filter', { type: () => AccessLogFilter, nullable: true }) filter: AccessLogFilter | null | undefined): Promise<AccessLogDay[]> {
    return this.log.days(principal, filter ?? {});
  }

  @ProfessionalsMay('verify', 'AccessLog')
  @Query(() => LogVerification, { description: 'Checks the hash chains and signed checkpoints of one family, or of the whole log.' })
  verifyAccessLog(
    @Args('familyId', { type: () => ID, nullable: true }) familyId: string | null | undefined,
    @Args('mode', { type: () => LogVerificationMode, nullable: true, defaultValue: LogVerificationMode.FULL }) mode: LogVerificationMode | null | undefined,
  ): Promise<LogVerification> {
    return this.integrity.verify(familyId ?? null, { mode: mode ?? LogVerificationMode.FULL });
  }

  @ProfessionalsMay('checkpoint', 'AccessLog')
  @Mutation(() => CheckpointReport, { description: 'Signs the head of every chain that grew since its last checkpoint (also done at an interval).' })
  checkpointAccessLog(): Promise<CheckpointReport> {
    return this.integrity.checkpoint();
  }

  @Authenticated()
  @Query(() => AccessLogSigningKey, { description: 'The public key that signs access-log checkpoints.' })
  accessLogSigningKey(): AccessLogSigningKey {
    const signer = this.checkpointSigner;
    return { keyId: signer.keyId, algorithm: 'Ed25519', publicKey: Buffer.from(signer.publicKey).toString('base64') };
  }
}
