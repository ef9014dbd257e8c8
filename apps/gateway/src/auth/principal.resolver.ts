import { Inject, Injectable } from '@nestjs/common';
import { FamilyEntity, FamilyMemberEntity } from '@kring/family-file';
import { OrganisationEntity, ProfessionalEntity, ProfessionalRole, TokenRejected, type KringClaims, type Principal } from '@kring/identity';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';

/**
 * Turns a verified token into a principal, against the registrations in the
 * database: the token says who the caller is, Kring's own registration says what
 * they may do. An organisation or role claim can only narrow that, never widen it.
 */
@Injectable()
export class PrincipalResolver {
  constructor(@Inject(KRING_RUNTIME) private readonly runtime: KringRuntime) {}

  /** The principal of a bearer token; throws TokenRejected for anything that does not check out. */
  async resolve(token: string): Promise<Principal> {
    const claims = await this.runtime.tokenVerifier.verify(token);
    return claims.kind === 'professional' ? this.professional(claims) : this.citizen(claims);
  }

  private async professional(claims: KringClaims): Promise<Principal> {
    const manager = this.runtime.dataSource.manager;
    const professional = await manager.findOneBy(ProfessionalEntity, { subject: claims.subject });
    if (professional === null) throw new TokenRejected('unknown professional');
    if (claims.organisationId !== null && claims.organisationId !== professional.organisationId) throw new TokenRejected('organisation claim does not match');
    const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: professional.organisationId });
    const roles = claims.roles === null ? professional.roles : professional.roles.filter((role) => claims.roles?.includes(role));
    return {
      kind: 'professional',
      professionalId: professional.id,
      organisationId: organisation.id,
      organisationName: organisation.name,
      domain: organisation.domain,
      roles: roles.length > 0 ? roles : [ProfessionalRole.PROFESSIONAL],
    };
  }

  private async citizen(claims: KringClaims): Promise<Principal> {
    const memberId = claims.memberId ?? '';
    if (!/^[0-9a-f-]{36}$/i.test(memberId)) throw new TokenRejected('malformed member claim');
    const member = await this.runtime.dataSource.manager.findOne(FamilyMemberEntity, { where: { id: memberId }, select: { id: true, familyId: true } });
    if (member === null) throw new TokenRejected('unknown member');
    const family = await this.runtime.dataSource.manager.findOne(FamilyEntity, { where: { id: member.familyId }, select: { id: true, erasedAt: true } });
    if (family === null || family.erasedAt !== null) throw new TokenRejected('family erased');
    return { kind: 'citizen', memberId: member.id, familyId: member.familyId };
  }
}
