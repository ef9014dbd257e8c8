import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, OperationTypeNode, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import { KringConfig, KringLogger } from '@kring/config';
import { createErrorFormatter } from '../common/graphql-error.formatter';
import { ErrorCode, KringError, unauthenticated } from '../common/kring-error';
import { documentRefusal, queryLimitRules, QUERY_LIMITS } from '../common/query-limits';
import type { KringRequest } from '../identity/auth.guard';
import { Authenticator, type Credentials } from '../identity/authenticator';
import type { Session } from '../identity/principal.resolver';
import type { RegisteredProfessional } from '../identity/registered-professional';
import { RegistrationCache, REGISTRATIONS_CHANNEL } from '../identity/registration-cache';
import { PostgresListeners, type PostgresListener } from '../infrastructure/postgres-listener';
import { LIVE_LIMITS, liveLimitExceeded } from '../messages/live-subscription';
import { newTraceId } from '../messages/live-threads.service';

/** The path of the API, over HTTP and WebSocket alike. */
const PATH = '/graphql';

/** Close codes of a live connection beside graphql-ws's own (docs/security.md). */
export const LIVE_CLOSE = {
  /** No token, a bad one, or one that expired (also while connected: at its `exp`). */
  unauthorized: 4401,
  /** The address is over its failed authentications (RATE_LIMITED on HTTP). */
  tooManyFailures: 4429,
} as const;

/** What this server keeps per connection beside graphql-ws's socket and upgrade request: who authenticated on it, and the timer of its token's expiry. */
type Connection = {
  session?: Session;
  credentials?: Credentials;
  expiry?: NodeJS.Timeout;
};
type ConnectionContext = Context<Record<string, unknown> | undefined, Extra & Partial<Connection>>;

/**
 * GraphQL subscriptions (`graphql-ws`) on the gateway's own HTTP server and path: one
 * WebSocketServer for upgrades to `/graphql` (any other path is refused). A connection
 * authenticates once, with `connectionParams.authorization` = `Bearer <token>`, through the
 * same Authenticator as every HTTP request (and the same throttle); a missing, bad or expired
 * token closes it with 4401, and the connection is closed at the token's `exp`. It carries
 * subscriptions only (queries and mutations go over HTTP, where Apollo's limits and plugins
 * apply), each document held to the same size, depth and alias limits, and to
 * `LIVE_LIMITS`. Errors are shaped by the same formatter as HTTP answers. On shutdown every
 * connection is closed (1001) before the HTTP server stops.
 *
 * A connection's caller is authenticated again on every subscribe, and whenever a
 * registration changes (PostgreSQL's `kring_registrations`, which every change to a
 * professional or an organisation notifies at commit): a professional deactivated, or whose
 * roles or organisation changed, has their connections closed with 4401 at once
 * (docs/administration.md), as their next HTTP request is refused.
 */
