import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ConfigurationError, createLogger, loadConfig, type KringConfig } from '@kring/config';
import { createGatewayApp } from './bootstrap';
import { portalIsBuilt } from './portal/serve-portal';
import { closeOnEveryWayOut } from './infrastructure/close-on-every-way-out';
import type { Infrastructure } from './infrastructure/infrastructure';
import { startInfrastructure } from './infrastructure/start-infrastructure';

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  let config: KringConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let infrastructure: Infrastructure | null = null;
  let app: INestApplication | null = null;
  // In place before anything starts, so a signal or crash during the start closes what began.
  const end = closeOnEveryWayOut({
    logger,
    signalMeans: 'requested',
    async close() {
      try {
        await app?.close(); // stops taking requests and lets those in flight finish
      } finally {
        await infrastructure?.close(); // the database pool, then the embedded PostgreSQL
      }
    },
  });
  try {
    infrastructure = await startInfrastructure(config, logger);
    app = await createGatewayApp(infrastructure);
    await app.listen(config.port, config.host);
  } catch (error) {
    process.stderr.write(`Kring could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    await end(1);
    return;
  }
  const elapsedMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
  logger.info({ elapsedMs, port: config.port, mode: config.mode }, 'gateway ready');
  if (config.mode !== 'production') printWelcome(infrastructure, elapsedMs);
}

/** What a newcomer needs on the first start: where to go, and one query to copy. */
function printWelcome({ config, databaseDescription }: Infrastructure, elapsedMs: number): void {
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const url = `http://${host}:${config.port}/graphql`;
  const portal = portalIsBuilt(config)
    ? `http://${host}:${config.port}/  (sign in as a demo persona)`
    : 'not built (npm run build:portal)';
  process.stdout.write(`
  Kring gateway is running (ready in ${(elapsedMs / 1000).toFixed(1)} s)

    Portal:    ${portal}
    GraphQL:   ${url}  (open it in a browser for the Apollo Sandbox)
    Database:  ${databaseDescription}
    Demo:      Gemeente Heerenveen, the De Vries family

  Get a token for a demo persona (in another terminal):

    npm run token -- wmo        # also: marieke johan sanne daan jeugdhulp schuldhulp
                                #       participatie veiligthuis teamleider fg-gemeente keten-fg admin

  Then ask who you are:

    curl -s ${url} -H 'content-type: application/json' \\
      -H "authorization: Bearer $(npm run -s token -- wmo)" \\
      -d '{"query":"{ me { kind professional { name roles organisation { name domain } } } purposes { code name } }"}'

`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Kring could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
