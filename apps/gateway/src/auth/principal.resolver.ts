import { Inject, Injectable } from '@nestjs/common';
import { ProfessionalEntity, TokenRejected, type KringClaims, type Principal } from '@kring/identity';
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

  /** One query: the professional with their organisation (every request resolves its principal). */
  private async professional(claims: KringClaims): Promise<Principal> {
    const professional = await this.runtime.dataSource.manager.findOne(ProfessionalEntity, { where: { subject: claims.subject }, relations: { organisation: true } });
    if (professional === null) throw new TokenRejected('unknown professional');
    if (claims.organisationId !== null && claims.organisationId !== professional.organisationId) throw new TokenRejected('organisation claim does not match');
    const organisation = professional.organisation;
    if (organisation === undefined) throw new Error('the professional was loaded without their organisation');
    const roles = claims.roles === null ? professional.roles : professional.roles.filter((role) => claims.roles?.includes(role));
    // A role claim narrows; one that leaves nothing of the registration grants nothing either.
    if (roles.length === 0) throw new TokenRejected('the role claim names no role registered for this professional');
    return {
      kind: 'professional',
      professionalId: professional.id,
      organisationId: organisation.id,
      organisationName: organisation.name,
      domain: organisation.domain,
      roles,
    };
  }

  private async citizen(claims: KringClaims): Promise<Principal> {
    const memberId = claims.memberId ?? '';
    if (!/^[0-9a-f-]{36}$/i.test(memberId)) throw new TokenRejected('malformed member claim');
    const [member] = await this.runtime.dataSource.query<{ id: string; family_id: string; erased_at: Date | null }[]>(
      `SELECT m.id, m.family_id, f.erased_at FROM family_member m JOIN family f ON f.id = m.family_id WHERE m.id = $1`,
      [memberId],
    );
    if (member === undefined) throw new TokenRejected('unknown member');
    if (member.erased_at !== null) throw new TokenRejected('family erased');
    return { kind: 'citizen', memberId: member.id, familyId: member.family_id };
  }
}
