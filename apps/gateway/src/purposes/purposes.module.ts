import { Module } from '@nestjs/common';
import { PurposesResolver } from './purposes.resolver';

/** The purpose catalogue, as the API lists it. */
@Module({ providers: [PurposesResolver] })
export class PurposesModule {}
