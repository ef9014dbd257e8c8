import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger } from '@kring/config';
import { traceMiddleware } from './common/trace';
import { GatewayModule } from './gateway.module';
import type { KringRuntime } from './runtime/kring-runtime';

/** A Nest application over a runtime, configured as every gateway process is (also the tests'). */
export async function createGatewayApp(runtime: KringRuntime): Promise<INestApplication> {
  const app = await NestFactory.create(GatewayModule.forRoot(runtime), {
    logger: new PinoNestLogger(runtime.logger),
    bodyParser: true,
  });
  // Behind a load balancer the client address is in X-Forwarded-For.
  const http = app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void; disable(name: string): void };
  http.set('trust proxy', runtime.config.mode === 'production' ? 1 : false);
  http.disable('x-powered-by');
  app.use(traceMiddleware);
  return app;
}
