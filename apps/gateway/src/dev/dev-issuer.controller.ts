import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { Public } from '../auth/access.decorator';
import { KRING_RUNTIME, type KringRuntime } from '../runtime/kring-runtime';

/** The development issuer's public keys, as an OpenID Connect provider publishes them. Absent in production. */
@Controller('dev')
export class DevIssuerController {
  constructor(@Inject(KRING_RUNTIME) private readonly runtime: KringRuntime) {}

  @Public()
  @Get('jwks.json')
  jwks(): JSONWebKeySet {
    if (this.runtime.devIssuer === null) throw new NotFoundException();
    return this.runtime.devIssuer.jwks();
  }
}
