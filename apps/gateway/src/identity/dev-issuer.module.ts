import { Module } from '@nestjs/common';
import { DevIssuerController } from './dev-issuer.controller';

/** The development issuer's routes (`/dev/...`); GatewayModule leaves this module out in production mode. */
@Module({ controllers: [DevIssuerController] })
export class DevIssuerModule {}
