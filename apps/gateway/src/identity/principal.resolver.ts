import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type KringClaims, type Principal, TokenRejected, TokenVerifier } from '@kring/identity';
import { namedQuery } from '../common/named-query';
import type { RegisteredProfessional } from './registered-professional';
import { RegistrationCache } from './registration-cache';

/**
 * Turns a verified token into a principal, against the registrations in the
 * database: the token says who the caller is, Kring's own registration says what
 * they may do. An organisation or role claim can only narrow that, never widen it. A
 * deactivated professional is not registered any more: their tokens are refused like a
 * stranger's (docs/administration.md).
 */
const PROFESSIONAL = {
  name: 'kring_principal_professional',
  text: `SELECT p.id, p.organisation_id, p.roles::text[] AS roles, o.name AS organisation_name, o.domain::text AS domain
           FROM professional p JOIN organisation o ON o.id = p.organisation_id WHERE p.subject = $1 AND p.deactivated_at IS NULL`,
};
const MEMBER = {
  name: 'kring_principal_member',
  text: `SELECT m.id, m.family_id, f.erased_at FROM family_member m JOIN family f ON f.id = m.family_id WHERE m.id = $1`,
};

/** Who a bearer token belongs to, and until when it holds. */
export interface Session {
  readonly principal: Principal;
  readonly expiresAtMs: number;
}

@Injectable()
export class PrincipalResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenVerifier: TokenVerifier,
    private readonly registrations: RegistrationCache<RegisteredProfessional>,
  ) {}

  /** The principal of a bearer token; throws TokenRejected for anything that does not check out. */
  async resolve(token: string): Promise<Principal> {
    return (await this.session(token)).principal;
  }

  /** The principal of a bearer token and when the token expires; throws TokenRejected for anything that does not check out. */
  async session(token: string): Promise<Session> {
    const claims = await this.tokenVerifier.verify(token);
    return { principal: await this.principalOf(claims), expiresAtMs: claims.expiresAtMs };
  }

  /**
   * The session of a token verified recently and still taken on trust, without checking a
   * signature; null for any other token. The registration is checked as on every request.
   */
  async rememberedSession(token: string): Promise<Session | null> {
    const claims = this.tokenVerifier.remembered(token);
    return claims === null ? null : { principal: await this.principalOf(claims), expiresAtMs: claims.expiresAtMs };
  }

  private principalOf(claims: KringClaims): Promise<Principal> {
    return claims.kind === 'professional' ? this.professional(claims) : this.citizen(claims);
  }

  /**
   * The professional with their organisation: one prepared query, or the registration this
   * gateway remembers until PostgreSQL announces a change (RegistrationCache). The claims
   * are checked against it on every request.
   */
  private async professional(claims: KringClaims): Promise<Principal> {
    const professional = await this.registrations.remembered(claims.subject, async () => {
      const [row] = await namedQuery<RegisteredProfessional>(this.dataSource.manager, PROFESSIONAL, [claims.subject]);
      return row;
    });
    if (professional === undefined) throw new TokenRejected('unknown professional');
    if (claims.organisationId !== null && claims.organisationId !== professional.organisation_id) throw new TokenRejected('organisation claim does not match');
    const roles = claims.roles === null ? professional.roles : professional.roles.filter((role) => claims.roles?.includes(role));
    // A role claim narrows; one that leaves nothing of the registration grants nothing either.
    if (roles.length === 0) throw new TokenRejected('the role claim names no role registered for this professional');
    return {
      kind: 'professional',
      professionalId: professional.id,
      organisationId: professional.organisation_id,
      organisationName: professional.organisation_name,
      domain: professional.domain,
      roles,
    };
  }

  private async citizen(claims: KringClaims): Promise<Principal> {
    const memberId = claims.memberId ?? '';
    if (!/^[0-9a-f-]{36}$/i.test(memberId)) throw new TokenRejected('malformed member claim');
    const [member] = await namedQuery<{ id: string; family_id: string; erased_at: Date | null }>(this.dataSource.manager, MEMBER, [memberId]);
    if (member === undefined) throw new TokenRejected('unknown member');
    if (member.erased_at !== null) throw new TokenRejected('family erased');
    return { kind: 'citizen', memberId: member.id, familyId: member.family_id };
  }
}
