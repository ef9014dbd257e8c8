import 'reflect-metadata';
import { ConfigurationError, createLogger, loadConfig, type KringConfig } from '@kring/config';
import { createGatewayApp } from './bootstrap';
import { portalIsBuilt } from './portal/serve-portal';
import { createRuntime } from './runtime/create-runtime';
import type { KringRuntime } from './runtime/kring-runtime';

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
  const runtime = await createRuntime(config, logger);
  const app = await createGatewayApp(runtime);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const elapsedMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
  logger.info({ elapsedMs, port: config.port, mode: config.mode }, 'gateway ready');
  if (config.mode !== 'production') printWelcome(runtime, elapsedMs);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** What a newcomer needs on the first start: where to go, and one query to copy. */
function printWelcome(runtime: KringRuntime, elapsedMs: number): void {
  const host = runtime.config.host === '0.0.0.0' ? 'localhost' : runtime.config.host;
  const url = `http://${host}:${runtime.config.port}/graphql`;
  const portal = portalIsBuilt(runtime.config)
    ? `http://${host}:${runtime.config.port}/  (sign in as a demo persona)`
    : 'not built (npm run build:portal)';
  process.stdout.write(`
  Kring gateway is running (ready in ${(elapsedMs / 1000).toFixed(1)} s)

    Portal:    ${portal}
    GraphQL:   ${url}  (open it in a browser for the Apollo Sandbox)
    Database:  ${runtime.databaseDescription}
    Demo:      Gemeente Heerenveen, the De Vries family

  Get a token for a demo persona (in another terminal):

    npm run token -- wmo        # also: marieke johan sanne daan jeugdhulp schuldhulp
                                #       participatie veiligthuis fg-gemeente keten-fg admin

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
