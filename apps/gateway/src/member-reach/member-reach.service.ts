import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '@kring/config';
import { capacityRefusal, dutchDate, loadSubjectFacts } from '@kring/consent';
import { KringCrypto, openSealed } from '@kring/crypto';
import { DataCategory, FamilyEntity, FamilyMemberEntity, MEMBER_SEALED_FIELDS } from '@kring/family-file';
import type { CitizenPrincipal } from '@kring/identity';
import { decideCitizenAccess, DenyReason, membersInReach, type AccessDecision, type FieldFacts } from '@kring/policy';
import { AuditService } from '../access-log/audit.service';
import { notFound } from '../common/kring-error';
import type { DecidedTarget } from '../families/family-file.assembler';
import { readEntries } from '../families/read-entries';
import type { MemberInReach } from './member-in-reach.model';

@Injectable()
export class MemberReachService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: KringCrypto,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * The members in a family member's reach today (`membersInReach`), the viewer first, then
   * the children oldest first. Names and birth dates are decided by the citizen's rule and
   * logged as a read of the own file; nobody outside the reach is loaded, named or counted.
   */
  async read(principal: CitizenPrincipal, traceId: string): Promise<MemberInReach[]> {
    const crypto = this.crypto;
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const family = await manager.findOne(FamilyEntity, { where: { id: principal.familyId }, select: { id: true, registeredByOrganisationId: true, erasedAt: true } });
      if (family === null || family.erasedAt !== null) throw notFound('family');
      const { subjects, key } = await loadSubjectFacts(manager, crypto, family.id);
      const reach = membersInReach(principal.memberId, subjects.values(), dutchDate(at));
      const rows = await manager.find(FamilyMemberEntity, { where: { familyId: family.id, id: In([...reach]) }, select: { id: true, nameCiphertext: true } });
      const decided: DecidedTarget[] = [];
      const members = rows.map((m): MemberInReach => {
        const facts: FieldFacts = { category: DataCategory.PERSONAL_IDENTITY, sourceOrganisationId: family.registeredByOrganisationId, subjectIds: [m.id] };
        const decision = decideCitizenAccess({ reach, field: facts });
        const name = decision.allowed ? openSealed(crypto, key, { field: MEMBER_SEALED_FIELDS.name, rowId: m.id }, m.nameCiphertext) : null;
        const birthDate = decision.allowed ? (subjects.get(m.id)?.birthDate ?? null) : null;
        decided.push(...outcomes(m.id, facts, decision, { name, birthDate }));
        // The same capacity rule grantConsent, signConsent and revokeConsent apply, so the portal offers only what will be accepted.
        const subject = subjects.get(m.id);
        const decidesConsents = subject !== undefined && capacityRefusal(subject, principal.memberId, at) === null;
        return { id: m.id, self: m.id === principal.memberId, name, birthDate, decidesConsents };
      });
      await this.audit.record(manager, { principal, traceId, at }, readEntries('READ_OWN_FILE', null, family.id, decided));
      return members.sort((a, b) => (a.self !== b.self ? (a.self ? -1 : 1) : (a.birthDate ?? '').localeCompare(b.birthDate ?? '')));
    });
  }
}

/** The log's view of one member's fields: allowed, or withheld because a value failed its integrity check. */
function outcomes(memberId: string, facts: FieldFacts, decision: AccessDecision, values: Readonly<Record<string, string | null>>): DecidedTarget[] {
  const target = (fields: string[], outcome: AccessDecision): DecidedTarget => ({
    targetKind: 'MEMBER',
    targetId: memberId,
    category: facts.category,
    subjectIds: facts.subjectIds,
    sourceOrganisationId: facts.sourceOrganisationId,
    decision: outcome,
    fields,
  });
  if (!decision.allowed) return [target(Object.keys(values), decision)];
  const damaged = Object.keys(values).filter((f) => values[f] === null);
  const intact = Object.keys(values).filter((f) => values[f] !== null);
  return [
    ...(intact.length > 0 ? [target(intact, decision)] : []),
    ...(damaged.length > 0 ? [target(damaged, { allowed: false, category: facts.category, reason: DenyReason.DATA_INTEGRITY })] : []),
  ];
}
