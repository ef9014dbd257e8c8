import { Body, Controller, Get, HttpCode, NotFoundException, Optional, Post } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { PERSONAS } from '@kring/demo-world';
import { DevIssuer } from '@kring/identity';
import { badInput } from '../common/kring-error';
import { Public } from './access.decorator';

/**
 * The development issuer, as an OpenID Connect provider would offer it: its public keys,
 * and the personas of the demo world with a token for each (the portal's sign-in in
 * development). Not mounted in production mode, and refused wherever an external issuer
 * is configured.
 */
@Controller('dev')
export class DevIssuerController {
  // Absent where an external issuer is configured.
  constructor(@Optional() private readonly devIssuer?: DevIssuer) {}

  @Public()
  @Get('jwks.json')
  jwks(): JSONWebKeySet {
    return this.issuer().jwks();
  }

  @Public()
  @Get('personas')
  personas(): { name: string; kind: string; description: string }[] {
    this.issuer();
    return Object.entries(PERSONAS).map(([name, persona]) => ({ name, kind: persona.kind, description: persona.description }));
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  async token(@Body() body: { persona?: unknown }): Promise<{ token: string; expiresIn: number }> {
    const issuer = this.issuer();
    const persona = typeof body?.persona === 'string' ? PERSONAS[body.persona] : undefined;
    if (persona === undefined) throw badInput('persona', `must be one of ${Object.keys(PERSONAS).join(', ')}`);
    const expiresIn = 8 * 3600;
    const token = await issuer.sign(
      persona.kind === 'professional' ? { kind: 'professional', professionalId: persona.professionalId, organisationId: persona.organisationId } : { kind: 'citizen', memberId: persona.memberId },
      expiresIn,
    );
    return { token, expiresIn };
  }

  private issuer(): DevIssuer {
    if (this.devIssuer === undefined) throw new NotFoundException();
    return this.devIssuer;
  }
}
