import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate, loadSubjectFacts } from '@kring/consent';
import { KringCrypto } from '@kring/crypto';
import { FamilyMemberEntity } from '@kring/family-file';
import type { Principal } from '@kring/identity';
import { actorOf, membersInReach, permissionsFor, RequestRefusal } from '@kring/policy';
import { AuditService, refusalEntry } from '../access-log/audit.service';
import { isUuid } from '../common/ids';
import { RefusalsLogged } from '../common/input-boundary.guard';
import { ErrorCode, KringError } from '../common/kring-error';
import { Authenticated } from '../identity/access.decorator';
import type { KringRequest } from '../identity/auth.guard';
import { ConsentService } from './consent.service';
import { fhirSearchset, operationOutcome, type FhirResource } from './fhir-consent';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/**
 * `GET /fhir/Consent?patient=<memberId>`: the consents about one member as FHIR R4 Consent
 * resources in a searchset Bundle, with the API's bearer tokens and the API's scope (the
 * permission table's `export Consent`): a member for the members of their reach, a privacy
 * officer for the consents given to their organisation or its domain while it is involved.
 * Any other professional is refused 403; a member outside the caller's view 404, answered
 * alike whether or not it exists. Refusals come as an OperationOutcome and are logged.
 */
@Controller('fhir')
export class FhirConsentController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly consents: ConsentService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Authenticated()
  @RefusalsLogged('EXPORT_FHIR_CONSENTS')
  @Get('Consent')
  async search(@Req() request: KringRequest & { traceId?: string }, @Res() response: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const principal = request.principal as Principal;
    const traceId = request.traceId ?? '';
    const send = (status: number, body: FhirResource) => {
      response.status(status).setHeader('content-type', FHIR_JSON);
      response.setHeader('cache-control', 'no-store');
      response.send(JSON.stringify(body));
    };
    const refuse = async (status: number, body: FhirResource, reason: RequestRefusal) => {
      await this.audit.recordRefusal({ principal, traceId, at: this.clock.now() }, refusalEntry('EXPORT_FHIR_CONSENTS', reason));
      send(status, body);
    };
    const patient = query['patient'];
    if (typeof patient !== 'string' || patient === '') {
      send(400, operationOutcome('invalid', 'Give the search parameter patient once: the member id of the person the consents are about.'));
      return;
    }
    const unknown = operationOutcome('not-found', 'No member with this id is known to you.');
    if (principal.kind === 'professional' && !permissionsFor(actorOf(principal)).can('export', 'Consent')) {
      await refuse(403, operationOutcome('forbidden', 'Only privacy officers and the family itself may read consents as FHIR (docs/consent-receipts.md).'), RequestRefusal.ROLE_NOT_PERMITTED);
      return;
    }
    if (!isUuid(patient)) {
      await refuse(404, unknown, RequestRefusal.OUTSIDE_REACH);
      return;
    }
    const familyId = await this.familyOf(principal, patient);
    if (familyId === null) {
      await refuse(404, unknown, RequestRefusal.OUTSIDE_REACH);
      return;
    }
    try {
      const found = await this.consents.list(principal, familyId, traceId, { subjectMemberId: patient.toLowerCase(), action: 'export', activity: 'EXPORT_FHIR_CONSENTS' });
      send(200, fhirSearchset(found, `/fhir/Consent?patient=${encodeURIComponent(patient)}`));
    } catch (error) {
      if (error instanceof KringError && error.code === ErrorCode.NOT_FOUND) {
        // The professional's organisation is not involved with the family today.
        await refuse(404, unknown, RequestRefusal.OUTSIDE_REACH);
        return;
      }
      if (error instanceof KringError && error.code === ErrorCode.AUDIT_UNAVAILABLE) {
        send(503, operationOutcome('exception', error.message));
        return;
      }
      throw error;
    }
  }

  /** The family of the member asked about, when the caller may ask about them at all: a member for their reach, a professional for any member (the list then scopes). */
  private async familyOf(principal: Principal, memberId: string): Promise<string | null> {
    if (principal.kind === 'citizen') {
      const { subjects } = await loadSubjectFacts(this.dataSource.manager, this.crypto, principal.familyId);
      const reach = membersInReach(principal.memberId, subjects.values(), dutchDate(this.clock.now()));
      return reach.has(memberId.toLowerCase()) ? principal.familyId : null;
    }
    const member = await this.dataSource.manager.findOne(FamilyMemberEntity, { where: { id: memberId }, select: { id: true, familyId: true } });
    return member?.familyId ?? null;
  }
}
