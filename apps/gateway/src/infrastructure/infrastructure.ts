import type { DataSource } from 'typeorm';
import type { AccessLogWriter, CheckpointSigner } from '@kring/audit';
import type { Clock, KringConfig, KringLogger } from '@kring/config';
import type { KringCrypto } from '@kring/crypto';
import type { DevIssuer, TokenVerifier } from '@kring/identity';
import type { PurposeCatalogue } from '@kring/policy';
import type { RegisteredProfessional } from '../identity/registered-professional';
import type { RegistrationCache } from '../identity/registration-cache';
import type { PostgresListeners } from './postgres-listener';

/**
 * What a gateway process starts before Nest: the database open and migrated, the keys
 * loaded, the policy read. Nest never sees this object whole: InfrastructureModule
 * provides each part by its type, and a class asks for the parts it uses.
 */
export interface Infrastructure {
  readonly config: KringConfig;
  readonly logger: KringLogger;
  readonly dataSource: DataSource;
  readonly crypto: KringCrypto;
  readonly catalogue: PurposeCatalogue;
  readonly clock: Clock;
  readonly accessLog: AccessLogWriter;
  readonly checkpointSigner: CheckpointSigner;
  readonly tokenVerifier: TokenVerifier;
  /** Professionals' registrations, remembered while PostgreSQL announces their changes. */
  readonly registrations: RegistrationCache<RegisteredProfessional>;
  /** Listeners on the database's notification channels, each on a connection of its own (live delivery of messages). */
  readonly listeners: PostgresListeners;
  /** Present only when no external issuer is configured (never in production). */
  readonly devIssuer: DevIssuer | null;
  /** Where the database is, for messages: `embedded (port N)` or the host of DATABASE_URL. */
  readonly databaseDescription: string;
  /** Closes what was started, once: the registration listener, the pool (unless Nest closed it), the embedded PostgreSQL. */
  close(): Promise<void>;
}