@Injectable()
export class LiveServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private wss: WebSocketServer | null = null;
  private dispose: (() => Promise<void>) | null = null;
  /** The open connections and how each authenticated, to check again when a registration changes. */
  private readonly connections = new Map<WebSocket, { readonly credentials: Credentials; readonly session: Session }>();
  private registrationChanges: PostgresListener | null = null;
  private readonly formatError: ReturnType<typeof createErrorFormatter>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    // The GraphQL module's own provider, found once the application is built.
    private readonly moduleRef: ModuleRef,
    private readonly authenticator: Authenticator,
    private readonly config: KringConfig,
    private readonly logger: KringLogger,
    private readonly registrations: RegistrationCache<RegisteredProfessional>,
    private readonly listeners: PostgresListeners,
  ) {
    this.formatError = createErrorFormatter(logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const wss = new WebSocketServer({ noServer: true, maxPayload: LIVE_LIMITS.messageBytes });
    this.wss = wss;
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(request.url ?? '/', 'http://gateway').pathname !== PATH) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        wss.emit('connection', ws, request);
        // graphql-ws writes a socket's errors to the console with their stack; ws closes the socket itself
        // (a frame over maxPayload: 1009), so the error is only a client's misstep, for the debug log.
        ws.removeAllListeners('error');
        ws.on('error', (error: Error & { code?: string }) => this.logger.debug({ context: 'live', code: error.code }, 'a live connection failed'));
      });
    });
    const validationRules = [...specifiedRules, ...queryLimitRules(QUERY_LIMITS), ...(this.config.mode === 'production' ? [NoSchemaIntrospectionCustomRule] : [])];
    const disposable = useServer<Record<string, unknown> | undefined, Connection>(
      {
        connectionInitWaitTimeout: LIVE_LIMITS.connectionInitMs,
        onConnect: (ctx) => this.connect(ctx),
        onSubscribe: (ctx, _id, payload) => this.operation(ctx, payload, validationRules),
        onNext: (_ctx, _id, _payload, _args, result) => (result.errors === undefined ? undefined : { ...result, errors: result.errors.map((e) => this.formatError(e.toJSON(), e)) }),
        onError: (_ctx, _id, _payload, errors) => errors.map((e) => this.formatError(e.toJSON(), e)),
        onClose: (ctx) => {
          clearTimeout(ctx.extra.expiry);
          this.connections.delete(ctx.extra.socket);
        },
      },
      wss,
    );
    this.dispose = async () => {
      await disposable.dispose();
    };
    this.registrationChanges = this.listeners.open(
      { channel: REGISTRATIONS_CHANNEL, applicationName: 'kring-live-registrations', lostMessage: 'registration changes are not heard: live connections are checked again once listening again' },
      { onNotification: () => void this.checkAgain(), onListening: () => void this.checkAgain(), onLost: () => undefined },
    );
    await this.registrationChanges.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.dispose?.();
    this.dispose = null;
    await this.registrationChanges?.close();
    this.registrationChanges = null;
  }

  /**
   * Every open connection's caller authenticated again, after a registration changed (or
   * listening resumed, when a change may have been missed); one that no longer is, or whose
   * principal changed (roles, organisation), is closed with 4401. Any failure to check closes
   * too: when in doubt, deny. The registration cache forgets on the same notification, in no
   * set order with this listener, so it is told to forget first.
   */
  private async checkAgain(): Promise<void> {
    this.registrations.forgetAll();
    await Promise.all(
      [...this.connections].map(async ([socket, { credentials, session }]) => {
        const now = await this.authenticator.authenticate(credentials).catch(() => null);
        if (now === null || !samePrincipal(now, session)) {
          this.connections.delete(socket);
          socket.close(LIVE_CLOSE.unauthorized, 'Unauthorized');
        }
      }),
    );
  }

  /** Authenticates the connection; refused with 4401 (4429 for an address over its failures), and closed at the token's expiry. */
  private async connect(ctx: ConnectionContext): Promise<boolean> {
    const { socket, request } = ctx.extra;
    try {
      const credentials: Credentials = { authorization: ctx.connectionParams?.['authorization'], address: request.socket.remoteAddress };
      const session = await this.authenticator.authenticate(credentials);
      const remainingMs = session.expiresAtMs - Date.now();
      if (remainingMs <= 0) throw unauthenticated();
      ctx.extra.session = session;
      ctx.extra.credentials = credentials;
      this.connections.set(socket, { credentials, session });
      // setTimeout holds at most about 24.8 days; a token lives hours.
      ctx.extra.expiry = setTimeout(() => socket.close(LIVE_CLOSE.unauthorized, 'Token expired'), Math.min(remainingMs, 2 ** 31 - 1));
      ctx.extra.expiry.unref();
      return true;
    } catch (error) {
      if (!(error instanceof KringError)) throw error;
      // graphql-ws then closes with 4403, which a socket already closing ignores: the client sees ours.
      if (error.code === ErrorCode.RATE_LIMITED) socket.close(LIVE_CLOSE.tooManyFailures, 'Too many failed authentications');
      else socket.close(LIVE_CLOSE.unauthorized, 'Unauthorized');
      return false;
    }
  }

  /** A subscribe message as execution arguments, or the errors that refuse it. */
  private async operation(ctx: ConnectionContext, payload: SubscribePayload, validationRules: typeof specifiedRules): Promise<ExecutionArgs | readonly GraphQLError[]> {
    // graphql-ws has reserved this subscription's id already, so it counts itself.
    if (Object.keys(ctx.subscriptions).length > LIVE_LIMITS.subscriptionsPerConnection) {
      return [refusal(liveLimitExceeded('subscriptionsPerConnection', `A connection holds at most ${LIVE_LIMITS.subscriptionsPerConnection} subscriptions; end one first, or open another connection.`))];
    }
    const tooLarge = documentRefusal(payload.query);
    if (tooLarge !== null) return [refusal(tooLarge)];
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (error) {
      return [requestError((error as GraphQLError).message, 'GRAPHQL_PARSE_FAILED')];
    }
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    const invalid = validate(schema, document, validationRules);
    if (invalid.length > 0) return invalid.map((e) => (e.originalError instanceof KringError ? e : requestError(e.message, 'GRAPHQL_VALIDATION_FAILED', e)));
    if (getOperationAST(document, payload.operationName)?.operation !== OperationTypeNode.SUBSCRIPTION) {
      return [requestError('Only subscriptions are served over WebSocket: send queries and mutations to POST /graphql.', 'BAD_REQUEST')];
    }
    // Authenticated again: a professional deactivated since connecting subscribes to nothing, even before the change's notification arrives.
    const session = ctx.extra.credentials === undefined ? undefined : await this.authenticator.authenticate(ctx.extra.credentials).catch(() => undefined);
    if (session === undefined || ctx.extra.session === undefined || !samePrincipal(session, ctx.extra.session)) {
      ctx.extra.socket.close(LIVE_CLOSE.unauthorized, 'Unauthorized');
      return [refusal(unauthenticated())];
    }
    // What the guard and the parameter decorators read: the principal established on connect, and a trace id per subscription.
    const req = { principal: session.principal, traceId: newTraceId(), headers: {}, ip: ctx.extra.request.socket.remoteAddress } as unknown as KringRequest;
    return { schema, document, operationName: payload.operationName ?? null, variableValues: payload.variables ?? null, contextValue: { req } };
  }
}

/** A domain refusal as a GraphQL error the formatter maps. */
function refusal(error: KringError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error });
}

/** An error of the request itself (parse, validation, operation), with the code Apollo gives it over HTTP. */
function requestError(message: string, code: string, source?: GraphQLError): GraphQLError {
  return new GraphQLError(message, { ...(source === undefined ? {} : { nodes: source.nodes ?? null, source: source.source ?? null, positions: source.positions ?? null }), extensions: { code } });
}

/** Whether two authentications name the same caller with the same roles and organisation. */
function samePrincipal(a: Session, b: Session): boolean {
  return JSON.stringify(a.principal) === JSON.stringify(b.principal);
}
