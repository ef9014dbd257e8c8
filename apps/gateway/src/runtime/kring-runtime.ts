import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { KringConfig } from '@kring/config';
import type { AccessLogWriter, CheckpointSigner } from '@kring/audit';
import type { KringCrypto } from '@kring/crypto';
import type { DevIssuer, TokenVerifier } from '@kring/identity';
import type { PurposeCatalogue } from '@kring/policy';
import type { RegisteredProfessional } from '../auth/principal.resolver';
import type { RegistrationCache } from '../auth/registration-cache';
import type { Clock } from './clock';

/** Everything a gateway process sets up before Nest starts: built once, shared by every module. */
export interface KringRuntime {
  readonly config: KringConfig;
  readonly logger: Logger;
  readonly dataSource: DataSource;
  readonly crypto: KringCrypto;
  readonly catalogue: PurposeCatalogue;
  readonly clock: Clock;
  readonly accessLog: AccessLogWriter;
  readonly checkpointSigner: CheckpointSigner;
  readonly tokenVerifier: TokenVerifier;
  /** Professionals' registrations, remembered while PostgreSQL announces their changes. */
  readonly registrations: RegistrationCache<RegisteredProfessional>;
  /** Present only when no external issuer is configured (never in production). */
  readonly devIssuer: DevIssuer | null;
  /** Where the database is, for messages: `embedded (port N)` or the host of DATABASE_URL. */
  readonly databaseDescription: string;
  close(): Promise<void>;
}

export const KRING_RUNTIME = Symbol('KRING_RUNTIME');
