import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoNestLogger } from '@kring/config';
import { refuseBodiesOtherThanJson, REQUEST_BODY_KB } from './common/http-refusal';
import { refuseOversizedDocuments } from './common/query-limits';
import { securityHeaders } from './common/security-headers';
import { traceMiddleware } from './common/trace';
import { GatewayModule } from './gateway.module';
import type { Infrastructure } from './infrastructure/infrastructure';
import { servePortal } from './portal/serve-portal';

/**
 * A Nest application over a started infrastructure, configured as every gateway process is (also the tests').
 * The benchmark passes a root module of its own that imports the gateway's beside its
 * benchmark-only module; every deployment runs `GatewayModule` alone.
 */
export async function createGatewayApp(infrastructure: Infrastructure, rootModule: DynamicModule = GatewayModule.forRoot(infrastructure)): Promise<NestExpressApplication> {
  const { config, logger } = infrastructure;
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    logger: new PinoNestLogger(logger),
    // The JSON parser is registered below, in order with the middleware that reads the body.
    bodyParser: false,
  });
  // Behind a load balancer the client address is in X-Forwarded-For.
  const http = app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void; disable(name: string): void };
  http.set('trust proxy', config.mode === 'production' ? 1 : false);
  http.disable('x-powered-by');
  // Answers are personal and logged per read: never cached, so no ETag (a SHA-1 of every body).
  http.set('etag', false);
  // First, so that every answer carries them, refusals of the parsers and of unknown routes included.
  app.use(securityHeaders(config));
  app.use(traceMiddleware);
  // JSON only: no route takes a form. The parser's refusals (not JSON, too large, an unknown charset or
  // encoding) reach GraphqlExceptionPassThrough, which answers them in the GraphQL error shape.
  app.use(refuseBodiesOtherThanJson);
  app.useBodyParser('json', { limit: `${REQUEST_BODY_KB}kb` });
  app.use('/graphql', refuseOversizedDocuments());
  if (!servePortal(app, config)) {
    logger.info({ portalDir: config.portalDir }, 'the portal is not built; serving the API only (npm run build)');
  }
  return app;
}
