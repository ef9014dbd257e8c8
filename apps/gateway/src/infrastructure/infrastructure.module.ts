import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLogWriter, CheckpointSigner } from '@kring/audit';
import { Clock, KringConfig, KringLogger } from '@kring/config';
import { KringCrypto } from '@kring/crypto';
import { DevIssuer, TokenVerifier } from '@kring/identity';
import { PurposeCatalogue } from '@kring/policy';
import { RegistrationCache } from '../identity/registration-cache';
import type { Infrastructure } from './infrastructure';
import { PostgresListeners } from './postgres-listener';

/**
 * Hands the parts of an already-started infrastructure to Nest, each under its own type,
 * to every module (global): a class's constructor names what it uses. The DataSource
 * comes through @nestjs/typeorm, so services ask for `DataSource` or a repository as in
 * any Nest application; the factory hands over the pool that is already open and migrated.
 */
@Module({})
export class InfrastructureModule {
  static forRoot(infrastructure: Infrastructure): DynamicModule {
    const parts: Provider[] = [
      { provide: KringConfig, useValue: infrastructure.config },
      { provide: KringLogger, useValue: infrastructure.logger },
      { provide: Clock, useValue: infrastructure.clock },
      { provide: KringCrypto, useValue: infrastructure.crypto },
      { provide: PurposeCatalogue, useValue: infrastructure.catalogue },
      { provide: AccessLogWriter, useValue: infrastructure.accessLog },
      { provide: CheckpointSigner, useValue: infrastructure.checkpointSigner },
      { provide: TokenVerifier, useValue: infrastructure.tokenVerifier },
      { provide: RegistrationCache, useValue: infrastructure.registrations },
      { provide: PostgresListeners, useValue: infrastructure.listeners },
      // Absent in production: only the development issuer's routes ask for it.
      ...(infrastructure.devIssuer === null ? [] : [{ provide: DevIssuer, useValue: infrastructure.devIssuer }]),
    ];
    return {
      module: InfrastructureModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({}),
          dataSourceFactory: () => Promise.resolve(infrastructure.dataSource),
        }),
      ],
      providers: parts,
      exports: parts,
    };
  }
}
