import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { AccessLogWriter } from '@kring/audit';
import { type Clock, createLogger, type KringConfig, loadConfig } from '@kring/config';
import type { KringCrypto } from '@kring/crypto';
import { PERSONAS } from '@kring/demo-world';
import { DevIssuer, type DevIssuerKeys } from '@kring/identity';
import type { PurposeCatalogue } from '@kring/policy';
import type { RegisteredProfessional } from '../../apps/gateway/src/identity/registered-professional';
import type { RegistrationCache } from '../../apps/gateway/src/identity/registration-cache';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap';
import { startInfrastructure } from '../../apps/gateway/src/infrastructure/start-infrastructure';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly data: T | null | undefined;
  readonly errors: { message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }[] | undefined;
}

/** Key material of a test gateway, as the environment would give it (base64). */
export interface TestKeys {
  readonly keyEncryptionKeys: string;
  readonly blindIndexKey: string;
  readonly auditSigningKey?: string;
  /** `1:<base64>,2:<...>`: a fresh one when not given (production mode requires it). */
  readonly receiptSigningKeys?: string;
}

export interface TestGateway {
  readonly app: INestApplication;
  /** What the gateway's services are given, for a test that looks under the API (the database, the keys). */
  readonly config: KringConfig;
  readonly dataSource: DataSource;
  readonly crypto: KringCrypto;
  readonly catalogue: PurposeCatalogue;
  readonly accessLog: AccessLogWriter;
  readonly registrations: RegistrationCache<RegisteredProfessional>;
  readonly clock: Clock;
  /** The gateway's development issuer: this test's `issuer`, or null where an external issuer is configured. */
  readonly devIssuer: DevIssuer | null;
  /** The test's own issuer, which signs its tokens. */
  readonly issuer: DevIssuer;
  readonly database: TestDatabase;
  /** The key material this gateway runs with, for a second gateway on the same database. */
  readonly keys: TestKeys;
  /** Posts a GraphQL document, with a bearer token when given. */
  graphql<T = Record<string, unknown>>(query: string, options?: { token?: string; variables?: Record<string, unknown> }): Promise<GraphQLAnswer<T>>;
  /** A fresh token for a demo persona, signed by this gateway's own test issuer. */
  tokenFor(persona: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  readonly label: string;
  readonly seedDemoWorld?: boolean;
  /** Extra environment, e.g. NODE_ENV=production. */
  readonly env?: Record<string, string>;
  /** The development issuer's key pair; a fresh one when not given. */
  readonly issuerKeys?: DevIssuerKeys;
  /** Tests that move time pass a ManualClock. */
  readonly clock?: Clock;
  /** Another gateway's database: a second process sharing only PostgreSQL. */
  readonly shareDatabaseWith?: TestGateway;
  /** Key material to use (to share a database, both gateways need the same keys). */
  readonly keys?: TestKeys;
  /** Where the gateway's log goes (at LOG_LEVEL of `env`), for a test that reads it; standard output by default. */
  readonly logDestination?: DestinationStream;
}

/**
 * The real gateway module on a database of its own, with fresh keys and its own
 * development issuer: nothing is shared with another suite, nothing is mocked.
 */
export async function startTestGateway(options: TestGatewayOptions): Promise<TestGateway> {
  const shared = options.shareDatabaseWith;
  const database = shared?.database ?? (await createTestDatabase(options.label));
  const keys: TestKeys = options.keys ?? shared?.keys ?? {
    keyEncryptionKeys: `1:${randomBytes(32).toString('base64')}`,
    blindIndexKey: randomBytes(32).toString('base64'),
    auditSigningKey: randomBytes(32).toString('base64'),
    receiptSigningKeys: `1:${randomBytes(32).toString('base64')}`,
  };
  const dataDir = await mkdtemp(join(tmpdir(), 'kring-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    KRING_DATA_DIR: dataDir,
    KRING_KEY_ENCRYPTION_KEYS: keys.keyEncryptionKeys,
    KRING_BLIND_INDEX_KEY: keys.blindIndexKey,
    KRING_AUDIT_SIGNING_KEY: keys.auditSigningKey ?? shared?.keys.auditSigningKey ?? randomBytes(32).toString('base64'),
    KRING_RECEIPT_SIGNING_KEYS: keys.receiptSigningKeys ?? shared?.keys.receiptSigningKeys ?? `1:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: process.env['KRING_TEST_LOG_LEVEL'] ?? 'silent',
    ...options.env,
  });
  const issuer = DevIssuer.fromKeys(options.issuerKeys ?? (await DevIssuer.generateKeys()), config.identity.issuer, config.identity.audience);
  const infrastructure = await startInfrastructure(config, createLogger(config.logLevel, options.logDestination), {
    devIssuer: issuer,
    seedDemoWorld: shared === undefined ? (options.seedDemoWorld ?? true) : false,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const app = await createGatewayApp(infrastructure);
  await app.init();
  const { dataSource, crypto, catalogue, accessLog, registrations, clock, devIssuer } = infrastructure;
  return {
    app,
    config,
    dataSource,
    crypto,
    catalogue,
    accessLog,
    registrations,
    clock,
    devIssuer,
    issuer,
    database,
    keys,
    async graphql<T>(query: string, opts: { token?: string; variables?: Record<string, unknown> } = {}) {
      let call = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
      if (opts.token !== undefined) call = call.set('authorization', `Bearer ${opts.token}`);
      const response = await call.send({ query, variables: opts.variables ?? {} });
      const body = response.body as { data?: T | null; errors?: GraphQLAnswer['errors'] };
      return { status: response.status, data: body.data, errors: body.errors };
    },
    async tokenFor(persona: string) {
      const found = PERSONAS[persona];
      if (found === undefined) throw new Error(`no persona ${persona}`);
      return issuer.sign(found.kind === 'professional' ? { kind: 'professional', professionalId: found.professionalId, organisationId: found.organisationId } : { kind: 'citizen', memberId: found.memberId });
    },
    async close() {
      await app.close();
      await infrastructure.close();
      // The gateway that made the database drops it.
      if (shared === undefined) await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
