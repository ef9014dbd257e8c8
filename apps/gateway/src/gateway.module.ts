import { join } from 'node:path';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessLogExportController } from './access-log/access-log-export.controller';
import { AccessLogIntegrityService } from './access-log/access-log-integrity.service';
import { AccessLogResolver } from './access-log/access-log.resolver';
import { AccessLogService } from './access-log/access-log.service';
import { AuditService } from './access-log/audit.service';
import { AuthGuard } from './auth/auth.guard';
import { authenticationThrottleProvider } from './auth/authentication-throttle';
import { BreakGlassResolver } from './break-glass/break-glass.resolver';
import { BreakGlassService } from './break-glass/break-glass.service';
import { PrincipalResolver } from './auth/principal.resolver';
import { DateTimeScalar } from './common/date-time.scalar';
import { createErrorFormatter } from './common/graphql-error.formatter';
import { GraphqlExceptionPassThrough } from './common/graphql-exception.filter';
import { InputBoundaryGuard } from './common/input-boundary.guard';
import { QUERY_LIMITS, queryLimitRules } from './common/query-limits';
import { ConsentService } from './consents/consent.service';
import { ConsentsResolver } from './consents/consents.resolver';
import { DevIssuerController } from './dev/dev-issuer.controller';
import { FamiliesResolver } from './families/families.resolver';
import { FamilyFileService } from './families/family-file.service';
import { FamilyWritesResolver } from './families/family-writes.resolver';
import { FamilyErasureService } from './families/family-erasure.service';
import { FamilyWritesService } from './families/family-writes.service';
import { HealthController } from './health/health.controller';
import { OrganisationsResolver } from './organisations/organisations.resolver';
import { PurposesResolver } from './purposes/purposes.resolver';
import { SignInResolver } from './sign-in/sign-in.resolver';
import { KRING_RUNTIME, type KringRuntime } from './runtime/kring-runtime';
import { SECTION_CATALOGUE_PROVIDERS } from './section-catalogue';
import { MEMBER_REACH_PROVIDERS } from './member-reach';
import { ViewerResolver } from './viewer/viewer.resolver';
import { ViewerService } from './viewer/viewer.service';

/** The committed schema; regenerated on each development start so a change shows in review. */
export const SCHEMA_FILE = join(process.cwd(), 'apps/gateway/schema.gql');

@Module({})
export class GatewayModule {
  /** The gateway over an already-built runtime (database open, keys loaded). */
  static forRoot(runtime: KringRuntime): DynamicModule {
    const production = runtime.config.mode === 'production';
    return {
      module: GatewayModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: runtime.config.mode === 'development' ? SCHEMA_FILE : true,
          sortSchema: true,
          // Every `Date` of the API is the strict RFC 3339 scalar (named DateTime, as Nest's lenient one was).
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          playground: false,
          introspection: !production,
          // No "Did you mean ...?" in production: suggestions spell out the schema to anyone who guesses.
          hideSchemaDetailsFromClientErrors: production,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          // Query limits (docs/security.md): bytes and tokens are refused before parsing (bootstrap.ts); Apollo
          // counts selections with each fragment counted once and reused, then graphql-armor's rules run.
          maxRecursiveSelections: QUERY_LIMITS.maxSelections,
          validationRules: queryLimitRules(QUERY_LIMITS),
          // Nest's driver is typed against @apollo/server's ESM declarations, we compile against its CommonJS
          // ones; the plugins are plain objects, so the cast only bridges the two copies of the same types.
          plugins: [
            // Kring answers are never cached by HTTP caches (they are personal and logged per read), so the
            // cache-control plugin would only cost a hook on every field of every answer.
            ApolloServerPluginCacheControlDisabled(),
            // The sandbox is a development aid; production serves no landing page at all.
            production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
          ] as unknown as ApolloDriverConfig['plugins'],
          formatError: createErrorFormatter(runtime.logger),
          // Apollo indents every answer by default; compact JSON is a third smaller for a family file
          // and quicker to write, and clients parse both alike.
          stringifyResult: (result: unknown) => JSON.stringify(result),
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
      ],
      controllers: production ? [HealthController, AccessLogExportController] : [HealthController, AccessLogExportController, DevIssuerController],
      providers: [
        { provide: KRING_RUNTIME, useValue: runtime },
        { provide: APP_GUARD, useClass: AuthGuard },
        // Global guards run in this order: the input boundary after AuthGuard, so a refused read is logged for its caller.
        { provide: APP_GUARD, useClass: InputBoundaryGuard },
        authenticationThrottleProvider,
        { provide: APP_FILTER, useClass: GraphqlExceptionPassThrough },
        PrincipalResolver,
        AuditService,
        AccessLogService,
        AccessLogIntegrityService,
        AccessLogResolver,
        ViewerService,
        ViewerResolver,
        PurposesResolver,
        OrganisationsResolver,
        SignInResolver,
        FamilyFileService,
        FamiliesResolver,
        FamilyWritesService,
        FamilyErasureService,
        FamilyWritesResolver,
        ConsentService,
        ConsentsResolver,
        BreakGlassService,
        BreakGlassResolver,
        ...SECTION_CATALOGUE_PROVIDERS,
        ...MEMBER_REACH_PROVIDERS,
      ],
    };
  }
}
