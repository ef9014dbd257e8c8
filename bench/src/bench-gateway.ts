import 'reflect-metadata';
import { getHeapSpaceStatistics } from 'node:v8';
import { type DynamicModule, Module } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { createLogger, loadConfig } from '@kring/config';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { startInfrastructure } from '../../apps/gateway/src/infrastructure/start-infrastructure';
import type { Infrastructure } from '../../apps/gateway/src/infrastructure/infrastructure';
import { PlainReadModule } from './plain/plain-read.module';

/**
 * The gateway process the benchmark drives (`node dist/bench/src/bench-gateway.js`, started
 * by bench.ts): the production module in production mode, plus the benchmark-only plain
 * module beside it. Tokens come from the benchmark's own issuer, whose public keys arrive
 * in BENCH_ISSUER_JWKS; the production configuration is otherwise what a deployment uses.
 */
@Module({})
class BenchGatewayModule {
  static forRoot(infrastructure: Infrastructure): DynamicModule {
    return { module: BenchGatewayModule, imports: [GatewayModule.forRoot(infrastructure), PlainReadModule] };
  }
}

async function main(): Promise<void> {
  const jwks = JSON.parse(process.env['BENCH_ISSUER_JWKS'] ?? 'null') as JSONWebKeySet | null;
  if (jwks === null) throw new Error('BENCH_ISSUER_JWKS is missing: start this through npm run bench');
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    // Never fetched: the keys are given to the infrastructure directly (issuerKeys).
    KRING_JWKS_URL: 'https://bench.invalid/jwks.json',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  });
  const infrastructure = await startInfrastructure(config, createLogger(config.logLevel), { issuerKeys: jwks });
  const app = await createGatewayApp(infrastructure, BenchGatewayModule.forRoot(infrastructure));
  await app.listen(config.port, '127.0.0.1');
  process.stdout.write(`ready ${config.port}\n`);
  const stop = async () => {
    // Where the memory sits when the load is over: the heap the gateway grew versus what lives outside it.
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    const usage = process.memoryUsage();
    const spaces = getHeapSpaceStatistics()
      .map((s) => `${s.space_name.replace(/_space$/, '')} ${mb(s.space_size)}`)
      .join(', ');
    process.stderr.write(`gateway memory at stop (MB): rss ${mb(usage.rss)}, heap ${mb(usage.heapUsed)} used of ${mb(usage.heapTotal)} (${spaces}), external ${mb(usage.external)}\n`);
    await app.close();
    await infrastructure.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`bench gateway failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
