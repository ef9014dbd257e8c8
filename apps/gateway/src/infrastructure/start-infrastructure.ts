import type { JSONWebKeySet } from 'jose';
import { AccessLogWriter, CheckpointSigner } from '@kring/audit';
import { systemClock, type Clock, type KringConfig, type KringLogger } from '@kring/config';
import { KringCrypto, loadSodium, resolveKeyMaterial } from '@kring/crypto';
import { openDatabase } from '@kring/database';
import { loadDemoWorld } from '@kring/demo-world';
import { DevIssuer, TokenVerifier } from '@kring/identity';
import { PurposeCatalogue } from '@kring/policy';
import { namedQuery } from '../common/named-query';
import type { RegisteredProfessional } from '../identity/registered-professional';
import { RegistrationCache } from '../identity/registration-cache';
import { resolveDatabase } from './database';
import type { Infrastructure } from './infrastructure';
import { PostgresListeners } from './postgres-listener';

export interface InfrastructureOptions {
  /** Tests pass an issuer of their own; otherwise it is loaded from the data folder. */
  readonly devIssuer?: DevIssuer;
  /** Defaults to the configuration's `seedDemoWorld`. */
  readonly seedDemoWorld?: boolean;
  /** Defaults to the system clock; tests pass a ManualClock. */
  readonly clock?: Clock;
  /**
   * The external issuer's public keys, given directly instead of fetched from KRING_JWKS_URL:
   * the benchmark runs the gateway in production mode with an issuer of its own. Code only,
   * never configuration.
   */
  readonly issuerKeys?: JSONWebKeySet;
}

/**
 * Starts what a gateway process needs before Nest, in the order that keeps a half-started
 * process from serving: key material, policy, database and migrations, demo world, identity.
 */
export async function startInfrastructure(config: KringConfig, logger: KringLogger, options: InfrastructureOptions = {}): Promise<Infrastructure> {
  const sodium = await loadSodium();
  const keyMaterial = await resolveKeyMaterial(sodium, config.keys, config.dataDir);
  const crypto = new KringCrypto(sodium, keyMaterial);
  const catalogue = PurposeCatalogue.fromFile(config.policyFile);

  const { url, embedded, description: databaseDescription } = await resolveDatabase(
    config,
    (m) => logger.debug({ context: 'postgres' }, m),
    (m) => logger.warn({ context: 'postgres' }, m),
  );
  try {
    const dataSource = await openDatabase({ url, applicationName: 'kring-gateway' });
    const seed = options.seedDemoWorld ?? config.seedDemoWorld;
    if (seed && (await loadDemoWorld(dataSource, crypto, catalogue.version))) {
      logger.info('loaded the demo world (Gemeente Heerenveen, the De Vries family)');
    }
    const identity = config.identity;
    const devIssuer = identity.kind === 'development-issuer' ? (options.devIssuer ?? (await DevIssuer.open(config.dataDir, identity.issuer, identity.audience))) : null;
    const tokenVerifier = new TokenVerifier({
      issuer: identity.issuer,
      audience: identity.audience,
      keys: devIssuer !== null ? { jwks: devIssuer.jwks() } : options.issuerKeys !== undefined ? { jwks: options.issuerKeys } : { jwksUrl: (identity as { jwksUrl: string }).jwksUrl },
    });
    const registrations = new RegistrationCache<RegisteredProfessional>(url, logger);
    await registrations.start();
    let closing: Promise<void> | null = null;
    return {
      config,
      logger,
      dataSource,
      crypto,
      catalogue,
      clock: options.clock ?? systemClock,
      accessLog: new AccessLogWriter(sodium, namedQuery),
      checkpointSigner: new CheckpointSigner(sodium, keyMaterial.auditSigningKey),
      tokenVerifier,
      registrations,
      listeners: new PostgresListeners(url, logger),
      devIssuer,
      databaseDescription,
      // Once, however many ways out ask for it; the embedded PostgreSQL stops even when closing the connections fails.
      close() {
        closing ??= (async () => {
          try {
            await registrations.close();
            // A gateway's pool is closed by Nest already (TypeOrmModule's shutdown hook, at app.close()).
            if (dataSource.isInitialized) await dataSource.destroy();
          } finally {
            await embedded?.stop();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
